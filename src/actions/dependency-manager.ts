// helm's downloader.Manager: `dependency update` (resolve Chart.yaml's
// constraints, download into charts/, write the lock) and `dependency build`
// (download what the lock names), with helm's messages and errors.
import { createHash } from "node:crypto";
import { statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Chart, Dependency, Lock } from "../chart/chart.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { downloadIndexFile } from "../repo/chart-repository.ts";
import { loadRepoFile, newEntry, type RepoEntry } from "../repo/repo-file.ts";
import { quote } from "../template/strconv.ts";
import { downloadAll } from "./dependency-download.ts";
import {
  getLocalPath,
  goJoin,
  hashReq,
  hashV2Req,
  lockYAML,
  resolveLock,
  urlEqual,
} from "./dependency-resolve.ts";
import type { RegistryFlags } from "./registry.ts";

export interface DependencyOptions {
  /** CHART as given on the command line (default "."). */
  chartPath: string;
  cwd: string;
  /** helm's Manager.Out (stdout for the CLI, discarded by `package -u`). */
  out: (s: string) => void;
  /** Where the OCI client reports pulls (helm writes them to stderr). */
  err: (s: string) => void;
  /** helm's slog lines (stderr in the CLI). */
  log?: (level: "DEBUG" | "INFO" | "WARN", msg: string) => void;
  skipRefresh: boolean;
  verify: boolean;
  keyring: string;
  debug?: boolean;
  repoFile: string;
  repoCache: string;
  /** Registry client settings (--plain-http, --username, TLS files, registry config). */
  registry: RegistryFlags;
}

const managerKeyPrefix = "helm-manager-";

class ErrRepoNotFound extends Error {
  constructor(repos: string[]) {
    super(
      `no repository definition for ${repos.join(", ")}. Please add the missing repos via 'helm repo add'`,
    );
  }
}

/** Go's url.ParseRequestURI accepting the string: an absolute URI or an absolute path. */
const isRequestURI = (s: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s) || s.startsWith("/");

function repoEntries(repoFile: string): RepoEntry[] {
  return loadRepoFile(repoFile)?.repositories ?? [];
}

export class DependencyManager {
  readonly o: DependencyOptions;
  constructor(o: DependencyOptions) {
    // --repository-config/--repository-cache may be relative to the command's folder.
    this.o = { ...o, repoFile: resolve(o.cwd, o.repoFile), repoCache: resolve(o.cwd, o.repoCache) };
  }

  private abs(p: string): string {
    return resolve(this.o.cwd, p);
  }

