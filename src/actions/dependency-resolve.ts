// helm's internal/resolver: turns Chart.yaml's dependency constraints into the
// exact versions of a lock file (from cached repository indexes, OCI tags, or
// the local chart for file://), and the digest helm stores in Chart.lock.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, normalize, resolve } from "node:path";
import type { Dependency, Lock } from "../chart/chart.ts";
import { emptyDependency } from "../chart/metadata.ts";
import { dependencyJSON } from "../chart/package-metadata.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { cacheIndexFile } from "../repo/chart-repository.ts";
import { goNowRFC3339Nano } from "../repo/clock.ts";
import { cvURLs, cvVersion, loadIndexFile } from "../repo/index-file.ts";
import { marshalOrderedJSON } from "../repo/json-ordered.ts";
import { Constraints, compareVersions, parseVersion } from "../repo/semver.ts";
import { toYAML } from "../repo/yaml.ts";
import { quote } from "../template/strconv.ts";

/** Go's filepath.Clean for the relative or absolute paths helm prints. */
export function goClean(p: string): string {
  if (p === "") return ".";
  const n = normalize(p);
  return n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
}

/** Go's filepath.Join: cleaned, empty parts dropped. */
export function goJoin(...parts: string[]): string {
  const kept = parts.filter((x) => x !== "");
  return kept.length === 0 ? "" : goClean(kept.join("/"));
}

