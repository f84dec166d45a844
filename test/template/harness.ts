// Conformance harness: renders each case with helm 4 (through helmRenderCases,
// which batches many cases per helm run) and with our TemplateSet, and lists
// every difference. Our side mirrors helm's setup: file name
// chart/templates/case.yaml, missingkey=zero, data {Values: ...} where values
// come from JSON (every number a float64, as helm's YAML→JSON loader gives).
import { TemplateSet } from "../../src/template/index.ts";
import { GO_TYPE, type GoFunc, type GoMap, type Value } from "../../src/template/value.ts";
import { helmErrorText } from "../helpers/go-template-errors.ts";
import { helmRenderCases, type TemplateCase } from "../helpers/template-cases.ts";

export interface Case {
  /** Template text. */
  t: string;
  /** Values (JSON-able); written to values.yaml as JSON. */
  v?: unknown;
}

export const CASE_FILE = "chart/templates/case.yaml";

/** Go's view of JSON data as helm loads values: objects → map[string]interface{}, numbers → float64. */
export function fromJSON(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(fromJSON);
  if (typeof v === "object") {
    const m: GoMap = new Map();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, fromJSON(x));
    return m;
  }
  return v as Value;
}

/** helm's top-level values object (chartutil.Values). */
export function valuesData(v: unknown): Value {
  const values = fromJSON(v ?? {}) as GoMap;
  values[GO_TYPE] = "common.Values";
  const top: GoMap = new Map([["Values", values]]);
  top[GO_TYPE] = "common.Values";
  return top;
}

/** What we render for a case: the output, or helm's error text for our error. */
export function renderOurs(c: Case, funcs: Record<string, GoFunc> = {}): { output?: string; error?: string } {
  const set = new TemplateSet({ funcs, missingKey: "zero" });
  try {
    set.parse(CASE_FILE, c.t);
    return { output: set.execute(CASE_FILE, valuesData(c.v)) };
  } catch (e) {
    return { error: helmErrorText(CASE_FILE, e) };
  }
}

export interface Difference {
  case: Case;
  helm: { output?: string; error?: string };
  ours: { output?: string; error?: string };
}

/** Runs all cases through helm and through us; returns the differences. */
export async function differences(cases: Case[], funcs: Record<string, GoFunc> = {}): Promise<Difference[]> {
  const ours = cases.map((c) => renderOurs(c, funcs));
  // Cases we expect to fail go in batches of their own (an argument that
  // changes nothing: the namespace is "default" anyway), so one failing case
  // does not send a whole batch of good ones back to helm one by one.
  const tcs: TemplateCase[] = cases.map((c, i) => ({
    template: c.t,
    values: c.v === undefined ? undefined : JSON.stringify(c.v),
    args: ours[i]!.error !== undefined ? ["--namespace", "default"] : undefined,
  }));
  const helm = await helmRenderCases(tcs);
  const diffs: Difference[] = [];
  cases.forEach((c, i) => {
    const h = helm[i]!;
    const o = ours[i]!;
    // Cases holding define/block go through helm's tpl, which drops "<no value>".
    if (usesTpl(c.t) && o.output !== undefined) o.output = o.output.replaceAll("<no value>", "");
    const hv = h.error !== undefined ? { error: h.error } : { output: h.output };
    if (hv.error !== o.error || hv.output !== o.output) diffs.push({ case: c, helm: hv, ours: o });
  });
  return diffs;
}

function usesTpl(t: string): boolean {
  return /\{\{-?\s*(define|block)\b/.test(t);
}

export function formatDifferences(diffs: Difference[]): string {
  return diffs
    .map(
      (d) =>
        `template: ${JSON.stringify(d.case.t)} values: ${JSON.stringify(d.case.v)}\n  helm: ${JSON.stringify(d.helm)}\n  ours: ${JSON.stringify(d.ours)}`,
    )
    .join("\n");
}
