// helm's lint support package: a Linter collects messages with a severity
// and a path; a rule "passes" when it reports no error.

export const UNKNOWN = 0;
export const INFO = 1;
export const WARNING = 2;
export const ERROR = 3;
export type Severity = typeof UNKNOWN | typeof INFO | typeof WARNING | typeof ERROR;

const SEV = ["UNKNOWN", "INFO", "WARNING", "ERROR"];

export interface LintMessage {
  severity: Severity;
  path: string;
  /** The error's text, as Go's err.Error() prints it. */
  err: string;
}

/** support.Message's Error(): "[WARNING] templates/a.yaml: text". */
export function formatLintMessage(m: LintMessage): string {
  return `[${SEV[m.severity]}] ${m.path}: ${m.err}`;
}

export class Linter {
  messages: LintMessage[] = [];
  highestSeverity: Severity = UNKNOWN;
  /** The chart folder, absolute (filepath.Abs of the path given). */
  constructor(readonly chartDir: string) {}

  /** RunLinterRule: records err (when not null) and returns whether the rule passed. */
  run(severity: Severity, path: string, err: string | null | undefined): boolean {
    if (err === null || err === undefined) return true;
    this.messages.push({ severity, path, err });
    if (severity > this.highestSeverity) this.highestSeverity = severity;
    return false;
  }
}
