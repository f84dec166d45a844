// Byte helpers shared by the hash, crypto and random functions. Go strings are
// byte strings; ours are JS strings, so we meet at UTF-8 (template/gostring.ts
// keeps bytes that are not UTF-8).
import { goBytes, goString } from "../template/gostring.ts";

export function utf8(s: string): Uint8Array {
  // Short ASCII strings (most template arguments) skip TextEncoder's native call.
  const n = s.length;
  if (n <= 64) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) return goBytes(s);
      out[i] = c;
    }
    return out;
  }
  return goBytes(s);
}

export function fromUtf8(b: Uint8Array): string {
  return goString(b);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function hex(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** base64.StdEncoding.EncodeToString (one implementation, in base-n.ts). */
export { base64Encode } from "./base-n.ts";

/**
 * base64.StdEncoding.DecodeString: strict padding; CR and LF are ignored as Go
 * does. Returns undefined on malformed input (callers print their own error).
 */
export function base64Decode(s: string): Uint8Array | undefined {
  const clean = s.replace(/[\r\n]/g, "");
  if (clean.length % 4 !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const q = clean.slice(i, i + 4);
    const pad = q.endsWith("==") ? 2 : q.endsWith("=") ? 1 : 0;
    if (pad && i + 4 !== clean.length) return undefined;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = q[j]!;
      const v = j >= 4 - pad ? 0 : B64.indexOf(c);
      if (v < 0) return undefined;
      n = (n << 6) | v;
    }
    out.push((n >> 16) & 255);
    if (pad < 2) out.push((n >> 8) & 255);
    if (pad < 1) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

/**
 * base64.StdEncoding.DecodeString with Go's error positions: the bytes, or the
 * byte offset a CorruptInputError reports ("illegal base64 data at input byte N").
 */
export function goBase64Decode(s: string): Uint8Array | number {
  const src = utf8(s);
  const out: number[] = [];
  const isNL = (c: number | undefined) => c === 10 || c === 13;
  let si = 0;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        return si - j;
      }
      const ch = src[si]!;
      si++;
      const v = ch < 128 ? B64.indexOf(String.fromCharCode(ch)) : -1;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNL(ch)) {
        j--;
        continue;
      }
      if (ch !== 61) return si - 1;
      // Padding: "=" after two symbols needs a second "=", then only newlines may follow.
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== 61) return si - 1;
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) return si;
      dlen = j;
      break;
    }
    const n = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (dlen < 4) return Uint8Array.from(out);
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
