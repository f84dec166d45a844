// helm's chart loader (pkg/chart/v2/loader.LoadFiles and LoadArchive, and
// helm 4's apiVersion detection in front of them), over in-memory files so it
// runs anywhere. Node's folder reading lives in src/node/fs-load.ts.

import { goString } from "../go/bytestring.ts";
import { loadValuesText, ValuesLoadError } from "../values/load-values.ts";
import { readYAMLDocument, YAMLReadError } from "../values/yaml-read.ts";
import { ArchiveError, type BufferedFile, loadArchiveFiles } from "./archive.ts";
import { API_VERSION_V1, Chart } from "./chart.ts";
import { ChartDecodeError, decodeLock, decodeMetadataInto, validateMetadata } from "./metadata.ts";

/** A chart that cannot be loaded; the message is helm's. */
export class ChartLoadError extends Error {
  override name = "ChartLoadError";
}

/** Warnings helm logs while loading (requirements.yaml in a v2 chart, ...). */
export type WarnFn = (msg: string) => void;
let warn: WarnFn = () => {};
/** Where load warnings go (the CLI prints them as helm's log lines). */
export function setLoadWarningHandler(fn: WarnFn) {
  warn = fn;
}

function wrap(prefix: string, e: unknown): ChartLoadError {
  if (e instanceof ChartDecodeError || e instanceof YAMLReadError || e instanceof ChartLoadError)
    return new ChartLoadError(`${prefix}: ${e.message}`);
  throw e;
}

function ext(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const i = base.lastIndexOf(".");
  return i >= 0 ? base.slice(i) : "";
}

/** loader.LoadFiles: builds a chart from its files (names relative to the chart folder). */
export function loadChartFiles(files: BufferedFile[]): Chart {
  const c = new Chart();
  let haveMetadata = false;
  const subcharts = new Map<string, BufferedFile[]>();

  for (const f of files) {
    c.raw.push({ name: f.name, data: f.data });
    if (f.name === "Chart.yaml") {
      haveMetadata = true;
      try {
        decodeMetadataInto(c.metadata, goString(f.data));
      } catch (e) {
        throw wrap("cannot load Chart.yaml", e);
      }
      if (c.metadata.APIVersion === "") c.metadata.APIVersion = API_VERSION_V1;
    }
  }
  for (const f of files) {
    const n = f.name;
    if (n === "Chart.yaml") continue;
    if (n === "Chart.lock") {
      try {
        c.lock = decodeLock(goString(f.data));
      } catch (e) {
        throw wrap("cannot load Chart.lock", e);
      }
    } else if (n === "values.yaml") {
      const t = goString(f.data);
      try {
        c.values = loadValuesText(t);
      } catch (e) {
        if (e instanceof ValuesLoadError) throw new ChartLoadError(`cannot load values.yaml: ${e.message}`);
        throw e;
      }
      c.rawValues = t;
    } else if (n === "values.schema.json") {
      c.schema = f.data;
    } else if (n === "requirements.yaml") {
      if (!haveMetadata) haveMetadata = true;
      if (c.metadata.APIVersion !== API_VERSION_V1)
        warn(
          'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
        );
      try {
        decodeMetadataInto(c.metadata, goString(f.data));
      } catch (e) {
        throw wrap("cannot load requirements.yaml", e);
      }
      if (c.metadata.APIVersion === API_VERSION_V1) c.files.push({ name: n, data: f.data });
    } else if (n === "requirements.lock") {
      try {
        c.lock = decodeLock(goString(f.data));
      } catch (e) {
        throw wrap("cannot load requirements.lock", e);
      }
      if (!haveMetadata) haveMetadata = true;
      if (c.metadata.APIVersion !== API_VERSION_V1)
        warn(
          'Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.',
        );
      if (c.metadata.APIVersion === API_VERSION_V1) c.files.push({ name: n, data: f.data });
    } else if (n.startsWith("templates/")) {
      c.templates.push({ name: n, data: f.data });
    } else if (n.startsWith("charts/")) {
      if (ext(n) === ".prov") {
        c.files.push({ name: n, data: f.data });
        continue;
      }
      const fname = n.slice("charts/".length);
      const cname = fname.split("/")[0]!;
      let list = subcharts.get(cname);
      if (!list) subcharts.set(cname, (list = []));
      list.push({ name: fname, data: f.data });
    } else {
      c.files.push({ name: n, data: f.data });
    }
  }

  if (!haveMetadata) throw new ChartLoadError("Chart.yaml file is missing");
  try {
    validateMetadata(c.metadata);
  } catch (e) {
    if (e instanceof Error) throw new ChartLoadError(e.message);
    throw e;
  }

  // Go walks a map here, in no set order; sorting keeps our order stable.
  for (const n of [...subcharts.keys()].sort()) {
    const sfiles = subcharts.get(n)!;
    if (n.startsWith("_") || n.startsWith(".")) continue;
    let sc: Chart;
    try {
      if (ext(n) === ".tgz") {
        const file = sfiles[0]!;
        if (file.name !== n)
          throw new ChartLoadError(
            `error unpacking subchart tar in ${c.name()}: expected ${n}, got ${file.name}`,
          );
        sc = loadArchiveV2(file.data);
      } else {
        const buff: BufferedFile[] = [];
        for (const f of sfiles) {
          const i = f.name.indexOf("/");
          if (i < 0) continue;
          buff.push({ name: f.name.slice(i + 1), data: f.data });
        }
        sc = loadChartFiles(buff);
      }
    } catch (e) {
      if (e instanceof ChartLoadError && e.message.startsWith("error unpacking subchart tar in ")) throw e;
      if (e instanceof ChartLoadError || e instanceof ArchiveError)
        throw new ChartLoadError(`error unpacking subchart ${n} in ${c.name()}: ${e.message}`);
      throw e;
    }
    c.addDependency(sc);
  }
  return c;
}

