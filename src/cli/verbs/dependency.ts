// `capstan dependency list|update|build` (alias dep, dependencies).
import { resolve } from "node:path";
import { dependencyList } from "../../actions/dependency-list.ts";
import { DependencyManager } from "../../actions/dependency-manager.ts";
import { goClean } from "../../actions/dependency-resolve.ts";
import { defaultKeyring } from "../../repo/helmpath.ts";
import type { Command } from "../command.ts";
import type { Parsed } from "../flags.ts";
import { CliError, type CliIO } from "../io.ts";
import { slogLine } from "../log.ts";
import { dependencyFlags } from "./dependency-flags.ts";
import { registryFlags } from "./registry-flags.ts";
import { formatTable } from "./repo-output.ts";
import { repoSettings } from "./repo-settings.ts";

/** cobra's MaximumNArgs(1) error, in helm's words. */
function atMostOneChart(parsed: Parsed, verb: string): string {
  if (parsed.args.length > 1) {
    throw new CliError(
      `"capstan dependency ${verb}" accepts at most 1 argument\n\nUsage:  capstan dependency ${verb} CHART [flags]`,
    );
  }
  return parsed.args[0] ?? ".";
}

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
    const r = dependencyList(atMostOneChart(parsed, "list"), io.cwd);
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

/** The manager for CHART (default ".") with the verb's flags; out is helm's Manager.Out. */
export function dependencyManager(
  chartPath: string,
  parsed: Parsed,
  io: CliIO,
  out: (s: string) => void,
): DependencyManager {
  const f = parsed.flags;
  const log = (level: "DEBUG" | "INFO" | "WARN", msg: string) => io.stderr(slogLine(level, msg));
  if (f.debug === true) log("DEBUG", "set up default downloader cache");
  return new DependencyManager({
    chartPath: goClean(chartPath),
    cwd: io.cwd,
    out,
    err: io.stderr,
    log,
    skipRefresh: f["skip-refresh"] === true,
    verify: f.verify === true,
    keyring: resolve(io.cwd, (f.keyring as string) || defaultKeyring(io.env)),
    debug: f.debug === true,
    ...repoSettings(parsed, io),
    registry: registryFlags(parsed, io),
  });
}

const update: Command = {
  use: "update CHART [flags]",
  long: `
Update the on-disk dependencies to mirror Chart.yaml.

This command verifies that the required charts, as expressed in 'Chart.yaml',
are present in 'charts/' and are at an acceptable version. It will pull down
the latest charts that satisfy the dependencies, and clean up old dependencies.

On successful update, this will generate a lock file that can be used to
rebuild the dependencies to an exact version.

Dependencies are not required to be represented in 'Chart.yaml'. For that
reason, an update command will not remove charts unless they are (a) present
in the Chart.yaml file, but (b) at the wrong version.`,
  flags: dependencyFlags,
  async run(parsed, io) {
    await dependencyManager(atMostOneChart(parsed, "update"), parsed, io, io.stdout).update();
  },
};

const build: Command = {
  use: "build CHART [flags]",
  long: `
Build out the charts/ directory from the Chart.lock file.

Build is used to reconstruct a chart's dependencies to the state specified in
the lock file. This will not re-negotiate dependencies, as 'helm dependency update'
does.

If no lock file is found, 'helm dependency build' will mirror the behavior
of 'helm dependency update'.`,
  flags: dependencyFlags,
  async run(parsed, io) {
    await dependencyManager(atMostOneChart(parsed, "build"), parsed, io, io.stdout).build();
  },
};

const command: Command = {
  use: "dependency update|build|list",
  long: `
Manage the dependencies of a chart.

Helm charts store their dependencies in 'charts/'. For chart developers, it is
often easier to manage dependencies in 'Chart.yaml' which declares all
dependencies.

The dependency commands operate on that file, making it easy to synchronize
between the desired dependencies and the actual dependencies stored in the
'charts/' directory.

For example, this Chart.yaml declares two dependencies:

    # Chart.yaml
    dependencies:
    - name: nginx
      version: "1.2.3"
      repository: "https://example.com/charts"
    - name: memcached
      version: "3.2.1"
      repository: "https://another.example.com/charts"


The 'name' should be the name of a chart, where that name must match the name
in that chart's 'Chart.yaml' file.

The 'version' field should contain a semantic version or version range.

The 'repository' URL should point to a Chart Repository. Helm expects that by
appending '/index.yaml' to the URL, it should be able to retrieve the chart
repository's index. Note: 'repository' can be an alias. The alias must start
with 'alias:' or '@'.

Starting from 2.2.0, repository can be defined as the path to the directory of
the dependency charts stored locally. The path should start with a prefix of
"file://". For example,

    # Chart.yaml
    dependencies:
    - name: nginx
      version: "1.2.3"
      repository: "file://../dependency_chart/nginx"

If the dependency chart is retrieved locally, it is not required to have the
repository added to helm by "helm add repo". Version matching is also supported
for this case.

Usage:

Aliases:
  dependency, dep, dependencies

Available Commands:
  build       rebuild the charts/ directory based on the Chart.lock file
  list        list the dependencies for the given chart
  update      update charts/ based on the contents of Chart.yaml

Flags:
  -h, --help   help for dependency`,
  flags: [],
  subcommands: [
    {
      name: "build",
      summary: "rebuild the charts/ directory based on the Chart.lock file",
      load: async () => build,
    },
    {
      name: "list",
      aliases: ["ls"],
      summary: "list the dependencies for the given chart",
      load: async () => list,
    },
    {
      name: "update",
      aliases: ["up"],
      summary: "update charts/ based on the contents of Chart.yaml",
      load: async () => update,
    },
  ],
};
export default command;
