// The parser's fast path (src/template/parse-fast.ts) must build exactly the
// tree the general lexer and parser build — node kinds, positions, lines, texts,
// number interpretations — and leave every error to the general path. Each text
// is parsed twice, fast path on and off, and the two results compared: texts
// from the conformance cases, the helm scaffold, the grammar generator, real
// charts when /work/corpus is there, and random soups of action fragments.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { scaffoldFiles } from "../../src/chart/create-scaffold.ts";
import { helmFuncMap } from "../../src/funcs/index.ts";
import { fastParse } from "../../src/template/parse-fast.ts";
import { TemplateSet } from "../../src/template/template.ts";
import { all } from "./cases.ts";
import { funcCalls } from "./cases-funcs.ts";
import { generateCases } from "./gen.ts";

const funcs = { ...helmFuncMap(), include: helmFuncMap().print!, tpl: helmFuncMap().print! };

/** Every tree of the text (or the error), as JSON without the back links to the tree. */
function dump(text: string): string {
  const set = new TemplateSet({ funcs });
  try {
    set.parse("f.yaml", text);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  const trees = set.names().map((n) => [n, set.lookup(n)!.root]);
  return JSON.stringify(trees, (k, v) => (k === "tr" ? undefined : typeof v === "bigint" ? `${v}n` : v));
}

function compare(texts: Iterable<string>): { count: number; diffs: string[] } {
  const diffs: string[] = [];
  let count = 0;
  for (const text of texts) {
    count++;
    fastParse.enabled = false;
    const slow = dump(text);
    fastParse.enabled = true;
    const fast = dump(text);
    if (fast !== slow) {
      let at = 0;
      while (fast[at] === slow[at]) at++;
      const around = (x: string) => x.slice(Math.max(0, at - 80), at + 80);
      diffs.push(
        `${JSON.stringify(text.slice(0, 300))}\n  general: …${around(slow)}\n  fast:    …${around(fast)}`,
      );
    }
  }
  return { count, diffs };
}

function assertSame(texts: Iterable<string>): number {
  const { count, diffs } = compare(texts);
  assert.equal(diffs.length, 0, `${diffs.length} of ${count} differ:\n${diffs.slice(0, 5).join("\n")}`);
  return count;
}

test("fast path: conformance case texts parse as the general parser parses them", () => {
  const texts = [...all.flatMap(([, cs]) => cs.map((c) => c.t)), ...funcCalls.map((c) => c.t)];
  assert.ok(assertSame(texts) > 300);
});

test("fast path: the helm scaffold and generated templates", () => {
  const texts = [...scaffoldFiles.map(([, c]) => c), ...generateCases(42, 300).map((c) => c.t)];
  assertSame(texts);
});

// Edge shapes next to the fast path's limits: each must go the general way or agree with it.
const EDGES = [
  "{{.a}}",
  "{{ .a.b.c }}",
  "{{- .a -}}\n  x",
  "{{ .a -}} \n\n y",
  "{{ .a-}}",
  "{{ .a }}{{- end }}",
  "{{ .a.0 }}",
  "{{ .a.b. }}",
  "{{ .a| quote }}",
  "{{ .a |quote}}",
  "{{ .a | | quote }}",
  "{{ .a | }}",
  "{{ | .a }}",
  "{{ }}",
  "{{ . }}",
  "{{ .. }}",
  '{{ .x.y | printf "%s-%d" 10 }}',
  '{{ printf "a\\nb" }}',
  '{{ printf "a"x }}',
  '{{ printf "a" "b" }}',
  '{{ printf "unterminated }}',
  "{{ print 0 00 01 10 123456789012345 1234567890123456 1.5 1e3 0x1f 1_0 -1 +1 }}",
  "{{ print 3x }}",
  "{{ print true false nil }}",
  "{{ print true.x }}",
  "{{ .a | true }}",
  "{{ .a | 1 }}",
  '{{ .a | "s" }}',
  "{{ .a | . }}",
  "{{ nofunc .a }}",
  "{{ print.x }}",
  "{{ $ }}{{ $.a.b }}{{ $x }}",
  "{{ $x := 1 }}{{ $x }}{{ $x.a.b }}{{ $x = 2 }}{{ $x | print }}",
  "{{ $x := 1 }}{{ print $x $ $.a }}",
  "{{ range $i, $v := .a }}{{ $i }}{{ $v.x }}{{ end }}",
  "{{ if .a }}x{{ else }}y{{ end }}",
  "{{ if .a }}x{{ else if .b }}y{{ else }}z{{end}}",
  "{{ with .a }}x{{ else with .b }}y{{ end }}",
  "{{ if .a }}x{{ else -}} y {{- end -}} z",
  "{{ if .a }}x{{ elsewhere }}{{ end }}",
  "{{ if .a }}x{{ endx }}",
  "{{ if .a }}x{{ end-}}",
  "{{ end }}",
  "{{ else }}",
  "{{ else if .a }}",
  "{{ if .a }}x{{ else  if .b }}y{{ else with .c }}z{{ end }}",
  "{{ with .a }}x{{ else if .b }}y{{ end }}",
  "{{ if .a }}x{{ else range .b }}y{{ end }}",
  "{{ if .a }}x{{ else if }}y{{ end }}",
  "{{ if .a }}x{{ else if(.b) }}y{{ end }}",
  "{{ if .a }}x{{ else\tif\t.b }}y{{ end }}",
  "{{ if .a }}x{{ else ifx .b }}y{{ end }}",
  "{{if .a}}x{{else if .b}}y{{end}}",
  "{{ if(.a) }}x{{ end }}",
  "{{ if }}x{{ end }}",
  "{{ if .a }}x",
  "{{ range .a }}x{{ else }}y{{ end }}",
  "{{ range .a }}{{ if .b }}{{ break }}{{ end }}{{ end }}",
  "{{ with $y := .a }}{{ $y }}{{ end }}",
  "{{- range .a -}}\n  {{- .b -}}\n{{- end -}}",
  "{{ range .a }}{{ break }}{{ continue }}{{ end }}",
  '{{ define "x" }}{{ .a }}{{ end }}{{ template "x" . }}',
  '{{  define "x" }}a{{ end }}',
  '{{ block "b" .a }}{{ .c }}{{ end }}',
  "{{ .a\n}}",
  "{{ .a\t|\tquote\t}}",
  "{{ .a\r}}",
  "{{ .é }}{{ .aé }}",
  "{{ (.a) }}{{ print (.b) }}",
  '{{ include "x" ( dict "a" .a "b" $ ) | nindent 4 }}{{ print (print (print 1)) }}',
  "{{ print ( .a ) (.b)}}{{ print (.a)(.b) }}{{ print (.a).b }}{{ print (.a) .b }}",
  "{{ print () }}{{ print (|) }}{{ print (.a | ) }}{{ print (.a | quote) | quote }}",
  "{{ print (.a }}{{ print .a) }}{{ (.a -}}",
  "{{ (1) }}{{ .a | (print) }}{{ ($x := 1) }}{{ ( $ ) }}",
  "{{ $a := 1 }}{{ $a = 2 }}{{ $b := $b }}{{ $c = 3 }}{{ $ := 1 }}{{ $d := }}",
  "{{ $a:=1 }}{{ $a :=1 }}{{ $a == 1 }}{{ $a := $a := 1 }}{{ $a : = 1 }}{{ $a.b := 1 }}",
  "{{ if $v := .a }}{{ $v }}{{ end }}{{ $v }}",
  "{{ with $v := .a }}{{ $v }}{{ else }}{{ $v }}{{ end }}",
  "{{ range $v := .a }}{{ $v }}{{ end }}{{ range $i, $v := .a }}{{ $i }}{{ end }}",
  "{{ $x := (print 1) | quote }}{{ $x := print $x }}",
  "{{ .a.b (print 1) }}",
  "{{ print .a, .b }}",
  "{{ .a := 1 }}",
  "{{ /* c */ }}{{- /* d */ -}}",
  "a\n{{ .a }}\nb\n{{- .b }}\n{{ .c | quote }}\n",
  "{{ .a }",
  "{{ .a",
  "{{ print",
  "{{ end",
  "{{ .a }}}}",
  '🚀{{ .a }}🚀{{ print "🚀" }}',
  // template actions
  '{{ template "x" }}{{ template "x" . }}{{- template "x" .a | quote -}}{{template "x"}}',
  '{{ template "x"-}}{{ template "x". }}{{ template "x"  ( print 1 ) }}{{ template "x" (print 1).a }}',
  '{{ template "x" $y }}{{ template "x" $ }}{{ template "x" $.a }}',
  '{{ template "a\\nb" . }}{{ template `x` . }}{{ template "x" "y" }}{{ template "x" 1 }}',
  '{{ template "x" $v := 1 }}{{ $v }}',
  '{{ templatex }}{{ template }}{{ template . }}{{ template\t"x"\t}}',
  '{{ template "x" nofunc }}{{ template "x" . | 1 }}{{ template "x" . |',
  '{{ if .a }}{{ template "x" . }}{{ end }}{{ define "x" }}{{ template "y" }}{{ end }}',
  // define actions
  '{{ define "a" }}x{{ end }}',
  '{{- define "a" -}}\n x \n{{- end -}}',
  '{{define "a"}}{{end}}{{define "b"-}} {{end}}',
  '{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}',
  '{{ define "a" }}{{ end }}{{ define "a" }}y{{ end }}{{ define "a" }} {{ end }}',
  '{{- define\n"a" }}x{{ end }}{{-\ndefine "b" }}x{{ end }}{{ define "c"\n}}x{{ end }}',
  '{{ define "a\\n" }}{{ end }}{{ define `r` }}{{ end }}{{ define "" }}{{ end }}',
  '{{ define "a" . }}{{ end }}',
  '{{ define "a"}}x',
  '{{ define "a" }}{{ else }}{{ end }}',
  'x{{ define "a" }}{{ .a }}{{ end }}y',
  '{{ define "a" -}}\n\n{{ .b }}{{ end }}\n{{ .c }}',
  '{{ if .a }}{{ define "b" }}{{ end }}{{ end }}',
  '{{ define "a" }}\n\n{{ end }}\n{{ .x | 1 }}',
  '{{ define "a" }}{{ end }}{{ end }}',
  '{{ /* c */ }}{{ define "a" }}{{ end }}{{ definex }}',
  '\n\n  {{- define "a" }}{{ .x }}{{ end }}',
  '{{ block "b" . }}{{ define "c" }}{{ end }}{{ end }}',
  // fields after parentheses (chains)
  "{{ (.a).b }}{{ (.a).b.c }}{{ ($).a }}{{ ($.a).b }}{{ (print 1).a | quote }}{{ print (.a).b .c }}",
  "{{ (.a).b.c.d.e }}{{ ((.a).b).c }}{{ (.a). }}{{ (.a).0 }}{{ (.a).b. }}{{ (.a).é }}{{ (.a)..b }}",
  "{{ (.a).b(.c) }}{{ (.a).b\n}}{{ if (.a).b }}x{{ end }}{{ range (.a).b }}{{ end }}{{ (.a).b-}}",
  '{{ (1).a }}{{ ("s").a }}{{ (.a).true }}{{ (.a).b| quote }}{{ .x | (.a).b }}',
  // strings with escapes
  '{{ print "a\\"b" "\\\\" "\\n\\t\\x41\\u00e9\\101" "\\U0010ffff" | printf "%s\\n" }}{{ "\\"" }}',
  '{{ print "\\q" }}',
  '{{ print "\\x4" }}',
  '{{ print "\\400" }}',
  '{{ print "\\ud800" }}',
  '{{ print "\\U00110000" }}',
  '{{ print "é\\n🚀" }}',
  '{{ print "a\\\nb" }}{{ print "a\\" }}{{ print "\\" }}',
  '{{ print "\\🚀" }}',
  '{{ print "\\é" }}',
  '{{ template "a\\tb" . }}{{ define "x\\n" }}{{ end }}{{ print "\\a\\b\\f\\v\\r\\\'" }}',
  // comments
  "a{{/* c */}}b{{- /* c */ -}}  c  {{/* c */ -}}\n\n d \n{{- /* c */}}e",
  "{{/* c */}}{{/* d */}}{{ .a }}{{/* e */}}",
  "{{/* c */}}",
  "  {{- /* c */ -}}  ",
  "{{/* c\nd\n */}}\n{{ .a | 1 }}",
  '{{/* c */}}\n{{- define "a" }}x{{ end }}\n{{/* c */}}{{ define "b" }}{{ end }}',
  '{{ define "a" }}{{/* c */}}{{ .x }}{{/* c */}}{{ end }}',
  "{{/* c */ }}{{/* c */-}}{{/* c */ - }}{{/* c *}}{{/* c",
  "{{/* c */\n-}}x{{/* c */\t-}}\ty{{/*c*/}}{{/**/}}{{ /* c */ }}",
  "{{/* c */}}{{ end }}",
  "{{ if .a }}{{/* c */}}x{{- /* c */ -}}{{ else }}{{/* c */}}{{ end }}",
  // range's pair of variables
  "{{ range $k, $v := .a }}{{ $k }}{{ $v.b }}{{ end }}{{ $k }}",
  "{{ range $k,$v := .a }}{{ end }}{{ range $k ,$v := .a }}{{ end }}{{ range $k, $v:= .a }}{{ end }}",
  "{{ range $k, $v = .a }}{{ end }}{{ range $k, $k := .a }}{{ end }}{{ range $, $v := .a }}{{ end }}",
  "{{ range $k, $ := .a }}{{ end }}{{ range $k, $v, $w := .a }}{{ end }}{{ range $k, := .a }}{{ end }}",
  "{{ range $k, }}{{ end }}{{ range $k, .a }}{{ end }}{{ range $k, $v }}{{ end }}",
  "{{ with $k, $v := .a }}{{ end }}{{ if $k, $v := .a }}{{ end }}{{ $k, $v := .a }}",
  "{{ range $k, $v := .a }}{{ range $i, $x := $v }}{{ $k }}{{ $x }}{{ end }}{{ end }}",
  "{{ $x := 1 }}{{ range $x, $y := .a }}{{ $x }}{{ end }}{{ range $k, $v := (print 1) }}{{ end }}",
];

test("fast path: edge shapes", () => {
  assertSame(EDGES);
});

const FRAGMENTS = [
  "{{",
  "{{- ",
  "}}",
  " -}}",
  " ",
  "  ",
  "\t",
  "\n",
  ".",
  ".a",
  ".b.c",
  "$",
  "$x",
  "$.a",
  "$y",
  "$z := ",
  "$x = ",
  '"s"',
  '"a\\n"',
  "`r`",
  "1",
  "0",
  "01",
  "1.5",
  "true",
  "nil",
  "print",
  "quote",
  "nofunc",
  "|",
  "-",
  "(",
  ")",
  ":=",
  "=",
  ",",
  "end",
  "else",
  "if",
  "range",
  "template",
  "define",
  "with",
  "é",
  "x",
];

test("fast path: random soups of action fragments (seed 7)", () => {
  const soup = fc
    .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 14 })
    .map((fs) => `{{ $x := 1 }}a${fs.join("")}b`);
  const texts = fc.sample(soup, { seed: 7, numRuns: 3000 });
  assertSame(texts);
});

// Real charts, when the corpus of this machine is there (the cases above cover the shapes).
const CORPUS = "/work/corpus";
test("fast path: real chart templates", { skip: !existsSync(CORPUS) }, () => {
  const texts: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\/templates\/.*\.(ya?ml|tpl|txt)$/.test(p) && st.size < 1e6)
        texts.push(readFileSync(p, "utf8"));
    }
  };
  walk(CORPUS);
  // A fixed quarter of them keeps the suite quick.
  assert.ok(assertSame(texts.filter((_, i) => i % 4 === 0)) > 100);
});
