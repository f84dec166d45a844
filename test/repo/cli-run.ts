// Runs the capstan CLI in-process with a given cwd and environment, capturing
// stdout/stderr and the exit code, for side-by-side comparison with helm.
import { main } from "../../src/cli/main.ts";

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function runCapstan(
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined>; stdin?: string },
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: opts.env ?? {},
    cwd: opts.cwd,
    stdin: opts.stdin === undefined ? undefined : async () => opts.stdin!,
  });
  return { stdout, stderr, code };
}
