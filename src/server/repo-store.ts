// The chart repository behind `capstan serve`: a folder of chart archives and
// the index built from it. Every change (upload, delete, a file appearing on
// disk) goes through one queue, builds a new index and swaps in its bytes at
// once, so a reader always gets a complete index; archives are written to a
// temporary name and renamed, so a download never sees half a file.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { MAX_DECOMPRESSED_CHART_SIZE } from "../chart/archive.ts";
import { loadArchive } from "../chart/load.ts";
import { metadataJSON } from "../chart/package-metadata.ts";
import { goNowRFC3339Nano } from "../repo/clock.ts";
import {
  type ChartVersion,
  cvName,
  cvVersion,
  IndexFile,
  normalizeChartVersion,
} from "../repo/index-file.ts";

export class StoreError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface Known {
  size: number;
  mtimeMs: number;
  entry: ChartVersion;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const archiveName = /^[A-Za-z0-9._+-]+\.tgz$/;

export class RepoStore {
  private known = new Map<string, Known>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The current index as served: replaced whole, never mutated. */
  indexYAML = "";
  index = new IndexFile();
  /** How chart URLs are written in the index: "charts/" (ChartMuseum) or an absolute base URL. */
  constructor(
    readonly dir: string,
    readonly urlPrefix = "charts/",
    readonly writeIndexFile = true,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private pending = 0;
  private dirty = false;
  private batch: { promise: Promise<void>; resolve: () => void } | undefined;

  /**
   * Runs one change at a time, in arrival order. Changes that queue up while
   * others run share one index rebuild (done when the queue drains); each
   * caller resolves only after the index that includes its change is live.
   */
  private serial<T>(fn: () => T | Promise<T>): Promise<T> {
    this.pending++;
    if (!this.batch) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.batch = { promise, resolve };
    }
    const batch = this.batch;
    const step = async () => {
      try {
        return await fn();
      } finally {
        if (--this.pending === 0) {
          this.batch = undefined;
          try {
            if (this.dirty) this.publish();
          } finally {
            this.dirty = false;
            batch.resolve();
          }
        }
      }
    };
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run.then(
      async (v) => {
        await batch.promise;
        return v;
      },
      async (e) => {
        await batch.promise;
        throw e;
      },
    );
  }

  /** Rescans the folder: new or changed archives are loaded, vanished ones dropped. */
  rescan(): Promise<void> {
    return this.serial(() => this.rescanNow());
  }

  private rescanNow(): void {
    const seen = new Set<string>();
    for (const name of readdirSync(this.dir).sort()) {
      if (!archiveName.test(name)) continue;
      const p = join(this.dir, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (!st.isFile()) continue;
      seen.add(name);
      const k = this.known.get(name);
      if (k && k.size === st.size && k.mtimeMs === st.mtimeMs) continue;
      try {
        const bytes = readFileSync(p);
        this.known.set(name, { size: st.size, mtimeMs: st.mtimeMs, entry: this.entryFor(name, bytes) });
      } catch {
        this.known.delete(name); // not a chart: skipped, as helm's IndexDirectory does
      }
    }
    for (const name of [...this.known.keys()]) if (!seen.has(name)) this.known.delete(name);
    this.dirty = true;
  }

  private entryFor(file: string, bytes: Uint8Array): ChartVersion {
    const chart = loadArchive(bytes);
    const m = metadataJSON(chart.metadata);
    if (!m.get("apiVersion")) m.set("apiVersion", "v1");
    m.set("urls", [`${this.urlPrefix}${file}`]);
    m.set("created", goNowRFC3339Nano());
    m.set("digest", createHash("sha256").update(bytes).digest("hex"));
    return normalizeChartVersion(m);
  }

  private publish(): void {
    const idx = new IndexFile();
    for (const k of this.known.values()) {
      const name = cvName(k.entry);
      idx.entries.set(name, [...(idx.entries.get(name) ?? []), k.entry]);
    }
    idx.sortEntries();
    const yaml = idx.toYAML();
    this.index = idx;
    this.indexYAML = yaml;
    if (this.writeIndexFile) {
      const tmp = join(this.dir, `.index.yaml.${process.pid}.tmp`);
      writeFileSync(tmp, yaml, { mode: 0o644 });
      renameSync(tmp, join(this.dir, "index.yaml"));
    }
  }

  /** Stores an uploaded archive (and provenance); 409 when that version exists and force is off. */
  upload(bytes: Uint8Array, prov?: Uint8Array, force = false): Promise<{ name: string; version: string }> {
    return this.serial(() => {
      if (bytes.length > MAX_UPLOAD_BYTES) throw new StoreError("file too large", 413);
      // Refuse decompression bombs quickly (zlib stops at the cap) before the chart loader runs.
      try {
        gunzipSync(bytes, {
          maxOutputLength: MAX_DECOMPRESSED_CHART_SIZE + (MAX_DECOMPRESSED_CHART_SIZE >> 3),
        });
      } catch (e) {
        const tooBig = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
        throw new StoreError(
          tooBig
            ? "chart archive is too large when decompressed"
            : `invalid chart archive: ${(e as Error).message}`,
          tooBig ? 413 : 400,
        );
      }
      let chart: ReturnType<typeof loadArchive>;
      try {
        chart = loadArchive(bytes);
      } catch (e) {
        throw new StoreError(`invalid chart archive: ${(e as Error).message}`, 400);
      }
      const name = chart.metadata.Name;
      const version = chart.metadata.Version;
      const file = `${name}-${version}.tgz`;
      if (!archiveName.test(file)) throw new StoreError(`invalid chart name or version: ${file}`, 400);
      const target = join(this.dir, file);
      if (!force && existsSync(target)) throw new StoreError("file already exists", 409);
      const tmp = join(this.dir, `.${file}.${process.pid}.upload`);
      writeFileSync(tmp, bytes, { mode: 0o644 });
      renameSync(tmp, target);
      if (prov) {
        const ptmp = `${tmp}.prov`;
        writeFileSync(ptmp, prov, { mode: 0o644 });
        renameSync(ptmp, `${target}.prov`);
      }
      const st = statSync(target);
      this.known.set(file, { size: st.size, mtimeMs: st.mtimeMs, entry: this.entryFor(file, bytes) });
      this.dirty = true;
      return { name, version };
    });
  }

  delete(name: string, version: string): Promise<void> {
    return this.serial(() => {
      const file = [...this.known.entries()].find(
        ([, k]) => cvName(k.entry) === name && cvVersion(k.entry) === version,
      )?.[0];
      if (!file) throw new StoreError("not found", 404);
      rmSync(join(this.dir, file), { force: true });
      rmSync(join(this.dir, `${file}.prov`), { force: true });
      this.known.delete(file);
      this.dirty = true;
    });
  }

  /** The bytes of an archive or provenance file named in the index, or undefined. */
  readArchive(file: string): Uint8Array | undefined {
    if (!/^[A-Za-z0-9._+-]+\.tgz(\.prov)?$/.test(file)) return undefined;
    try {
      return readFileSync(join(this.dir, file));
    } catch {
      return undefined;
    }
  }
}
