import { CreateAction } from "../../actions/create.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";

const command: Command = {
  use: "create NAME [flags]",
  long: `
This command creates a chart directory along with the common files and
directories used in a chart.

For example, 'capstan create foo' will create a directory structure that looks
something like this:

    foo/
    ├── .helmignore   # Contains patterns to ignore when packaging Helm charts.
    ├── Chart.yaml    # Information about your chart
    ├── values.yaml   # The default values for your templates
    ├── charts/       # Charts that this chart depends on
    └── templates/    # The template files
        └── tests/    # The test files

'capstan create' takes a path for an argument. If directories in the given path
do not exist, capstan will attempt to create them as it goes. If the given
destination exists and there are files in that directory, conflicting files
will be overwritten, but other files will be left alone.`,
  flags: [
    {
      name: "starter",
      short: "p",
      kind: "string",
      usage: "the name or absolute path to Helm starter scaffold",
    },
  ],
  async run(parsed, io) {
    if (parsed.args.length !== 1) {
      throw new CliError(`"capstan create" requires 1 argument\n\nUsage:  capstan create NAME [flags]`);
    }
    await new CreateAction({
      name: parsed.args[0]!,
      starter: (parsed.flags.starter as string | undefined) || undefined,
      cwd: io.cwd,
      env: io.env,
      out: io.stdout,
    }).run();
  },
};
export default command;
