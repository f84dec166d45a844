// Sprig's hash functions (crypto.go). helm 4.1.4 (Sprig v3.3.0) has no md5sum.
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import type { GoFunc, Value } from "../template/value.ts";
import { hex, utf8 } from "./bytes.ts";

function stringToString(f: (s: string) => string): GoFunc {
  return { params: ["string"], result: "string", fn: (s: Value) => f(s as string) };
}

/** hash/adler32 Checksum over the UTF-8 bytes, as an unsigned decimal. */
export function adler32(b: Uint8Array): number {
  const MOD = 65521;
  let a = 1;
  let s = 0;
  // 5552 is the largest n keeping the sums below 2^32 before reducing, as zlib does.
  for (let i = 0; i < b.length; ) {
    const end = Math.min(i + 5552, b.length);
    for (; i < end; i++) {
      a += b[i]!;
      s += a;
    }
    a %= MOD;
    s %= MOD;
  }
  return s * 65536 + a;
}

export const hashFuncs: Record<string, GoFunc> = {
  sha1sum: stringToString((s) => hex(sha1(utf8(s)))),
  sha256sum: stringToString((s) => hex(sha256(utf8(s)))),
  sha512sum: stringToString((s) => hex(sha512(utf8(s)))),
  adler32sum: stringToString((s) => String(adler32(utf8(s)))),
};
