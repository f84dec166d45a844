// The flags helm's install, upgrade and template share (addInstallFlags and
// values.Options), so the verbs accept the same command lines as helm.

import { resolve } from "node:path";
import type { LocateOptions } from "../actions/locate-chart.ts";
import {
  contentCache,
  defaultKeyring,
  type Env,
  registryConfig,
  repositoryCache,
  repositoryConfig,
} from "../repo/helmpath.ts";
import type { FlagSpec, FlagValues } from "./flags.ts";
import { slogLine } from "./log.ts";

export const valueFlags: FlagSpec[] = [
  {
    name: "values",
    short: "f",
    kind: "stringSlice",
    usage: "specify values in a YAML file or a URL (can specify multiple)",
  },
  {
    name: "set",
    kind: "stringArray",
    usage:
      "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)",
  },
  {
    name: "set-string",
    kind: "stringArray",
    usage:
      "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)",
  },
  {
    name: "set-file",
    kind: "stringArray",
    usage:
      "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)",
  },
  {
    name: "set-json",
    kind: "stringArray",
    usage:
      'set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {"key1": jsonval1, "key2": "jsonval2"})',
  },
  { name: "set-literal", kind: "stringArray", usage: "set a literal STRING value on the command line" },
];

export const chartPathFlags: FlagSpec[] = [
  {
    name: "version",
    kind: "string",
    usage:
      "specify a version constraint for the chart version to use. This constraint can be a specific tag (e.g. 1.1.1) or it may reference a valid range (e.g. ^2.0.0). If this is not specified, the latest version is used",
  },
  { name: "repo", kind: "string", usage: "chart repository url where to locate the requested chart" },
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
  {
    name: "ca-file",
    kind: "string",
    usage: "verify certificates of HTTPS-enabled servers using this CA bundle",
  },
  { name: "cert-file", kind: "string", usage: "identify HTTPS client using this SSL certificate file" },
  { name: "key-file", kind: "string", usage: "identify HTTPS client using this SSL key file" },
  {
    name: "insecure-skip-tls-verify",
    kind: "bool",
    usage: "skip tls certificate checks for the chart download",
  },
  { name: "plain-http", kind: "bool", usage: "use insecure HTTP connections for the chart download" },
  { name: "pass-credentials", kind: "bool", usage: "pass credentials to all domains" },
  { name: "verify", kind: "bool", usage: "verify the package before using it" },
  { name: "keyring", kind: "string", usage: "location of public keys used for verification" },
  {
    name: "devel",
    kind: "bool",
    usage:
      "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored",
  },
];

