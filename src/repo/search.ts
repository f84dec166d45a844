// helm's search index (pkg/cmd/search): one line per chart version —
// "name\vrepo/name\vdescription\vkeywords", lower-cased — matched literally or
// by RE2 regexp; the score is the field the match starts in, and results sort
// by score, then name, then newest version first.
import { RE2JS } from "re2js";
import { type ChartVersion, cvName, cvVersion, type IndexFile } from "./index-file.ts";
import { compareVersions, parseVersion } from "./semver.ts";

const SEP = "\v";

export interface SearchResult {
  name: string;
  score: number;
  chart: ChartVersion;
}

export class SearchIndex {
  private lines = new Map<string, string>();
  private charts = new Map<string, ChartVersion>();

  addRepo(repoName: string, index: IndexFile, all: boolean): void {
    index.sortEntries();
    for (const [name, versions] of index.entries) {
      if (versions.length === 0) continue;
      const fname = `${repoName}/${name}`;
      for (const cv of all ? versions : versions.slice(0, 1)) {
        const key = all ? `${fname}$$${cvVersion(cv)}` : fname;
        const keywords = ((cv.get("keywords") as unknown[]) ?? []).map(String).join(" ");
        const line = `${cvName(cv)}${SEP}${fname}${SEP}${String(cv.get("description") ?? "")}${SEP}${keywords}`;
        this.lines.set(key, line.toLowerCase());
        this.charts.set(key, cv);
      }
    }
  }

  all(): SearchResult[] {
    return [...this.charts].map(([k, cv]) => ({ name: k.split("$$")[0]!, score: 0, chart: cv }));
  }

  private static score(index: number, line: string): number {
    const splits: number[] = [];
    for (let i = 0; i < line.length; i++) if (line[i] === SEP) splits.push(i);
    for (let i = 0; i < splits.length; i++) if (index <= splits[i]!) return i;
    return splits.length;
  }

  search(term: string, threshold: number, regexp: boolean): SearchResult[] {
    const out: SearchResult[] = [];
    let matcher: RE2JS | undefined;
    if (regexp) {
      try {
        matcher = RE2JS.compile(term);
      } catch (e) {
        const msg = (e as Error).message;
        throw new Error(msg.startsWith("error parsing regexp") ? msg : `error parsing regexp: ${msg}`);
      }
    }
    const lower = term.toLowerCase();
    for (const [k, line] of this.lines) {
      let at: number;
      if (matcher) {
        const m = matcher.matcher(line);
        at = m.find() ? m.start() : -1;
      } else at = line.indexOf(lower);
      if (at < 0) continue;
      const score = SearchIndex.score(at, line);
      if (score < threshold) out.push({ name: k.split("$$")[0]!, score, chart: this.charts.get(k)! });
    }
    return out;
  }
}

/** helm's SortScore order. */
export function sortScore(res: SearchResult[]): void {
  res.sort((a, b) => {
    if (a.score !== b.score) return a.score - b.score;
    if (a.name === b.name) {
      const v1 = parseVersion(cvVersion(a.chart));
      const v2 = parseVersion(cvVersion(b.chart));
      if (!v1 || !v2) return 0;
      return compareVersions(v2, v1);
    }
    return a.name < b.name ? -1 : 1;
  });
}
