// The flags of `dependency update|build` and the download half of them that
// `package -u` shares: helm's chart-download TLS and credential flags (the
// registry and repository settings are global flags).

import type { FlagSpec } from "../flags.ts";
import { chartPathFlags } from "../install-flags.ts";

const downloadNames = new Set([
  "username",
  "password",
  "ca-file",
  "cert-file",
  "key-file",
  "insecure-skip-tls-verify",
  "plain-http",
]);

export const downloadFlags: FlagSpec[] = [...chartPathFlags.filter((f) => downloadNames.has(f.name))];

export const dependencyFlags: FlagSpec[] = [
  { name: "verify", kind: "bool", usage: "verify the packages against signatures" },
  { name: "keyring", kind: "string", usage: "keyring containing public keys" },
  { name: "skip-refresh", kind: "bool", usage: "do not refresh the local repository cache" },
  ...downloadFlags,
];
