// A tar reader following Go's archive/tar closely enough for chart archives:
// ustar and GNU headers, PAX records (path, linkpath, size), GNU long names,
// checksum verification, and Go's error texts ("archive/tar: invalid tar
// header", "unexpected EOF"). Entries are returned with their data.

export interface TarEntry {
  name: string;
  typeflag: string;
  mode: number;
  linkname: string;
  size: number;
  data: Uint8Array;
}

export class TarError extends Error {
  override name = "TarError";
}

const BLOCK = 512;
const dec = new TextDecoder("utf-8");

function cstr(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return dec.decode(b.subarray(off, end));
}

function parseNumeric(b: Uint8Array, off: number, len: number): number {
  // Base-256 (GNU) when the high bit of the first byte is set.
  if (b[off]! & 0x80) {
    let n = BigInt(b[off]! & 0x7f);
    for (let i = 1; i < len; i++) n = (n << 8n) | BigInt(b[off + i]!);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarError("archive/tar: invalid tar header");
    return Number(n);
  }
  const s = cstr(b, off, len).replace(/^[ \0]+|[ \0]+$/g, "");
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError("archive/tar: invalid tar header");
  return Number.parseInt(s, 8);
}

function isZero(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0) return false;
  return true;
}

function checksumOK(h: Uint8Array): boolean {
  const want = parseNumeric(h, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : h[i]!;
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  return want === unsigned || want === signed;
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let s = dec.decode(data);
  while (s.length > 0) {
    const sp = s.indexOf(" ");
    if (sp < 0) throw new TarError("archive/tar: invalid tar header");
    const n = Number.parseInt(s.slice(0, sp), 10);
    // The length counts bytes; records are ASCII keys and UTF-8 values.
    const bytes = new TextEncoder().encode(s);
    if (!(n > sp) || n > bytes.length) throw new TarError("archive/tar: invalid tar header");
    const rec = dec.decode(bytes.subarray(sp + 1, n));
    s = dec.decode(bytes.subarray(n));
    if (!rec.endsWith("\n")) throw new TarError("archive/tar: invalid tar header");
    const eq = rec.indexOf("=");
    if (eq < 0) throw new TarError("archive/tar: invalid tar header");
    out.set(rec.slice(0, eq), rec.slice(eq + 1, -1));
  }
  return out;
}

/** Reads every entry of a tar stream. */
export function readTar(buf: Uint8Array): TarEntry[] {
  return [...tarEntries(buf)];
}

/** The entries of a tar stream, one at a time (so callers can stop at the first bad one). */
export function* tarEntries(buf: Uint8Array): Generator<TarEntry> {
  let pos = 0;
  let pax: Map<string, string> | null = null;
  let longName: string | null = null;
  let longLink: string | null = null;
  for (;;) {
    if (pos >= buf.length) return;
    if (pos + BLOCK > buf.length) throw new TarError("unexpected EOF");
    const h = buf.subarray(pos, pos + BLOCK);
    pos += BLOCK;
    if (isZero(h)) {
      // Two zero blocks end the archive; a lone one followed by data is corrupt.
      if (pos >= buf.length) return;
      if (pos + BLOCK > buf.length) throw new TarError("unexpected EOF");
      if (isZero(buf.subarray(pos, pos + BLOCK))) return;
      throw new TarError("archive/tar: invalid tar header");
    }
    if (!checksumOK(h)) throw new TarError("archive/tar: invalid tar header");
    let typeflag = String.fromCharCode(h[156]!);
    let name = cstr(h, 0, 100);
    let linkname = cstr(h, 157, 100);
    const mode = parseNumeric(h, 100, 8);
    let size = parseNumeric(h, 124, 12);
    const magic = cstr(h, 257, 6);
    const version = String.fromCharCode(h[263]!, h[264]!);
    if (magic === "ustar" && version === "00") {
      const prefix = cstr(h, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (pax?.has("size")) size = Number(pax.get("size"));
    if (size < 0) throw new TarError("archive/tar: invalid tar header");
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (pos + size > buf.length) throw new TarError("unexpected EOF");
    const data = buf.subarray(pos, pos + size);
    pos += padded;
    if (pos > buf.length) pos = buf.length;
    if (typeflag === "x") {
      pax = parsePax(data);
      continue;
    }
    if (typeflag === "L") {
      longName = cstr(data, 0, data.length);
      continue;
    }
    if (typeflag === "K") {
      longLink = cstr(data, 0, data.length);
      continue;
    }
    if (pax) {
      if (pax.has("path")) name = pax.get("path")!;
      if (pax.has("linkpath")) linkname = pax.get("linkpath")!;
    }
    if (longName !== null) name = longName;
    if (longLink !== null) linkname = longLink;
    pax = null;
    longName = null;
    longLink = null;
    if (typeflag === "\0") typeflag = name.endsWith("/") ? "5" : "0";
    yield { name, typeflag, mode, linkname, size, data };
  }
}

/** Whether Go's header.FileInfo().IsDir() holds. */
export function isDirEntry(e: TarEntry): boolean {
  return e.typeflag === "5" || (e.mode & 0o170000) === 0o040000;
}