/** The v2 loader's LoadArchive (used for .tgz files inside charts/): detailed errors. */
export function loadArchiveV2(bytes: Uint8Array): Chart {
  return loadChartFiles(loadArchiveFiles(bytes));
}

/**
 * helm 4's top-level detection: Chart.yaml's apiVersion picks the loader.
 * v1, v2 and unset load as v2 charts; v3 is behind a feature gate.
 */
export function detectChartAPIVersion(files: BufferedFile[]): void {
  const cy = files.find((f) => f.name === "Chart.yaml");
  if (!cy) throw new ChartLoadError("unable to detect chart version, no Chart.yaml found");
  let doc: unknown;
  try {
    doc = readYAMLDocument(goString(cy.data));
  } catch (e) {
    throw wrap("cannot load Chart.yaml", e);
  }
  const prefix =
    "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal";
  if (doc !== null && !(doc instanceof Map))
    throw new ChartLoadError(
      `${prefix} ${Array.isArray(doc) ? "array" : typeof doc === "number" ? "number" : typeof doc === "boolean" ? "bool" : "string"} into Go value of type loader.chartBase`,
    );
  const av = doc instanceof Map ? doc.get("apiVersion") : null;
  if (av instanceof Map || Array.isArray(av))
    throw new ChartLoadError(
      `${prefix} ${Array.isArray(av) ? "array" : "object"} into Go struct field chartBase.apiVersion of type string`,
    );
  switch (av === null || av === undefined ? "" : String(av)) {
    case "":
    case "v1":
    case "v2":
      return;
    case "v3":
      throw new ChartLoadError("invalid chart apiVersion");
    default:
      throw new ChartLoadError("unsupported chart version");
  }
}

/** Loads a chart archive (.tgz bytes) as `helm template chart.tgz` does. */
export function loadArchive(bytes: Uint8Array, _name?: string): Chart {
  let files: BufferedFile[];
  try {
    files = loadArchiveFiles(bytes);
  } catch (e) {
    if (e instanceof ArchiveError) {
      const err = new ChartLoadError("unable to load chart archive");
      (err as { cause?: unknown }).cause = e;
      throw err;
    }
    throw e;
  }
  detectChartAPIVersion(files);
  return loadChartFiles(files);
}

/** Loads a chart from in-memory files, with helm 4's apiVersion detection (a folder's files). */
export function loadChart(files: BufferedFile[]): Chart {
  detectChartAPIVersion(files);
  return loadChartFiles(files);
}
