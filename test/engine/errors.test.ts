// Render errors as helm 4 prints them: parse errors, execution errors with the
// include chain, required/fail, tpl, missing templates, runaway recursion.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";

const chartYaml = "apiVersion: v2\nname: er\nversion: 0.1.0\n";
const helpers =
  '{{ define "h" }}{{ include "h2" . }}{{ end }}{{ define "h2" }}{{ .Values.a.b.c }}{{ end }}' +
  '{{ define "req" }}{{ required "deep req" nil }}{{ end }}{{ define "idx" }}{{ index (list 1) 5 }}{{ end }}' +
  '{{ define "self" }}{{ include "self" . }}{{ end }}';

const templates = [
  'x: {{ required "need x" .Values.x }}',
  'x: {{ required "need x" "" }}',
  'x: {{ fail "boom" }}',
  'x: {{ fail "multi\\nline" }}',
  'x: {{ include "h" . }}',
  'x: {{ include "req" . }}',
  'x: {{ include "idx" . }}',
  "x: {{ .Values.a.b }}",
  "x: {{ index (list 1) 5 }}",
  'x: {{ tpl "{{ .Values.nope.x }}" . }}',
  'x: {{ tpl "{{ required \\"in tpl\\" nil }}" . }}',
  'x: {{ tpl "{{ end }}" . }}',
  'x: {{ include "nope" . }}',
  'x: {{ template "nope" . }}',
  "x: {{ end }}",
  "x: {{ nosuchfunc 1 }}",
  "x: {{ .Values.a | upper }}",
  "a: b\n  c: d: e\n",
  "- a\nb: c\n",
];

for (const [i, t] of templates.entries()) {
  test(`error ${i}: ${JSON.stringify(t)}`, async () => {
    await assertSameAsHelm({ "Chart.yaml": chartYaml, "templates/_h.tpl": helpers, "templates/a.yaml": t });
  });
}

test("an error in one of many templates is reported like helm (order of rendering)", async () => {
  await assertSameAsHelm({
    "Chart.yaml": chartYaml,
    "templates/a.yaml": 'a: {{ fail "first" }}',
    "templates/b.yaml": 'b: {{ fail "second" }}',
    "templates/sub/c.yaml": 'c: {{ fail "deeper" }}',
  });
});

test("a valid chart still renders after the error tests", async () => {
  const r = await assertSameAsHelm({ "Chart.yaml": chartYaml, "templates/a.yaml": "a: 1\n" });
  assert.equal(r.helm.code, 0);
});

// Runaway recursion needs the CLI's large-stack retry (src/cli/entry.ts), so these run the real binary.
test("infinite include and template recursion end with helm's errors", async () => {
  const { spawnSync } = await import("node:child_process");
  const { join } = await import("node:path");
  const { projectRoot, runHelm, writeChart } = await import("../helpers/oracle.ts");
  for (const [helper, call] of [
    ['{{ define "r" }}{{ include "r" . }}{{ end }}', 'x: {{ include "r" . }}\n'],
    ['{{ define "r" }}{{ template "r" . }}{{ end }}', 'x: {{ template "r" . }}\n'],
  ]) {
    const dir = writeChart({
      "Chart.yaml": chartYaml,
      "templates/_h.tpl": helper!,
      "templates/a.yaml": call!,
    });
    const h = await runHelm(["template", dir]);
    const c = spawnSync(process.execPath, [join(projectRoot, "bin/capstan.js"), "template", dir], {
      encoding: "utf8",
    });
    assert.equal(c.status, 1);
    assert.equal(c.stdout, h.stdout);
    assert.equal(c.stderr, h.stderr);
  }
});
