import { CAPSTAN_VERSION, HELM_COMPAT_VERSION } from "../../version.ts";
import type { Command } from "../command.ts";

const command: Command = {
  use: "version [flags]",
  long: "Show the version for capstan, and the helm version whose behaviour it reproduces.",
  flags: [{ name: "short", kind: "bool", usage: "print the version number" }],
  async run(parsed, io) {
    if (parsed.flags.short) io.stdout(`v${CAPSTAN_VERSION}\n`);
    else
      io.stdout(
        `capstan v${CAPSTAN_VERSION} (helm ${HELM_COMPAT_VERSION} compatible, node ${process.versions.node})\n`,
      );
  },
};
export default command;
