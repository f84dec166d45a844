// Renders template cases with helm and with capstan (renderTemplate + helmFuncMap)
// and reports every difference. Used by the part A function suites.
import assert from "node:assert/strict";
import { helmFuncMap } from "../../src/funcs/index.ts";
import { renderTemplate } from "../../src/template/index.ts";
import { GO_TYPE, type GoMap, type Value } from "../../src/template/value.ts";
import { readYAML } from "../../src/yaml/index.ts";
import { asWritten } from "../helpers/differential.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";

/** Shared values for cases that read .Values (numbers are float64, as helm loads them). */
export const VALUES = `
str: hello
empty: ""
int: 42
float: 1.5
big: 1000000
neg: -3
zero: 0
yes: true
no: false
nil: null
list: [1, "two", 3.5, null, true]
strs: [b, a, c]
emptyList: []
map: {a: 1, b: "x", c: {d: [1, 2]}}
emptyMap: {}
nested: {one: {two: {three: deep}}}
`;

const funcs = helmFuncMap();
const NAME = "chart/templates/case.yaml";

function oursFor(template: string, values: string): { output?: string; error?: string } {
  try {
    // helm's .Values is a common.Values (a named map type: typeOf and type assertions see it)
    const vals = readYAML(values) as GoMap;
    (vals as any)[GO_TYPE] = "common.Values";
    const data = new Map<string, Value>([["Values", vals]]);
    // helm executes with missingkey=zero
    return { output: asWritten(renderTemplate(template, data, funcs, NAME, "zero")) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * An execution error in one line: helm 4 prints Go's error as an indented
 * chain ("NAME:1:9\n  executing ... at <x>:\n    message"); Go's own text is
 * "template: NAME:1:9: executing ... at <x>: message". Both reduce to the same.
 */
function errorTail(msg: string): string {
  return msg
    .replace(/^template: /, "")
    .replace(/\n\s*/g, " ")
    .replace(/(:\d+:\d+): executing/, "$1 executing")
    .trim();
}

export interface DiffResult {
  total: number;
  diffs: string[];
}

/** Runs all templates through helm and capstan; returns the differences. */
export async function diffCases(templates: string[], values = VALUES): Promise<DiffResult> {
  const helm = await helmRenderCases(templates.map((template) => ({ template, values })));
  const diffs: string[] = [];
  templates.forEach((t, i) => {
    const h = helm[i]!;
    const o = oursFor(t, values);
    if (h.error !== undefined) {
      if (o.error === undefined || errorTail(o.error) !== errorTail(h.error)) {
        diffs.push(
          `${t}\n    helm error: ${h.error}\n    ours: ${o.error ?? `output ${JSON.stringify(o.output)}`}`,
        );
      }
    } else if (o.output !== h.output) {
      diffs.push(
        `${t}\n    helm: ${JSON.stringify(h.output)}\n    ours: ${o.error ?? JSON.stringify(o.output)}`,
      );
    }
  });
  return { total: templates.length, diffs };
}

export async function assertNoDiffs(templates: string[], values = VALUES): Promise<void> {
  const r = await diffCases(templates, values);
  if (process.env.FUNCS_CASE_COUNT) console.log(`# cases: ${r.total}`);
  assert.equal(r.diffs.length, 0, `${r.diffs.length} of ${r.total} differ:\n${r.diffs.join("\n")}`);
}
