// helm 4's ChartPathOptions.LocateChart for install/template: a local path,
// else a chart from --repo, repo/chart, an http(s) URL or oci://, downloaded
// into helm 4's content cache (<cache>/content/<2 hex>/<sha256>.chart) and
// used from there as a local archive.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { basename, isAbsolute, join } from "node:path";
import { goParseURL } from "../funcs/urls.ts";
import { sha256 } from "../registry/client.ts";
import { atomicWriteFile } from "../repo/atomic-write.ts";
import { resolveChartVersion } from "../repo/downloader.ts";
import { type GetOptions, httpGet } from "../repo/getter.ts";

export class LocateError extends Error {}

export interface LocateOptions {
  /** --version (already ">0.0.0-0" when only --devel was given, as runInstall sets it). */
  version: string;
  /** --repo: find the chart in this repository's index without adding it. */
  repoURL: string;
  /** --username/--password/--pass-credentials and the TLS flags. */
  get: GetOptions;
  plainHTTP: boolean;
  verify: boolean;
  keyring: string;
  repoFile: string;
  repoCache: string;
  contentCache: string;
  registryConfig: string;
  /** slog-style warnings (helm's "unable to find exact version requested" …). */
  warn: (msg: string, attrs: [string, string][]) => void;
  /** Raw stderr text (the registry client's "Pulled:/Digest:" lines). */
  stderr: (text: string) => void;
}

/** Resolves ref to a chart folder or archive on disk; without options only local paths are found. */
export async function locateChart(ref: string, cwd: string, o?: LocateOptions): Promise<string> {
  const version = (o?.version ?? "").trim();
  const abs = isAbsolute(ref) ? ref : join(cwd, ref);
  if (!o?.repoURL) {
    if (existsSync(abs)) {
      if (o?.verify) await verifyLocal(abs, o.keyring);
      return abs;
    }
    if (isAbsolute(ref) || ref.startsWith("."))
      throw new LocateError(`path ${JSON.stringify(ref)} not found`);
  }
  if (!o) return unresolvable(ref);
  let name = ref;
  let get = o.get;
  if (o.repoURL !== "") {
    const { findChartInRepoURL } = await import("./pull.ts");
    name = await findChartInRepoURL(o.repoURL, ref, version, o.get);
    // Credentials go to the chart's URL only on the repository's own scheme and host (or --pass-credentials).
    const u1 = goParseURL(o.repoURL);
    const u2 = goParseURL(name);
    const same = u1 && u2 && u1.scheme === u2.scheme && u1.host === u2.host;
    get = { ...o.get, repoURL: o.repoURL };
    if (!o.get.passCredentialsAll && !same) get = { ...get, username: "", password: "" };
  }
  // helm creates the repository cache before resolving, whatever the reference.
  mkdirSync(o.repoCache, { recursive: true, mode: 0o755 });
  if (o.repoURL === "" && ref.startsWith("oci://")) return locateOCI(ref, version, o);
  const u = goParseURL(name);
  if (!u) throw new LocateError(`invalid chart URL format: ${name}`);
  const isURL = u.scheme !== "" && u.host !== "" && u.path !== "";
  if (!isURL && !u.path.includes("/"))
    throw new LocateError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${u.string}`);
  // Like helm, repo and chart names come from the parsed URL's (unescaped) path.
  const resolved = resolveChartVersion(
    isURL ? name : u.path,
    version,
    o.repoFile,
    o.repoCache,
    stripEmpty(get),
  );
  if ((o.repoURL !== "" || !isURL) && version !== "") warnInexact(resolved.url, ref, version, o);
  if (!/^https?:$/.test(new URL(resolved.url).protocol))
    throw new LocateError(`scheme ${JSON.stringify(u.scheme)} not supported`);
  const digest = (resolved.digest ?? "").replace(/^sha256:/, "");
  let path = digest ? cached(o.contentCache, digest, "chart") : undefined;
  let key = digest;
  if (!path) {
    const data = await httpGet(resolved.url, resolved.get);
    if (!key) key = sha256(data).slice("sha256:".length);
    path = put(o.contentCache, key, "chart", data);
  }
  if (o.verify) {
    let prov = cached(o.contentCache, key, "prov");
    if (!prov) {
      let body: Uint8Array;
      try {
        body = await httpGet(`${resolved.url}.prov`, resolved.get);
      } catch {
        throw new LocateError(`failed to fetch provenance "${resolved.url}.prov"`);
      }
      prov = put(o.contentCache, key, "prov", body);
    }
    await verifyAs(path, prov, basename(new URL(resolved.url).pathname), o);
  }
  return path;
}

/** The error helm gives for a reference that is neither a path nor resolvable (no downloader options). */
function unresolvable(ref: string): never {
  const u = goParseURL(ref);
  if (!u) throw new LocateError(`invalid chart URL format: ${ref}`);
  if (u.scheme !== "" && u.host !== "" && u.path !== "") {
    if (!/^https?$/.test(u.scheme)) throw new LocateError(`scheme ${JSON.stringify(u.scheme)} not supported`);
    throw new LocateError(`repo ${ref.slice(0, ref.indexOf("/"))} not found`);
  }
  const slash = u.path.indexOf("/");
  if (slash >= 0) throw new LocateError(`repo ${u.path.slice(0, slash)} not found`);
  throw new LocateError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${u.string}`);
}

