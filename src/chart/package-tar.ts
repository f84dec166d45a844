// A tar writer that produces the bytes Go's archive/tar writes for helm's
// headers (regular files, mode 0644, uid/gid 0, no user names): USTAR, with
// the prefix/name split for long ASCII paths and a PAX "path" record when
// USTAR cannot hold the name. Ends with two zero blocks and no record padding,
// as Go's Writer.Close does.
import { isASCII } from "../go/bytestring.ts";

const BLOCK = 512;
const NAME_SIZE = 100;
const PREFIX_SIZE = 155;
const enc = new TextEncoder();

export interface TarEntry {
  name: string;
  data: Uint8Array;
  /** Modification time in seconds since the epoch (already rounded as Go does). */
  mtime: number;
  mode?: number;
}

/** Go's splitUSTARPath: a prefix (≤155) and name (≤100) split at a slash, when needed and possible. */
export function splitUSTARPath(name: string): [string, string] | undefined {
  let length = enc.encode(name).length;
  if (length <= NAME_SIZE || !isASCII(name)) return undefined;
  if (length > PREFIX_SIZE + 1) length = PREFIX_SIZE + 1;
  else if (name[length - 1] === "/") length--;
  const i = name.slice(0, length).lastIndexOf("/");
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > NAME_SIZE || nlen === 0 || i > PREFIX_SIZE) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

function putString(b: Uint8Array, off: number, size: number, s: Uint8Array | string): void {
  const bytes = typeof s === "string" ? enc.encode(s) : s;
  b.set(bytes.subarray(0, size), off);
  if (bytes.length < size) b[off + bytes.length] = 0;
  // Go replaces a trailing slash cut by truncation with a NUL (buggy readers).
  if (bytes.length > size && b[off + size - 1] === 0x2f) {
    let n = size - 1;
    while (n > 0 && bytes[n - 1] === 0x2f) n--;
    b[off + n] = 0;
  }
}

function putOctal(b: Uint8Array, off: number, size: number, x: number): void {
  const s = x.toString(8);
  putString(b, off, size, s.padStart(size - 1, "0"));
}

function header(
  name: string,
  prefix: string,
  typeflag: string,
  mode: number,
  size: number,
  mtime: number,
  raw = false,
) {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, NAME_SIZE, name);
  putOctal(b, 100, 8, mode);
  putOctal(b, 108, 8, 0);
  putOctal(b, 116, 8, 0);
  putOctal(b, 124, 12, size);
  putOctal(b, 136, 12, mtime);
  b[156] = typeflag.charCodeAt(0);
  putString(b, 257, 6, "ustar\0");
  putString(b, 263, 2, "00");
  // Go's writeRawFile (PAX records) leaves the device fields empty.
  if (!raw) {
    putOctal(b, 329, 8, 0);
    putOctal(b, 337, 8, 0);
  }
  if (prefix) putString(b, 345, PREFIX_SIZE, prefix);
  // Checksum: sum of all bytes with the checksum field read as spaces.
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const x of b) sum += x;
  putString(b, 148, 7, sum.toString(8).padStart(6, "0"));
  return b;
}

/** A PAX record "%d key=value\n" whose leading length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = enc.encode(body).length;
  let n = bodyLen + String(bodyLen).length;
  if (String(n).length + bodyLen !== n) n = String(n).length + bodyLen;
  return `${n}${body}`;
}

function pad(size: number): Uint8Array {
  const r = size % BLOCK;
  return new Uint8Array(r === 0 ? 0 : BLOCK - r);
}

/** The tar stream for entries, in order. */
export function writeTar(entries: TarEntry[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const e of entries) {
    const mode = e.mode ?? 0o644;
    const nameBytes = enc.encode(e.name).length;
    const needsPax = !isASCII(e.name) || (nameBytes > NAME_SIZE && !splitUSTARPath(e.name));
    if (needsPax) {
      const data = enc.encode(paxRecord("path", e.name));
      const slash = e.name.lastIndexOf("/");
      const dir = slash >= 0 ? e.name.slice(0, slash + 1) : "";
      let paxName = `${dir}PaxHeaders.0/${e.name.slice(slash + 1)}`.replace(/[^\x00-\x7f]/g, "");
      paxName = paxName.slice(0, NAME_SIZE).replace(/\/+$/, "");
      out.push(header(paxName, "", "x", 0, data.length, 0, true), data, pad(data.length));
      out.push(header(e.name.replace(/[^\x00-\x7f]/g, ""), "", "0", mode, e.data.length, e.mtime));
    } else {
      const split = splitUSTARPath(e.name);
      out.push(header(split ? split[1] : e.name, split ? split[0] : "", "0", mode, e.data.length, e.mtime));
    }
    out.push(e.data, pad(e.data.length));
  }
  out.push(new Uint8Array(BLOCK * 2));
  return out;
}
