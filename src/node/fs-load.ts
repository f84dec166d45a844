// Loading charts from disk (helm's loader.Load for a path): a folder, walked
// in lexical order following symbolic links (helm's sympath.Walk) with
// .helmignore applied, or a .tgz archive. The chart model and archive
// handling are the core's; this file only reads bytes.
import {
  closeSync,
  type Dirent,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type BufferedFile, isGzip, MAX_DECOMPRESSED_FILE_SIZE, trimBOM } from "../chart/archive.ts";
import type { Chart } from "../chart/chart.ts";
import { IgnoreError, IgnoreRules } from "../chart/helmignore.ts";
import { ChartLoadError, detectChartAPIVersion, loadArchive, loadChartFiles } from "../chart/load.ts";
import { useNodeGunzip } from "./gunzip.ts";

// Charts loaded from disk here, and their archived subcharts, decompress with Node's zlib.
useNodeGunzip();

/** What helm logs (slog.Info, message plus attributes) while walking a chart folder: followed symlinks. */
let info: (msg: string, attrs: [string, string][]) => void = () => {};
export function setFsLoadWarningHandler(fn: (msg: string, attrs: [string, string][]) => void) {
  info = fn;
}

/** Go's text for a failed file system call, e.g. "open x: no such file or directory". */
export function goFsError(op: string, path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const text: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    ENOTDIR: "not a directory",
    EISDIR: "is a directory",
    ELOOP: "too many levels of symbolic links",
  };
  return `${op} ${path}: ${text[code ?? ""] ?? (e as Error).message}`;
}

/** Loads the chart at path (a folder or a .tgz) as `helm template <path>` does. */
export function loadChartPath(path: string): Chart {
  const abs = resolve(path);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new ChartLoadError(goFsError("stat", path, e));
  }
  if (st.isDirectory()) return loadDir(abs);
  return loadArchiveFile(abs);
}

/** A chart archive on disk: helm's EnsureArchive check, then the archive loader. */
export function loadArchiveFile(abs: string): Chart {
  const head = new Uint8Array(512);
  let fd: number;
  try {
    fd = openSync(abs, "r");
  } catch (e) {
    throw new ChartLoadError(goFsError("open", abs, e));
  }
  try {
    readSync(fd, head, 0, 512, 0);
  } finally {
    closeSync(fd);
  }
  if (!isGzip(head)) {
    if (abs.endsWith(".yml") || abs.endsWith(".yaml"))
      throw new ChartLoadError(`file '${abs}' seems to be a YAML file, but expected a gzipped archive`);
    throw new ChartLoadError(
      `file '${abs}' does not appear to be a gzipped archive; got '${detectContentType(head)}'`,
    );
  }
  return loadArchive(readFileSync(abs), abs);
}

// http.DetectContentType over helm's zero-padded 512-byte buffer: text only when no binary byte shows.
function detectContentType(b: Uint8Array): string {
  for (const x of b)
    if (x <= 0x08 || x === 0x0b || (x >= 0x0e && x <= 0x1a) || (x >= 0x1c && x <= 0x1f))
      return "application/octet-stream";
  return "text/plain; charset=utf-8";
}

