// Where a command writes: stdout and stderr as functions, so the CLI runs
// in-process (tests, library users) as well as from bin/capstan.js.
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads all of standard input (for `-f -`). */
  stdin?: () => Promise<string>;
  /** Runs the same command again with a larger stack (see entry.ts); resolves with its exit code. */
  retryWithBigStack?: () => Promise<number>;
}

/** An error the CLI prints as helm does (`Error: message`) and exits with code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
