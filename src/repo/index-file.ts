// A chart repository's index (helm's pkg/repo/v1 IndexFile): entries per
// chart name, newest version first; read from YAML or JSON, written as helm
// writes it (sigs.k8s.io/yaml, or indented JSON for --json).
import { DEPENDENCY_FIELDS, MAINTAINER_FIELDS, METADATA_FIELDS } from "../chart/metadata.ts";
import { goTimeJSON, Struct } from "../chart/package-metadata.ts";
import { goNowRFC3339Nano } from "./clock.ts";
import { marshalOrderedJSON } from "./json-ordered.ts";
import { Constraints, compareVersions, parseVersion } from "./semver.ts";
import { readYAML, toYAML } from "./yaml.ts";

/** One chart version: metadata fields then urls, created, digest ... in Go's field order. */
export type ChartVersion = Map<string, unknown>;

const versionKeys = ["urls", "created", "removed", "digest", "checksum", "engine", "tillerVersion", "url"];

export const cvName = (cv: ChartVersion) => String(cv.get("name") ?? "");
export const cvVersion = (cv: ChartVersion) => String(cv.get("version") ?? "");
export const cvURLs = (cv: ChartVersion) => (cv.get("urls") as string[] | undefined) ?? [];

function isEmpty(v: unknown): boolean {
  return (
    v === "" ||
    v === false ||
    v === null ||
    v === undefined ||
    (Array.isArray(v) && v.length === 0) ||
    (v instanceof Map && v.size === 0)
  );
}

/** Re-orders a chart version's fields as Go marshals the struct, dropping empty optional ones. */
export function normalizeChartVersion(src: Map<string, unknown>): ChartVersion {
  const out: ChartVersion = new Struct();
  for (const k of METADATA_FIELDS) if (!isEmpty(src.get(k))) out.set(k, structFields(k, src.get(k)));
  out.set("urls", src.get("urls") ?? null);
  out.set("created", src.get("created") ?? "0001-01-01T00:00:00Z");
  for (const k of versionKeys.slice(2)) if (!isEmpty(src.get(k))) out.set(k, src.get(k));
  return out;
}

/** Maintainers and dependencies are Go structs too: their JSON keeps field order. */
function structFields(key: string, v: unknown): unknown {
  const keys =
    key === "maintainers" ? MAINTAINER_FIELDS : key === "dependencies" ? DEPENDENCY_FIELDS : undefined;
  if (!keys || !Array.isArray(v)) return v;
  return v.map((item) => {
    if (!(item instanceof Map)) return item;
    const s = new Struct();
    for (const k of keys) {
      const always = key === "dependencies" && (k === "name" || k === "repository");
      if (always) s.set(k, item.get(k) ?? "");
      else if (!isEmpty(item.get(k))) s.set(k, item.get(k));
    }
    return s;
  });
}

/** Masterminds order with helm's rule that unparsable versions sort first (then reversed: last). */
function lessVersion(a: ChartVersion, b: ChartVersion): boolean {
  const i = parseVersion(cvVersion(a));
  if (!i) return true;
  const j = parseVersion(cvVersion(b));
  if (!j) return false;
  return compareVersions(i, j) < 0;
}

export class IndexFile {
  apiVersion = "v1";
  generated: string = goNowRFC3339Nano();
  entries = new Map<string, ChartVersion[]>();
  publicKeys: string[] = [];
  annotations: Map<string, unknown> | null = null;
  serverInfo: Map<string, unknown> | null = null;

  /** helm's MustAdd: appends a version (index left unsorted). */
  /** now: the creation time in milliseconds (default: this instant, to the nanosecond). */
  add(meta: Map<string, unknown>, filename: string, baseURL: string, digest: string, now?: number): void {
    const m = new Map(meta);
    if (!m.get("apiVersion")) m.set("apiVersion", "v1");
    let url = filename;
    if (baseURL !== "") url = urlJoin(baseURL, filename.split("/").pop()!);
    m.set("urls", [url]);
    m.set("created", now === undefined ? goNowRFC3339Nano() : goTimeJSON(now));
    m.set("digest", digest);
    const cv = normalizeChartVersion(m);
    const name = cvName(cv);
    this.entries.set(name, [...(this.entries.get(name) ?? []), cv]);
  }

  has(name: string, version: string): boolean {
    return (this.entries.get(name) ?? []).some((cv) => cvVersion(cv) === version);
  }

