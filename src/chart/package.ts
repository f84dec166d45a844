// helm's chart archive layout (pkg/chart/v2/util/save.go writeTarContents):
// <name>/Chart.yaml, Chart.lock, values.yaml, values.schema.json, templates,
// other files, then each dependency's contents under <name>/charts/<dep>/ —
// as folders, not nested archives — all mode 0644.
import { helmGzip } from "./package-gzip.ts";
import { type TarEntry, writeTar } from "./package-tar.ts";

export interface ArchiveFile {
  name: string;
  data: Uint8Array;
  /** Modification time in milliseconds since the epoch (undefined: now, as helm's zero ModTime). */
  modTime?: number;
}

/** What the archive writer needs from a loaded chart. */
export interface ArchiveChart {
  name: string;
  /** Chart.yaml as helm re-marshals the metadata (sigs.k8s.io/yaml). */
  chartYaml: ArchiveFile;
  /** Chart.lock as re-marshaled (apiVersion v2 charts only). */
  lock?: ArchiveFile;
  values?: ArchiveFile;
  schema?: ArchiveFile;
  templates: ArchiveFile[];
  files: ArchiveFile[];
  dependencies: ArchiveChart[];
}

/** Go's time.Round(time.Second) then Unix(): half away from zero. */
export function tarSeconds(ms: number | undefined, now: number): number {
  const t = ms ?? now;
  return t >= 0 ? Math.floor((t + 500) / 1000) : -Math.floor((-t + 500) / 1000);
}

/** helm's validateName: a chart name must not carry a path. */
export function checkArchiveName(name: string): void {
  const base = name.replace(/\/+$/, "").split("/").pop() ?? "";
  if (base !== name || name === "" || name === "." || name === "..") {
    throw new Error(`chart name "${name}" is invalid`);
  }
}

function entries(c: ArchiveChart, prefix: string, now: number, out: TarEntry[]): void {
  checkArchiveName(c.name);
  const base = prefix ? `${prefix}/${c.name}` : c.name;
  const add = (f: ArchiveFile, name = f.name) =>
    out.push({ name: `${base}/${name}`, data: f.data, mtime: tarSeconds(f.modTime, now) });
  add(c.chartYaml, "Chart.yaml");
  if (c.lock) add(c.lock, "Chart.lock");
  if (c.values) add(c.values, "values.yaml");
  if (c.schema) add(c.schema, "values.schema.json");
  for (const f of c.templates) add(f);
  for (const f of c.files) add(f);
  for (const d of c.dependencies) entries(d, `${base}/charts`, now, out);
}

/** The tar entries of a chart archive, in helm's order. */
export function archiveEntries(c: ArchiveChart, now = Date.now()): TarEntry[] {
  const out: TarEntry[] = [];
  entries(c, "", now, out);
  return out;
}

/** The .tgz bytes helm would write for the chart (content-equal; compression may differ). */
export function writeChartArchive(c: ArchiveChart, now = Date.now()): Uint8Array {
  return helmGzip(writeTar(archiveEntries(c, now)));
}
