// helm's IndexDirectory: every *.tgz at the top of a folder and one level
// down (Go's filepath.Glob of "*.tgz" and "**/*.tgz"), loaded as charts —
// archives that fail to load are not charts and are skipped — with their
// sha256 digests and URLs under baseURL.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../chart/load.ts";
import { metadataJSON } from "../chart/package-metadata.ts";
import { IndexFile, urlJoin } from "./index-file.ts";

function glob(dir: string, depth: 0 | 1): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (depth === 0) {
      if (n.endsWith(".tgz")) out.push(n);
    } else {
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {}
      if (isDir) for (const m of glob(p, 0)) out.push(`${n}/${m}`);
    }
  }
  return out;
}

export function digestBytes(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}

export function indexDirectory(dir: string, baseURL: string, now?: () => number): IndexFile {
  const index = new IndexFile();
  for (const rel of [...glob(dir, 0), ...glob(dir, 1)]) {
    const slash = rel.lastIndexOf("/");
    const parentDir = slash >= 0 ? rel.slice(0, slash) : "";
    const fname = rel.slice(slash + 1);
    const parentURL = parentDir === "" ? baseURL : baseURL === "" ? parentDir : urlJoin(baseURL, parentDir);
    const bytes = readFileSync(join(dir, rel));
    let meta: Map<string, unknown>;
    try {
      meta = metadataJSON(loadArchive(bytes).metadata);
    } catch {
      continue;
    }
    index.add(meta, fname, parentURL, digestBytes(bytes), now?.());
  }
  return index;
}
