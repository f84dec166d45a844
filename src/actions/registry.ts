// OCI registry verbs as helm 4 runs them: `registry login|logout`, `push`,
// and the oci:// side of `pull`. Messages go to stderr, as helm's do.
import { existsSync, readFileSync, statSync } from "node:fs";
import { loadArchive } from "../chart/load.ts";
import { metadataJSON } from "../chart/package-metadata.ts";
import {
  parseReference,
  RegistryClient,
  type RegistryOptions,
  validateReference,
} from "../registry/client.ts";
import { getCredentials, removeCredentials, storeCredentials } from "../registry/credentials.ts";
import type { GetOptions } from "../repo/getter.ts";
import { marshalOrderedJSON } from "../repo/json-ordered.ts";
import { Constraints, compareVersions, parseVersion } from "../repo/semver.ts";

export interface RegistryFlags extends Omit<RegistryOptions, "credentials"> {
  username?: string;
  password?: string;
  registryConfig: string;
}

/** The registry flags of a chart download (pull, template oci://): its HTTP options, empty ones unset. */
export function registryFlagsFrom(
  get: GetOptions,
  plainHTTP: boolean | undefined,
  registryConfig: string,
): RegistryFlags {
  return {
    plainHTTP,
    insecureSkipTLSVerify: get.insecureSkipTLSVerify,
    caFile: get.caFile || undefined,
    certFile: get.certFile || undefined,
    keyFile: get.keyFile || undefined,
    username: get.username || undefined,
    password: get.password || undefined,
    registryConfig,
  };
}

/** A registry client for host with the flags' credentials, else those `registry login` stored. */
export function clientFor(host: string, f: RegistryFlags): RegistryClient {
  const credentials =
    f.username || f.password
      ? { username: f.username ?? "", password: f.password ?? "" }
      : getCredentials(f.registryConfig, host);
  return new RegistryClient(host, { ...f, credentials });
}

export async function registryLogin(host: string, f: RegistryFlags): Promise<string> {
  const c = new RegistryClient(host, {
    ...f,
    credentials: { username: f.username ?? "", password: f.password ?? "" },
  });
  try {
    await c.ping();
  } catch (e) {
    throw new Error(`authenticating to "${host}": ${(e as Error).message}`);
  }
  storeCredentials(f.registryConfig, host, f.username ?? "", f.password ?? "");
  return "Login Succeeded\n";
}

export function registryLogout(host: string, registryConfig: string): string {
  removeCredentials(registryConfig, host);
  return `Removing login credentials for ${host}\n`;
}

/** Go's strconv-style \uXXXX escaping of non-ASCII annotation values (UTF-16 units). */
function escapeNonASCII(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < 0x80 ? s[i] : `\\u${c.toString(16).padStart(4, "0")}`;
  }
  return out;
}

/** RFC 3339 in local time, whole seconds (Go's time.Format(time.RFC3339)). */
function rfc3339(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const l = new Date(ms + off * 60000);
  const p = (n: number) => String(n).padStart(2, "0");
  const zone =
    off === 0 ? "Z" : `${off > 0 ? "+" : "-"}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
  return `${l.getUTCFullYear()}-${p(l.getUTCMonth() + 1)}-${p(l.getUTCDate())}T${p(l.getUTCHours())}:${p(l.getUTCMinutes())}:${p(l.getUTCSeconds())}${zone}`;
}

export async function push(chartPath: string, remote: string, f: RegistryFlags): Promise<string> {
  if (!remote.startsWith("oci://")) throw new Error(`scheme prefix missing from remote (e.g. "oci://")`);
  const bytes = readFileSync(chartPath);
  const md = loadArchive(bytes).metadata;
  const base = remote.slice("oci://".length).replace(/\/+$/, "");
  const { host, repository: prefix } = parseReference(`${base}/x`);
  const repository = [prefix.replace(/\/?x$/, ""), md.Name].filter(Boolean).join("/");
  const tag = md.Version.replaceAll("+", "_");
  const ann: Record<string, string> = {};
  const add = (k: string, v: string) => {
    if (v.trim() !== "") ann[k] = escapeNonASCII(v);
  };
  add("org.opencontainers.image.description", md.Description);
  add("org.opencontainers.image.title", md.Name);
  add("org.opencontainers.image.version", md.Version);
  add("org.opencontainers.image.url", md.Home);
  add("org.opencontainers.image.created", rfc3339(statSync(chartPath).mtimeMs));
  if (md.Sources.length > 0) add("org.opencontainers.image.source", md.Sources[0]!);
  if (md.Maintainers.length > 0) {
    add(
      "org.opencontainers.image.authors",
      md.Maintainers.map((m) => `${m?.Name ?? ""}${m?.Email ? ` (${m.Email})` : ""}`).join(", "),
    );
  }
  for (const [k, v] of md.Annotations ?? []) {
    if (k === "org.opencontainers.image.version" || k === "org.opencontainers.image.title") continue;
    ann[k] = escapeNonASCII(v);
  }
  const config = new TextEncoder().encode(marshalOrderedJSON(metadataJSON(md), ""));
  // A provenance file beside the archive travels as its own layer.
  const provPath = `${chartPath}.prov`;
  const prov = existsSync(provPath) ? readFileSync(provPath) : undefined;
  const digest = await clientFor(host, f).push(repository, tag, config, bytes, ann, prov);
  const ref = `${host}/${repository}:${tag}`;
  return `Pushed: ${ref}\nDigest: ${digest}\n${tag.includes("_") ? underscoreNotice(ref) : ""}`;
}

// helm's registry client explains a reference holding "_" (pull: anywhere in it; push: in the tag).
const underscoreNotice = (ref: string) => `${ref} contains an underscore.

OCI artifact references (e.g. tags) do not support the plus sign (+). To support
storing semantic versions, Helm adopts the convention of changing plus (+) to
an underscore (_) in chart version tags when pushing to a registry and back to
a plus (+) when pulling from a registry.
`;

/** Pulls oci://host/repo/chart at a version (or the newest matching tag); returns the file name and message. */
export async function pullOCI(
  ref: string,
  version: string,
  f: RegistryFlags,
  withProv = false,
): Promise<{ fileName: string; data: Uint8Array; message: string; prov?: Uint8Array; resolvedRef: string }> {
  const { host, repository, tag: refTag } = parseReference(ref);
  validateReference(repository, refTag);
  const client = clientFor(host, f);
  let tag = refTag || version.replaceAll("+", "_");
  if (!refTag && (version === "" || !parseVersion(version) || /[\^~*xX<>=|, ]/.test(version))) {
    const constraint = Constraints.parse(version === "" ? ">0.0.0" : version);
    const candidates = (await client.tags(repository))
      .map((t) => ({ t, v: parseVersion(t.replaceAll("_", "+")) }))
      .filter((x) => x.v && constraint.check(x.v))
      .sort((a, b) => compareVersions(b.v!, a.v!));
    if (candidates.length === 0)
      throw new Error(`could not locate a version matching provided version string ${version}`);
    tag = candidates[0]!.t;
  }
  const r = await client.pull(repository, tag, withProv);
  const pulled = `${host}/${repository}:${tag}`;
  const name = repository.split("/").pop()!;
  return {
    fileName: `${name}-${tag.replaceAll("_", "+")}.tgz`,
    data: r.chart,
    prov: r.prov,
    message: `Pulled: ${pulled}\nDigest: ${r.digest}\n${pulled.includes("_") ? underscoreNotice(pulled) : ""}`,
    resolvedRef: `oci://${host}/${repository}:${tag}`,
  };
}
