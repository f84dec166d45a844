import { RepoIndexAction } from "../../actions/repo-index.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";

const command: Command = {
  use: "index [DIR] [flags]",
  long: `
Read the current directory, generate an index file based on the charts found
and write the result to 'index.yaml' in the current directory.

This tool is used for creating an 'index.yaml' file for a chart repository. To
set an absolute URL to the charts, use '--url' flag.

To merge the generated index with an existing index file, use the '--merge'
flag. In this case, the charts found in the current directory will be merged
into the index passed in with --merge, with local charts taking priority over
existing charts.`,
  flags: [
    { name: "url", kind: "string", usage: "url of chart repository" },
    { name: "merge", kind: "string", usage: "merge the generated index into the given index" },
    { name: "json", kind: "bool", usage: "output in JSON format" },
  ],
  async run(parsed, io) {
    if (parsed.args.length !== 1) {
      throw new CliError(
        `"capstan repo index" requires 1 argument\n\nUsage:  capstan repo index [DIR] [flags]`,
      );
    }
    new RepoIndexAction({
      dir: parsed.args[0]!,
      url: (parsed.flags.url as string) ?? "",
      merge: (parsed.flags.merge as string) ?? "",
      json: parsed.flags.json === true,
      cwd: io.cwd,
    }).run();
  },
};
export default command;
