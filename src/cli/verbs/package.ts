import { readFileSync, writeFileSync } from "node:fs";

import { resolve } from "node:path";
import { PackageAction } from "../../actions/package.ts";
import { defaultKeyring } from "../../repo/helmpath.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { downloadFlags } from "./dependency-flags.ts";

const command: Command = {
  use: "package [CHART_PATH] [...] [flags]",
  long: `
This command packages a chart into a versioned chart archive file. If a path
is given, this will look at that path for a chart (which must contain a
Chart.yaml file) and then package that directory.

Versioned chart archives are used by Helm package repositories.`,
  flags: [
    { name: "version", kind: "string", usage: "set the version on the chart to this semver version" },
    { name: "app-version", kind: "string", usage: "set the appVersion on the chart to this version" },
    { name: "destination", short: "d", kind: "string", usage: "location to write the chart.", default: "." },
    {
      name: "dependency-update",
      short: "u",
      kind: "bool",
      usage: 'update dependencies from "Chart.yaml" to dir "charts/" before packaging',
    },
    { name: "sign", kind: "bool", usage: "use a PGP private key to sign this package" },
    { name: "key", kind: "string", usage: "name of the key to use when signing. Used if --sign is true" },
    { name: "keyring", kind: "string", usage: "location of a public keyring" },
    {
      name: "passphrase-file",
      kind: "string",
      usage:
        'location of a file which contains the passphrase for the signing key. Use "-" in order to read from stdin.',
    },
    ...downloadFlags,
  ],
  async run(parsed, io) {
    if (parsed.args.length === 0) throw new CliError("need at least one argument, the path to the chart");
    for (const path of parsed.args) {
      if (parsed.flags["dependency-update"]) {
        // helm runs the dependency manager with its output discarded.
        const { dependencyManager } = await import("./dependency.ts");
        await dependencyManager(path, parsed, io, () => {}).update();
      }
      const out = new PackageAction({
        path,
        version: (parsed.flags.version as string) || undefined,
        appVersion: (parsed.flags["app-version"] as string) || undefined,
        destination: (parsed.flags.destination as string) ?? ".",
        cwd: io.cwd,
      }).run();
      if (parsed.flags.sign) {
        const { signChart } = await import("../../repo/provenance.ts");
        const pf = parsed.flags["passphrase-file"] as string | undefined;
        let passphrase: string | undefined;
        if (pf === "-" && io.stdin) passphrase = (await io.stdin()).replace(/\r?\n$/, "");
        else if (pf) passphrase = readFileSync(resolve(io.cwd, pf), "utf8").replace(/\r?\n$/, "");
        const archive = resolve(io.cwd, out);
        const keyring = resolve(io.cwd, (parsed.flags.keyring as string) || defaultKeyring(io.env));
        const prov = await signChart(archive, keyring, (parsed.flags.key as string) ?? "", passphrase);
        writeFileSync(`${archive}.prov`, prov, { mode: 0o644 });
      }
      io.stdout(`Successfully packaged chart and saved it to: ${out}\n`);
    }
  },
};
export default command;
