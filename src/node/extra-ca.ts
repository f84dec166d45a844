// NODE_EXTRA_CA_CERTS, loaded when a TLS connection first needs it.
//
// Node 20 reads and parses that file as it starts, before any of our code
// runs: for a system bundle of some 140 certificates that is about 50 ms of
// CPU, more than a small chart's whole render, and most commands make no TLS
// connection at all. So the command's launcher (bin/capstan) hands the setting
// over as CAPSTAN_EXTRA_CA_CERTS, and `adoptDeferredExtraCA` (called first
// thing by the CLI entry) puts NODE_EXTRA_CA_CERTS back for child processes.
// The TLS clients then ask `defaultCA()` for what Node would have trusted:
// its bundled roots plus the file's certificates. When Node itself loaded the
// file (`node bin/capstan.js`), nothing is deferred and Node's default stands.
import { readFileSync } from "node:fs";
import type { SecureContext, SecureContextOptions } from "node:tls";

const DEFERRED = "CAPSTAN_EXTRA_CA_CERTS";
let deferred: string | undefined;
let loaded: string[] | undefined;

/**
 * Takes over a setting the launcher deferred: NODE_EXTRA_CA_CERTS is
 * restored in `env` (children see what the user set). Returns the
 * environment a worker of this process needs to defer the same file.
 */
export function adoptDeferredExtraCA(env: Record<string, string | undefined>): Record<string, string> {
  const file = env[DEFERRED];
  if (file !== undefined) {
    deferred = file;
    delete env[DEFERRED];
    env.NODE_EXTRA_CA_CERTS = file;
  }
  return deferred === undefined ? {} : { [DEFERRED]: deferred };
}

/**
 * The CA certificates a TLS client without its own `ca` option trusts:
 * undefined (Node's default store) unless the extra certificates were
 * deferred, then Node's bundled roots plus the file's certificates.
 */
async function defaultCA(): Promise<string[] | undefined> {
  if (deferred === undefined) return undefined;
  if (loaded === undefined) {
    // node:tls only now: loading it costs start-up time every command would pay.
    const { rootCertificates } = await import("node:tls");
    loaded = [...rootCertificates];
    try {
      const pems = readFileSync(deferred, "latin1").match(PEM_BLOCK) ?? [];
      loaded.push(...pems);
    } catch (e) {
      // Node's warning when it cannot read the file (its reason is OpenSSL's
      // text, ours the file system's); like Node, go on without the file.
      process.stderr.write(
        `Warning: Ignoring extra certs from \`${deferred}\`, load failed: ${(e as Error).message}\n`,
      );
    }
  }
  return loaded;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

// Secure contexts made with the extra certificates, by client certificate
// and key ("" for none): building one parses some 280 certificates (70 ms or
// more), which Node would otherwise do again for every connection.
const contexts = new Map<string, SecureContext>();

/**
 * TLS client options that trust the deferred extra certificates when they
 * set no `ca` of their own (as one shared secure context, which then also
 * carries their client certificate and key).
 */
export async function withDefaultCA<T extends ClientTLS>(tls: T): Promise<T> {
  if (tls.ca !== undefined || deferred === undefined) return tls;
  const ca = await defaultCA();
  const { createSecureContext } = await import("node:tls");
  const key = `${tls.cert ?? ""}\0${tls.key ?? ""}`;
  let context = contexts.get(key);
  if (context === undefined) {
    context = createSecureContext({ ca, cert: tls.cert, key: tls.key });
    contexts.set(key, context);
  }
  return { ...tls, secureContext: context };
}

type ClientTLS = Pick<SecureContextOptions, "ca" | "cert" | "key"> & { secureContext?: SecureContext };
