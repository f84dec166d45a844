// `capstan repo ...`: add, list, remove, update, index — each sub-verb loads lazily.
import type { Command } from "../command.ts";

const command: Command = {
  use: "repo [command]",
  long: `
This command consists of multiple subcommands to interact with chart repositories.

It can be used to add, remove, list, and index chart repositories.`,
  flags: [],
  subcommands: [
    {
      name: "index",
      summary: "generate an index file given a directory containing packaged charts",
      load: async () => (await import("./repo-index.ts")).default,
    },
  ],
};
export default command;
