// `capstan lint`: helm's action.Lint. Each path (a chart folder or a .tgz
// unpacked to a temporary folder) runs every lint rule; messages at or above
// the tolerance (errors, or warnings with --strict) make the chart fail.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { expandArchive } from "../chart/package-expand.ts";
import { defaultCapabilities } from "../engine/capabilities.ts";
import { runAllRules } from "../lint/index.ts";
import { ERROR, INFO, type LintMessage, WARNING } from "../lint/support.ts";
import { goFsError } from "../node/fs-load.ts";
import type { Table } from "../values/tables.ts";

export interface LintOptions {
  strict?: boolean;
  namespace: string;
  /** --kube-version, as given (already checked by parseKubeVersion). */
  kubeVersion?: string;
  skipSchemaValidation?: boolean;
  cwd: string;
  log?: (level: "WARN" | "INFO", msg: string, attrs: [string, string][]) => void;
  warn?: (msg: string) => void;
}

export interface LintResult {
  totalChartsLinted: number;
  messages: LintMessage[];
  /** Error texts: failed messages, or why a path could not be linted. */
  errors: string[];
}

/** action.HasWarningsOrErrors. */
export function hasWarningsOrErrors(r: LintResult): boolean {
  return r.messages.some((m) => m.severity > INFO);
}

/** Lint.Run over paths with the merged user values. */
export function runLint(paths: string[], values: Table, opts: LintOptions): LintResult {
  const tolerance = opts.strict ? WARNING : ERROR;
  const result: LintResult = { totalChartsLinted: 0, messages: [], errors: [] };
  for (const path of paths) {
    let messages: LintMessage[];
    try {
      messages = lintChart(path, values, opts);
    } catch (e) {
      result.errors.push((e as Error).message);
      continue;
    }
    result.messages.push(...messages);
    result.totalChartsLinted++;
    for (const m of messages) if (m.severity >= tolerance) result.errors.push(m.err);
  }
  return result;
}

function lintChart(path: string, values: Table, opts: LintOptions): LintMessage[] {
  const abs = (p: string) => (isAbsolute(p) ? p : join(opts.cwd, p));
  let chartPath = path;
  let tempDir: string | undefined;
  try {
    if (path.endsWith(".tgz") || path.endsWith(".tar.gz")) {
      tempDir = mkdtempSync(join(tmpdir(), "helm-lint"));
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(abs(path));
      } catch (e) {
        throw new Error(`unable to open tarball: ${goFsError("open", path, e)}`);
      }
      try {
        for (const f of expandArchive(bytes)) {
          const target = join(tempDir, f.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, f.data);
        }
      } catch (e) {
        throw new Error(`unable to extract tarball: ${(e as Error).message}`);
      }
      const first = readdirSync(tempDir).sort()[0]!;
      chartPath = join(tempDir, first);
    }
    // Guard: not a chart without a Chart.yaml.
    const cy = join(chartPath, "Chart.yaml");
    try {
      statSync(isAbsolute(cy) ? cy : abs(cy));
    } catch (e) {
      throw new Error(`unable to check Chart.yaml file in chart: ${goFsError("stat", cy, e)}`);
    }
    const kv = opts.kubeVersion
      ? defaultCapabilities({ kubeVersion: opts.kubeVersion }).kubeVersion
      : undefined;
    const linter = runAllRules(isAbsolute(chartPath) ? chartPath : abs(chartPath), values, {
      namespace: opts.namespace,
      capabilities: defaultCapabilities({ kubeVersion: opts.kubeVersion }),
      kubeVersion: kv ? { major: kv.major, minor: kv.minor } : undefined,
      skipSchemaValidation: opts.skipSchemaValidation,
      log: opts.log,
      warn: opts.warn,
    });
    return linter.messages;
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}
