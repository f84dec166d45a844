// `helm pull` (alias fetch): downloads a chart by repo/chart, URL or --repo,
// into --destination, optionally expanding it (--untar, --untardir).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { expandArchive } from "../chart/package-expand.ts";
import { resolveReferenceURL } from "../repo/chart-repository.ts";
import { downloadTo, resolveChartVersion } from "../repo/downloader.ts";
import { type GetOptions, httpGet } from "../repo/getter.ts";
import { cvURLs, loadIndex } from "../repo/index-file.ts";
import { quote } from "../template/strconv.ts";

export interface PullOptions {
  /** --verify: fetch <chart URL>.prov and check it against keyring before keeping the chart. */
  verify?: boolean;
  /** --prov: fetch the provenance file too, without verifying (a warning when there is none). */
  prov?: boolean;
  keyring?: string;
  chartRef: string;
  version: string;
  devel: boolean;
  untar: boolean;
  untarDir: string;
  destDir: string;
  repoURL: string;
  get: GetOptions;
  repoFile: string;
  repoCache: string;
  cwd: string;
  warn: (s: string) => void;
  /** OCI: talk plain HTTP to the registry; where registry credentials live. */
  plainHTTP?: boolean;
  registryConfig?: string;
}

/** helm's FindChartInRepoURL: the chart's absolute URL in a repository not configured locally. */
export async function findChartInRepoURL(
  repoURL: string,
  chart: string,
  version: string,
  get: GetOptions,
): Promise<string> {
  let body: Uint8Array;
  try {
    body = await httpGet(resolveReferenceURL(repoURL, "index.yaml"), { ...get, repoURL });
  } catch (e) {
    throw new Error(
      `looks like ${quote(repoURL)} is not a valid chart repository or cannot be reached: ${(e as Error).message}`,
    );
  }
  const idx = loadIndex(body, repoURL);
  let label = `chart ${quote(chart)}`;
  if (version !== "") label += ` version ${quote(version)}`;
  let cv: ReturnType<typeof idx.get>;
  try {
    cv = idx.get(chart, version);
  } catch {
    throw new Error(`${label} not found in ${repoURL} repository`);
  }
  const urls = cvURLs(cv);
  if (urls.length === 0) throw new Error(`${label} has no downloadable URLs`);
  return resolveReferenceURL(repoURL, urls[0]!);
}

export async function pull(o: PullOptions): Promise<string> {
  let version = o.version;
  if (version === "" && o.devel) version = ">0.0.0-0";
  const destDir = resolve(o.cwd, o.destDir);
  if (o.chartRef.startsWith("oci://")) return pullFromRegistry(o, version, destDir);
  let chartRef = o.chartRef;
  if (o.repoURL !== "") chartRef = await findChartInRepoURL(o.repoURL, chartRef, version, o.get);
  const resolved =
    o.repoURL !== ""
      ? { url: chartRef, get: { ...o.get, repoURL: o.repoURL } }
      : resolveChartVersion(chartRef, version, o.repoFile, o.repoCache, stripEmpty(o.get));
  const dest = o.untar ? mkdtempSync(join(tmpdir(), "helm-")) : destDir;
  try {
    if (!o.untar && !existsSync(dest)) {
      // helm creates its temporary file beside the target and fails there.
      const name = new URL(resolved.url).pathname.split("/").pop() ?? "";
      const rnd = String(Math.floor(Math.random() * 4e9));
      throw new Error(`open ${join(o.destDir, name)}${rnd}: no such file or directory`);
    }
    let out = "";
    const saved = await downloadTo(resolved, dest);
    if (o.verify || o.prov) {
      // As helm's VerifyAlways (--verify) and VerifyLater (--prov): the archive is kept, then
      // its provenance fetched beside it (and, for --verify, checked).
      let prov: Uint8Array | undefined;
      try {
        prov = await httpGet(`${resolved.url}.prov`, resolved.get);
      } catch (e) {
        if (o.verify) throw new Error(`failed to fetch provenance "${resolved.url}.prov"`);
        out += `WARNING: Verification not found for ${o.chartRef}: ${(e as Error).message}\n`;
      }
      if (prov) out = (await keepProvenance(saved, prov, o)) ?? out;
    }
    if (!o.untar) return out;
    let ud = o.untarDir;
    if (!isAbsolute(ud)) ud = join(destDir, ud);
    const last = o.chartRef.split(/[\\/]/).pop() ?? o.chartRef;
    const udCheck = o.untarDir === "." ? join(destDir, last) : join(ud, last);
    if (existsSync(udCheck)) {
      throw new Error(
        `failed to untar: a file or directory with the name ${o.untarDir === "." ? last : udCheck} already exists`,
      );
    }
    mkdirSync(udCheck, { recursive: true, mode: 0o755 });
    expandInto(ud, readFileSync(saved));
    return out;
  } finally {
    if (o.untar) rmSync(dest, { recursive: true, force: true });
  }
}

