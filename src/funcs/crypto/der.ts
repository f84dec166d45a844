// Minimal DER (ASN.1) writing and reading for keys and certificates.
import { concatBytes } from "../bytes.ts";

export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let len: number[];
  if (n < 0x80) len = [n];
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = [0x80 | bytes.length, ...bytes];
  }
  return concatBytes(Uint8Array.from([tag, ...len]), content);
}

export const seq = (...items: Uint8Array[]) => tlv(0x30, concatBytes(...items));
export const set = (...items: Uint8Array[]) => tlv(0x31, concatBytes(...items));
export const octets = (b: Uint8Array) => tlv(0x04, b);
export const nullValue = () => Uint8Array.from([0x05, 0x00]);
export const bool = (v: boolean) => Uint8Array.from([0x01, 0x01, v ? 0xff : 0x00]);
/** Context-specific tag `n`, constructed (explicit) or primitive (implicit). */
export const ctx = (n: number, content: Uint8Array, constructed = true) =>
  tlv((constructed ? 0xa0 : 0x80) | n, content);

/** BIT STRING with no unused bits. */
export function bitString(b: Uint8Array, unused = 0): Uint8Array {
  return tlv(0x03, concatBytes(Uint8Array.of(unused), b));
}

/** Big-endian unsigned bytes of a non-negative bigint (at least one byte, or `size` bytes). */
export function bigToBytes(v: bigint, size = 0): Uint8Array {
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  const out = new Uint8Array(Math.max(size, h.length / 2));
  const off = out.length - h.length / 2;
  for (let i = 0; i < h.length / 2; i++) out[off + i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToBig(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** INTEGER (two's complement, minimal). */
export function integer(v: bigint): Uint8Array {
  if (v < 0n) {
    // Only small negatives occur (none in practice); encode via two's complement.
    let bytes = 1;
    while (-(1n << BigInt(8 * bytes - 1)) > v) bytes++;
    return tlv(0x02, bigToBytes((1n << BigInt(8 * bytes)) + v, bytes));
  }
  let b = bigToBytes(v);
  if (b[0]! & 0x80) b = concatBytes(Uint8Array.of(0), b);
  return tlv(0x02, b);
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

export function oidToString(content: Uint8Array): string {
  const parts = [Math.floor(content[0]! / 40), content[0]! % 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

/** A parsed DER element: tag, content and the whole encoding. */
export interface Node {
  tag: number;
  content: Uint8Array;
  raw: Uint8Array;
}

export class DerError extends Error {}

/** Reads one element at `pos` of `b`. */
export function read(b: Uint8Array, pos = 0): Node & { end: number } {
  if (pos + 2 > b.length) throw new DerError("truncated");
  const tag = b[pos]!;
  let len = b[pos + 1]!;
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || pos + 2 + n > b.length) throw new DerError("bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[pos + 2 + i]!;
    hdr += n;
  }
  const end = pos + hdr + len;
  if (end > b.length) throw new DerError("truncated");
  return { tag, content: b.subarray(pos + hdr, end), raw: b.subarray(pos, end), end };
}

/** The children of a constructed element. */
export function children(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = 0; p < n.content.length; ) {
    const c = read(n.content, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

/** Parses a whole DER buffer as one element (trailing data is an error). */
export function parse(b: Uint8Array): Node {
  const n = read(b, 0);
  if (n.end !== b.length) throw new DerError("trailing data");
  return n;
}

export function intValue(n: Node): bigint {
  if (n.tag !== 0x02) throw new DerError("not an integer");
  return bytesToBig(n.content);
}
