// `helm package`: loads a chart folder, applies --version/--app-version,
// checks declared dependencies are present, and writes <name>-<version>.tgz
// with helm's archive layout (see src/chart/package.ts).
import { existsSync, mkdirSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { Chart } from "../chart/chart.ts";
import { type ArchiveChart, type ArchiveFile, writeChartArchive } from "../chart/package.ts";
import { lockJSON, metadataJSON } from "../chart/package-metadata.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { atomicWriteFile } from "../repo/atomic-write.ts";
import { parseVersion } from "../repo/semver.ts";
import { toYAML } from "../repo/yaml.ts";

export interface PackageOptions {
  path: string;
  version?: string;
  appVersion?: string;
  destination: string;
  cwd: string;
}

const enc = new TextEncoder();

function mtime(path: string | undefined): number | undefined {
  if (!path) return undefined;
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The archive view of a loaded chart; dir is its folder on disk when it has one (for file times). */
export function toArchiveChart(c: Chart, dir: string | undefined): ArchiveChart {
  const at = (name: string) => (dir ? join(dir, name) : undefined);
  const file = (f: { name: string; data: Uint8Array }): ArchiveFile => ({ ...f, modTime: mtime(at(f.name)) });
  const md = c.metadata;
  // helm leaves dependencies out of a v1 chart's Chart.yaml (they live in requirements.yaml).
  const meta = metadataJSON(md.APIVersion === "v1" ? { ...md, Dependencies: [] } : md);
  const values = c.raw.find((f) => f.name === "values.yaml");
  let lock: ArchiveFile | undefined;
  if (md.APIVersion === "v2" && c.lock) {
    const generated = Date.parse(c.lock.Generated);
    lock = {
      name: "Chart.lock",
      data: enc.encode(toYAML(lockJSON(c.lock))),
      modTime: Number.isNaN(generated) || generated <= 0 ? undefined : generated,
    };
  }
  return {
    name: c.name(),
    chartYaml: { name: "Chart.yaml", data: enc.encode(toYAML(meta)), modTime: mtime(at("Chart.yaml")) },
    lock,
    values: values ? file(values) : undefined,
    schema: c.schema
      ? { name: "values.schema.json", data: c.schema, modTime: mtime(at("values.schema.json")) }
      : undefined,
    templates: c.templates.map(file),
    files: c.files.map(file),
    dependencies: c.dependencies().map((d) => {
      const sub = dir ? join(dir, "charts", d.name()) : undefined;
      return toArchiveChart(d, sub && existsSync(join(sub, "Chart.yaml")) ? sub : undefined);
    }),
  };
}

/** helm's CheckDependencies: every dependency in Chart.yaml must be in charts/. */
export function checkDependencies(c: Chart): void {
  const have = new Set(c.dependencies().map((d) => d.name()));
  const missing = c.metadata.Dependencies.filter((r) => r && !have.has(r.Name)).map((r) => r!.Name);
  if (missing.length > 0) {
    throw new Error(`found in Chart.yaml, but missing in charts/ directory: ${missing.join(", ")}`);
  }
}

export class PackageAction {
  constructor(readonly opts: PackageOptions) {}

  /** Packages the chart; returns the archive path as helm prints it. */
  run(): string {
    const o = this.opts;
    const dir = resolve(o.cwd, o.path);
    const chart = loadChartPath(dir);
    if (o.version) chart.metadata.Version = o.version;
    if (!parseVersion(chart.metadata.Version)) throw new Error("invalid semantic version");
    if (o.appVersion) chart.metadata.AppVersion = o.appVersion;
    if (chart.metadata.Dependencies.length > 0) checkDependencies(chart);
    const dest = o.destination === "." ? o.cwd : o.destination;
    const destAbs = isAbsolute(dest) ? dest : resolve(o.cwd, dest);
    const archive = writeChartArchive(toArchiveChart(chart, statSync(dir).isDirectory() ? dir : undefined));
    const fileName = `${chart.name()}-${chart.metadata.Version}.tgz`;
    if (existsSync(destAbs) && !statSync(destAbs).isDirectory()) {
      throw new Error(`failed to save: is not a directory: ${dest}`);
    }
    mkdirSync(destAbs, { recursive: true, mode: 0o755 });
    atomicWriteFile(join(destAbs, fileName), archive, 0o644);
    return join(dest, fileName);
  }
}
