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
      name: "add",
      summary: "add a chart repository",
      load: async () => (await import("./repo-add.ts")).default,
    },
    {
      name: "index",
      summary: "generate an index file given a directory containing packaged charts",
      load: async () => (await import("./repo-index.ts")).default,
    },
    {
      name: "list",
      aliases: ["ls"],
      summary: "list chart repositories",
      load: async () => (await import("./repo-list.ts")).default,
    },
    {
      name: "remove",
      aliases: ["rm"],
      summary: "remove one or more chart repositories",
      load: async () => (await import("./repo-remove.ts")).default,
    },
    {
      name: "update",
      aliases: ["up"],
      summary: "update information of available charts locally from chart repositories",
      load: async () => (await import("./repo-update.ts")).default,
    },
  ],
};
export default command;
