// encoding/base64 and encoding/base32 (StdEncoding, padded) with Go's decoder
// error positions: Sprig's b64dec/b32dec return the error text instead of data.
import { isASCII } from "../go/bytestring.ts";
import { GoError } from "../template/value.ts";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function decodeMap(alphabet: string): Int16Array {
  const m = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}
const B64MAP = decodeMap(B64);
const B32MAP = decodeMap(B32);
const PAD = 0x3d;

/**
 * base64 of an ASCII string's bytes, without building the byte array (which
 * costs a buffer per call); undefined when s is not pure ASCII.
 */
export function base64EncodeASCII(s: string): string | undefined {
  if (!isASCII(s)) return undefined;
  let out = "";
  let i = 0;
  for (; i + 3 <= s.length; i += 3) {
    const v = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8) | s.charCodeAt(i + 2);
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  const rem = s.length - i;
  if (rem === 1) {
    const v = s.charCodeAt(i) << 16;
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}==`;
  } else if (rem === 2) {
    const v = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8);
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}${B64[(v >> 6) & 63]}=`;
  }
  return out;
}

export function base64Encode(b: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 3 <= b.length; i += 3) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  const rem = b.length - i;
  if (rem === 1) {
    const v = b[i]! << 16;
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}==`;
  } else if (rem === 2) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8);
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}${B64[(v >> 6) & 63]}=`;
  }
  return out;
}

function corrupt(kind: string, at: number): GoError {
  return new GoError(`illegal ${kind} data at input byte ${at}`);
}

/** base64.StdEncoding.DecodeString */
export function base64Decode(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let si = 0;
  const isNL = (c: number | undefined) => c === 0x0a || c === 0x0d;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    let trailingErr: GoError | undefined;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw corrupt("base64", si - j);
      }
      const c = src[si]!;
      si++;
      const v = B64MAP[c]!;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== PAD) throw corrupt("base64", si - 1);
      if (j === 0 || j === 1) throw corrupt("base64", si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) throw corrupt("base64", src.length);
        if (src[si] !== PAD) throw corrupt("base64", si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) trailingErr = corrupt("base64", si);
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailingErr) throw trailingErr;
  }
  return Uint8Array.from(out);
}

export function base32Encode(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const nchars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < nchars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : "=";
    }
  }
  return out;
}

/** base32.StdEncoding.DecodeString (newlines are stripped first, so offsets count without them). */
export function base32Decode(input: Uint8Array): Uint8Array {
  let src = Array.from(input).filter((c) => c !== 0x0a && c !== 0x0d);
  const olen = src.length;
  const out: number[] = [];
  let end = false;
  while (src.length > 0 && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (src.length === 0) throw corrupt("base32", olen - src.length - j);
      const c = src[0]!;
      src = src.slice(1);
      if (c === PAD && j >= 2 && src.length < 8) {
        if (src.length + j < 7) throw corrupt("base32", olen);
        for (let k = 0; k < 7 - j; k++) {
          if (src.length > k && src[k] !== PAD) throw corrupt("base32", olen - src.length + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw corrupt("base32", olen - src.length - 1);
        break;
      }
      const v = B32MAP[c]!;
      if (v < 0) throw corrupt("base32", olen - src.length - 1);
      dbuf[j] = v;
      j++;
    }
    const d = dbuf;
    const bytes = [
      ((d[0]! << 3) | (d[1]! >> 2)) & 255,
      ((d[1]! << 6) | (d[2]! << 1) | (d[3]! >> 4)) & 255,
      ((d[3]! << 4) | (d[4]! >> 1)) & 255,
      ((d[4]! << 7) | (d[5]! << 2) | (d[6]! >> 3)) & 255,
      ((d[6]! << 5) | d[7]!) & 255,
    ];
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    out.push(...bytes.slice(0, n));
  }
  return Uint8Array.from(out);
}
