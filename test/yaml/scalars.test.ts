// Every quoting and scalar case, one by one, through toYaml, toYamlPretty,
// toJson, toPrettyJson and toRawJson: as a value, as a map key, and as a
// plain scalar read from a values file (YAML 1.1 resolution, then float64).
import assert from "node:assert/strict";
import { test } from "node:test";
import { readYAML } from "../../src/yaml/decode.ts";
import { DOCUMENTS, PLAIN_SCALARS, STRINGS, yamlQuote } from "./cases.ts";
import { compareWriters, describe, fromYaml, type Probe } from "./harness.ts";

const values =
  "cases:\n" +
  STRINGS.map((s) => `- ${yamlQuote(s)}\n`).join("") +
  "plains:\n" +
  PLAIN_SCALARS.map((s) => `- ${s}\n`).join("") +
  "docs:\n" +
  DOCUMENTS.map((s) => `- ${yamlQuote(s)}\n`).join("");

const parsed = readYAML(values) as Map<string, unknown[]>;
const at = (list: string, i: number) => parsed.get(list)![i];

test("the values file reads back every string exactly", () => {
  assert.deepEqual(parsed.get("cases"), STRINGS);
});

test("strings as values and as map keys match helm", async () => {
  const probes: Probe[] = STRINGS.flatMap((s, i) => [
    { expr: `(index .Values.cases ${i})`, value: () => at("cases", i), label: JSON.stringify(s) },
    {
      expr: `(dict (index .Values.cases ${i}) 1)`,
      value: () => new Map([[at("cases", i) as string, 1n]]),
      label: `key ${JSON.stringify(s)}`,
    },
    {
      expr: `(list (dict "k" (index .Values.cases ${i})))`,
      value: () => [new Map([["k", at("cases", i)]])],
      label: `nested ${JSON.stringify(s)}`,
    },
  ]);
  const { mismatches, total } = await compareWriters(values, probes);
  assert.equal(mismatches.length, 0, `${mismatches.length}/${total} differ:\n${describe(mismatches)}`);
});

test("plain scalars read from values match helm", async () => {
  const probes: Probe[] = PLAIN_SCALARS.map((s, i) => ({
    expr: `(index .Values.plains ${i})`,
    value: () => at("plains", i),
    label: s,
  }));
  const { mismatches, total } = await compareWriters(values, probes);
  assert.equal(mismatches.length, 0, `${mismatches.length}/${total} differ:\n${describe(mismatches)}`);
});

test("whole documents through fromYaml match helm", async () => {
  const probes: Probe[] = DOCUMENTS.map((d, i) => ({
    expr: `(fromYaml (index .Values.docs ${i}))`,
    value: () => fromYaml(at("docs", i) as string),
    label: JSON.stringify(d.slice(0, 40)),
  }));
  const { mismatches, total } = await compareWriters(values, probes);
  assert.equal(mismatches.length, 0, `${mismatches.length}/${total} differ:\n${describe(mismatches)}`);
});
