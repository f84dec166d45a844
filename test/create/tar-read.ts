// A minimal tar reader for tests: lists entries (with PAX path records
// applied) so archives written by helm and by capstan can be compared.
import { gunzipSync } from "fflate";

export interface ReadEntry {
  name: string;
  mode: number;
  mtime: number;
  typeflag: string;
  data: Uint8Array;
}

const dec = new TextDecoder();

function str(b: Uint8Array, off: number, size: number): string {
  const s = b.subarray(off, off + size);
  const z = s.indexOf(0);
  return dec.decode(z >= 0 ? s.subarray(0, z) : s);
}

export function readTar(tar: Uint8Array): ReadEntry[] {
  const out: ReadEntry[] = [];
  let off = 0;
  let paxPath: string | undefined;
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = Number.parseInt(str(h, 124, 12), 8);
    const typeflag = String.fromCharCode(h[156]!);
    const prefix = str(h, 345, 155);
    let name = str(h, 0, 100);
    if (prefix) name = `${prefix}/${name}`;
    const data = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (typeflag === "x") {
      const m = /\d+ path=(.*)\n/.exec(dec.decode(data));
      paxPath = m?.[1];
      continue;
    }
    out.push({
      name: paxPath ?? name,
      mode: Number.parseInt(str(h, 100, 8), 8),
      mtime: Number.parseInt(str(h, 136, 12), 8),
      typeflag,
      data,
    });
    paxPath = undefined;
  }
  return out;
}

export function readTgz(tgz: Uint8Array): { tar: Uint8Array; entries: ReadEntry[] } {
  const tar = gunzipSync(tgz);
  return { tar, entries: readTar(tar) };
}
