// helm's HTTP getter: GET with basic auth (sent only to the repository's own
// host unless pass-credentials), client TLS, CA bundle, insecure skip-verify,
// and helm's error texts for non-200 answers and network failures.
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { withDefaultCA } from "../node/extra-ca.ts";
import { HELM_COMPAT_VERSION } from "../version.ts";

export interface GetOptions {
  /** The repository URL the request belongs to (credentials go only to its host). */
  repoURL?: string;
  username?: string;
  password?: string;
  passCredentialsAll?: boolean;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  insecureSkipTLSVerify?: boolean;
  /** Refuse bodies larger than this many bytes (hostile servers). */
  maxBytes?: number;
  timeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

// OpenSSL's codes for a chain Go's crypto/x509 reports as signed by an unknown authority.
const UNKNOWN_AUTHORITY = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

function goDialError(url: URL, e: NodeJS.ErrnoException): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const hostport = `${url.hostname}:${port}`;
  const what =
    e.code === "ECONNREFUSED"
      ? `dial tcp ${hostport}: connect: connection refused`
      : e.code === "ENOTFOUND"
        ? `dial tcp: lookup ${url.hostname}: no such host`
        : UNKNOWN_AUTHORITY.has(e.code ?? "")
          ? "tls: failed to verify certificate: x509: certificate signed by unknown authority"
          : e.message;
  return `Get "${url.toString()}": ${what}`;
}

/** Fetches a URL; resolves with the body, rejects with helm's wording. */
export async function httpGet(target: string, opts: GetOptions = {}): Promise<Uint8Array> {
  const url = new URL(target);
  const headers: Record<string, string> = { "User-Agent": `Helm/${HELM_COMPAT_VERSION.replace(/^v/, "")}` };
  if (opts.username || opts.password) {
    const sameHost = opts.repoURL ? new URL(opts.repoURL).host === url.host : true;
    if (opts.passCredentialsAll || sameHost) {
      headers.Authorization = `Basic ${Buffer.from(`${opts.username ?? ""}:${opts.password ?? ""}`).toString("base64")}`;
    }
  }
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const isHTTPS = url.protocol === "https:";
  if (!isHTTPS && url.protocol !== "http:") {
    throw new Error(`could not find protocol handler for: ${url.protocol.replace(/:$/, "")}`);
  }
  let tls: https.RequestOptions = {};
  if (isHTTPS) {
    if (opts.caFile) tls.ca = readFileSync(opts.caFile);
    if (opts.certFile) tls.cert = readFileSync(opts.certFile);
    if (opts.keyFile) tls.key = readFileSync(opts.keyFile);
    if (opts.insecureSkipTLSVerify) tls.rejectUnauthorized = false;
    tls = await withDefaultCA(tls);
  }
  return new Promise((resolve, reject) => {
    const req = (isHTTPS ? https : http).request(url, { method: "GET", headers, ...tls }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(
          new Error(`failed to fetch ${target} : ${res.statusCode} ${res.statusMessage ?? ""}`.trimEnd()),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > max) {
          req.destroy(new Error(`response from ${target} is larger than ${max} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      res.on("error", reject);
    });
    req.setTimeout(opts.timeoutMs ?? 120_000, () => req.destroy(new Error(`Get "${target}": timeout`)));
    req.on("error", (e: NodeJS.ErrnoException) => reject(e.code ? new Error(goDialError(url, e)) : e));
    req.end();
  });
}
