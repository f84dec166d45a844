// The fast block reader must agree with the full parser on everything it
// accepts (and hand everything else over): values, and errors.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readYAML } from "../../src/yaml/decode.ts";
import { toYAML } from "../../src/yaml/encode.ts";
import { DOCUMENTS, STRINGS, yamlQuote } from "./cases.ts";
import { documentArbitrary } from "./gen.ts";

function outcome(text: string, fullParser: boolean): unknown {
  try {
    return readYAML(text, { fullParser });
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

function agree(text: string): void {
  assert.deepEqual(outcome(text, false), outcome(text, true), JSON.stringify(text));
}

test("fast reader agrees with the full parser on the document cases", () => {
  for (const d of DOCUMENTS) agree(d);
});

test("fast reader agrees on block YAML written by toYaml (generated documents)", () => {
  const docs = fc.sample(documentArbitrary, { seed: 42, numRuns: 300 });
  for (const d of docs) {
    const v = readYAML(d, { fullParser: true });
    let block: string;
    try {
      block = toYAML(v);
    } catch {
      continue;
    }
    agree(block);
    agree(block.replace(/^/gm, "  ").replace(/^/, "root:\n"));
  }
});

test("fast reader agrees on hand-made block edge cases", () => {
  const cases = [
    "a: 1\n  b: 2\n",
    "a:\n- 1\n- 2\nb: 3\n",
    "a:\n  - 1\n  -\n  - x: 1\n    y: 2\n",
    "- a\n- b: 1\n  c: 2\n-   d: 3\n    e: 4\n",
    "a: b: c\n",
    "a: 'x # y'\n",
    "a: x # comment\nb: 'q' # c\n",
    "a: 'unterminated\n",
    'a: "esc \\/ "\n',
    'a: "ok \\" \\\\ \\n"\n',
    "a:\n  b:\n  c: 1\n",
    "a: 1\nb:\n",
    "key:value\n",
    "a: -\n",
    "a: - b\n",
    "a: x\n b\n",
    "- - a\n",
    "a:\n  - b\n c: 1\n",
    "yes: no\n1: 2\n~: x\n",
    "a: [1, 2]\nb: {}\nc: []\n",
    "a: [1, two, 3.5, yes, ~, 0x1F]\nb: {cpu: 500m, memory: 1Gi, on: off}\n",
    "a: [1, , 2]\n",
    "a: [1,]\n",
    "a: [ 1 , 2 ]\n",
    "a: {a: 1, a: 2}\n",
    "a: {x:1}\n",
    "a: [a b, c-d]\n",
    "a: [- x]\n",
    "a: {k: [1]}\n",
    "- [1, 2]\n- {a: b}\n",
    "a: [1, 2] # c\n",
    "a: {k: v:w}\n",
    "a: [x: y]\n",
    "a: [http://x]\n",
    "a: {}\n",
    "a: x:\n",
    '"quoted key": 1\n',
    "a: 1\n---\nb: 2\n",
    ...STRINGS.map((s) => `k: ${yamlQuote(s)}\n`),
    ...STRINGS.filter((s) => !s.includes("\n")).map((s) => `k: ${s}\n`),
    ...STRINGS.filter((s) => !s.includes("\n")).map((s) => `${s}: v\n`),
  ];
  for (const c of cases) agree(c);
});
