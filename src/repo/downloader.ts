// helm's ChartDownloader: turns "repo/chart" (or a chart URL) into an
// absolute URL with the repository's credentials, and downloads it.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { cacheIndexFile, resolveReferenceURL } from "./chart-repository.ts";
import { type GetOptions, httpGet } from "./getter.ts";
import { cvURLs, type IndexFile, loadIndexFile } from "./index-file.ts";
import { loadRepoFile, type RepoEntry } from "./repo-file.ts";

export interface ResolvedChart {
  url: string;
  get: GetOptions;
  /** The sha256 the repository index lists for this archive, when it lists one. */
  digest?: string;
}

function entryOptions(r: RepoEntry): GetOptions {
  return {
    repoURL: r.url,
    username: r.username,
    password: r.password,
    passCredentialsAll: r.passCredentialsAll,
    certFile: r.certFile,
    keyFile: r.keyFile,
    caFile: r.caFile,
    insecureSkipTLSVerify: r.insecureSkipTLSVerify,
  };
}

function loadCachedIndex(repoCache: string, name: string): IndexFile {
  const f = join(repoCache, cacheIndexFile(name));
  let data: Uint8Array;
  try {
    data = readFileSync(f);
  } catch {
    throw new Error(`no cached repo found. (try 'helm repo update'): open ${f}: no such file or directory`);
  }
  try {
    return loadIndexFile(data, f);
  } catch (e) {
    throw new Error(`no cached repo found. (try 'helm repo update'): ${(e as Error).message}`);
  }
}

/** helm's ResolveChartVersion for chart repositories (oci:// is handled elsewhere). */
export function resolveChartVersion(
  ref: string,
  version: string,
  repoFile: string,
  repoCache: string,
  base: GetOptions = {},
): ResolvedChart {
  const isURL = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(ref);
  const rf = loadRepoFile(repoFile);
  if (isURL) {
    // A full URL: use the credentials of a configured repository that lists it.
    for (const r of rf?.repositories ?? []) {
      const idx = loadCachedIndex(repoCache, r.name);
      for (const cvs of idx.entries.values()) {
        for (const cv of cvs) {
          for (const u of cvURLs(cv)) {
            if (resolveReferenceURL(r.url, u) === ref)
              return { url: ref, get: { ...entryOptions(r), ...base } };
          }
        }
      }
    }
    return { url: ref, get: base };
  }
  const slash = ref.indexOf("/");
  if (slash < 0) {
    throw new Error(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  }
  const repoName = ref.slice(0, slash);
  const chartName = ref.slice(slash + 1);
  const r = rf?.get(repoName);
  if (!r) throw new Error(`repo ${repoName} not found`);
  const idx = loadCachedIndex(repoCache, r.name);
  let cv: ReturnType<IndexFile["get"]>;
  try {
    cv = idx.get(chartName, version);
  } catch (e) {
    throw new Error(
      `chart "${chartName}" matching ${version} not found in ${r.name} index. (try 'helm repo update'): ${(e as Error).message}`,
    );
  }
  const urls = cvURLs(cv);
  if (urls.length === 0) throw new Error(`chart "${chartName}" has no downloadable URLs`);
  const digest = cv.get("digest");
  return {
    url: resolveReferenceURL(r.url, urls[0]!),
    get: { ...entryOptions(r), ...base },
    digest: typeof digest === "string" && digest !== "" ? digest : undefined,
  };
}

/** Downloads a resolved chart into dest (an existing folder) as helm does: temp file, then rename. */
export async function downloadTo(chart: ResolvedChart, dest: string): Promise<string> {
  const data = await httpGet(chart.url, chart.get);
  // helm trusts the bytes it gets; capstan refuses an archive whose digest the index contradicts.
  if (chart.digest) {
    const got = createHash("sha256").update(data).digest("hex");
    if (got !== chart.digest.replace(/^sha256:/, "")) {
      throw new Error(
        `digest mismatch for ${chart.url}: the repository index lists ${chart.digest}, the download is ${got}`,
      );
    }
  }
  const name = basename(new URL(chart.url).pathname);
  const target = join(dest, name);
  const tmpDir = mkdtempSync(join(dest, `.${name}-`));
  try {
    const tmp = join(tmpDir, name);
    writeFileSync(tmp, data, { mode: 0o644 });
    renameSync(tmp, target);
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  return target;
}
