import { resolve } from "node:path";
import { pull } from "../../actions/pull.ts";
import { defaultKeyring, registryConfig } from "../../repo/helmpath.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { repoSettings } from "./repo-settings.ts";

const command: Command = {
  use: "pull [chart URL | repo/chartname] [...] [flags]",
  long: `
Retrieve a package from a package repository, and download it locally.

This is useful for fetching packages to inspect, modify, or repackage. It can
also be used to perform cryptographic verification of a chart without installing
the chart.

There are options for unpacking the chart after download. This will create a
directory for the chart and uncompress into that directory.`,
  flags: [
    {
      name: "destination",
      short: "d",
      kind: "string",
      usage: "location to write the chart. If this and untardir are specified, untardir is appended to this",
      default: ".",
    },
    { name: "untar", kind: "bool", usage: "if set to true, will untar the chart after downloading it" },
    {
      name: "untardir",
      kind: "string",
      usage:
        "if untar is specified, this flag specifies the name of the directory into which the chart is expanded",
      default: ".",
    },
    {
      name: "version",
      kind: "string",
      usage:
        "specify a version constraint for the chart version to use. This constraint can be a specific tag (e.g. 1.1.1) or it may reference a valid range (e.g. ^2.0.0). If this is not specified, the latest version is used",
    },
    {
      name: "devel",
      kind: "bool",
      usage:
        "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored.",
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
    { name: "pass-credentials", kind: "bool", usage: "pass credentials to all domains" },
    { name: "cert-file", kind: "string", usage: "identify HTTPS client using this SSL certificate file" },
    { name: "key-file", kind: "string", usage: "identify HTTPS client using this SSL key file" },
    {
      name: "ca-file",
      kind: "string",
      usage: "verify certificates of HTTPS-enabled servers using this CA bundle",
    },
    {
      name: "insecure-skip-tls-verify",
      kind: "bool",
      usage: "skip tls certificate checks for the chart download",
    },
    { name: "plain-http", kind: "bool", usage: "use insecure HTTP connections for the chart download" },
    { name: "prov", kind: "bool", usage: "fetch the provenance file, but don't perform verification" },
    { name: "verify", kind: "bool", usage: "verify the package before using it" },
    { name: "keyring", kind: "string", usage: "location of public keys used for verification" },
  ],
  async run(parsed, io) {
    if (parsed.args.length < 1) {
      throw new CliError(
        `"capstan pull" requires at least 1 argument\n\nUsage:  capstan pull [chart URL | repo/chartname] [...] [flags]`,
      );
    }
    const f = parsed.flags;
    const s = repoSettings(parsed, io);
    for (const ref of parsed.args) {
      const out = await pull({
        chartRef: ref,
        version: (f.version as string) ?? "",
        devel: f.devel === true,
        untar: f.untar === true,
        untarDir: (f.untardir as string) ?? ".",
        destDir: (f.destination as string) ?? ".",
        repoURL: (f.repo as string) ?? "",
        get: {
          username: (f.username as string) ?? "",
          password: (f.password as string) ?? "",
          passCredentialsAll: f["pass-credentials"] === true,
          certFile: (f["cert-file"] as string) ?? "",
          keyFile: (f["key-file"] as string) ?? "",
          caFile: (f["ca-file"] as string) ?? "",
          insecureSkipTLSVerify: f["insecure-skip-tls-verify"] === true,
        },
        cwd: io.cwd,
        warn: io.stderr,
        plainHTTP: f["plain-http"] === true,
        verify: f.verify === true,
        prov: f.prov === true,
        keyring: resolve(io.cwd, (f.keyring as string) || defaultKeyring(io.env)),
        registryConfig: (f["registry-config"] as string) || registryConfig(io.env),
        ...s,
      });
      io.stdout(out);
    }
  },
};
export default command;
