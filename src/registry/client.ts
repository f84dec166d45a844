// An OCI distribution client for Helm charts (what helm does through oras):
// ping/login, push (config + chart layer + manifest, tagged by version), pull
// by tag with digest checks, tag listing. Basic auth, and bearer tokens when
// the registry asks for them.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { withDefaultCA } from "../node/extra-ca.ts";
import { errorResponseText } from "./errors.ts";

interface RawResponse {
  status: number;
  headers: { get: (name: string) => string | null };
  body: Uint8Array;
}

/** One HTTP(S) exchange with Node's client (TLS options per registry). */
async function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  tls: https.RequestOptions,
  redirects = 5,
): Promise<RawResponse> {
  const u = new URL(url);
  const isTLS = u.protocol === "https:";
  const mod = isTLS ? https : http;
  const tlsOptions = isTLS ? await withDefaultCA(tls) : {};
  return new Promise((resolve, reject) => {
    const req = mod.request(u, { method, headers, ...tlsOptions }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const loc = res.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && loc && redirects > 0) {
          // blob downloads may redirect to storage; credentials are not forwarded to another host
          const next = new URL(loc, u);
          const h = { ...headers };
          if (next.host !== u.host) delete h.Authorization;
          resolve(rawRequest(next.toString(), status === 303 ? "GET" : method, h, body, tls, redirects - 1));
          return;
        }
        resolve({
          status,
          headers: {
            get: (n) => {
              const v = res.headers[n.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(", ") : String(v);
            },
          },
          body: new Uint8Array(Buffer.concat(chunks)),
        });
      });
      res.on("error", reject);
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      const port = u.port || (u.protocol === "https:" ? "443" : "80");
      // Go's *url.Error names the method as urlErrorOp does: "Get", "Put", "Head".
      const op = method.slice(0, 1) + method.slice(1).toLowerCase();
      reject(
        new Error(
          e.code === "ECONNREFUSED"
            ? `${op} "${url}": dial tcp ${u.hostname}:${port}: connect: connection refused`
            : `${op} "${url}": ${e.message}`,
        ),
      );
    });
    req.end(body);
  });
}

export const CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
export const CHART_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
export const PROV_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.provenance.v1.prov";
const MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

