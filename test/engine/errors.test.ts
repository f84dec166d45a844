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
