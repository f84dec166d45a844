import { PackageAction } from "../../actions/package.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";

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
  ],
  async run(parsed, io) {
    if (parsed.args.length === 0) throw new CliError("need at least one argument, the path to the chart");
    for (const path of parsed.args) {
      const out = new PackageAction({
        path,
        version: (parsed.flags.version as string) || undefined,
        appVersion: (parsed.flags["app-version"] as string) || undefined,
        destination: (parsed.flags.destination as string) ?? ".",
        cwd: io.cwd,
      }).run();
      io.stdout(`Successfully packaged chart and saved it to: ${out}\n`);
    }
  },
};
export default command;
