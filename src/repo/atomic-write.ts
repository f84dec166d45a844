// helm's fileutil.AtomicWriteFile: write a temporary file beside the target,
// then rename, so readers never see a half-written file.
import { renameSync, rmSync, writeFileSync } from "node:fs";

let counter = 0;

export function atomicWriteFile(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}-${counter++}`;
  try {
    writeFileSync(tmp, data, { mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
