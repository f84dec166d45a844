// `helm repo index DIR [--url] [--merge] [--json]`: writes DIR/index.yaml.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { atomicWriteFile } from "../repo/atomic-write.ts";
import { indexDirectory } from "../repo/index-directory.ts";
import { IndexFile, loadIndexFile } from "../repo/index-file.ts";

export interface RepoIndexOptions {
  dir: string;
  url: string;
  merge: string;
  json: boolean;
  cwd: string;
}

function writeIndex(i: IndexFile, path: string, json: boolean): void {
  atomicWriteFile(path, json ? i.toJSON() : i.toYAML());
}

export class RepoIndexAction {
  constructor(readonly opts: RepoIndexOptions) {}

  run(): void {
    const dir = resolve(this.opts.cwd, this.opts.dir);
    try {
      statSync(dir);
    } catch {
      throw new Error(`stat ${this.opts.dir}: no such file or directory`);
    }
    const out = join(dir, "index.yaml");
    const i = indexDirectory(dir, this.opts.url);
    if (this.opts.merge !== "") {
      const mergeTo = resolve(this.opts.cwd, this.opts.merge);
      let i2: IndexFile;
      if (!existsSync(mergeTo)) {
        i2 = new IndexFile();
        writeIndex(i2, mergeTo, this.opts.json);
      } else {
        try {
          i2 = loadIndexFile(readFileSync(mergeTo), mergeTo);
        } catch (e) {
          throw new Error(`merge failed: ${(e as Error).message}`);
        }
      }
      i.merge(i2);
    }
    i.sortEntries();
    writeIndex(i, out, this.opts.json);
  }
}