export const installFlags: FlagSpec[] = [
  ...valueFlags,
  ...chartPathFlags,
  { name: "create-namespace", kind: "bool", usage: "create the release namespace if not present" },
  {
    name: "dependency-update",
    kind: "bool",
    usage: "update dependencies if they are missing before installing the chart",
  },
  { name: "description", kind: "string", usage: "add a custom description" },
  {
    name: "disable-openapi-validation",
    kind: "bool",
    usage:
      "if set, the installation process will not validate rendered templates against the Kubernetes OpenAPI Schema",
  },
  {
    name: "dry-run",
    kind: "string",
    usage: 'simulates the operation either client-side or server-side. Must be either: "client", or "server"',
  },
  { name: "enable-dns", kind: "bool", usage: "enable DNS lookups when rendering templates" },
  {
    name: "force-conflicts",
    kind: "bool",
    usage: "if set server-side apply will force changes against conflicts",
  },
  { name: "force-replace", kind: "bool", usage: "force resource updates by replacement" },
  {
    name: "generate-name",
    short: "g",
    kind: "bool",
    usage: "generate the name (and omit the NAME parameter)",
  },
  {
    name: "hide-notes",
    kind: "bool",
    usage: "if set, do not show notes in install output. Does not affect presence in chart metadata",
  },
  {
    name: "labels",
    short: "l",
    kind: "stringSlice",
    usage: "Labels that would be added to release metadata. Should be divided by comma.",
  },
  { name: "name-template", kind: "string", usage: "specify template used to name the release" },
  { name: "no-hooks", kind: "bool", usage: "prevent hooks from running during install" },
  {
    name: "post-renderer",
    kind: "string",
    usage: "the path to an executable to be used for post rendering (it receives the manifests on stdin)",
  },
  {
    name: "post-renderer-args",
    kind: "stringArray",
    usage: "an argument to the post-renderer (can specify multiple)",
  },
  {
    name: "render-subchart-notes",
    kind: "bool",
    usage: "if set, render subchart notes along with the parent",
  },
  {
    name: "replace",
    kind: "bool",
    usage:
      "reuse the given name, only if that name is a deleted release which remains in the history. This is unsafe in production",
  },
  {
    name: "rollback-on-failure",
    kind: "bool",
    usage:
      'if set, Helm will rollback (uninstall) the installation upon failure. The --wait flag will be default to "watcher" if --rollback-on-failure is set',
  },
  {
    name: "server-side",
    kind: "bool",
    usage: "object updates run in the server instead of the client",
    default: true,
  },
  {
    name: "skip-crds",
    kind: "bool",
    usage: "if set, no CRDs will be installed. By default, CRDs are installed if not already present",
  },
  { name: "skip-schema-validation", kind: "bool", usage: "if set, disables JSON schema validation" },
  {
    name: "take-ownership",
    kind: "bool",
    usage:
      "if set, install will ignore the check for helm annotations and take ownership of the existing resources",
  },
  {
    name: "timeout",
    kind: "duration",
    usage: "time to wait for any individual Kubernetes operation (like Jobs for hooks)",
    default: "5m0s",
  },
  {
    name: "wait",
    kind: "string",
    usage:
      "if specified, wait until resources are ready (up to --timeout). Values: 'watcher', 'hookOnly', and 'legacy'.",
  },
  {
    name: "wait-for-jobs",
    kind: "bool",
    usage:
      "if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout",
  },
];

/** The values part of parsed flags, as the values layer takes them. */
export function valueOptions(f: FlagValues) {
  return {
    valueFiles: (f.values as string[]) ?? [],
    set: (f.set as string[]) ?? [],
    setString: (f["set-string"] as string[]) ?? [],
    setFile: (f["set-file"] as string[]) ?? [],
    setJson: (f["set-json"] as string[]) ?? [],
    setLiteral: (f["set-literal"] as string[]) ?? [],
  };
}

/** helm's ChartPathOptions from the chart-path and global flags (--devel means ">0.0.0-0" without --version). */
export function chartPathOptions(
  f: FlagValues,
  io: { env: Env; cwd: string; stderr: (s: string) => void },
): LocateOptions {
  const { env, cwd } = io;
  const str = (k: string) => ((f[k] as string) ?? "").trim();
  let version = str("version");
  if (version === "" && f.devel === true) version = ">0.0.0-0";
  return {
    version,
    repoURL: str("repo"),
    get: {
      username: str("username"),
      password: (f.password as string) ?? "",
      passCredentialsAll: f["pass-credentials"] === true,
      certFile: str("cert-file"),
      keyFile: str("key-file"),
      caFile: str("ca-file"),
      insecureSkipTLSVerify: f["insecure-skip-tls-verify"] === true,
    },
    plainHTTP: f["plain-http"] === true,
    verify: f.verify === true,
    keyring: resolve(cwd, str("keyring") || defaultKeyring(env)),
    repoFile: str("repository-config") || repositoryConfig(env),
    repoCache: str("repository-cache") || repositoryCache(env),
    contentCache: str("content-cache") || contentCache(env),
    registryConfig: str("registry-config") || registryConfig(env),
    warn: (m, a) => io.stderr(slogLine("WARN", m, a)),
    stderr: io.stderr,
  };
}
