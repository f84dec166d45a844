// Regressions found rendering bitnami charts (scripts/corpus-diff.ts on
// /work/corpus/bitnami): each case is a template or small chart of our own that
// reproduces one difference, compared with helm 4 byte for byte (errors included).
import assert from "node:assert/strict";
import { test } from "node:test";
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
