// go-yaml's syntax errors (text and line) for broken documents, through
// helm's fromYaml: a hand list by kind, and random edits of valid documents
// (fast-check, fixed seed; scripts/fuzz-yaml-errors.ts runs longer).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { brokenDocumentArbitrary, compareFromYamlErrors, describeErrors } from "./broken-gen.ts";

const pad = (n: number) => `${"x".repeat(n)}\n`;

const HAND = [
  // flow collections
  "a: [",
  "a: [1, 2",
  "a: {b: 1",
  "a: {b\n",
  "a: [1, , 2]\n",
  "a: [1]]\n",
  "a: {b: 1}}\n",
  "a: [b: c: d]\n",
  "- [a, b\n- c\n",
  "a: [\n  1,\n  2\n",
  // indentation
  "a: 1\n b: 2\n",
  "a:\n  b: 1\n c: 2\n",
  "a:\n    b: 1\n  c: 2\n",
  "- a\n  - b\n",
  "a:\n- 1\n - 2\n",
  "key: value\n  bad: 1\n",
  // tabs
  "\ta: 1\n",
  "a:\n\tb: 1\n",
  "a: 1\n\tb: 2\n",
  "a: b\tc\n",
  "a:\t1\n",
  "a: |\n\tx\n",
  "a: >\n  x\n\ty\n",
  "a: 'x\n\ty'\n",
  // stray indicators
  "a: b: c\n",
  ": a\n",
  "a: 1\n: 2\n",
  "- a\nb: 1\n",
  "a: 1\n- b\n",
  "? a\n? b\n",
  "a: ?\n",
  "a: - b\n",
  "a: @x\n",
  "a: `x\n",
  "a: %x\n",
  "a: |x\n",
  "a: |0\n  x\n",
  "a: >2-\n   x\n",
  // quotes and escapes
  'a: "x\n',
  "a: 'x\n",
  "a: 'x'y\n",
  'a: "x"y\n',
  'a: "\\q"\n',
  'a: "\\/"\n',
  'a: "\\x4"\n',
  'a: "\\uD800"\n',
  'a: "\\U00110000"\n',
  'a: "x\n---\ny"\n',
  // anchors, aliases, tags
  "a: &x 1\nb: &x 2\nc: *x\n",
  "a: *x\n",
  "a: *x\nb: &x 1\n",
  "a: & 1\n",
  "a: &x\n",
  "a: *\n",
  "b: &a [*a]\n",
  "a: !e!x 1\n",
  "%TAG !e! tag:e,2000:\n---\na: !e!x 1\n",
  "a: !<x\n",
  "a: !!int x\n",
  "a: !x%zz 1\n",
  // directives and documents
  "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
  "%YAML 1.2\n---\na: 1\n",
  "%YAML 2.0\n---\na: 1\n",
  "%FOO bar\n---\na: 1\n",
  "%YAML 1.1\na: 1\n",
  "%TAG !e! tag:e,2000:\n%TAG !e! tag:f,2000:\n---\na: 1\n",
  "a: 1\n---\nb: [\n",
  "a: 1\n...\nb: [\n",
  "a: 1\n--- x\n",
  "---\n---\na: 1\n",
  "a: 1\n...\n...\n",
  "--- [\n",
  // BOMs, CRLF, control characters, other breaks
  "\uFEFFa: 1\n",
  "\uFEFF\uFEFFa: 1\n",
  "a: 1\n\uFEFFb: 2\n",
  "a: \uFEFF1\n",
  "a: 1\r\nb: [\r\n",
  "a: 1\r\n b: 2\r\n",
  "a: 1\rb: 2\r",
  "a: \u0001\n",
  "a: 1\n" + "b: [\n" + pad(600) + "c: \u0001\n",
  pad(600) + "a: [\n" + "c: \u0001\n",
  "a: [\n" + pad(100) + "\u0007\n",
  "a: \u0085b\n",
  "a: 1\u2028b: [\n",
  "a: \u007f\n",
  // simple keys
  `${"k".repeat(1100)}: 1\n`,
  `${"k".repeat(1023)}: 1\n`,
  `${"k".repeat(1024)}: 1\n`,
  `${"k".repeat(1025)}: 1\n`,
  `a:\n  ${"k".repeat(1024)}: 1\n`,
  `a:\n  ${"k".repeat(1025)}: 1\n`,
  `- ${"k".repeat(1025)}: 1\n`,
  `"${"k".repeat(1023)}": 1\n`,
  `[${"k".repeat(1025)}: 1]\n`,
  `{${"k".repeat(1100)}: 1}\n`,
  "a\nb: 1\n",
  "[a, b]: c\n",
  "{a: 1}: c\n",
  "a: [b\nc]: d\n",
  // nesting limits
  `${"[".repeat(10001)}${"]".repeat(10001)}\n`,
  `a: ${"[".repeat(10001)}\n`,
  // fine documents and non-maps
  "",
  "# only a comment\n",
  "a: 1\n",
  "- 1\n",
  "just text\n",
  "a: 1\n---\nb: 2\n",
];

test("go-yaml syntax errors match helm's fromYaml (hand list)", async () => {
  const ms = await compareFromYamlErrors(HAND);
  assert.equal(ms.length, 0, `${ms.length}/${HAND.length} differ:\n${describeErrors(ms)}`);
});

test("go-yaml syntax errors match helm's fromYaml (random edits, seed 42)", async () => {
  const docs = fc.sample(brokenDocumentArbitrary, { seed: 42, numRuns: 250 });
  const ms = await compareFromYamlErrors(docs);
  assert.equal(ms.length, 0, `${ms.length}/${docs.length} differ:\n${describeErrors(ms)}`);
});
