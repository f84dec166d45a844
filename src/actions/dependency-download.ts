// helm's Manager.downloadAll and safeMoveDeps: fetch every locked dependency
// into charts/tmpcharts-<pid> (repository archives, OCI pulls, file:// charts
// packaged), then move them into charts/ and delete outdated chart archives.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Dependency } from "../chart/chart.ts";
import { writeChartArchive } from "../chart/package.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { resolveReferenceURL } from "../repo/chart-repository.ts";
import { downloadTo, type ResolvedChart } from "../repo/downloader.ts";
import { httpGet } from "../repo/getter.ts";
import { cvURLs, cvVersion, type IndexFile, loadIndexFile } from "../repo/index-file.ts";
import { loadRepoFile, type RepoEntry } from "../repo/repo-file.ts";
import { Constraints, parseVersion } from "../repo/semver.ts";
import { quote } from "../template/strconv.ts";
import type { DependencyOptions } from "./dependency-manager.ts";
import { getLocalPath, goJoin, urlEqual } from "./dependency-resolve.ts";
import { toArchiveChart } from "./package.ts";
import { findChartInRepoURL } from "./pull.ts";

/** The manager's options, paths already absolute (repoFile, repoCache). */
type DownloadContext = DependencyOptions;

interface ChartRepo {
  entry: RepoEntry;
  index: IndexFile;
}

/** helm's loadChartRepositories: every configured repository with its cached index. */
function loadChartRepositories(ctx: DownloadContext): ChartRepo[] {
  const rf = loadRepoFile(ctx.repoFile);
  return (rf?.repositories ?? []).map((entry) => {
    const f = join(ctx.repoCache, `${entry.name}-index.yaml`);
    let data: Uint8Array;
    try {
      data = readFileSync(f);
    } catch {
      throw new Error(`open ${f}: no such file or directory`);
    }
    return { entry, index: loadIndexFile(data, f) };
  });
}

function versionEquals(a: string, b: string): boolean {
  const x = parseVersion(a);
  if (!x) return a === b;
  const y = parseVersion(b);
  return !!y && x.major === y.major && x.minor === y.minor && x.patch === y.patch && x.pre === y.pre;
}

/** helm's findChartURL: the archive URL and the credentials of the repository that lists it. */
async function findChartURL(
  name: string,
  version: string,
  repoURL: string,
  repos: ChartRepo[],
): Promise<ResolvedChart> {
  for (const cr of repos) {
    if (!urlEqual(repoURL, cr.entry.url)) continue;
    const vs = cr.index.entries.get(name);
    if (!vs) throw new Error("entry not found");
    const ve = vs.find(
      (cv) => cvURLs(cv).length > 0 && (version === "" || versionEquals(version, cvVersion(cv))),
    );
    if (!ve) throw new Error("no matching version");
    const e = cr.entry;
    const digest = ve.get("digest");
    return {
      url: resolveReferenceURL(repoURL, cvURLs(ve)[0]!),
      get: {
        repoURL: e.url,
        username: e.username,
        password: e.password,
        passCredentialsAll: e.passCredentialsAll,
        insecureSkipTLSVerify: e.insecureSkipTLSVerify,
        caFile: e.caFile,
        certFile: e.certFile,
        keyFile: e.keyFile,
      },
      digest: typeof digest === "string" && digest !== "" ? digest : undefined,
    };
  }
  // A repository the user has not added: read its index directly (helm's FindChartInRepoURL).
  try {
    return { url: await findChartInRepoURL(repoURL, name, version, {}), get: { repoURL } };
  } catch (e) {
    throw new Error(`chart ${name} not found in ${repoURL}: ${(e as Error).message}`);
  }
}