function stripEmpty(g: GetOptions): GetOptions {
  return Object.fromEntries(Object.entries(g).filter(([, v]) => v !== "" && v !== false && v !== undefined));
}

/** Writes the archive's files under dir, refusing any path that would leave it. */
export function expandInto(dir: string, bytes: Uint8Array): void {
  const root = resolve(dir);
  for (const f of expandArchive(bytes)) {
    const target = resolve(root, f.path);
    if (!target.startsWith(root + sep))
      throw new Error(`chart illegally references parent directory: ${f.path}`);
    mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
    if (existsSync(target) && statSync(target).isDirectory()) throw new Error(`${f.path} is a directory`);
    writeFileSync(target, f.data, { mode: 0o644 });
  }
}

/** Writes the provenance beside the archive; with --verify checks it and returns helm's report. */
async function keepProvenance(saved: string, prov: Uint8Array, o: PullOptions): Promise<string | undefined> {
  writeFileSync(`${saved}.prov`, prov, { mode: 0o644 });
  if (!o.verify) return undefined;
  const { verifyChart } = await import("../repo/provenance.ts");
  const v = await verifyChart(saved, `${saved}.prov`, o.keyring ?? "");
  return `${v.signedBy.map((s) => `Signed by: ${s}\n`).join("")}Using Key With Fingerprint: ${v.fingerprint}\nChart Hash Verified: ${v.fileHash}\n`;
}

async function pullFromRegistry(o: PullOptions, version: string, destDir: string): Promise<string> {
  const { pullOCI, registryFlagsFrom } = await import("./registry.ts");
  const flags = registryFlagsFrom(o.get, o.plainHTTP, o.registryConfig ?? "");
  const r = await pullOCI(o.chartRef, version, flags);
  o.warn(r.message);
  if (!o.untar && !existsSync(destDir))
    throw new Error(`open ${join(o.destDir, r.fileName)}: no such file or directory`);
  // helm downloads into a temporary folder when untarring (a .prov there is not kept).
  const dir = o.untar ? mkdtempSync(join(tmpdir(), "helm-")) : destDir;
  try {
    const saved = join(dir, r.fileName);
    writeFileSync(saved, r.data, { mode: 0o644 });
    let out = "";
    if (o.verify || o.prov) {
      // The getter fetches "<resolved ref>.prov": the same manifest's provenance layer.
      let prov: Uint8Array | undefined;
      try {
        const p = await pullOCI(r.resolvedRef, "", flags, true);
        prov = p.prov;
        o.warn(p.message);
      } catch (e) {
        if (o.verify) throw new Error(`failed to fetch provenance "${r.resolvedRef}.prov"`);
        out += `WARNING: Verification not found for ${o.chartRef}: ${(e as Error).message}\n`;
      }
      if (prov) out = (await keepProvenance(saved, prov, o)) ?? out;
    }
    if (o.untar) {
      const ud = isAbsolute(o.untarDir) ? o.untarDir : join(destDir, o.untarDir);
      const chartName = r.fileName.replace(/-[^-]+\.tgz$/, "");
      const udCheck = o.untarDir === "." ? join(destDir, chartName) : join(ud, chartName);
      if (existsSync(udCheck)) {
        throw new Error(
          `failed to untar: a file or directory with the name ${o.untarDir === "." ? chartName : udCheck} already exists`,
        );
      }
      mkdirSync(udCheck, { recursive: true, mode: 0o755 });
      expandInto(ud, r.data);
    }
    return out;
  } finally {
    if (o.untar) rmSync(dir, { recursive: true, force: true });
  }
}