/** helm's IndexFile.Get logs when a constraint, not the exact version, picked the chart. */
function warnInexact(url: string, ref: string, version: string, o: LocateOptions): void {
  const file = basename(new URL(url).pathname).replace(/\.tgz$/, "");
  const chart = o.repoURL !== "" ? ref : ref.slice(ref.indexOf("/") + 1);
  const selected = file.startsWith(`${chart}-`) ? file.slice(chart.length + 1) : "";
  if (selected !== "" && selected !== version)
    o.warn("unable to find exact version requested; falling back to closest available version", [
      ["chart", chart],
      ["requested", version],
      ["selected", selected],
    ]);
}

function cachePath(root: string, key: string, kind: "chart" | "prov"): string {
  return join(root, key.slice(0, 2), `${key}.${kind}`);
}

function cached(root: string, key: string, kind: "chart" | "prov"): string | undefined {
  const p = cachePath(root, key, kind);
  return existsSync(p) ? p : undefined;
}

function put(root: string, key: string, kind: "chart" | "prov", data: Uint8Array): string {
  const p = cachePath(root, key, kind);
  mkdirSync(join(root, key.slice(0, 2)), { recursive: true, mode: 0o755 });
  atomicWriteFile(p, data);
  return p;
}

/** A provenance file names the archive: verify a copy under that name (helm copies it into the cache root). */
async function verifyAs(chart: string, prov: string, fileName: string, o: LocateOptions): Promise<void> {
  const { verifyChart } = await import("../repo/provenance.ts");
  mkdirSync(o.contentCache, { recursive: true, mode: 0o755 });
  const tmp = join(o.contentCache, fileName);
  copyFileSync(chart, tmp);
  try {
    await verifyChart(tmp, prov, o.keyring);
  } finally {
    rmSync(tmp, { force: true });
  }
}

async function verifyLocal(path: string, keyring: string): Promise<void> {
  if (statSync(path).isDirectory()) throw new LocateError("unpacked charts cannot be verified");
  if (!path.toLowerCase().endsWith(".tgz")) throw new LocateError("chart must be a tgz file");
  const prov = `${path}.prov`;
  if (!existsSync(prov))
    throw new LocateError(`could not load provenance file ${prov}: stat ${prov}: no such file or directory`);
  const { verifyChart } = await import("../repo/provenance.ts");
  await verifyChart(path, prov, keyring);
}

async function locateOCI(ref: string, version: string, o: LocateOptions): Promise<string> {
  const { pullOCI, registryFlagsFrom } = await import("./registry.ts");
  const flags = registryFlagsFrom(o.get, o.plainHTTP, o.registryConfig);
  // helm pulls (and says so) every time; the cache is keyed by the chart layer's sha256.
  const r = await pullOCI(ref, version, flags);
  o.stderr(r.message);
  const key = sha256(r.data).slice("sha256:".length);
  const path = cached(o.contentCache, key, "chart") ?? put(o.contentCache, key, "chart", r.data);
  if (o.verify) {
    // A provenance file cached for these archive bytes is used as is; else the getter fetches
    // "<resolved ref>.prov": the same manifest's provenance layer, a second pull.
    let prov = cached(o.contentCache, key, "prov");
    if (!prov) {
      let p: Awaited<ReturnType<typeof pullOCI>> | undefined;
      try {
        p = await pullOCI(r.resolvedRef, "", flags, true);
      } catch {}
      if (!p?.prov) throw new LocateError(`failed to fetch provenance "${r.resolvedRef}.prov"`);
      o.stderr(p.message);
      prov = put(o.contentCache, key, "prov", p.prov);
    }
    await verifyAs(path, prov, r.fileName, o);
  }
  return path;
}

function stripEmpty(g: GetOptions): GetOptions {
  return Object.fromEntries(Object.entries(g).filter(([, v]) => v !== "" && v !== false && v !== undefined));
}