  /** helm's Merge: adds versions this index lacks, keeps existing records. */
  merge(other: IndexFile): void {
    for (const cvs of other.entries.values()) {
      for (const cv of cvs) {
        if (!this.has(cvName(cv), cvVersion(cv))) {
          this.entries.set(cvName(cv), [...(this.entries.get(cvName(cv)) ?? []), cv]);
        }
      }
    }
  }

  /** Newest first, as helm's SortEntries (a stable sort of the reversed order). */
  sortEntries(): void {
    for (const [name, cvs] of this.entries) {
      this.entries.set(
        name,
        [...cvs].sort((a, b) => (lessVersion(b, a) ? -1 : lessVersion(a, b) ? 1 : 0)),
      );
    }
  }

  /** helm's IndexFile.Get: exact version first, else the newest matching the constraint. */
  get(name: string, version: string): ChartVersion {
    const vs = this.entries.get(name);
    if (!vs) throw new Error("no chart name found");
    if (vs.length === 0) throw new Error("no chart version found");
    const constraint = Constraints.parse(version === "" ? "*" : version);
    if (version !== "") {
      const exact = vs.find((cv) => cvVersion(cv) === version);
      if (exact) return exact;
    }
    for (const cv of vs) {
      const v = parseVersion(cvVersion(cv));
      if (v && constraint.check(v)) return cv;
    }
    throw new Error(`no chart version found for ${name}-${version}`);
  }

  private tree(): Map<string, unknown> {
    const m = new Struct();
    if (this.serverInfo && this.serverInfo.size > 0) m.set("serverInfo", this.serverInfo);
    m.set("apiVersion", this.apiVersion);
    m.set("generated", this.generated);
    m.set("entries", this.entries);
    if (this.publicKeys.length > 0) m.set("publicKeys", this.publicKeys);
    if (this.annotations && this.annotations.size > 0) m.set("annotations", this.annotations);
    return m;
  }

  toYAML(): string {
    return toYAML(this.tree());
  }

  toJSON(): string {
    return marshalOrderedJSON(this.tree());
  }
}

/** helm's urlutil.URLJoin: joins path elements onto a base URL's path. */
export function urlJoin(base: string, ...paths: string[]): string {
  let u: URL;
  try {
    u = new URL(base);
  } catch {
    return [base, ...paths].join("/").replace(/\/+/g, "/");
  }
  const parts = [u.pathname, ...paths].join("/");
  const cleaned = parts.replace(/\/+/g, "/");
  u.pathname = cleaned === "" ? "/" : cleaned;
  let s = u.toString();
  if (paths.length > 0 && paths[paths.length - 1] === "" && s.endsWith("/") && !base.endsWith("/")) {
    s = s.slice(0, -1);
  }
  return s;
}

/** helm's loadIndex (downloaded bytes): JSON or YAML, drops null entries, fills apiVersion, sorts. */
export function loadIndex(data: Uint8Array | string, source: string): IndexFile {
  const text = typeof data === "string" ? data : new TextDecoder().decode(data);
  void source;
  if (text.length === 0) throw new Error("empty index.yaml file");
  const doc = readYAML(text);
  const idx = new IndexFile();
  if (!(doc instanceof Map)) throw new Error("no API version specified");
  idx.apiVersion = String(doc.get("apiVersion") ?? "");
  idx.generated = String(doc.get("generated") ?? "0001-01-01T00:00:00Z");
  const keys = doc.get("publicKeys");
  idx.publicKeys = Array.isArray(keys) ? keys.map(String) : [];
  idx.annotations =
    doc.get("annotations") instanceof Map ? (doc.get("annotations") as Map<string, unknown>) : null;
  const entries = doc.get("entries");
  if (entries instanceof Map) {
    for (const [name, list] of entries) {
      if (!Array.isArray(list)) continue;
      const cvs: ChartVersion[] = [];
      for (const v of list) {
        if (!(v instanceof Map)) continue;
        const m = new Map(v);
        if (!m.get("apiVersion")) m.set("apiVersion", "v1");
        cvs.push(normalizeChartVersion(m));
      }
      idx.entries.set(String(name), cvs);
    }
  }
  idx.sortEntries();
  if (idx.apiVersion === "") throw new Error("no API version specified");
  return idx;
}

/** helm's LoadIndexFile: an index on disk, errors prefixed "error loading <path>: ". */
export function loadIndexFile(data: Uint8Array | string, path: string): IndexFile {
  try {
    return loadIndex(data, path);
  } catch (e) {
    throw new Error(`error loading ${path}: ${(e as Error).message}`);
  }
}
