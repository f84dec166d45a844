// helm's archive.LoadArchiveFiles: gunzip, untar, and the path safety checks
// helm makes before any file of a chart archive is used. Sizes are budgeted as
// helm 4 does (100 MiB of file content in all); the gzip stream itself is
// capped a little above that so a decompression bomb never fills memory.
import { Gunzip } from "fflate";
import { isDirEntry, TarError, tarEntries } from "./tar.ts";

/** helm 4's MaxDecompressedChartSize. */
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;
/** helm 4.1's MaxDecompressedFileSize (per file, archives and folders). */
export const MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024;

export interface BufferedFile {
  name: string;
  data: Uint8Array;
}

export class ArchiveError extends Error {
  override name = "ArchiveError";
}

/** Whether bytes start like a gzip stream (helm's isGZipApplication). */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08;
}

/**
 * A host's native whole-stream gunzip (Node's zlib, see src/node/gunzip.ts):
 * the decompressed bytes, or undefined when it cannot decode them within cap
 * bytes; the built-in decoder below then runs and gives the answer (the
 * truncated output or the error). Native decoding is several times faster
 * and spares loading the JavaScript inflater at start-up.
 */
export type NativeGunzip = (bytes: Uint8Array, cap: number) => Uint8Array | undefined;
let nativeGunzip: NativeGunzip | undefined;
export function setNativeGunzip(fn: NativeGunzip | undefined): void {
  nativeGunzip = fn;
}

/**
 * gunzip with an output cap; errors carry Go's compress/gzip wording where it
 * has one. Past the cap the output is cut short and `truncated` is set.
 */
export function gunzipCapped(bytes: Uint8Array, cap: number): { data: Uint8Array; truncated: boolean } {
  if (bytes.length < 10) throw new ArchiveError(bytes.length === 0 ? "EOF" : "unexpected EOF");
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08)
    throw new ArchiveError("gzip: invalid header");
  const native = nativeGunzip?.(bytes, cap);
  if (native !== undefined) return { data: native, truncated: false };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const g = new Gunzip((chunk) => {
    if (overflow) return;
    if (total + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - total));
      total = cap;
      overflow = true;
      return;
    }
    total += chunk.length;
    chunks.push(chunk);
  });
  try {
    const step = 1 << 16;
    for (let i = 0; i < bytes.length && !overflow; i += step) {
      const end = Math.min(i + step, bytes.length);
      g.push(bytes.subarray(i, end), end === bytes.length);
    }
  } catch (e) {
    if (!overflow) {
      const msg = (e as Error).message ?? String(e);
      throw new ArchiveError(
        /unexpected EOF/i.test(msg) ? "unexpected EOF" : `flate: corrupt input (${msg})`,
      );
    }
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return { data: out, truncated: overflow };
}

function capError() {
  return new ArchiveError(
    `decompressed chart is larger than the maximum size ${MAX_DECOMPRESSED_CHART_SIZE}`,
  );
}

const BOM = [0xef, 0xbb, 0xbf];

/** Drops a leading UTF-8 byte order mark (helm does for every chart file). */
export function trimBOM(d: Uint8Array): Uint8Array {
  return d.length >= 3 && d[0] === BOM[0] && d[1] === BOM[1] && d[2] === BOM[2] ? d.subarray(3) : d;
}

// path.Clean for slash paths.
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
    } else out.push(seg);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? (rooted ? "/" : ".") : s;
}

/** archive.LoadArchiveFiles: the files of a chart archive, named relative to the chart's folder. */
export function loadArchiveFiles(bytes: Uint8Array): BufferedFile[] {
  // Tar headers add at most ~2 blocks per file; 1/8 extra covers them for any real chart.
  const { data: tarBytes, truncated } = gunzipCapped(
    bytes,
    MAX_DECOMPRESSED_CHART_SIZE + (MAX_DECOMPRESSED_CHART_SIZE >> 3),
  );
  const files: BufferedFile[] = [];
  let remaining = MAX_DECOMPRESSED_CHART_SIZE;
  const entries = tarEntries(tarBytes);
  for (;;) {
    let next: IteratorResult<ReturnType<typeof tarEntries> extends Generator<infer T> ? T : never>;
    try {
      next = entries.next();
    } catch (e) {
      // Running out of a stream we cut short means it was too big, not corrupt.
      if (truncated) throw capError();
      if (e instanceof TarError) throw new ArchiveError(e.message);
      throw e;
    }
    if (next.done) break;
    const hd = next.value;
    if (isDirEntry(hd)) continue;
    if (hd.typeflag === "g" || hd.typeflag === "x") continue;
    const delim = hd.name.includes("\\") ? "\\" : "/";
    const parts = hd.name.split(delim);
    let n = parts.slice(1).join(delim).split(delim).join("/");
    if (n.startsWith("/")) throw new ArchiveError("chart illegally contains absolute paths");
    n = cleanPath(n);
    if (n === ".")
      throw new ArchiveError(
        `chart illegally contains content outside the base directory: ${JSON.stringify(hd.name)}`,
      );
    if (n.startsWith("..")) throw new ArchiveError("chart illegally references parent directory");
    if (/^[a-zA-Z]:\//.test(n)) throw new ArchiveError("chart contains illegally named files");
    if (parts[0] === "Chart.yaml") throw new ArchiveError("chart yaml not in base directory");
    if (hd.size > remaining) throw capError();
    if (hd.size > MAX_DECOMPRESSED_FILE_SIZE)
      throw new ArchiveError(
        `decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`,
      );
    remaining -= hd.data.length;
    if (hd.data.length < hd.size || remaining < 0) throw capError();
    files.push({ name: n, data: trimBOM(hd.data) });
  }
  if (truncated) throw capError();
  if (files.length === 0) throw new ArchiveError("no files in chart archive");
  return files;
}
