import assert from "node:assert/strict";
import { test } from "node:test";
import { differentialTemplate, runCapstan } from "../helpers/differential.ts";
import { runHelm } from "../helpers/oracle.ts";

const chart = {
  "Chart.yaml": "apiVersion: v2\nname: probe\nversion: 0.1.0\n",
  "templates/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  a: {{ .Values.a | quote }}\n",
  "values.yaml": "a: hello\n",
};

// Stand-ins for capstan's side, built from helm's own answer, prove the comparison itself.
const echoHelm = (mutate: (s: string) => string) => async (args: string[]) => {
  const r = await runHelm(args);
  return { ...r, stdout: mutate(r.stdout) };
};

test("the differential helper passes when both sides print the same bytes", async () => {
  const c = await differentialTemplate(chart, [], { capstan: echoHelm((s) => s) });
  assert.equal(c.equal, true);
  assert.match(c.helm.stdout, /name: release-name\n/);
});

test("the differential helper catches a one-byte difference and shows a unified diff", async () => {
  const c = await differentialTemplate(chart, [], { capstan: echoHelm((s) => s.replace("hello", "hellp")) });
  assert.equal(c.equal, false);
  assert.match(c.diff, /^- {2}a: "hello"$/m);
  assert.match(c.diff, /^\+ {2}a: "hellp"$/m);
});

test("the differential helper compares errors when helm fails", async () => {
  const bad = { ...chart, "templates/bad.yaml": "{{ end }}\n" };
  const c = await differentialTemplate(bad, [], {
    capstan: async () => ({ stdout: "", stderr: "Error: something else\n", code: 1 }),
  });
  assert.equal(c.equal, false);
  assert.match(c.diff, /^-Error: parse error at \(probe\/templates\/bad\.yaml:1\): unexpected \{\{end\}\}$/m);
});

test("capstan version runs in-process and prints a version", async () => {
  const r = await runCapstan(["version", "--short"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^v\d+\.\d+\.\d+\n$/);
});
