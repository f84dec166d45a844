// Flags shared by the OCI verbs (registry login, push), and the options they build.
import type { RegistryFlags } from "../../actions/registry.ts";
import { registryConfig } from "../../repo/helmpath.ts";
import type { FlagSpec, Parsed } from "../flags.ts";
import type { CliIO } from "../io.ts";

export const registryFlagSpecs: FlagSpec[] = [
  { name: "cert-file", kind: "string", usage: "identify registry client using this SSL certificate file" },
  { name: "key-file", kind: "string", usage: "identify registry client using this SSL key file" },
  {
    name: "ca-file",
    kind: "string",
    usage: "verify certificates of HTTPS-enabled servers using this CA bundle",
  },
  {
    name: "insecure-skip-tls-verify",
    kind: "bool",
    usage: "skip tls certificate checks for the chart upload",
  },
  { name: "plain-http", kind: "bool", usage: "use insecure HTTP connections for the chart upload" },
  {
    name: "username",
    kind: "string",
    usage: "chart repository username where to locate the requested chart",
  },
  {
    name: "password",
    kind: "string",
    usage: "chart repository password where to locate the requested chart",
  },
];

export function registryFlags(parsed: Parsed, io: CliIO): RegistryFlags {
  const f = parsed.flags;
  const s = (k: string) => (f[k] as string) || undefined;
  return {
    certFile: s("cert-file"),
    keyFile: s("key-file"),
    caFile: s("ca-file"),
    insecureSkipTLSVerify: f["insecure-skip-tls-verify"] === true || f.insecure === true,
    plainHTTP: f["plain-http"] === true,
    username: s("username"),
    password: s("password"),
    registryConfig: s("registry-config") ?? registryConfig(io.env),
  };
}
