// The differential helper: run `helm template` and `capstan template` on the
// same chart and arguments and compare byte for byte: stdout when helm
// succeeds, stderr (without helm's log lines) and the exit status when it fails.
// On a mismatch the report is a unified diff.
import { readFileSync, statSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
import { main } from "../../src/cli/main.ts";
import { goBytes } from "../../src/template/gostring.ts";
import {
  type ChartFiles,
  type HelmVersion,
  hashFiles,
  type RunResult,
  readTree,
  runHelm,
  stripHelmLogLines,
  writeChart,
} from "./oracle.ts";

/** Runs capstan's CLI in-process and captures what it prints. */
export async function runCapstan(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: { ...process.env, ...(opts.env ?? {}) },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { stdout: asWritten(stdout), stderr: asWritten(stderr), code };
}

/** What the process would print (bytes that are not UTF-8 go out raw), read back as helm's output is. */
export function asWritten(s: string): string {
  return /[\uD800-\uDFFF]/.test(s) ? new TextDecoder().decode(goBytes(s)) : s;
}

export interface Comparison {
  equal: boolean;
  helm: RunResult;
  capstan: RunResult;
  /** Unified diff (helm → capstan) when not equal. */
  diff: string;
}

/** Compares two runs the way the differential suite does. */
export function compareRuns(helm: RunResult, capstan: RunResult, label = "output"): Comparison {
  const helmFailed = helm.code !== 0;
  const capFailed = capstan.code !== 0;
  let expected: string;
  let actual: string;
  if (helmFailed || capFailed) {
    expected = `exit ${helmFailed ? "non-zero" : 0}\n${helmFailed ? stripHelmLogLines(helm.stderr) : helm.stdout}`;
    actual = `exit ${capFailed ? "non-zero" : 0}\n${capFailed ? stripHelmLogLines(capstan.stderr) : capstan.stdout}`;
  } else {
    expected = helm.stdout;
    actual = capstan.stdout;
  }
  const equal = expected === actual;
  const diff = equal
    ? ""
    : createTwoFilesPatch(`helm/${label}`, `capstan/${label}`, expected, actual, "", "", { context: 3 });
  return { equal, helm, capstan, diff };
}

export type CapstanRunner = (args: string[]) => Promise<RunResult>;

export interface DifferentialOptions {
  helmVersion?: HelmVersion;
  /** Defaults to capstan's CLI in-process; tests of this helper pass their own. */
  capstan?: CapstanRunner;
}

/**
 * Renders chart (a folder or in-memory files) with `template <args>` through
 * helm and capstan. `{chart}` in args stands for the chart's path; without it
 * the path is appended after the release name arguments.
 */
export async function differentialTemplate(
  chart: string | ChartFiles,
  args: string[] = [],
  opts: DifferentialOptions = {},
): Promise<Comparison> {
  const dir = typeof chart === "string" ? chart : writeChart(chart);
  const files =
    typeof chart !== "string"
      ? chart
      : statSync(chart).isDirectory()
        ? readTree(chart)
        : { [chart]: readFileSync(chart) };
  const full = args.includes("{chart}") ? args.map((a) => (a === "{chart}" ? dir : a)) : [dir, ...args];
  const helm = await runHelm(["template", ...full], {
    version: opts.helmVersion ?? 4,
    cacheKey: hashFiles(files),
  });
  const capstan = await (opts.capstan ?? ((a) => runCapstan(a)))(["template", ...full]);
  // Paths of temporary folders differ from run to run only in helm's messages about them.
  return compareRuns(helm, capstan, "template");
}

/** Throws with the unified diff unless capstan's render equals helm's. */
export async function assertSameAsHelm(
  chart: string | ChartFiles,
  args: string[] = [],
  opts: DifferentialOptions = {},
) {
  const c = await differentialTemplate(chart, args, opts);
  if (!c.equal) throw new Error(`capstan differs from helm:\n${c.diff}`);
  return c;
}
