import { repoUpdate } from "../../actions/repo-manage.ts";
import type { Command } from "../command.ts";
import { repoSettings } from "./repo-settings.ts";

const command: Command = {
  use: "update [REPO1 [REPO2 ...]] [flags]",
  long: `
Update gets the latest information about charts from the respective chart repositories.
Information is cached locally, where it is used by commands like 'capstan search'.

You can optionally specify a list of repositories you want to update.
	$ capstan repo update <repo_name> ...
To update all the repositories, use 'capstan repo update'.`,
  flags: [],
  async run(parsed, io) {
    const s = repoSettings(parsed, io);
    await repoUpdate(parsed.args, s.repoFile, s.repoCache, io.stdout);
  },
};
export default command;
