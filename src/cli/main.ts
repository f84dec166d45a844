// The capstan command line: finds the verb, parses its flags, runs it, and
// prints errors the way helm does (`Error: ...` on stderr, exit code 1).
import type { Command, VerbEntry } from "./command.ts";
import { type FlagSpec, formatFlagHelp, globalFlagSpecs, parseFlags } from "./flags.ts";
import { CliError, type CliIO } from "./io.ts";
import { verbs } from "./verbs.ts";

/** The global flags (helm's persistent flags), plus --help. */
export function globalFlags(env: Record<string, string | undefined> = {}): FlagSpec[] {
  return [
    ...globalFlagSpecs(env),
    { name: "help", short: "h", kind: "bool", usage: "help for this command" },
  ];
}

const ROOT_HELP = `capstan: the Kubernetes package manager, faithful to Helm

Common actions:

- capstan search:    search for charts
- capstan pull:      download a chart to your local directory to view
- capstan install:   upload the chart to Kubernetes
- capstan list:      list releases of charts
`;

function findVerb(list: VerbEntry[], name: string): VerbEntry | undefined {
  return list.find((v) => v.name === name || v.aliases?.includes(name));
}

function rootHelp(env: Record<string, string | undefined>): string {
  const width = Math.max(...verbs.map((v) => v.name.length), 10);
  const lines = [...verbs]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`);
  return `${ROOT_HELP}
Usage:
  capstan [command]

Available Commands:
${lines.join("\n")}

Flags:
${formatFlagHelp(globalFlags(env))}

Use "capstan [command] --help" for more information about a command.
`;
}

function commandHelp(
  path: string,
  entry: VerbEntry,
  cmd: Command,
  env: Record<string, string | undefined>,
): string {
  let out = `${cmd.long ?? entry.summary}\n\nUsage:\n  ${path.split(" ").slice(0, -1).join(" ")} ${cmd.use}\n`;
  if (entry.aliases?.length) out += `\nAliases:\n  ${[entry.name, ...entry.aliases].join(", ")}\n`;
  if (cmd.subcommands?.length) {
    const w = Math.max(...cmd.subcommands.map((s) => s.name.length));
    out += `\nAvailable Commands:\n${cmd.subcommands.map((s) => `  ${s.name.padEnd(w)}  ${s.summary}`).join("\n")}\n`;
  }
  // cobra lists flags sorted by name, --help among the command's own.
  const byName = (a: FlagSpec, b: FlagSpec) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const own: FlagSpec[] = [
    ...cmd.flags,
    { name: "help", short: "h", kind: "bool" as const, usage: `help for ${entry.name}` },
  ].sort(byName);
  out += `\nFlags:\n${formatFlagHelp(own)}\n`;
  const globals = globalFlags(env).filter(
    (g) => g.name !== "help" && !cmd.flags.some((f) => f.name === g.name),
  );
  out += `\nGlobal Flags:\n${formatFlagHelp(globals.sort(byName))}\n`;
  return out;
}

/** Runs the CLI with argv (without "node capstan"); returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    let list = verbs;
    let path = "capstan";
    let rest = argv;
    let entry: VerbEntry | undefined;
    let cmd: Command | undefined;
    // Walk down verbs and sub-verbs: the first non-flag words name them.
    // A global flag's value given as the next argument ("--repository-config x repo list") is no verb (cobra's stripFlags).
    const valued = new Set(
      globalFlags(io.env)
        .filter((g) => g.kind !== "bool")
        .flatMap((g) => [`--${g.name}`, ...(g.short ? [`-${g.short}`] : [])]),
    );
    const firstWord = (args: string[]) => {
      for (let j = 0; j < args.length; j++) {
        const a = args[j]!;
        if (a === "--") return -1;
        if (!a.startsWith("-")) return j;
        if (valued.has(a)) j++;
      }
      return -1;
    };
    for (;;) {
      const i = firstWord(rest);
      const word = i >= 0 ? rest[i]! : undefined;
      const next = word !== undefined ? findVerb(list, word) : undefined;
      if (!next) break;
      entry = next;
      cmd = await next.load();
      path += ` ${next.name}`;
      rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
      if (!cmd.subcommands?.length) break;
      list = cmd.subcommands;
    }
    if (!entry || !cmd) {
      const word = rest.find((a) => !a.startsWith("-"));
      if (word === "help" || word === undefined) {
        if (word === undefined && !rest.includes("--help") && !rest.includes("-h") && rest.length > 0) {
          parseFlags(rest, globalFlags(io.env));
        }
        io.stdout(rootHelp(io.env));
        return 0;
      }
      throw new CliError(`unknown command "${word}" for "capstan"\nRun 'capstan --help' for usage.`);
    }
    const specs = [
      ...cmd.flags,
      ...globalFlags(io.env).filter((g) => !cmd.flags.some((f) => f.name === g.name)),
    ];
    const parsed = parseFlags(rest, specs);
    if (parsed.flags.help || !cmd.run) {
      io.stdout(commandHelp(path, entry, cmd, io.env));
      return 0;
    }
    const code = await cmd.run(parsed, io);
    return code ?? 0;
  } catch (e) {
    if (io.retryWithBigStack && String((e as Error)?.message).includes("JavaScript stack exhausted")) {
      return io.retryWithBigStack();
    }
    if (e instanceof CliError) {
      io.stderr(`Error: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr(`Error: ${err?.message ?? String(e)}\n`);
    if (process.env.CAPSTAN_TRACE) io.stderr(`${err?.stack}\n`);
    return 1;
  }
}
