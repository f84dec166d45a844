// Chart.yaml decoding and validation, dependency processing corner cases and
// .helmignore rules, each a small in-memory chart rendered by helm 4 and by
// capstan (`template`), compared byte for byte (stdout, or the error).
import assert from "node:assert/strict";
import { test } from "node:test";
import { differentialTemplate } from "../helpers/differential.ts";
import type { ChartFiles } from "../helpers/oracle.ts";

const T = "templates/t.yaml";
const dumpMeta = `md: {{ .Chart.Name }}|{{ .Chart.Version }}|{{ .Chart.AppVersion }}|{{ .Chart.Description | quote }}|{{ .Chart.Keywords }}|{{ .Chart.Annotations }}|{{ .Chart.Deprecated }}|{{ .Chart.Type }}|{{ .Chart.KubeVersion }}|{{ .Chart.Home }}\n`;
const dumpValues = "v: {{ toJson .Values }}\n";

function chart(chartYaml: string, extra: ChartFiles = {}): ChartFiles {
  return { "Chart.yaml": chartYaml, [T]: dumpMeta, ...extra };
}
const sub = (name: string, version = "0.1.0", values = "x: 1\n", more = ""): ChartFiles => ({
  [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: ${version}\n${more}`,
  [`charts/${name}/values.yaml`]: values,
  [`charts/${name}/templates/t.yaml`]: dumpValues,
});

const cases: [string, ChartFiles, string[]?][] = [
  [
    "numbers as strings",
    chart("apiVersion: v2\nname: c\nversion: 1.0\nappVersion: 1.10\nkeywords: [1, yes, 2.50]\n"),
  ],
  ["yaml 1.1 name", chart("apiVersion: v2\nname: n\nversion: 1.0.0\n")],
  [
    "annotations and maintainers",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\nannotations: {a: 1, b: true, c: x}\nmaintainers: [{name: 1, email: e}]\n",
    ),
  ],
  [
    "sanitized description",
    chart('apiVersion: v2\nname: c\nversion: 1.0.0\ndescription: "a\\tb\\nc\\u0001d\\u200be"\n'),
  ],
  ["no apiVersion (v1)", chart("name: c\nversion: 1.0.0\n")],
  ["apiVersion v3", chart("apiVersion: v3\nname: c\nversion: 1.0.0\n")],
  ["apiVersion unknown", chart("apiVersion: v9\nname: c\nversion: 1.0.0\n")],
  ["apiVersion list", chart("apiVersion: [1]\nname: c\nversion: 1.0.0\n")],
  ["chart yaml is a list", chart("- a\n- b\n")],
  ["chart yaml empty", chart("")],
  ["missing name", chart("apiVersion: v2\nversion: 1.0.0\n")],
  ["name with slash", chart("apiVersion: v2\nname: a/b\nversion: 1.0.0\n")],
  ["missing version", chart("apiVersion: v2\nname: c\n")],
  ["bad version", chart("apiVersion: v2\nname: c\nversion: 1.2.3.4\n")],
  ["loose versions", chart("apiVersion: v2\nname: c\nversion: v2\n")],
  ["prerelease leading zero", chart("apiVersion: v2\nname: c\nversion: 1.0.0-01\n")],
  ["bad type", chart("apiVersion: v2\nname: c\nversion: 1.0.0\ntype: app\n")],
  ["library", chart("apiVersion: v2\nname: c\nversion: 1.0.0\ntype: library\n")],
  ["keywords not a list", chart("apiVersion: v2\nname: c\nversion: 1.0.0\nkeywords: a\n")],
  [
    "two type errors: first in key order",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\nsources: a\ndeprecated: x\n"),
  ],
  ["annotations nested", chart("apiVersion: v2\nname: c\nversion: 1.0.0\nannotations: {a: {b: 1}}\n")],
  ["maintainer name list", chart("apiVersion: v2\nname: c\nversion: 1.0.0\nmaintainers: [{name: [1]}]\n")],
  ["null maintainer", chart("apiVersion: v2\nname: c\nversion: 1.0.0\nmaintainers: [null]\n")],
  [
    "dependency enabled string",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: a, enabled: x}]\n"),
  ],
  ["dependencies not a list", chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: {name: a}\n")],
  ["null dependency", chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [null]\n")],
  ["bad alias", chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: a, alias: a.b}]\n")],
  [
    "duplicate dependency",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: a}, {name: b, alias: a}]\n"),
  ],
  [
    "missing dependencies listed",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: a}, {name: b}]\n", sub("b")),
  ],
  ["undeclared subchart renders", chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", sub("extra"))],
  [
    "empty dependencies list",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: []\n", {
      ...sub("s", "0.1.0", "x: 1\n", "dependencies:\n- name: g\n  condition: g.on\n"),
      ...{
        "charts/s/charts/g/Chart.yaml": "apiVersion: v2\nname: g\nversion: 0.1.0\n",
        "charts/s/charts/g/templates/t.yaml": dumpValues,
      },
      "charts/s/values.yaml": "g: {on: false}\n",
    }),
  ],
  [
    "version range mismatch keeps the chart unaliased",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '>9', alias: al}]\n",
      sub("s"),
    ),
  ],
  [
    "alias without version",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, alias: al}]\n", sub("s")),
  ],
  [
    "same chart twice, aliased",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', alias: one}, {name: s, version: '*', alias: two}]\n",
      { ...sub("s"), "values.yaml": "one: {x: 11}\ntwo: {x: 22}\n" },
    ),
  ],
  [
    "condition on alias name",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', alias: al, condition: al.enabled}]\n",
      { ...sub("s"), "values.yaml": "al: {enabled: false}\n" },
    ),
  ],
  [
    "tags and condition: condition wins",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', tags: [t], condition: s.on}]\n",
      { ...sub("s"), "values.yaml": "tags: {t: false}\ns: {on: true}\n" },
    ),
  ],
  [
    "tags not a table",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', tags: [t]}]\n", {
      ...sub("s"),
      "values.yaml": "tags: [t]\n",
    }),
  ],
  [
    "subchart values not a table",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", { ...sub("s"), "values.yaml": "s: text\n" }),
  ],
  [
    "declared subchart values a list",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*'}]\n", {
      ...sub("s"),
      "values.yaml": "s: [1, x]\n",
    }),
  ],
  [
    "aliased chart with two levels of subcharts",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', alias: al}]\n", {
      ...sub("s"),
      ...sub("s/charts/g"),
      "charts/s/charts/g/Chart.yaml": "apiVersion: v2\nname: g\nversion: 0.1.0\n",
      "charts/s/charts/g/charts/h/Chart.yaml": "apiVersion: v2\nname: h\nversion: 0.1.0\n",
      "charts/s/charts/g/charts/h/templates/t.yaml": "path: {{ .Template.Name }}\n" + dumpValues,
      "values.yaml": "al: {g: {h: {fromroot: 1}}}\n",
    }),
  ],
  [
    "import-values from a grandchild's exports, conditions on grandchildren",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', import-values: [{child: g.exports.e, parent: fromg}]}]\n",
      {
        ...sub("s", "0.1.0", "x: 1\n", "dependencies: [{name: g, version: '*', condition: g.on}]\n"),
        "charts/s/charts/g/Chart.yaml": "apiVersion: v2\nname: g\nversion: 0.1.0\n",
        "charts/s/charts/g/values.yaml": "exports: {e: {k: v}}\n",
        "charts/s/charts/g/templates/t.yaml": dumpValues,
        "values.yaml": "s: {g: {on: true}}\n",
      },
    ),
  ],
  [
    "subchart values from --set scalar",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", sub("s")),
    ["--set", "s=1"],
  ],
  [
    "global from parent and --set",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", {
      ...sub("s", "0.1.0", "global: {a: sub, b: sub}\n"),
      "values.yaml": "global: {a: parent}\n",
    }),
    ["--set", "global.c=cli"],
  ],
  [
    "global not a table",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", { ...sub("s"), "values.yaml": "global: 1\n" }),
  ],
  [
    "import-values into aliased",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', alias: al, import-values: [{child: d, parent: got}, e]}]\n",
      sub("s", "0.1.0", "d: {k: v}\nexports: {e: {ek: ev}}\n"),
    ),
  ],
  [
    "import-values odd entries",
    chart(
      "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: s, version: '*', import-values: [1, {child: d}, {parent: p}]}]\n",
      sub("s", "0.1.0", "d: {k: v}\n"),
    ),
  ],
  [
    "values anchors and merge keys",
    {
      "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
      [T]: dumpValues,
      "values.yaml": "base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\nlist: [*b]\n",
    },
  ],
  [
    "values numbers",
    {
      "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
      [T]: dumpValues,
      "values.yaml":
        "a: 1e3\nb: 0x1F\nc: 0o17\nd: 017\ne: 1_000\nf: .5\ng: -0.0\nh: 12345678901234567890\ni: 1.0\n",
    },
  ],
  [
    "values bool keys",
    {
      "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
      [T]: dumpValues,
      "values.yaml": "on: 1\nno: 2\n3: 3\n~: 4\n",
    },
  ],
  [
    "values not a map",
    { "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n", [T]: dumpValues, "values.yaml": "- a\n" },
  ],
  [
    "values bad separator",
    {
      "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
      [T]: dumpValues,
      "values.yaml": "a: 1\n--- b\n",
    },
  ],
  [
    "requirements in v2 chart",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", {
      "requirements.yaml": "dependencies: [{name: s, version: '*', condition: s.on}]\n",
      ...sub("s"),
      "values.yaml": "s: {on: false}\n",
    }),
  ],
  [
    "Chart.lock and requirements.lock",
    chart("apiVersion: v1\nname: c\nversion: 1.0.0\n", {
      "requirements.lock": "dependencies: []\ndigest: x\n",
      "Chart.lock": "generated: 2020-01-01T00:00:00Z\n",
      "templates/f.yaml": 'f: {{ range $p, $_ := .Files.Glob "**" }}{{ $p }} {{ end }}\n',
    }),
  ],
  [
    "dotfile and underscore entries in charts/",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", {
      "charts/_skip/Chart.yaml": "bad: [",
      "charts/.hidden/x": "x",
      "charts/README.md": "r",
      "charts/sig.prov": "p",
      "templates/f.yaml": 'f: {{ range $p, $_ := .Files.Glob "**" }}{{ $p }} {{ end }}\n',
    }),
  ],
  [
    "broken subchart",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", {
      "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: x\n",
    }),
  ],
  [
    "subchart without Chart.yaml",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", { "charts/s/values.yaml": "a: 1\n" }),
  ],
  [
    ".helmignore rules",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", {
      ".helmignore": "*.log\n!important.log\n/top.txt\nnested/\nfiles/?.txt\nfiles/[ab]*.md\n# c\n\n",
      "a.log": "",
      "important.log": "",
      "top.txt": "",
      "x/top.txt": "",
      "nested/a": "",
      "y/nested/b": "",
      "files/1.txt": "",
      "files/12.txt": "",
      "files/a1.md": "",
      "files/c1.md": "",
      "templates/.skip.yaml": "bad: [",
      "templates/f.yaml": 'f: {{ range $p, $_ := .Files.Glob "**" }}{{ $p }} {{ end }}\n',
    }),
  ],
  [
    ".helmignore double star",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", { ".helmignore": "**/x\n" }),
  ],
  [".helmignore bad pattern", chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", { ".helmignore": "[a\n" })],
  [
    ".helmignore ignoring templates",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\n", {
      ".helmignore": "templates/t.yaml\n",
      "templates/u.yaml": "u: 1\n",
    }),
  ],
  ["kubeVersion garbage", chart("apiVersion: v2\nname: c\nversion: 1.0.0\nkubeVersion: garbage\n")],
  [
    "kubeVersion ok with flag",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\nkubeVersion: '~1.28.0'\n"),
    ["--kube-version", "1.28.9"],
  ],
  [
    "kubeVersion or-groups",
    chart("apiVersion: v2\nname: c\nversion: 1.0.0\nkubeVersion: '<1.10 || >=1.30'\n"),
  ],
];

for (const [name, files, args] of cases) {
  test(name, async () => {
    const c = await differentialTemplate(files, args ?? []);
    assert.ok(c.equal, c.diff);
  });
}
