// The executor's and the hot functions' fast paths (issue 6 speed work) at
// their boundaries: each case sits just inside or just outside a fast path, so
// a shortcut that answers differently from the general rule shows up against
// helm. Expected outputs and errors come from helm (harness.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { helmFuncMap } from "../../src/funcs/index.ts";
import { type Case, differences, formatDifferences } from "./harness.ts";

const cases: Case[] = [
  // idealConstant: integer literals are also IsFloat in Go's parser; only the text decides.
  { t: `{{ printf "%T %T %T %T %T" 0 7 1.0 1e3 0x1e }}` },
  { t: `{{ printf "%T %T %T %T" 0x1p-2 'a' 0X1E 1_000 }}` },
  { t: `{{ printf "%T %v" -0x1e -0x1e }}` },
  { t: `{{ printf "%T %v" 1E2 .5 }}` },
  // validateType: interface {} and string parameters, nil and missing values.
  { t: `{{ quote .missing }}|{{ .missing | quote }}|{{ quote nil }}`, v: {} },
  { t: `{{ upper .s }}|{{ .s | upper }}`, v: { s: "abc" } },
  { t: `{{ upper .n }}`, v: { n: 1 } },
  { t: `{{ upper .missing }}`, v: {} },
  { t: `{{ .a.b | upper }}`, v: { a: { b: null } } },
  // Plain-map fields: present, nil, missing (missingkey=zero), nested, and arguments.
  { t: `{{ .a.b }}|{{ .a.c }}|{{ .a.missing }}|{{ .missing.x }}`, v: { a: { b: 1, c: null } } },
  { t: `{{ printf "%T" .a.missing }}|{{ printf "%T" .a.c }}`, v: { a: { c: null } } },
  { t: `{{ .a.c.d }}`, v: { a: { c: null } } },
  { t: `{{ .a.b 1 }}`, v: { a: { b: 1 } } },
  { t: `{{ 1 | .a.b }}`, v: { a: { b: 1 } } },
  { t: `{{ $x := .a }}{{ $x.b }}{{ with .a }}{{ .b }}{{ end }}`, v: { a: { b: "v" } } },
  // Field chains read keys present in plain maps inline (evalFieldChain): falsy
  // values, lists and nil in the middle of a chain, through variables and parentheses.
  { t: `{{ .a.f.g }}`, v: { a: { f: false } } },
  { t: `{{ .a.s.g }}`, v: { a: { s: "" } } },
  { t: `{{ .a.n.g }}`, v: { a: { n: 0 } } },
  { t: `{{ .a.l.g }}`, v: { a: { l: [] } } },
  { t: `{{ .a.b.c.d }}|{{ .a.b.x.d }}|{{ .a.x.c.d }}`, v: { a: { b: { c: { d: "deep" } } } } },
  { t: `{{ $x := .a }}{{ $x.b.c }}|{{ (.a).b.c }}|{{ .a.b.c | printf "%T" }}`, v: { a: { b: { c: 2 } } } },
  { t: `{{ .a.b.c 1 }}`, v: { a: { b: { c: 1 } } } },
  { t: `{{ range .l }}{{ .x }}{{ end }}`, v: { l: [{ x: 1 }, { y: 2 }] } },
  { t: `{{ range .l }}{{ .x.y }}{{ end }}`, v: { l: [{ x: null }] } },
  // range: with no variable, one (the element) and two (index and element).
  { t: `{{ range .l }}[{{ . }}]{{ end }}`, v: { l: [3, 4] } },
  { t: `{{ range $e := .l }}[{{ $e }}]{{ end }}`, v: { l: [3, 4] } },
  { t: `{{ range $i, $e := .l }}[{{ $i }}={{ $e }} {{ printf "%T" $i }}]{{ end }}`, v: { l: [3, 4] } },
  { t: `{{ range $k, $v := .m }}[{{ $k }}={{ $v }}]{{ end }}`, v: { m: { b: 2, a: 1 } } },
  { t: `{{ $i := 0 }}{{ range $i = .l }}{{ end }}{{ $i }}`, v: { l: [3, 4] } },
  { t: `{{ $i := 0 }}{{ $e := 0 }}{{ range $i, $e = .l }}{{ end }}{{ $i }},{{ $e }}`, v: { l: [3, 4] } },
  { t: `{{ range $i, $c := "héllo" | toBytes }}{{ $i }}:{{ $c }} {{ end }}` },
  { t: `{{ range $i := 3 }}{{ $i }}{{ end }}|{{ range 2 }}x{{ end }}` },
];

// Function fast paths: quote with one argument, b64enc of ASCII, indent/nindent.
const funcCases: Case[] = [
  { t: `{{ quote "plain ascii ~!#$%&'()*+,-./:;<=>?@[]^_{|}" }}` },
  { t: `{{ quote "say \\"hi\\"" }}|{{ quote "back\\\\slash" }}|{{ quote "tab\\there" }}` },
  { t: `{{ quote "é ü 日本" }}|{{ quote "\\u00a0nbsp" }}|{{ quote "del\\x7f" }}` },
  { t: `{{ quote "" }}|{{ quote 1 }}|{{ quote 1 2 }}|{{ quote nil "a" nil }}|{{ quote }}` },
  { t: `{{ .v | quote }}|{{ .b | quote }}|{{ .l | quote }}`, v: { v: 1.5, b: true, l: [1, "a"] } },
  { t: `{{ b64enc "" }}|{{ b64enc "a" }}|{{ b64enc "ab" }}|{{ b64enc "abc" }}|{{ b64enc "abcd" }}` },
  { t: `{{ b64enc "héllo" }}|{{ b64enc "日本" }}|{{ b64enc "\\x7f\\x00" }}|{{ b64enc "\\xff" }}` },
  { t: `{{ toJson .m | b64enc }}`, v: { m: { a: "b", c: "d" } } },
  {
    t: `{{ "a\\nb\\n\\nc\\n" | indent 2 }}|{{ "x" | nindent 3 }}|{{ "" | nindent 1 }}|{{ "a\\n" | indent 0 }}`,
  },
  { t: `{{ "$& $1 $$" | indent 2 }}|{{ "line\\r\\nnext" | nindent 2 }}` },
  {
    t: `{{ trunc 3 "abcdef" }}|{{ trunc -2 "abcdef" }}|{{ trunc 10 "abc" }}|{{ trunc 0 "abc" }}|{{ trunc -10 "abc" }}`,
  },
  { t: `{{ trunc 3 "héllo" }}|{{ trunc -3 "日本語" }}|{{ trunc 1 "\\x7fa" }}` },
  {
    t: `{{ upper "abc-XYZ_09 ~" }}|{{ lower "ABC-xyz_09 ~" }}|{{ upper "straße é" }}|{{ lower "İSTANBUL Σ" }}`,
  },
  { t: `{{ printf "%s|%v|%q" "lit" "lit" "lit" }}|{{ printf "%d" "str" }}|{{ len "abc" }}` },
];

const all = [...cases, ...funcCases];
const diffs = await differences(all, helmFuncMap());

test(`executor fast paths match helm (${cases.length} cases)`, () => {
  const mine = diffs.filter((d) => cases.includes(d.case));
  assert.equal(mine.length, 0, formatDifferences(mine));
});

test(`function fast paths match helm (${funcCases.length} cases)`, () => {
  const mine = diffs.filter((d) => funcCases.includes(d.case));
  assert.equal(mine.length, 0, formatDifferences(mine));
});
