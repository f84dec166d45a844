// Regression cases reduced from differences found by rendering charts kept in
// Go modules (istio, cilium, envoy gateway, loki, calico, ingress-nginx,
// gpu-operator ...) with helm 4 and capstan. Each case is written for this
// suite; expected output always comes from running helm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";
import { compareCases, formatMismatches, type TemplateCase } from "../helpers/template-cases.ts";

test("template snippets from Go-module charts render as helm renders them", async () => {
  const files = {
    "files/a-b/one.conf": "x = 1\n",
    "files/a-b/two.conf": "y = 2\n",
    "files/c/three.conf": "z\n",
    "top.txt": "top\n",
  };
  const cases: TemplateCase[] = [
    // A '-' in a glob must stay a literal: it once made the pattern invalid,
    // and helm's fallback for invalid patterns matches every file.
    { template: '{{ (.Files.Glob "files/a-b/*").AsConfig }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "files/a-b/*" }}{{ $p }},{{ end }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "files/{a-b,c}/*-?.conf" }}{{ $p }},{{ end }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "files/[a-c]-b/*" }}{{ $p }},{{ end }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "*-*" }}{{ $p }},{{ end }}', files },
  ];
  // gobwas/glob's own grammar decides which patterns are errors (helm then
  // matches every file) and what the others mean; these follow its lexer.
  const odd = {
    "f/a-b.txt": "1",
    "f/a.b": "2",
    "f/ab": "3",
    "f/a+b": "4",
    "f/a(b)": "5",
    "f/d/y/z.txt": "6",
    "f/[a].txt": "7",
    "f/a*b": "8",
    "f/-": "9",
    "f/^a": "10",
    "f/a]": "11",
    "f/a{b}": "12",
    "f/a,b": "13",
    "f/a\\b": "14",
    "f/.hidden": "15",
    fax: "16",
    "f/x": "17",
  };
  const patterns = [
    // errors: a range must be exactly lo-hi], an empty class is no class
    "f/a[+-]b",
    "f/[a-]*",
    "f/[a-c-e]*",
    "f/[z-a]*",
    "f/a[]]",
    "f/[!]a]",
    "f/[!",
    "f/a[b",
    // not errors: unclosed braces close at the end, a trailing backslash is dropped
    "f/{a,b",
    "f/{a,{x,y}}*",
    "f/a\\",
    "f/*\\",
    // escapes inside and outside brackets; ',' and '}' are text outside braces
    "f/a[\\]]",
    "f/\\[a\\].txt",
    "f/a\\*b",
    "f/a\\\\b",
    "f/a{b}",
    "f/a,b",
    "f/{a\\,b,x}",
    // '-' and '^' are plain; a negated class also matches '/'
    "f/a[-]b",
    "f/a[-+]b",
    "f/[^a]*",
    "f/a[!-]b",
    "f[!a]x",
    "f[!a-b]x",
    "f?x",
    // braces with empty alternatives, '**' across folders
    "f/{a,}*",
    "f/{,a}b",
    "f/a{b,}",
    "f/**.txt",
    "**/z.txt",
    "f/*/z.txt",
    "f/?",
  ];
  for (const p of patterns) {
    cases.push({
      template: `{{ range $p, $_ := .Files.Glob ${JSON.stringify(p)} }}{{ $p }},{{ end }}`,
      files: odd,
    });
  }
  const m = await compareCases(cases);
  assert.equal(m.length, 0, formatMismatches(m));
});

test("small charts built like Go-module charts render as helm renders them", async () => {
  // Dashboards read from a hyphenated folder into one ConfigMap each.
  await assertSameAsHelm({
    "Chart.yaml": "apiVersion: v2\nname: dashboards\nversion: 1.0.0\n",
    "README.md": "# not a dashboard\n",
    "files/my-dashboards/a.json": '{"a": 1}\n',
    "templates/cm.yaml":
      '{{- range $path, $bytes := .Files.Glob "files/my-dashboards/*" }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d-{{ base $path | trimSuffix ".json" }}\ndata:\n  {{ base $path }}: {{ toString $bytes | quote }}\n{{- end }}\n',
  });
});

test(".helmignore and --show-only patterns follow Go's filepath.Match", async () => {
  // Found next to the .Files.Glob fix: both use Go's filepath.Match, where an
  // unescaped '-' or ']' cannot end a range (a syntax error), a reversed range
  // is valid and matches nothing, and a class may match '/'.
  const listing = '{{ range $p, $_ := .Files.Glob "**" }}# {{ $p }}\n{{ end }}';
  const chart = {
    "Chart.yaml": "apiVersion: v2\nname: ig\nversion: 1.0.0\n",
    "a-b.txt": "1",
    "ab.txt": "2",
    "]x": "3",
    "-x": "4",
    "d/x.txt": "5",
    "d/y.txt": "6",
    "templates/a-b.yaml": `${listing}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ab\n`,
    "templates/c.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
  };
  const rules = [
    "[a-]*",
    "[]a]*",
    "[a-c-]*",
    "[-a]*",
    "[a\\-]*",
    "[\\]]x",
    "a[!-]b.txt",
    "[c-a]*",
    "a[--/]b.txt",
  ];
  for (const r of [...rules, "d[/]x.txt", "/d[/]y.txt", "d[!/]x.txt", "d[^a]x.txt"]) {
    await assertSameAsHelm({ ...chart, ".helmignore": `${r}\n` });
  }
  const shows = [
    "templates/[a-]*.yaml",
    "templates/[-a]*",
    "templates/[]a]*",
    "templates[/]c.yaml",
    "templates[^a]c.yaml",
  ];
  for (const s of [...shows, "templates/[c-a]*", "templates/[^c-a]*", "templates/*-*.yaml", "templates/[a"]) {
    await assertSameAsHelm(chart, ["--show-only", s]);
  }
});
