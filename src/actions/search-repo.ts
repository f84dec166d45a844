// `helm search repo [keyword]`: searches the cached indexes of every
// configured repository, keeps versions matching the constraint (">0.0.0",
// or ">0.0.0-0" with --devel), one per chart unless --versions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheIndexFile } from "../repo/chart-repository.ts";
import { cvVersion, loadIndexFile } from "../repo/index-file.ts";
import { loadRepoFile } from "../repo/repo-file.ts";
import { SearchIndex, type SearchResult, sortScore } from "../repo/search.ts";
import { Constraints, parseVersion } from "../repo/semver.ts";

export const SEARCH_MAX_SCORE = 25;

export interface SearchRepoOptions {
  terms: string[];
  regexp: boolean;
  versions: boolean;
  devel: boolean;
  version: string;
  repoFile: string;
  repoCache: string;
  /** helm logs corrupt or missing caches as warnings. */
  warn: (s: string) => void;
}

export function searchRepo(o: SearchRepoOptions): SearchResult[] {
  const version = o.version !== "" ? o.version : o.devel ? ">0.0.0-0" : ">0.0.0";
  const rf = loadRepoFile(o.repoFile);
  if (!rf || rf.repositories.length === 0) throw new Error("no repositories configured");
  const index = new SearchIndex();
  for (const r of rf.repositories) {
    const f = join(o.repoCache, cacheIndexFile(r.name));
    try {
      index.addRepo(r.name, loadIndexFile(readFileSync(f), f), true);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const msg = err.code === "ENOENT" ? `open ${f}: no such file or directory` : err.message;
      o.warn(
        `level=WARN msg="repo is corrupt or missing" repo=${r.name} error="${msg.replaceAll('"', '\\"')}"\n`,
      );
    }
  }
  const res =
    o.terms.length === 0 ? index.all() : index.search(o.terms.join(" "), SEARCH_MAX_SCORE, o.regexp);
  sortScore(res);
  let constraint: Constraints;
  try {
    constraint = Constraints.parse(version);
  } catch (e) {
    throw new Error(`an invalid version/constraint format: ${(e as Error).message}`);
  }
  const found = new Set<string>();
  const out: SearchResult[] = [];
  for (const r of res) {
    if (!o.versions && found.has(r.name)) continue;
    const v = parseVersion(cvVersion(r.chart));
    if (!v) continue;
    if (constraint.check(v)) {
      out.push(r);
      found.add(r.name);
    }
  }
  return out;
}
