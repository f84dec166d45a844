// Fields and methods of helm's host objects (.Release, .Chart, .Files,
// .Capabilities, .Template) through the executor's GoObject rules, compared
// with helm 4 by rendering a chart with both (the differential helper).
import assert from "node:assert/strict";
import { test } from "node:test";
import { differentialTemplate } from "../helpers/differential.ts";

const EXPRS = [
  ".Release.Name",
  ".Release.Namespace",
  ".Release.IsInstall",
  ".Release.Revision",
  'printf "%T" .Release',
  ".Release.Nope",
  ".Release.Name.x",
  ".Release.Name 1",
  ".Chart.Name",
  ".Chart.Version",
  ".Chart.Nope",
  ".Chart.name",
  ".Chart.Annotations",
  ".Chart.Maintainers",
  ".Chart.Name.x",
  'printf "%T" .Chart',
  '.Files.Get "x.txt"',
  '.Files.Get "missing"',
  ".Files.Get",
  ".Files.Get 1",
  '.Files.Get "a" "b"',
  '"x.txt" | .Files.Get',
  '.Files.Glob "*.txt" | len',
  ".Files.Nope",
  '(.Files.Get "x.txt").x',
  ".Capabilities.KubeVersion.Version",
  ".Capabilities.KubeVersion.Major",
  '.Capabilities.APIVersions.Has "v1"',
  '.Capabilities.APIVersions.Has "nope/v9"',
  ".Capabilities.APIVersions.Has",
  ".Capabilities.Nope",
  ".Template.Name",
  ".Template.BasePath",
  "len .Chart",
  'index .Chart "Name"',
  "eq .Release.Name .Chart.Name",
  "not .Chart",
  "and .Chart 1",
  "$.Chart.Name",
  "len .Capabilities.APIVersions",
  "index .Capabilities.APIVersions 0",
  "len .Files",
  "typeOf .Files",
  "typeOf .Capabilities.APIVersions",
  ".Values.AsMap",
  '.Values.Table "m"',
  ".Values.YAML",
  "typeOf .Values",
];

const BLOCKS = [
  "{{ with .Chart }}{{ .Name }}{{ end }}",
  "{{ if .Capabilities }}y{{ end }}",
  "{{ range .Chart }}x{{ end }}",
  "{{ $c := .Chart }}{{ $c.Name }}",
  '{{ template "t" .Chart }}{{ define "t" }}{{ .Version }}{{ end }}',
  '{{ .Chart.Name | printf "%s-%s" .Release.Name }}',
  "{{ range .Capabilities.APIVersions }}{{ . }},{{ end }}",
  "{{ range $k, $v := .Files }}{{ $k }},{{ end }}",
  "{{ range .Chart.Keywords }}{{ . }}{{ else }}none{{ end }}",
];

const charts = [
  ...EXPRS.map((e) => `k: {{ printf "%q" (${e}) }}\n`),
  ...BLOCKS.map(
    (b) =>
      `k: "${b.replaceAll('"', '\\"')}"\nv: {{ printf "%q" (include "probe" .) }}\n{{ define "probe" }}${b}{{ end }}\n`,
  ),
];

for (const [i, text] of charts.entries()) {
  const label = (EXPRS[i] ?? BLOCKS[i - EXPRS.length])!;
  test(`host objects through GoObject rules: ${label}`, async () => {
    const c = await differentialTemplate({
      "Chart.yaml": "apiVersion: v2\nname: chart\nversion: 0.1.0\n",
      "x.txt": "hello\n",
      "values.yaml": "m:\n  x: 1\n",
      "templates/case.yaml": text,
    });
    assert.ok(c.equal, c.diff);
  });
}