/** The files of a chart folder, as helm's LoadDir collects them. */
export function readChartDir(topdir: string): BufferedFile[] {
  let rules = new IgnoreRules();
  const ifile = join(topdir, ".helmignore");
  let hasIgnore = false;
  try {
    hasIgnore = statSync(ifile).isFile() || true;
  } catch {
    hasIgnore = false;
  }
  if (hasIgnore) {
    try {
      rules = IgnoreRules.parse(readFileSync(ifile, "utf8"));
    } catch (e) {
      if (e instanceof IgnoreError) throw new ChartLoadError(e.message);
      throw new ChartLoadError(goFsError("read", ifile, e));
    }
  }
  rules.addDefaults();

  const files: BufferedFile[] = [];
  const prefix = `${topdir}/`;

  // size is undefined when the directory entry gave the type without a stat:
  // the file is read, and its length checked, without one.
  const visit = (name: string, isDir: boolean, isFile: boolean, size: number | undefined): boolean => {
    const n = name.startsWith(prefix) ? name.slice(prefix.length) : "";
    if (n === "") return true;
    if (isDir) return !rules.ignore(n, true);
    if (rules.ignore(n, false)) return false;
    if (!isFile)
      throw new ChartLoadError(`cannot load irregular file ${name} as it has file mode type bits set`);
    const tooLarge = () =>
      new ChartLoadError(
        `chart file ${JSON.stringify(name.slice(name.lastIndexOf("/") + 1))} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`,
      );
    if (size !== undefined && size > MAX_DECOMPRESSED_FILE_SIZE) throw tooLarge();
    let data: Uint8Array;
    try {
      data = readFileSync(name);
    } catch (e) {
      throw new ChartLoadError(`error reading ${n}: ${goFsError("read", name, e)}`);
    }
    if (data.length > MAX_DECOMPRESSED_FILE_SIZE) throw tooLarge();
    files.push({ name: n, data: trimBOM(data) });
    return false;
  };

  const followLink = (path: string) => {
    let resolved: string;
    try {
      resolved = realpathSync(path);
    } catch (e) {
      // filepath.EvalSymlinks reports the first path of the chain that does not exist.
      let missing = path;
      try {
        for (let hops = 0; hops < 255; hops++) {
          const st2 = lstatSync(missing);
          if (!st2.isSymbolicLink()) break;
          missing = resolve(dirname(missing), readlinkSync(missing));
        }
      } catch {}
      throw new ChartLoadError(`error evaluating symlink ${path}: ${goFsError("lstat", missing, e)}`);
    }
    info("found symbolic link in path. Contents of linked file included and used", [
      ["path", path],
      ["resolved", resolved],
    ]);
    walk(path, lstatSync(resolved) as Stats);
  };

  // A folder's entries come with their types (Node stats an entry itself only
  // when the file system does not say), so regular files and folders need no
  // lstat of their own, as they do in helm's walk.
  const walkDir = (path: string) => {
    const entries = readdirSync(path, { withFileTypes: true });
    for (const d of sortEntries(entries)) {
      const p = `${path}/${d.name}`;
      if (d.isSymbolicLink()) followLink(p);
      else if (d.isDirectory()) {
        if (visit(p, true, false, undefined)) walkDir(p);
      } else visit(p, false, d.isFile(), undefined);
    }
  };

  const walk = (path: string, st: Stats) => {
    if (st.isSymbolicLink()) {
      followLink(path);
      return;
    }
    const descend = visit(path, st.isDirectory(), st.isFile(), Number(st.size));
    if (st.isDirectory() && descend) walkDir(path);
  };
  walk(topdir, lstatSync(topdir) as Stats);
  return files;
}

/** Entries in the byte order of their UTF-8 names, as Go's sort.Strings orders them. */
function sortEntries(entries: Dirent[]): Dirent[] {
  const byName = new Map(entries.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  // Without surrogates JavaScript's order of UTF-16 units is the order of code
  // points, hence of UTF-8 bytes: the native sort is exact and needs no comparator.
  if (!SURROGATE.test(names.join(""))) names.sort();
  else names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return names.map((n) => byName.get(n)!);
}
const SURROGATE = /[\uD800-\uDFFF]/;

function loadDir(abs: string): Chart {
  const cy = join(abs, "Chart.yaml");
  let cyData: Uint8Array;
  try {
    cyData = readFileSync(cy);
  } catch (e) {
    throw new ChartLoadError(`unable to detect chart at ${cy}: ${goFsError("open", cy, e)}`);
  }
  detectChartAPIVersion([{ name: "Chart.yaml", data: trimBOM(cyData) }]);
  return loadChartFiles(readChartDir(abs));
}
