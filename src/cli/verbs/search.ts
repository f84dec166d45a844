// `capstan search ...`: only `search repo` (Artifact Hub search is not offered).
import type { Command } from "../command.ts";

const command: Command = {
  use: "search [command]",
  long: `
Search provides the ability to search for Helm charts in the various places
they can be stored including the Artifact Hub and repositories you have added.
Use search subcommands to search different locations for charts.`,
  flags: [],
  subcommands: [
    {
      name: "repo",
      summary: "search repositories for a keyword in charts",
      load: async () => (await import("./search-repo.ts")).default,
    },
  ],
};
export default command;
