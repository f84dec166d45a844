// helm's registry credentials file (docker's config.json shape) at
// $HELM_REGISTRY_CONFIG or <config>/registry/config.json: {"auths": {host: {"auth": base64(user:pass)}}},
// written with tab indentation, mode 0600 in a 0700 folder, as helm writes it.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { atomicWriteFile } from "../repo/atomic-write.ts";

type Auths = Record<string, { auth?: string; username?: string; password?: string }>;

function load(path: string): { auths: Auths; [k: string]: unknown } {
  try {
    const doc = JSON.parse(readFileSync(path, "utf8"));
    return { ...doc, auths: doc.auths ?? {} };
  } catch {
    return { auths: {} };
  }
}

function save(path: string, doc: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  atomicWriteFile(path, JSON.stringify(doc, null, "\t"), 0o600);
}

export function storeCredentials(path: string, host: string, username: string, password: string): void {
  const doc = load(path);
  doc.auths[host] = { auth: Buffer.from(`${username}:${password}`).toString("base64") };
  save(path, doc);
}

export function removeCredentials(path: string, host: string): void {
  const doc = load(path);
  delete doc.auths[host];
  save(path, doc);
}

export function getCredentials(
  path: string,
  host: string,
): { username: string; password: string } | undefined {
  const a = load(path).auths[host];
  if (!a) return undefined;
  if (a.auth) {
    const s = Buffer.from(a.auth, "base64").toString("utf8");
    const i = s.indexOf(":");
    return { username: s.slice(0, i), password: s.slice(i + 1) };
  }
  if (a.username !== undefined) return { username: a.username, password: a.password ?? "" };
  return undefined;
}
