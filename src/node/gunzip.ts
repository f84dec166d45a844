// Node's native gunzip for chart archives (the core's NativeGunzip). Any
// failure (corrupt data, output over the cap) returns undefined so the core's
// own decoder reports it with its usual result and wording.
import { gunzipSync } from "node:zlib";
import { setNativeGunzip } from "../chart/archive.ts";

export function nodeGunzip(bytes: Uint8Array, cap: number): Uint8Array | undefined {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: cap });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch {
    return undefined;
  }
}

/** Makes chart archives decompress with Node's zlib. */
export function useNodeGunzip(): void {
  setNativeGunzip(nodeGunzip);
}