  private loadChartDir(): Chart {
    const p = this.o.chartPath;
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(this.abs(p));
    } catch {
      throw new Error(`could not find ${p}: stat ${p}: no such file or directory`);
    }
    if (!st.isDirectory()) throw new Error("only unpacked charts can be updated");
    return loadChartPath(this.abs(p));
  }

  /** Maps dependency names to configured repository names; rewrites @alias repositories to URLs. */
  private resolveRepoNames(deps: Dependency[]): Map<string, string> {
    const repos = repoEntries(this.o.repoFile);
    const names = new Map<string, string>();
    const missing: string[] = [];
    for (const dd of deps) {
      if (dd.Repository === "") continue;
      if (dd.Repository.startsWith("file://")) {
        getLocalPath(dd.Repository, this.o.chartPath, this.o.cwd);
        if (this.o.debug) this.o.out(`Repository from local path: ${dd.Repository}\n`);
        names.set(dd.Name, dd.Repository);
        continue;
      }
      if (dd.Repository.startsWith("oci://")) {
        names.set(dd.Name, dd.Repository);
        continue;
      }
      let found = false;
      for (const r of repos) {
        const alias = dd.Repository.startsWith("@")
          ? dd.Repository.slice(1)
          : dd.Repository.startsWith("alias:")
            ? dd.Repository.slice("alias:".length)
            : undefined;
        if (alias !== undefined && alias === r.name) {
          found = true;
          dd.Repository = r.url;
          names.set(dd.Name, r.name);
          break;
        }
        if (urlEqual(r.url, dd.Repository)) {
          found = true;
          names.set(dd.Name, r.name);
          break;
        }
      }
      if (!found) {
        // helm keys unconfigured URLs by the URL itself (ensureMissingRepos then names them).
        if (isRequestURI(dd.Repository)) names.set(dd.Repository, dd.Repository);
        else missing.push(dd.Repository);
      }
    }
    if (missing.length > 0) {
      let msg = `no repository definition for ${missing.join(", ")}. Please add them via 'helm repo add'`;
      if (missing.some((r) => !r.includes("//") && !r.startsWith("@") && !r.startsWith("alias:"))) {
        msg += `\nNote that repositories must be URLs or aliases. For example, to refer to the "example"
repository, use "https://charts.example.com/" or "@example" instead of
"example". Don't forget to add the repo, too ('helm repo add').`;
      }
      throw new Error(msg);
    }
    return names;
  }

  /** Names repositories the user has not added (helm-manager-<sha256 of URL>) and fetches their indexes. */
  private async ensureMissingRepos(names: Map<string, string>, deps: Dependency[]): Promise<void> {
    const ru: RepoEntry[] = [];
    for (const dd of deps) {
      if (dd.Repository === "" || names.has(dd.Name)) continue;
      const rn = managerKeyPrefix + createHash("sha256").update(dd.Repository).digest("hex");
      names.set(dd.Name, rn);
      ru.push(newEntry({ name: rn, url: dd.Repository }));
    }
    if (!this.o.skipRefresh && ru.length > 0) {
      this.o.out("Getting updates for unmanaged Helm repositories...\n");
      await this.parallelRepoUpdate(ru);
    }
  }

  private async updateRepositories(): Promise<void> {
    const repos = repoEntries(this.o.repoFile);
    if (repos.length === 0) return;
    this.o.out("Hang tight while we grab the latest from your chart repositories...\n");
    await this.parallelRepoUpdate(repos);
    this.o.out("Update Complete. ⎈Happy Helming!⎈\n");
  }

  private async parallelRepoUpdate(repos: RepoEntry[]): Promise<void> {
    const cache = this.abs(this.o.repoCache);
    await Promise.all(
      repos.map(async (r) => {
        const shown = quote(r.name.startsWith(managerKeyPrefix) ? r.url : r.name);
        try {
          await downloadIndexFile(r, cache);
          this.o.out(`...Successfully got an update from the ${shown} chart repository\n`);
        } catch (e) {
          const where = r.name.startsWith(managerKeyPrefix) ? "" : ` (${r.url})`;
          this.o.out(
            `...Unable to get an update from the ${shown} chart repository${where}:\n\t${(e as Error).message}\n`,
          );
        }
      }),
    );
  }

  private hasAllRepos(deps: (Dependency | null)[]): void {
    const repos = repoEntries(this.o.repoFile);
    const missing: string[] = [];
    for (const dd of deps) {
      if (!dd || dd.Repository === "") continue;
      if (dd.Repository.startsWith("file://") || dd.Repository.startsWith("oci://")) continue;
      const want = dd.Repository.replace(/\/$/, "");
      if (!repos.some((r) => urlEqual(r.url, want))) missing.push(dd.Repository);
    }
    if (missing.length > 0) throw new ErrRepoNotFound(missing);
  }

  private writeLock(lock: Lock, legacy: boolean): void {
    const name = legacy ? "requirements.lock" : "Chart.lock";
    writeFileSync(this.abs(goJoin(this.o.chartPath, name)), lockYAML(lock), { mode: 0o644 });
  }

  /** `helm dependency update`. */
  async update(): Promise<void> {
    const c = this.loadChartDir();
    return this.updateLoaded(c);
  }

  private async updateLoaded(c: Chart): Promise<void> {
    if (c.metadata.depsNil) return;
    const req = c.metadata.Dependencies.filter((d): d is Dependency => d !== null);
    const names = this.resolveRepoNames(req);
    await this.ensureMissingRepos(names, req);
    if (!this.o.skipRefresh) await this.updateRepositories();
    const lock = await resolveLock(req, {
      chartPath: this.o.chartPath,
      cwd: this.o.cwd,
      repoCache: this.abs(this.o.repoCache),
      repoNames: names,
      ociTags: (ref) => ociTags(ref, this.o.registry),
    });
    await downloadAll(lock.Dependencies as Dependency[], this.o);
    lock.Digest = hashReq(req, lock.Dependencies);
    if (c.lock && c.lock.Digest === lock.Digest) return;
    this.writeLock(lock, c.metadata.APIVersion === "v1");
  }

  /** `helm dependency build`: what the lock names; an update when there is no lock. */
  async build(): Promise<void> {
    const c = this.loadChartDir();
    const lock = c.lock;
    if (!lock) return this.updateLoaded(c);
    const req = c.metadata.Dependencies.filter((d): d is Dependency => d !== null);
    const v1 = c.metadata.APIVersion === "v1";
    const v2Sum = v1 ? hashV2Req(req) : "";
    this.resolveRepoNames(req);
    if (hashReq(req, lock.Dependencies) !== lock.Digest) {
      if (v1) {
        this.o.log?.("INFO", "warning: a valid Helm v3 hash was not found. Checking against Helm v2 hash...");
        if (v2Sum !== lock.Digest) {
          throw new Error(
            "the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies",
          );
        }
      } else {
        throw new Error(
          "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies",
        );
      }
    }
    this.hasAllRepos(lock.Dependencies);
    if (!this.o.skipRefresh) await this.updateRepositories();
    await downloadAll(
      lock.Dependencies.filter((d): d is Dependency => d !== null),
      this.o,
    );
  }
}

async function ociTags(ref: string, f: RegistryFlags): Promise<string[]> {
  const { parseReference } = await import("../registry/client.ts");
  const { clientFor } = await import("./registry.ts");
  const { host, repository } = parseReference(ref);
  return clientFor(host, f).tags(repository);
}