/** helm's tarFromLocalDir: packages a file:// chart into dest when its version satisfies the constraint. */
function tarFromLocalDir(
  ctx: DownloadContext,
  name: string,
  repo: string,
  version: string,
  dest: string,
): string {
  const orig = getLocalPath(repo, ctx.chartPath, ctx.cwd);
  const dir = resolve(ctx.cwd, orig);
  const ch = loadChartPath(dir);
  let constraint: Constraints;
  try {
    constraint = Constraints.parse(version);
  } catch (e) {
    throw new Error(`dependency ${name} has an invalid version/constraint format: ${(e as Error).message}`);
  }
  const v = parseVersion(ch.metadata.Version);
  if (!v) throw new Error(`Invalid Semantic Version`);
  if (!constraint.check(v)) throw new Error(`can't get a valid version for dependency ${name}`);
  const archive = writeChartArchive(toArchiveChart(ch, dir));
  writeFileSync(join(dest, `${ch.name()}-${ch.metadata.Version}.tgz`), archive, { mode: 0o644 });
  return ch.metadata.Version;
}

/** The dependency in charts/<name> (no repository): it must satisfy its constraint. */
function checkInChartsDir(ctx: DownloadContext, dep: Dependency, destShown: string): string | undefined {
  ctx.out(
    `Dependency ${dep.Name} did not declare a repository. Assuming it exists in the charts directory\n`,
  );
  const shown = goJoin(destShown, dep.Name);
  let version: string;
  try {
    version = loadChartPath(resolve(ctx.cwd, shown)).metadata.Version;
  } catch (e) {
    throw new Error(`unable to load chart '${shown}': ${(e as Error).message}`);
  }
  let constraint: Constraints;
  try {
    constraint = Constraints.parse(dep.Version);
  } catch (e) {
    throw new Error(
      `dependency ${dep.Name} has an invalid version/constraint format: ${(e as Error).message}`,
    );
  }
  const v = parseVersion(version);
  if (!v)
    throw new Error(`invalid version ${dep.Version} for dependency ${dep.Name}: Invalid Semantic Version`);
  if (!constraint.check(v)) {
    return `dependency ${dep.Name} at version ${version} does not satisfy the constraint ${dep.Version}`;
  }
  return undefined;
}

/** helm's parseOCIRef: "oci://host/path/name:tag" split at the tag. */
function parseOCIRef(ref: string): [string, string] {
  const m = /^(oci:\/\/[^:]+(:[0-9]{1,5})?[^:]+):(.*)$/.exec(ref);
  if (!m) throw new Error(`could not parse OCI reference: improperly formatted oci chart reference: ${ref}`);
  return [m[1]!, m[3]!];
}

async function fetchOne(
  ctx: DownloadContext,
  dep: Dependency,
  repos: ChartRepo[],
  tmp: string,
  churls: Set<string>,
): Promise<string | undefined> {
  if (dep.Repository.startsWith("oci://")) {
    const churl = `${dep.Repository}/${dep.Name}:${dep.Version}`;
    if (churls.has(churl)) {
      ctx.out(`Already downloaded ${dep.Name} from repo ${dep.Repository}\n`);
      return;
    }
    ctx.out(`Downloading ${dep.Name} from repo ${dep.Repository}\n`);
    const [ref, version] = parseOCIRef(churl);
    try {
      const { pullOCI } = await import("./registry.ts");
      const r = await pullOCI(ref, version, ctx.registry);
      writeFileSync(join(tmp, r.fileName), r.data, { mode: 0o644 });
      ctx.err(r.message);
    } catch (e) {
      return `could not download ${ref}: ${(e as Error).message}`;
    }
    // helm records the reference without its tag, so a second oci:// dependency is always downloaded again.
    churls.add(ref);
    return;
  }
  let found: ResolvedChart;
  try {
    found = await findChartURL(dep.Name, dep.Version, dep.Repository, repos);
  } catch (e) {
    return `could not find : ${(e as Error).message}`;
  }
  if (churls.has(found.url)) {
    ctx.out(`Already downloaded ${dep.Name} from repo ${dep.Repository}\n`);
    return;
  }
  ctx.out(`Downloading ${dep.Name} from repo ${dep.Repository}\n`);
  try {
    const saved = await downloadTo(found, tmp);
    if (ctx.verify) {
      const { verifyChart } = await import("../repo/provenance.ts");
      let prov: Uint8Array;
      try {
        prov = await httpGet(`${found.url}.prov`, found.get);
      } catch {
        throw new Error(`failed to fetch provenance ${quote(`${found.url}.prov`)}`);
      }
      writeFileSync(`${saved}.prov`, prov, { mode: 0o644 });
      await verifyChart(saved, `${saved}.prov`, ctx.keyring);
    }
  } catch (e) {
    return `could not download ${found.url}: ${(e as Error).message}`;
  }
  churls.add(found.url);
  return;
}

