// `capstan dependency list` (alias dep, ls). update/build are not implemented yet.
import { dependencyList } from "../../actions/dependency-list.ts";
import type { Command } from "../command.ts";
import { formatTable } from "./repo-output.ts";

const list: Command = {
  use: "list CHART [flags]",
  long: `
List all of the dependencies declared in a chart.

This can take chart archives and chart directories as input. It will not alter
the contents of a chart.

This will produce an error if the chart cannot be loaded.`,
  flags: [
    { name: "max-col-width", kind: "int", usage: "maximum column width for output table", default: 80 },
  ],
  async run(parsed, io) {
    const path = parsed.args[0] ?? ".";
    const r = dependencyList(path, io.cwd);
    let out = "";
    if (r.rows) {
      out += formatTable(
        [["NAME", "VERSION", "REPOSITORY", "STATUS"], ...r.rows],
        Number(parsed.flags["max-col-width"] ?? 80),
      );
      out += "\n";
    }
    io.stdout(out + r.warnings.join(""));
  },
};

const command: Command = {
  use: "dependency update|build|list",
  long: `
Manage the dependencies of a chart.

Helm charts store their dependencies in 'charts/'. For chart developers, it is
often easier to manage dependencies in 'Chart.yaml' which declares all
dependencies.`,
  flags: [],
  subcommands: [
    {
      name: "list",
      aliases: ["ls"],
      summary: "list the dependencies for the given chart",
      load: async () => list,
    },
  ],
};
export default command;
