// The flags of `dependency update|build` and the download half of them that
// `package -u` shares (helm's chart-download TLS/credential flags, the
// registry client's settings, the repository settings).

import type { FlagSpec } from "../flags.ts";
import { chartPathFlags } from "../install-flags.ts";
import { repoSettingsFlags } from "./repo-settings.ts";

const downloadNames = new Set([
  "username",
  "password",
  "ca-file",
  "cert-file",
  "key-file",
  "insecure-skip-tls-verify",
  "plain-http",
]);

export const downloadFlags: FlagSpec[] = [
  ...chartPathFlags.filter((f) => downloadNames.has(f.name)),
  { name: "registry-config", kind: "string", usage: "path to the registry config file" },
  ...repoSettingsFlags,
];

export const dependencyFlags: FlagSpec[] = [
  { name: "verify", kind: "bool", usage: "verify the packages against signatures" },
  { name: "keyring", kind: "string", usage: "keyring containing public keys" },
  { name: "skip-refresh", kind: "bool", usage: "do not refresh the local repository cache" },
  ...downloadFlags,
];
