// `helm repo add|list|remove|update`: repositories.yaml and the index cache,
// in helm's locations and formats, with helm's messages.
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { cacheChartsFile, cacheIndexFile, downloadIndexFile } from "../repo/chart-repository.ts";
import {
  loadRepoFile,
  newEntry,
  type RepoEntry,
  RepoFile,
  repoLockPath,
  sameEntry,
} from "../repo/repo-file.ts";

/** Creates helm's lock file beside repositories.yaml (helm holds an flock on it). */
function touchLock(repoFile: string): void {
  mkdirSync(dirname(repoFile), { recursive: true, mode: 0o755 });
  closeSync(openSync(repoLockPath(repoFile), "a", 0o600));
}

const deprecatedRepos: Record<string, string> = {
  "//kubernetes-charts.storage.googleapis.com": "https://charts.helm.sh/stable",
  "//kubernetes-charts-incubator.storage.googleapis.com": "https://charts.helm.sh/incubator",
};

export interface RepoAddOptions extends Partial<RepoEntry> {
  name: string;
  url: string;
  /** --timeout for the index download, in milliseconds. */
  timeoutMs?: number;
  forceUpdate?: boolean;
  allowDeprecatedRepos?: boolean;
  repoFile: string;
  repoCache: string;
}

export async function repoAdd(o: RepoAddOptions): Promise<string> {
  if (!o.allowDeprecatedRepos) {
    for (const [oldURL, newURL] of Object.entries(deprecatedRepos)) {
      if (o.url.includes(oldURL))
        throw new Error(`repo "${o.url}" is no longer available; try "${newURL}" instead`);
    }
  }
  touchLock(o.repoFile);
  const f = loadRepoFile(o.repoFile) ?? new RepoFile();
  const entry = newEntry({
    name: o.name,
    url: o.url,
    username: o.username ?? "",
    password: o.password ?? "",
    passCredentialsAll: o.passCredentialsAll ?? false,
    certFile: o.certFile ?? "",
    keyFile: o.keyFile ?? "",
    caFile: o.caFile ?? "",
    insecureSkipTLSVerify: o.insecureSkipTLSVerify ?? false,
  });
  if (o.name.includes("/")) {
    throw new Error(`repository name (${o.name}) contains '/', please specify a different name without '/'`);
  }
  if (!o.forceUpdate && f.has(o.name)) {
    if (!sameEntry(entry, f.get(o.name)!)) {
      throw new Error(`repository name (${o.name}) already exists, please specify a different name`);
    }
    return `"${o.name}" already exists with the same configuration, skipping\n`;
  }
  try {
    await downloadIndexFile(entry, o.repoCache, o.timeoutMs);
  } catch (e) {
    throw new Error(
      `looks like "${o.url}" is not a valid chart repository or cannot be reached: ${(e as Error).message}`,
    );
  }
  f.update(entry);
  f.writeFile(o.repoFile);
  return `"${o.name}" has been added to your repositories\n`;
}

export function repoList(repoFile: string): RepoEntry[] {
  return loadRepoFile(repoFile)?.repositories ?? [];
}

/** Removes each named repository and its cache files; output so far is returned with the error. */
export function repoRemove(
  names: string[],
  repoFile: string,
  repoCache: string,
  out: (s: string) => void,
): void {
  const f = loadRepoFile(repoFile);
  if (!f || f.repositories.length === 0) throw new Error("no repositories configured");
  for (const name of names) {
    if (!f.remove(name)) throw new Error(`no repo named "${name}" found`);
    f.writeFile(repoFile);
    for (const file of [cacheIndexFile(name), cacheChartsFile(name)]) {
      const p = join(repoCache, file);
      if (existsSync(p)) rmSync(p, { force: true });
    }
    out(`"${name}" has been removed from your repositories\n`);
  }
}

export async function repoUpdate(
  names: string[],
  repoFile: string,
  repoCache: string,
  out: (s: string) => void,
): Promise<void> {
  const f = loadRepoFile(repoFile);
  if (!f || f.repositories.length === 0)
    throw new Error("no repositories found. You must add one before updating");
  let repos = f.repositories;
  if (names.length > 0) {
    repos = repos.filter((r) => names.includes(r.name));
    const missing = names.filter((n) => !f.has(n));
    if (missing.length > 0) {
      throw new Error(`no repositories found matching '${missing.join(", ")}'.  Nothing will be updated`);
    }
  }
  out("Hang tight while we grab the latest from your chart repositories...\n");
  const failed: string[] = [];
  await Promise.all(
    repos.map(async (r) => {
      try {
        await downloadIndexFile(r, repoCache);
        out(`...Successfully got an update from the "${r.name}" chart repository\n`);
      } catch (e) {
        out(
          `...Unable to get an update from the "${r.name}" chart repository (${r.url}):\n\t${(e as Error).message}\n`,
        );
        failed.push(r.url);
      }
    }),
  );
  if (failed.length > 0)
    throw new Error(`failed to update the following repositories: [${failed.join(" ")}]`);
  out("Update Complete. ⎈Happy Helming!⎈\n");
}
