// helm's archive.LoadArchiveFiles: gunzip, untar, and the path safety checks
// helm makes before any file of a chart archive is used. Sizes are budgeted as
// helm 4 does (100 MiB of file content in all); the gzip stream itself is
// capped a little above that so a decompression bomb never fills memory.
import { Gunzip } from "fflate";
import { isDirEntry, readTar, TarError } from "./tar.ts";

/** helm 4's MaxDecompressedChartSize. */
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;

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

/** gunzip with an output cap; errors carry Go's compress/gzip wording where it has one. */
export function gunzipCapped(bytes: Uint8Array, cap: number): Uint8Array {
  if (bytes.length < 10) throw new ArchiveError(bytes.length === 0 ? "EOF" : "unexpected EOF");
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08)
    throw new ArchiveError("gzip: invalid header");
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const g = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > cap) overflow = true;
    else chunks.push(chunk);
  });
  try {
    const step = 1 << 16;
    for (let i = 0; i < bytes.length && !overflow; i += step) {
      const end = Math.min(i + step, bytes.length);
      g.push(bytes.subarray(i, end), end === bytes.length);
    }
  } catch (e) {
    if (overflow) throw capError();
    const msg = (e as Error).message ?? String(e);
    throw new ArchiveError(/unexpected EOF/i.test(msg) ? "unexpected EOF" : `flate: corrupt input (${msg})`);
  }
  if (overflow) throw capError();
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
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
  const tarBytes = gunzipCapped(bytes, MAX_DECOMPRESSED_CHART_SIZE + (MAX_DECOMPRESSED_CHART_SIZE >> 3));
  let entries: ReturnType<typeof readTar>;
  try {
    entries = readTar(tarBytes);
  } catch (e) {
    if (e instanceof TarError) throw new ArchiveError(e.message);
    throw e;
  }
  const files: BufferedFile[] = [];
  let remaining = MAX_DECOMPRESSED_CHART_SIZE;
  for (const hd of entries) {
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
    remaining -= hd.data.length;
    if (hd.data.length < hd.size || remaining < 0) throw capError();
    files.push({ name: n, data: trimBOM(hd.data) });
  }
  if (files.length === 0) throw new ArchiveError("no files in chart archive");
  return files;
}
