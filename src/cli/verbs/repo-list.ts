import { repoList } from "../../actions/repo-manage.ts";
import { Struct } from "../../repo/json-ordered.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { encodeJSON, encodeYAML, formatTable, outputFlag, parseOutputFormat } from "./repo-output.ts";
import { repoSettings } from "./repo-settings.ts";

const command: Command = {
  use: "list [flags]",
  long: "list chart repositories",
  flags: [outputFlag, { name: "no-headers", kind: "bool", usage: "suppress headers in the output" }],
  async run(parsed, io) {
    if (parsed.args.length > 0) {
      throw new CliError(`"capstan repo list" accepts no arguments\n\nUsage:  capstan repo list [flags]`);
    }
    const format = parseOutputFormat(parsed.flags.output);
    const repos = repoList(repoSettings(parsed, io).repoFile);
    if (format === "table") {
      // helm prints this note on stderr and succeeds.
      if (repos.length === 0) return void io.stderr("no repositories to show\n");
      const rows = repos.map((r) => [r.name, r.url]);
      if (!parsed.flags["no-headers"]) rows.unshift(["NAME", "URL"]);
      io.stdout(formatTable(rows));
      return;
    }
    const list = repos.map(
      (r) =>
        new Struct([
          ["name", r.name],
          ["url", r.url],
        ]),
    );
    io.stdout(format === "json" ? encodeJSON(list) : encodeYAML(list));
  },
};
export default command;