/** helm's urlutil.Equal: URLs compared with cleaned paths; non-URLs compared as cleaned paths. */
export function urlEqual(a: string, b: string): boolean {
  const parse = (s: string) => /^([a-zA-Z][a-zA-Z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(.*)$/.exec(s);
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return a === b;
  const norm = (m: RegExpExecArray) => {
    let p = m[3] === "" ? "/" : m[3]!;
    p = goJoin(p) || "/";
    return `${m[1] ?? ""}${m[2] ?? ""}${p}${m[4]}`;
  };
  return norm(pa) === norm(pb);
}

/** A dependency as the lock records it: name, repository, version only. */
export function lockedDependency(name: string, repository: string, version: string): Dependency {
  return { ...emptyDependency(), Name: name, Repository: repository, Version: version };
}

const depsJSON = (ds: (Dependency | null)[]) => ds.map((d) => dependencyJSON(d));

/** helm's HashReq: sha256 of json.Marshal([req, lock]) with the Dependency struct's field order. */
export function hashReq(req: (Dependency | null)[], lock: (Dependency | null)[]): string {
  const data = marshalOrderedJSON([depsJSON(req), depsJSON(lock)], "");
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** helm's HashV2Req: the digest helm 2 wrote into requirements.lock. */
export function hashV2Req(req: (Dependency | null)[]): string {
  const data = marshalOrderedJSON(new Map([["dependencies", depsJSON(req)]]), "");
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/**
 * helm's GetLocalPath: a file:// repository (or charts/<name>) against the chart
 * path as the user gave it; returns the path as helm prints it.
 */
export function getLocalPath(repo: string, chartPath: string, cwd: string): string {
  const p = repo.startsWith("file://") ? repo.slice("file://".length) : repo;
  const depPath = p.startsWith("/") ? goClean(p) : goJoin(chartPath, p);
  if (!existsSync(resolve(cwd, depPath))) throw new Error(`directory ${depPath} not found`);
  return depPath;
}

/** Lists an OCI repository's tags: strict semver only ("_" read as "+"), newest first, as helm's client does. */
export type TagLister = (repository: string) => Promise<string[]>;

/** Masterminds' StrictNewVersion: exactly MAJOR.MINOR.PATCH with optional prerelease and build. */
export const strictSemver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

export function semverTags(tags: string[]): string[] {
  return tags
    .map((t) => t.replaceAll("_", "+"))
    .filter((t) => strictSemver.test(t))
    .map((t) => ({ t, v: parseVersion(t)! }))
    .filter((x) => x.v)
    .sort((a, b) => compareVersions(b.v, a.v))
    .map((x) => x.t);
}

export interface ResolveContext {
  /** The chart path as given (relative paths resolve against cwd). */
  chartPath: string;
  cwd: string;
  repoCache: string;
  /** Repository name per dependency name (configured or helm-manager-<sha256>). */
  repoNames: Map<string, string>;
  ociTags: TagLister;
  now?: () => string;
}

/** helm's Resolver.Resolve: the lock for reqs, or helm's error. */
export async function resolveLock(reqs: Dependency[], ctx: ResolveContext): Promise<Lock> {
  const locked: Dependency[] = [];
  const missing: string[] = [];
  for (const d of reqs) {
    let constraint: Constraints;
    try {
      constraint = Constraints.parse(d.Version);
    } catch (e) {
      throw new Error(
        `dependency ${quote(d.Name)} has an invalid version/constraint format: ${(e as Error).message}`,
      );
    }
    const miss = () =>
      missing.push(`${quote(d.Name)} (repository ${quote(d.Repository)}, version ${quote(d.Version)})`);
    if (d.Repository === "") {
      getLocalPath(join("charts", d.Name), ctx.chartPath, ctx.cwd);
      locked.push(lockedDependency(d.Name, "", d.Version));
      continue;
    }
    if (d.Repository.startsWith("file://")) {
      const p = getLocalPath(d.Repository, ctx.chartPath, ctx.cwd);
      const ch = loadChartPath(resolve(ctx.cwd, p));
      const v = parseVersion(ch.metadata.Version);
      if (!v || !constraint.check(v)) {
        miss();
        locked.push(lockedDependency(d.Name, d.Repository, d.Version));
        continue;
      }
      locked.push(lockedDependency(d.Name, d.Repository, ch.metadata.Version));
      continue;
    }
    if (d.Repository.startsWith("oci://")) {
      // An exact version is used as is; a range is matched against the registry's tags.
      let versions = [d.Version];
      if (!parseVersion(d.Version)) {
        const ref = `${d.Repository.slice("oci://".length)}/${d.Name}`;
        try {
          versions = semverTags(await ctx.ociTags(ref));
        } catch (e) {
          throw new Error(
            `could not retrieve list of tags for repository ${d.Repository}: ${(e as Error).message}`,
          );
        }
      }
      const dep = lockedDependency(d.Name, d.Repository, d.Version);
      for (const t of versions) {
        const v = parseVersion(t);
        if (v && constraint.check(v)) {
          dep.Version = t;
          break;
        }
      }
      locked.push(dep);
      continue;
    }
    const repoName = ctx.repoNames.get(d.Name) ?? "";
    if (repoName === "") {
      locked.push(lockedDependency(d.Name, d.Repository, d.Version));
      continue;
    }
    const f = isAbsolute(ctx.repoCache)
      ? join(ctx.repoCache, cacheIndexFile(repoName))
      : resolve(ctx.cwd, ctx.repoCache, cacheIndexFile(repoName));
    let idx: ReturnType<typeof loadIndexFile>;
    try {
      let data: Uint8Array;
      try {
        data = readFileSync(f);
      } catch {
        throw new Error(`open ${f}: no such file or directory`);
      }
      idx = loadIndexFile(data, f);
    } catch (e) {
      throw new Error(
        `no cached repository for ${repoName} found. (try 'helm repo update'): ${(e as Error).message}`,
      );
    }
    const vs = idx.entries.get(d.Name);
    if (!vs) throw new Error(`${d.Name} chart not found in repo ${d.Repository}`);
    const dep = lockedDependency(d.Name, d.Repository, "");
    let found = false;
    for (const cv of vs) {
      const v = parseVersion(cvVersion(cv));
      if (!v || cvURLs(cv).length === 0) continue;
      if (constraint.check(v)) {
        dep.Version = cvVersion(cv);
        found = true;
        break;
      }
    }
    if (!found) miss();
    locked.push(dep);
  }
  if (missing.length > 0) {
    throw new Error(
      `can't get a valid version for ${missing.length} subchart(s): ${missing.join(", ")}. Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml`,
    );
  }
  return { Generated: (ctx.now ?? goNowRFC3339Nano)(), Digest: hashReq(reqs, locked), Dependencies: locked };
}

/** Chart.lock / requirements.lock text as helm's writeLock marshals it (sigs.k8s.io/yaml: keys sorted). */
export function lockYAML(lock: Lock): string {
  return toYAML(
    new Map<string, unknown>([
      ["generated", lock.Generated],
      ["digest", lock.Digest],
      ["dependencies", lock.Dependencies.map((d) => dependencyJSON(d))],
    ]),
  );
}
