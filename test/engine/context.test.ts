// The render context templates see (.Chart, .Release, .Capabilities, .Files,
// .Template, .Subcharts, .Values), compared case by case with helm 4.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareCases, formatMismatches, type TemplateCase } from "../helpers/template-cases.ts";

const chartFiles = {
  "files/a.txt": "alpha\nbeta\n",
  "files/b.conf": "key=value",
  "files/sub/c.txt": "nested",
  "other.json": '{"x": 1}',
  "crds/crd.yaml": "kind: CustomResourceDefinition\n",
};

const exprs = [
  ".Chart.Name",
  ".Chart.Version",
  ".Chart.APIVersion",
  ".Chart.IsRoot",
  'printf "%v" .Chart',
  "toYaml .Chart",
  "toJson .Chart",
  "typeOf .Chart",
  "typeOf .Chart.Annotations",
  ".Chart.Annotations",
  'printf "%v" .Release',
  "typeOf .Release.Revision",
  ".Release.Name",
  ".Release.Namespace",
  ".Release.Service",
  ".Release.IsInstall",
  ".Release.IsUpgrade",
  ".Release.Revision",
  "toYaml .Release",
  ".Capabilities.KubeVersion",
  ".Capabilities.KubeVersion.Version",
  ".Capabilities.KubeVersion.Major",
  ".Capabilities.KubeVersion.Minor",
  ".Capabilities.KubeVersion.GitVersion",
  "typeOf .Capabilities",
  "typeOf .Capabilities.KubeVersion",
  "typeOf .Capabilities.APIVersions",
  '.Capabilities.APIVersions.Has "apps/v1"',
  '.Capabilities.APIVersions.Has "apps/v1/Deployment"',
  '.Capabilities.APIVersions.Has "nope/v9"',
  "len .Capabilities.APIVersions",
  ".Capabilities.HelmVersion.Version",
  'printf "%v" .Capabilities.HelmVersion',
  "toJson .Capabilities",
  "toYaml .Capabilities.HelmVersion",
  ".Template.Name",
  ".Template.BasePath",
  "typeOf .Template",
  "typeOf .",
  "typeOf .Values",
  "typeOf .Files",
  "typeOf .Subcharts",
  "keys . | sortAlpha",
  '.Files.Get "files/a.txt"',
  '.Files.Get "missing"',
  'printf "%v" (.Files.GetBytes "files/b.conf")',
  'typeOf (.Files.GetBytes "files/b.conf")',
  '.Files.Lines "files/a.txt"',
  'typeOf (.Files.Lines "files/a.txt")',
  '.Files.Lines "missing"',
  '(.Files.Glob "files/*").AsConfig',
  '(.Files.Glob "files/**").AsConfig',
  '(.Files.Glob "files/*.{txt,conf}").AsSecrets',
  '(.Files.Glob "nothing/*").AsConfig',
  '(.Files.Glob "files/[ab].*").AsConfig',
  '(.Files.Glob "*.json").AsConfig',
  '(.Files.Glob "crds/*").AsConfig',
  'len (.Files.Glob "**")',
  'typeOf (.Files.Glob "**")',
];

test("render context matches helm 4", async () => {
  const cases: TemplateCase[] = exprs.map((e) => ({
    template: `{{ ${e} }}`,
    files: chartFiles,
    values: "a: 1\n",
  }));
  cases.push({
    template: '{{ range $path, $bytes := .Files.Glob "files/**" }}{{ $path }}={{ len $bytes }};{{ end }}',
    files: chartFiles,
  });
  cases.push({ template: "{{ range .Capabilities.APIVersions }}{{ . }},{{ end }}", files: chartFiles });
  cases.push({
    template: "{{ .Release.Name }}/{{ .Release.Namespace }}",
    args: ["--namespace", "prod", "rel"],
  });
  cases.push({ template: "{{ .Release.IsUpgrade }}/{{ .Release.IsInstall }}", args: ["--is-upgrade"] });
  cases.push({
    template: "{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Minor }}",
    args: ["--kube-version", "1.29.3"],
  });
  cases.push({ template: "{{ .Capabilities.KubeVersion }}", args: ["--kube-version", "v1.30"] });
  cases.push({
    template: '{{ .Capabilities.APIVersions.Has "x.io/v1" }} {{ .Capabilities.APIVersions.Has "y.io/v2" }}',
    args: ["--api-versions", "x.io/v1,y.io/v2"],
  });
  const m = await compareCases(cases);
  assert.equal(m.length, 0, formatMismatches(m));
});

test("Capabilities values print as helm prints them (Stringer with pointer receiver)", async () => {
  const exprs2 = [
    "{{ .Capabilities.KubeVersion }}",
    '{{ printf "%v" .Capabilities.KubeVersion }}',
    '{{ printf "%+v" .Capabilities.KubeVersion }}',
    "{{ print .Capabilities.KubeVersion }}",
    "{{ $k := .Capabilities.KubeVersion }}{{ $k }}",
    '{{ printf "%s" .Capabilities.KubeVersion }}',
    '{{ printf "%#v" .Capabilities.KubeVersion }}',
    "{{ .Capabilities.HelmVersion }}",
    '{{ printf "%v" .Capabilities }}',
    "{{ .Capabilities }}",
  ];
  const cases: TemplateCase[] = [
    ...exprs2.map((template) => ({ template })),
    ...exprs2.map((template) => ({ template, args: ["--kube-version", "v1.30"] })),
  ];
  const m = await compareCases(cases);
  assert.equal(m.length, 0, formatMismatches(m));
});

test("common.Values methods (Table, PathValue, AsMap, YAML) and their errors match helm", async () => {
  const values = "m:\n  x: 1\n  n:\n    y: two\ns: str\nYAML: shadowed\n";
  const exprs3 = [
    '.Values.Table "m"',
    '.Values.Table "m.n"',
    '.Values.Table "s"',
    '.Values.Table "nope"',
    '.Values.Table "m.nope"',
    '.Values.PathValue "m.x"',
    '.Values.PathValue "m.n.y"',
    '.Values.PathValue "m"',
    '.Values.PathValue ""',
    '.Values.PathValue "nope.x"',
    ".Values.AsMap",
    "typeOf .Values.AsMap",
    'typeOf (.Values.Table "m")',
    ".Values.YAML",
    '(.Values.Table "m").YAML',
  ];
  const m = await compareCases(exprs3.map((e) => ({ template: `{{ ${e} }}`, values })));
  assert.equal(m.length, 0, formatMismatches(m));
});
