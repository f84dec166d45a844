// Property test: random parent values, subchart values and user values (with
// nulls, globals, tables against scalars) coalesced by helm 4 and by us; every
// chart's .Values must agree. Fixed seed in CI; COALESCE_RUNS / COALESCE_SEED
// for long runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { capstanOutcome, helmOutcome } from "../chart/harness.ts";
import { writeChart } from "../helpers/oracle.ts";

const DUMP = "values: {{ toJson .Values }}\nchart: {{ .Chart.Name }} {{ .Chart.Version }}\n";
const leaf = fc.constantFrom<unknown>(1, "s", null, true, [1, "x"], {}, 2.5);
const keys = fc.constantFrom("a", "b", "c", "global", "sub");
const table = fc.dictionary(
  keys,
  fc.oneof(
    leaf,
    fc.dictionary(keys, fc.oneof(leaf, fc.dictionary(keys, leaf, { maxKeys: 3 })), { maxKeys: 3 }),
  ),
  {
    maxKeys: 4,
  },
);

const scenario = fc.record({ parent: table, sub: table, user: table, condition: fc.boolean() });

test("random values coalesce as helm coalesces them", async () => {
  const runs = Number(process.env.COALESCE_RUNS ?? 25);
  const seed = Number(process.env.COALESCE_SEED ?? 42);
  for (const s of fc.sample(scenario, { seed, numRuns: runs })) {
    const dep = `dependencies:\n- name: sub\n  version: 0.1.0\n${s.condition ? "  condition: sub.on\n" : ""}`;
    const files = {
      "Chart.yaml": `apiVersion: v2\nname: p\nversion: 0.1.0\n${dep}`,
      "values.yaml": JSON.stringify(s.parent),
      "templates/dump.yaml": DUMP,
      "user.yaml": JSON.stringify(s.user),
      "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
      "charts/sub/values.yaml": JSON.stringify(s.sub),
      "charts/sub/templates/dump.yaml": DUMP,
    };
    const dir = writeChart(files, "p");
    const args = ["-f", "user.yaml"];
    const helm = await helmOutcome(dir, args);
    const ours = capstanOutcome(dir, args);
    const label = JSON.stringify(s);
    if (helm.error !== undefined) {
      assert.equal(ours.error, helm.error, label);
      continue;
    }
    assert.equal(ours.error, undefined, `${label}: ${ours.error}`);
    assert.deepEqual(Object.fromEntries(ours.sources!), Object.fromEntries(helm.sources!), label);
  }
});
