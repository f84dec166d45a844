import { searchRepo } from "../../actions/search-repo.ts";
import { Struct } from "../../repo/json-ordered.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { encodeJSON, encodeYAML, formatTable, outputFlag, parseOutputFormat } from "./repo-output.ts";
import { repoSettings } from "./repo-settings.ts";

const command: Command = {
  use: "repo [keyword] [flags]",
  long: `
Search reads through all of the repositories configured on the system, and
looks for matches. Search of these repositories uses the metadata stored on
the system.

It will display the latest stable versions of the charts found. If you
specify the --devel flag, the output will include pre-release versions.
If you want to search using a version constraint, use --version.`,
  flags: [
    {
      name: "regexp",
      short: "r",
      kind: "bool",
      usage: "use regular expressions for searching repositories you have added",
    },
    {
      name: "versions",
      short: "l",
      kind: "bool",
      usage:
        "show the long listing, with each version of each chart on its own line, for repositories you have added",
    },
    {
      name: "devel",
      kind: "bool",
      usage:
        "use development versions (alpha, beta, and release candidate releases), too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored",
    },
    {
      name: "version",
      kind: "string",
      usage: "search using semantic versioning constraints on repositories you have added",
    },
    { name: "max-col-width", kind: "int", usage: "maximum column width for output table", default: 50 },
    { name: "fail-on-no-result", kind: "bool", usage: "search fails if no results are found" },
    outputFlag,
  ],
  async run(parsed, io) {
    const f = parsed.flags;
    const format = parseOutputFormat(f.output);
    const s = repoSettings(parsed, io);
    const res = searchRepo({
      terms: parsed.args,
      regexp: f.regexp === true,
      versions: f.versions === true,
      devel: f.devel === true,
      version: (f.version as string) ?? "",
      warn: io.stderr,
      ...s,
    });
    if (res.length === 0 && f["fail-on-no-result"]) throw new CliError("no results found");
    const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
    if (format === "table") {
      if (res.length === 0) return void io.stdout("No results found\n");
      const rows = [["NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION"]];
      for (const r of res) {
        rows.push([
          r.name,
          str(r.chart.get("version")),
          str(r.chart.get("appVersion")),
          str(r.chart.get("description")),
        ]);
      }
      io.stdout(formatTable(rows, Number(f["max-col-width"] ?? 50)));
      return;
    }
    const list = res.map(
      (r) =>
        new Struct([
          ["name", r.name],
          ["version", str(r.chart.get("version"))],
          ["app_version", str(r.chart.get("appVersion"))],
          ["description", str(r.chart.get("description"))],
        ]),
    );
    io.stdout(format === "json" ? encodeJSON(list) : encodeYAML(list));
  },
};
export default command;
