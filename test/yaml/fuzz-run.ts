// Runs generated values documents through every writer on helm and here.
import fc from "fast-check";
import { readYAML } from "../../src/yaml/decode.ts";
import { yamlQuote } from "./cases.ts";
import { documentArbitrary } from "./gen.ts";
import { compareWriters, fromYaml, type Probe } from "./harness.ts";

/** Runs `count` generated documents; returns how many ran clean and the differences. */
export async function fuzzDocuments(seed: number, count: number) {
  const docs = fc.sample(documentArbitrary, { seed, numRuns: count });
  const values = "docs:\n" + docs.map((d) => `- ${yamlQuote(d)}\n`).join("");
  const list = (readYAML(values) as Map<string, string[]>).get("docs")!;
  const probes: Probe[] = docs.map((d, i) => ({
    expr: `(fromYaml (index .Values.docs ${i}))`,
    value: () => fromYaml(list[i]!),
    label: d,
  }));
  const { mismatches, total } = await compareWriters(values, probes);
  const bad = new Set(mismatches.map((m) => m.label));
  return { docs: docs.length, clean: docs.length - bad.size, mismatches, total };
}