/** Downloads deps into charts/ as helm's downloadAll; locked file:// versions are updated in place. */
export async function downloadAll(deps: Dependency[], ctx: DownloadContext): Promise<void> {
  const repos = loadChartRepositories(ctx);
  const destShown = goJoin(ctx.chartPath, "charts");
  const dest = resolve(ctx.cwd, destShown);
  if (existsSync(dest)) {
    if (!statSync(dest).isDirectory()) throw new Error(`${quote(destShown)} is not a directory`);
  } else mkdirSync(dest, { recursive: true, mode: 0o755 });
  const tmp = resolve(ctx.cwd, ctx.chartPath, `tmpcharts-${process.pid}`);
  mkdirSync(tmp, { recursive: true, mode: 0o755 });
  try {
    ctx.out(`Saving ${deps.length} charts\n`);
    let saveError: string | undefined;
    const churls = new Set<string>();
    for (const dep of deps) {
      if (dep.Repository === "") {
        saveError = checkInChartsDir(ctx, dep, destShown);
        if (saveError) break;
        continue;
      }
      if (dep.Repository.startsWith("file://")) {
        if (ctx.debug === true) ctx.out(`Archiving ${dep.Name} from repo ${dep.Repository}\n`);
        try {
          dep.Version = tarFromLocalDir(ctx, dep.Name, dep.Repository, dep.Version, tmp);
        } catch (e) {
          saveError = (e as Error).message;
          break;
        }
        continue;
      }
      saveError = await fetchOne(ctx, dep, repos, tmp, churls);
      if (saveError) break;
    }
    if (saveError) {
      ctx.out(`Save error occurred:  ${saveError}\n`);
      throw new Error(saveError);
    }
    safeMoveDeps(ctx, deps, tmp, dest, destShown);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** helm's safeMoveDeps: new archives into charts/, then every other chart archive there removed. */
function safeMoveDeps(
  ctx: DownloadContext,
  deps: Dependency[],
  source: string,
  dest: string,
  destShown: string,
): void {
  const local = new Set(deps.filter((d) => d.Repository === "").map((d) => d.Name));
  const sourceFiles = readdirSync(source, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const destFiles = readdirSync(dest, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const moved = new Set<string>();
  for (const f of sourceFiles) {
    if (f.isDirectory()) continue;
    moved.add(f.name);
    const from = join(source, f.name);
    const shown = goJoin(ctx.chartPath, basename(source), f.name);
    try {
      loadChartPath(from);
    } catch (e) {
      const msg = (e as Error).message.replaceAll(from, shown);
      ctx.out(`Could not verify ${shown} for moving: ${msg} (Skipping)`);
      continue;
    }
    renameSync(from, join(dest, f.name));
  }
  ctx.out("Deleting outdated charts\n");
  for (const f of destFiles) {
    if (f.isDirectory() || moved.has(f.name)) continue;
    const fname = join(dest, f.name);
    let name: string;
    try {
      name = loadChartPath(fname).name();
    } catch (e) {
      const shown = goJoin(destShown, f.name);
      const msg = (e as Error).message.replaceAll(fname, shown);
      ctx.out(`Could not verify ${shown} for deletion: ${msg} (Skipping)\n`);
      continue;
    }
    if (local.has(name)) continue;
    try {
      rmSync(fname);
    } catch (e) {
      ctx.out(`Could not delete ${goJoin(destShown, f.name)}: ${(e as Error).message} (Skipping)`);
    }
  }
}
