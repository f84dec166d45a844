// helm's ChartRepository.DownloadIndexFile: fetch <url>/index.yaml, check it
// loads, then write the bytes as received to <cache>/<name>-index.yaml and the
// chart names to <cache>/<name>-charts.txt.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { atomicWriteFile } from "./atomic-write.ts";
import { httpGet } from "./getter.ts";
import { type IndexFile, loadIndex } from "./index-file.ts";
import type { RepoEntry } from "./repo-file.ts";

export const cacheIndexFile = (name: string) => `${name}-index.yaml`;
export const cacheChartsFile = (name: string) => `${name}-charts.txt`;

/** helm's ResolveReferenceURL: refURL against baseURL treated as a folder; the base's query kept. */
export function resolveReferenceURL(baseURL: string, refURL: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(refURL)) return refURL;
  let base: URL;
  try {
    base = new URL(baseURL);
  } catch {
    throw new Error(`failed to parse ${baseURL} as URL`);
  }
  const query = base.search;
  base.pathname = `${base.pathname.replace(/\/$/, "")}/`;
  const out = new URL(refURL, base);
  out.search = query;
  return out.toString();
}

export async function downloadIndexFile(
  entry: RepoEntry,
  cachePath: string,
  /** repo add --timeout; the getter's default otherwise. */
  timeoutMs?: number,
): Promise<{ path: string; index: IndexFile }> {
  const indexURL = resolveReferenceURL(entry.url, "index.yaml");
  const body = await httpGet(indexURL, {
    repoURL: entry.url,
    username: entry.username,
    password: entry.password,
    passCredentialsAll: entry.passCredentialsAll,
    certFile: entry.certFile,
    keyFile: entry.keyFile,
    caFile: entry.caFile,
    insecureSkipTLSVerify: entry.insecureSkipTLSVerify,
    timeoutMs,
  });
  const index = loadIndex(body, entry.url);
  mkdirSync(cachePath, { recursive: true, mode: 0o755 });
  const names = [...index.entries.keys()].map((n) => `${n}\n`).join("");
  atomicWriteFile(join(cachePath, cacheChartsFile(entry.name)), names, 0o644);
  const path = join(cachePath, cacheIndexFile(entry.name));
  atomicWriteFile(path, body, 0o644);
  return { path, index };
}
