// Runs a fixture chart through helm (`helm template`) and through our chart and
// values layers the way helm's template action uses them, so tests can compare
// each chart's .Values, which charts render, and the error helm reports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Chart } from "../../src/chart/chart.ts";
import { checkDependencies, checkIfInstallable, processDependencies } from "../../src/chart/dependencies.ts";
import { checkKubeVersion } from "../../src/chart/kube-version.ts";
import { loadChartPath } from "../../src/node/fs-load.ts";
import { coalesceValues } from "../../src/values/coalesce.ts";
import { validateValuesSchema } from "../../src/values/schema.ts";
import { mergeUserValues, type ValueOptions } from "../../src/values/user-values.ts";
import { hashFiles, projectRoot, readTree, runHelm } from "../helpers/oracle.ts";
import { helmErrorMessage } from "../helpers/template-cases.ts";
import { goJSON } from "../values/go-json.ts";

export const fixturesDir = join(projectRoot, "test", "fixtures", "charts");

export interface Outcome {
  /** Rendered dump.yaml documents by source path (chart/charts/sub/templates/dump.yaml). */
  sources?: Map<string, string>;
  error?: string;
}

/** What helm prints for the chart's dump templates (or its error). */
export async function helmOutcome(dir: string, args: string[] = []): Promise<Outcome> {
  const r = await runHelm(["template", dir, ...args], { cacheKey: hashFiles(readTree(dir)), cwd: dir });
  if (r.code !== 0)
    return {
      error: helmErrorMessage(r.stderr).replace(/\n+Use --debug flag to render out invalid YAML$/, ""),
    };
  const sources = new Map<string, string>();
  for (const part of r.stdout.split(/^---\n/m)) {
    const m = /^# Source: (\S+)\n([\s\S]*)$/.exec(part);
    if (m && /\/dump\.yaml$/.test(m[1]!)) sources.set(m[1]!, m[2]!);
  }
  return { sources };
}

export function parseValueArgs(args: string[]): ValueOptions {
  const o: ValueOptions = {
    valueFiles: [],
    set: [],
    setString: [],
    setFile: [],
    setJson: [],
    setLiteral: [],
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] =
      a.includes("=") && a.startsWith("--")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const val = inline ?? args[++i]!;
    if (flag === "-f" || flag === "--values") o.valueFiles.push(val);
    else if (flag === "--set") o.set.push(val);
    else if (flag === "--set-string") o.setString.push(val);
    else if (flag === "--set-file") o.setFile.push(val);
    else if (flag === "--set-json") o.setJson.push(val);
    else if (flag === "--set-literal") o.setLiteral.push(val);
  }
  return o;
}

function readRel(dir: string) {
  return (p: string): Uint8Array => {
    try {
      return readFileSync(p.startsWith("/") ? p : join(dir, p));
    } catch (e) {
      throw new Error(
        `open ${p}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`,
      );
    }
  };
}

function dumpTree(chart: Chart, values: Map<string, unknown>, out: Map<string, string>) {
  if (chart.templates.some((t) => t.name === "templates/dump.yaml")) {
    out.set(
      `${chart.fullPath()}/templates/dump.yaml`,
      `values: ${goJSON(values)}\nchart: ${chart.name()} ${chart.metadata.Version}\n`,
    );
  }
  for (const d of chart.dependencies()) {
    const sub = values.get(d.name());
    dumpTree(d, sub instanceof Map ? (sub as Map<string, unknown>) : new Map(), out);
  }
}

/** Our layers in helm's order: values, load, installable, dependencies, coalesce, schema, kubeVersion. */
export function capstanOutcome(dir: string, args: string[] = [], kubeVersion = "v1.35.0"): Outcome {
  try {
    const user = mergeUserValues(parseValueArgs(args), readRel(dir));
    const chart = loadChartPath(dir);
    checkIfInstallable(chart);
    checkDependencies(chart);
    processDependencies(chart, user);
    const values = coalesceValues(chart, user);
    validateValuesSchema(chart, values);
    checkKubeVersion(chart.metadata.KubeVersion, kubeVersion);
    const sources = new Map<string, string>();
    dumpTree(chart, values, sources);
    return { sources };
  } catch (e) {
    return { error: (e as Error).message.replace(/\n+$/, "") };
  }
}
