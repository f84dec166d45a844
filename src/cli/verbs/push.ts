import { resolve } from "node:path";
import { push } from "../../actions/registry.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { registryFlagSpecs, registryFlags } from "./registry-flags.ts";

const command: Command = {
  use: "push [chart] [remote] [flags]",
  long: `
Upload a chart to a registry.

If the chart has an associated provenance file,
it will also be uploaded.`,
  flags: [...registryFlagSpecs],
  async run(parsed, io) {
    if (parsed.args.length !== 2) {
      throw new CliError(
        `"capstan push" requires 2 arguments\n\nUsage:  capstan push [chart] [remote] [flags]`,
      );
    }
    io.stderr(await push(resolve(io.cwd, parsed.args[0]!), parsed.args[1]!, registryFlags(parsed, io)));
  },
};
export default command;
