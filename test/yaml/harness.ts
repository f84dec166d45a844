// Shared plumbing for the YAML differential suites: build one values file
// holding many inputs, ask helm to run template functions over each of them
// (batched through helmRenderCases), and run our functions on what readYAML
// makes of the same values file.
import { readYAMLInto } from "../../src/yaml/decode.ts";
import { toYAML, toYAMLPretty } from "../../src/yaml/encode.ts";
import { YAMLError } from "../../src/yaml/errors.ts";
import { marshalJSON } from "../../src/yaml/json-encode.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";

/** helm's template functions under test and our equivalent of each. */
export const WRITERS: Record<string, (v: unknown) => string> = {
  toYaml: (v) => swallow(() => toYAML(v).replace(/\n$/, "")),
  toYamlPretty: (v) => swallow(() => toYAMLPretty(v).replace(/\n$/, "")),
  toJson: (v) => swallow(() => marshalJSON(v)),
  toPrettyJson: (v) => swallow(() => marshalJSON(v, { indent: "  " })),
  toRawJson: (v) => swallow(() => marshalJSON(v, { escapeHTML: false })),
};

/** helm's template functions swallow marshalling errors and return "". */
function swallow(f: () => string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof YAMLError) return "";
    throw e;
  }
}

/** helm's fromYaml: the map, or a map holding only Error. */
export function fromYaml(s: string): unknown {
  try {
    return readYAMLInto(s, "map");
  } catch (e) {
    if (e instanceof YAMLError) return new Map([["Error", e.message]]);
    throw e;
  }
}

export interface Probe {
  /** Template expression producing the input, e.g. `(index .Values.cases 3)`. */
  expr: string;
  /** Our value for the same input. */
  value: () => unknown;
  label: string;
}

export interface Mismatch {
  label: string;
  fn: string;
  helm: string;
  ours: string;
}

/** Runs every writer over every probe on helm and on our side; returns the differences and the count. */
export async function compareWriters(
  values: string,
  probes: Probe[],
  fns: string[] = Object.keys(WRITERS),
): Promise<{ mismatches: Mismatch[]; total: number }> {
  const cases = probes.flatMap((p) => fns.map((fn) => ({ template: `{{ ${fn} ${p.expr} }}`, values })));
  const results = await helmRenderCases(cases);
  const mismatches: Mismatch[] = [];
  let k = 0;
  for (const p of probes) {
    for (const fn of fns) {
      const r = results[k++]!;
      const helm = r.output ?? `ERROR: ${r.error}`;
      let ours: string;
      try {
        ours = WRITERS[fn]!(p.value());
      } catch (e) {
        ours = `THROWN: ${(e as Error).message}`;
      }
      if (helm !== ours) mismatches.push({ label: p.label, fn, helm, ours });
    }
  }
  return { mismatches, total: cases.length };
}

export function describe(ms: Mismatch[], max = 15): string {
  return ms
    .slice(0, max)
    .map((m) => `${m.fn}(${m.label}):\n  helm: ${JSON.stringify(m.helm)}\n  ours: ${JSON.stringify(m.ours)}`)
    .join("\n");
}
