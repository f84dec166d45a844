// Regressions found rendering bitnami charts (scripts/corpus-diff.ts on
// /work/corpus/bitnami): each case is a template or small chart of our own that
// reproduces one difference, compared with helm 4 byte for byte (errors included).
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertSameAsHelm, compareRuns, runCapstan } from "../helpers/differential.ts";
import { runHelm } from "../helpers/oracle.ts";
import { compareCases, formatMismatches, type TemplateCase } from "../helpers/template-cases.ts";

async function assertCasesSameAsHelm(cases: TemplateCase[]) {
  const m = await compareCases(cases);
  assert.equal(m.length, 0, formatMismatches(m));
}

// bitnami/common's supportsHelmVersion stringifies .Capabilities; charts also
// pass .Capabilities.KubeVersion to Sprig. common.KubeVersion's String() has a
// pointer receiver, so functions (which get a copy) print the struct with %v.
test("Capabilities.KubeVersion through Sprig's strval", async () => {
  const kv = "{{ $kv := .Capabilities.KubeVersion }}";
  const exprs = [
    "$kv | toString",
    "$kv | quote",
    "$kv | squote",
    'cat $kv "x"',
    'list $kv "a" | join ","',
    'default "d" $kv | quote',
    "list $kv | toStrings | toJson",
    "list $kv | first | toString",
    "$kv",
    "print $kv",
    'printf "%s|%v" $kv $kv',
    "$kv.String",
    ".Capabilities | toString",
    ".Capabilities.KubeVersion.Version | toString",
    ".Capabilities.HelmVersion | toString",
    'regexMatch "{(v[0-9])*[^}]*}}$" (.Capabilities | toString)',
    "$kv | b64enc",
  ];
  const cases: TemplateCase[] = exprs.map((e) => ({ template: `${kv}{{ ${e} }}` }));
  cases.push({ template: `${kv}{{ $kv | toString }}`, args: ["--kube-version", "1.20.3"] });
  await assertCasesSameAsHelm(cases);
});

// Umbrella charts (bitnami wordpress-style) read their subcharts through
// .Subcharts: helm keeps the child's own scope map there, so what rendering
// the child's templates set on it (.Template of its last rendered template,
// in helm's reverse path order) shows to the parent, which renders later.
test(".Subcharts holds the subchart's live render scope", async () => {
  const sub = (name: string) => ({
    [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    [`charts/${name}/values.yaml`]: "port: 11211\n",
    [`charts/${name}/templates/a.yaml`]: "kind: A\nmetadata:\n  name: {{ .Template.Name }}\n",
    [`charts/${name}/templates/b.yaml`]: 'kind: B\n{{ $_ := set $ "marker" .Template.BasePath }}\n',
    [`charts/${name}/templates/_h.tpl`]: '{{ define "h" }}h{{ end }}\n',
  });
  await assertSameAsHelm({
    "Chart.yaml":
      "apiVersion: v2\nname: top\nversion: 1.0.0\ndependencies:\n  - name: cache\n    version: 1.0.0\n  - name: web\n    version: 1.0.0\n    alias: front\n",
    "values.yaml": "cache:\n  port: 1\n",
    ...sub("cache"),
    ...sub("web"),
    "templates/cm.yaml":
      'kind: ConfigMap\ndata:\n  tmpl: {{ .Subcharts.cache.Template | toJson | quote }}\n  front: {{ .Subcharts.front.Template.Name | quote }}\n  marker: {{ .Subcharts.cache.marker | quote }}\n  keys: {{ keys .Subcharts.front | sortAlpha | toJson | quote }}\n  type: {{ printf "%T" .Subcharts.cache }}\n',
  });
});

// A mistyped chart reference (bitnami docs are often pasted with "…" or a
// shell-expanded brace): helm parses it as a URL and prints the escaped URL.
test("chart references that are neither paths nor repo/chart", async () => {
  const refs = [
    "a{b}",
    "a b",
    "…",
    "ä",
    "%zz",
    "a\tb",
    "a%2Fb",
    "a b/c d",
    "x:y",
    "a?q=1#f",
    "http://h",
    "ftp://h/p",
  ];
  const cwd = mkdtempSync(join(tmpdir(), "capstan-refs-"));
  for (const ref of refs) {
    const args = ["template", ref];
    const helm = await runHelm(args, { cwd });
    const ours = await runCapstan(args, { cwd });
    const c = compareRuns(helm, ours, ref);
    assert.ok(c.equal, c.diff);
  }
});

// A subchart's .Values is the parent's map for it (Values.Table), not a copy:
// keys its templates set or unset show in the parent's .Values.<alias>.
test("a subchart's .Values is shared with the parent's .Values.<name>", async () => {
  await assertSameAsHelm({
    "Chart.yaml":
      "apiVersion: v2\nname: top\nversion: 1.0.0\ndependencies:\n  - name: sub\n    version: 1.0.0\n    alias: cache\n",
    "values.yaml": "cache:\n  port: 1\n  nested: {a: 1}\n",
    "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 1.0.0\n",
    "charts/sub/values.yaml": "port: 2\nother: 3\n",
    "charts/sub/templates/a.yaml":
      '{{- $_ := set .Values "added" "by-sub" }}\n{{- $_ := unset .Values "other" }}\n{{- $_ := set .Values.nested "b" 2 }}\nkind: A\nv: {{ .Values | toJson }}\nt: {{ printf "%s %T %s %d" (typeOf .Values) .Values.nested (kindOf .Values) (len .Values) | quote }}\n',
    "templates/p.yaml": "kind: P\nv: {{ .Values.cache | toJson }}\nt: {{ typeOf .Values.cache }}\n",
  });
});
