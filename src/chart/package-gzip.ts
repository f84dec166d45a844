// gzip framing as helm writes chart archives: Go's compress/gzip header with
// helm's Extra field and the comment "Helm", mtime 0, OS 255 (unknown).
import { deflateSync } from "fflate";

const helmExtra = new TextEncoder().encode("+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=");
const helmComment = new TextEncoder().encode("Helm");

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(chunks: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const b of chunks) for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** gzip of the concatenated chunks, with helm's header fields. */
export function helmGzip(chunks: Uint8Array[]): Uint8Array {
  const raw = concat(chunks);
  const head = new Uint8Array(10 + 2 + helmExtra.length + helmComment.length + 1);
  head.set([0x1f, 0x8b, 8, 0x04 | 0x10, 0, 0, 0, 0, 0, 0xff]);
  head[10] = helmExtra.length & 0xff;
  head[11] = helmExtra.length >> 8;
  head.set(helmExtra, 12);
  head.set(helmComment, 12 + helmExtra.length);
  const body = deflateSync(raw, { level: 6 });
  const tail = new Uint8Array(8);
  const dv = new DataView(tail.buffer);
  dv.setUint32(0, crc32([raw]), true);
  dv.setUint32(4, raw.length >>> 0, true);
  return concat([head, body, tail]);
}