export interface RegistryOptions {
  plainHTTP?: boolean;
  insecureSkipTLSVerify?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  credentials?: { username: string; password: string };
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** "host[:port]/path/name:tag" split into its parts. */
export function parseReference(ref: string): { host: string; repository: string; tag: string } {
  const r = ref.replace(/^oci:\/\//, "");
  const slash = r.indexOf("/");
  if (slash < 0) throw new Error(`invalid reference: ${ref}`);
  const host = r.slice(0, slash);
  let rest = r.slice(slash + 1);
  let tag = "";
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { host, repository: rest, tag };
}

// The OCI distribution grammar oras checks references against before any request.
const REPOSITORY_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;

/** oras's Reference.Validate: errors as helm prints them (invalid reference: invalid repository "…"). */
export function validateReference(repository: string, tag: string): void {
  if (!REPOSITORY_RE.test(repository))
    throw new Error(`invalid reference: invalid repository ${JSON.stringify(repository)}`);
  if (tag !== "" && !TAG_RE.test(tag))
    throw new Error(`invalid reference: invalid tag ${JSON.stringify(tag)}`);
}

export class RegistryClient {
  private token: string | undefined;
  private tls: https.RequestOptions = {};

  constructor(
    readonly host: string,
    readonly opts: RegistryOptions = {},
  ) {
    if (opts.insecureSkipTLSVerify) this.tls.rejectUnauthorized = false;
    if (opts.caFile) this.tls.ca = readFileSync(opts.caFile);
    if (opts.certFile) this.tls.cert = readFileSync(opts.certFile);
    if (opts.keyFile) this.tls.key = readFileSync(opts.keyFile);
  }

  private base(): string {
    return `${this.opts.plainHTTP ? "http" : "https"}://${this.host}`;
  }

  private basic(): string | undefined {
    const c = this.opts.credentials;
    return c ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}` : undefined;
  }

  /** One request, answering a 401 challenge (Basic or Bearer) once; oras's error wording on failure. */
  async request(
    method: string,
    pathOrURL: string,
    op: string,
    init: { body?: Uint8Array; headers?: Record<string, string>; scope?: string; notFound?: string } = {},
  ): Promise<RawResponse> {
    const url = pathOrURL.startsWith("http") ? pathOrURL : `${this.base()}${pathOrURL}`;
    const send = async (auth?: string) => {
      const headers: Record<string, string> = { ...init.headers };
      if (auth) headers.Authorization = auth;
      return rawRequest(url, method, headers, init.body, this.tls);
    };
    let res = await send(this.token ? `Bearer ${this.token}` : this.basic());
    if (res.status === 401) {
      const challenge = res.headers.get("www-authenticate") ?? "";
      if (/^bearer/i.test(challenge)) {
        this.token = await this.fetchToken(challenge, init.scope);
        res = await send(`Bearer ${this.token}`);
      } else if (!this.opts.credentials) {
        throw new Error(`${op} "${url}": basic credential not found`);
      }
    }
    if (res.status === 404 && init.notFound) throw new Error(init.notFound);
    if (res.status >= 400) throw new Error(errorResponseText(op, url, res.status, res.body));
    return res;
  }

  private async fetchToken(challenge: string, scope?: string): Promise<string> {
    const params = Object.fromEntries(
      [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
    );
    const u = new URL(params.realm ?? "");
    if (params.service) u.searchParams.set("service", params.service);
    if (scope ?? params.scope) u.searchParams.set("scope", (scope ?? params.scope)!);
    const headers: Record<string, string> = {};
    const b = this.basic();
    if (b) headers.Authorization = b;
    const r = await rawRequest(u.toString(), "GET", headers, undefined, this.tls);
    if (r.status !== 200) throw new Error(`GET "${u}": response status code ${r.status}`);
    const j = JSON.parse(new TextDecoder().decode(r.body)) as { token?: string; access_token?: string };
    return j.token ?? j.access_token ?? "";
  }

  /** helm registry login's check: GET /v2/ with the credentials. */
  async ping(): Promise<void> {
    await this.request("GET", "/v2/", "GET");
  }

  private async pushBlob(repository: string, data: Uint8Array): Promise<Descriptor & { mediaType: "" }> {
    const digest = sha256(data);
    const scope = `repository:${repository}:pull,push`;
    const head = await this.request("HEAD", `/v2/${repository}/blobs/${digest}`, "HEAD", { scope }).catch(
      () => undefined,
    );
    if (head?.status !== 200) {
      const start = await this.request("POST", `/v2/${repository}/blobs/uploads/`, "POST", { scope });
      const loc = start.headers.get("location");
      if (!loc) throw new Error(`POST "${this.base()}/v2/${repository}/blobs/uploads/": no upload location`);
      const u = new URL(loc, this.base());
      u.searchParams.set("digest", digest);
      await this.request("PUT", u.toString(), "PUT", {
        body: data,
        headers: { "Content-Type": "application/octet-stream" },
        scope,
      });
    }
    return { mediaType: "", digest, size: data.length };
  }

  async push(
    repository: string,
    tag: string,
    config: Uint8Array,
    chart: Uint8Array,
    annotations: Record<string, string>,
    prov?: Uint8Array,
  ): Promise<string> {
    const c = await this.pushBlob(repository, config);
    const l = await this.pushBlob(repository, chart);
    const layers = [{ mediaType: CHART_LAYER_MEDIA_TYPE, digest: l.digest, size: l.size }];
    if (prov) {
      const p = await this.pushBlob(repository, prov);
      layers.push({ mediaType: PROV_LAYER_MEDIA_TYPE, digest: p.digest, size: p.size });
      // helm 4 sorts the layers by digest string, so either may come first.
      layers.sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
    }
    const sorted = Object.fromEntries(
      Object.keys(annotations)
        .sort()
        .map((k) => [k, annotations[k]!]),
    );
    const manifest = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        config: { mediaType: CONFIG_MEDIA_TYPE, digest: c.digest, size: c.size },
        layers,
        annotations: sorted,
      }),
    );
    await this.request("PUT", `/v2/${repository}/manifests/${tag}`, "PUT", {
      body: manifest,
      headers: { "Content-Type": MANIFEST_MEDIA_TYPE },
      scope: `repository:${repository}:pull,push`,
    });
    return sha256(manifest);
  }

  /** Pulls the chart layer, and with withProv the provenance layer too (an error when the manifest has none). */
  async pull(
    repository: string,
    tag: string,
    withProv = false,
  ): Promise<{ chart: Uint8Array; digest: string; prov?: Uint8Array }> {
    const scope = `repository:${repository}:pull`;
    // oras.Copy resolves the root with FetchReference and wraps its error; a 404 is errdef's "not found".
    const m = await this.request("GET", `/v2/${repository}/manifests/${tag}`, "GET", {
      headers: { Accept: MANIFEST_MEDIA_TYPE },
      scope,
      notFound: `${this.host}/${repository}:${tag}: not found`,
    }).catch((e: Error) => {
      throw new Error(`failed to perform "FetchReference" on source: ${e.message}`);
    });
    const manifest = JSON.parse(new TextDecoder().decode(m.body)) as { layers?: Descriptor[] };
    const blobOf = async (mediaType: string) => {
      const layer = manifest.layers?.find((d) => d.mediaType === mediaType);
      if (!layer) throw new Error(`manifest does not contain a layer with mediatype ${mediaType}`);
      const blob = await this.request("GET", `/v2/${repository}/blobs/${layer.digest}`, "GET", { scope });
      if (sha256(blob.body) !== layer.digest || blob.body.length !== layer.size) {
        throw new Error(`digest mismatch for ${repository}@${layer.digest}`);
      }
      return blob.body;
    };
    const chart = await blobOf(CHART_LAYER_MEDIA_TYPE);
    const prov = withProv ? await blobOf(PROV_LAYER_MEDIA_TYPE) : undefined;
    return { chart, digest: sha256(m.body), prov };
  }

  async tags(repository: string): Promise<string[]> {
    const r = await this.request("GET", `/v2/${repository}/tags/list`, "GET", {
      scope: `repository:${repository}:pull`,
    });
    return (JSON.parse(new TextDecoder().decode(r.body)).tags as string[] | null) ?? [];
  }
}
