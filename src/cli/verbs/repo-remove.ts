import { repoRemove } from "../../actions/repo-manage.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { repoSettings } from "./repo-settings.ts";

const command: Command = {
  use: "remove [REPO1 [REPO2 ...]] [flags]",
  long: "remove one or more chart repositories",
  flags: [],
  async run(parsed, io) {
    if (parsed.args.length < 1) {
      throw new CliError(
        `"capstan repo remove" requires at least 1 argument\n\nUsage:  capstan repo remove [REPO1 [REPO2 ...]] [flags]`,
      );
    }
    const s = repoSettings(parsed, io);
    repoRemove(parsed.args, s.repoFile, s.repoCache, io.stdout);
  },
};
export default command;
