// The shape of one CLI verb. The registry (verbs.ts) lists names and summaries
// only, and loads a verb's module when it runs, so start-up stays fast.
import type { FlagSpec, Parsed } from "./flags.ts";
import type { CliIO } from "./io.ts";

export interface Command {
  /** Usage line after "capstan ", e.g. "template [NAME] [CHART] [flags]". */
  use: string;
  long?: string;
  flags: FlagSpec[];
  /** Sub-commands (repo add, dependency update, ...). */
  subcommands?: VerbEntry[];
  run?: (parsed: Parsed, io: CliIO) => Promise<number | void>;
}

export interface VerbEntry {
  name: string;
  aliases?: string[];
  summary: string;
  load: () => Promise<Command>;
}
