// encoding/json's syntax error texts (json.Unmarshal, as mustFromJson shows
// them) against helm: a hand list of each scanner state, plus random edits
// of valid JSON documents (fast-check, fixed seed).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { YAMLError } from "../../src/yaml/errors.ts";
import { readJSON } from "../../src/yaml/json-decode.ts";
import { marshalJSON } from "../../src/yaml/json-encode.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { yamlQuote } from "./cases.ts";

const HAND = [
  "",
  " ",
  "t",
  "tr",
  "tru",
  "true",
  "trux",
  "f",
  "fals",
  "falsy",
  "n",
  "nul",
  "nulll",
  "-",
  "-x",
  "01",
  "1.",
  "1.x",
  "1e",
  "1e+",
  "1e+x",
  "1x",
  "1 2",
  '"abc',
  '"a\\',
  '"a\\q"',
  '"a\\u12',
  '"a\\u12x4"',
  '"a\nb"',
  '"a\tb"',
  "[",
  "[1",
  "[1,",
  "[1,]",
  "[1 2]",
  "{",
  '{"a"',
  '{"a":',
  '{"a":1',
  '{"a":1,',
  '{"a":1,}',
  '{"a" 1}',
  "{a:1}",
  "{1:1}",
  "[1e999]",
  "[1e999, x]",
  '{"a": 1e400}',
  "é",
  "[é]",
  "\u00a0",
  "\u00ad",
  "\u0085",
  "\u2028",
  "\u{1F680}",
  "\u0001",
  "\u007f",
  "'a'",
  "\\",
  "[1]]",
  "{}}",
  "nan",
  "NaN",
  "Infinity",
  "+1",
  ".5",
  "[.5]",
  "1.5e3",
  '{"a":[1,{"b":null}],"c":"\\u00e9\\ud83d\\ude80"}',
];

const BASES = [
  '{"a": 1, "b": [true, false, null], "c": {"d": "e\\n"}}',
  '[1, -2.5e3, "x", {}]',
  '"str"',
  "12",
];
const FRAGS = [
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  '"',
  "\\",
  "t",
  "-",
  ".",
  "e",
  "1",
  " ",
  "\n",
  "x",
  "é",
  "\u0000",
];

const brokenJSON = fc
  .tuple(
    fc.nat({ max: BASES.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: FRAGS.length - 1 }), fc.boolean()), {
      minLength: 1,
      maxLength: 2,
    }),
  )
  .map(([b, edits]) => {
    let s = BASES[b]!;
    for (const [at, f, del] of edits) {
      const i = at % (s.length + 1);
      s = del ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + FRAGS[f] + s.slice(i);
    }
    return s;
  });

function ours(s: string): string {
  try {
    return marshalJSON(readJSON(s));
  } catch (e) {
    if (e instanceof YAMLError) return `ERROR: ${e.message}`;
    throw e;
  }
}

async function compare(docs: string[]): Promise<string[]> {
  const values = "docs:\n" + docs.map((d) => `- ${yamlQuote(d)}\n`).join("");
  const cases = docs.map((_, i) => ({
    template: `{{ mustFromJson (index .Values.docs ${i}) | toJson }}`,
    values,
  }));
  const results = await helmRenderCases(cases);
  const diffs: string[] = [];
  docs.forEach((d, i) => {
    const r = results[i]!;
    const helm = r.output ?? `ERROR: ${(r.error ?? "").replace(/^.*error calling mustFromJson: /s, "")}`;
    const o = ours(d);
    if (helm !== o) diffs.push(`${JSON.stringify(d)}\n  helm: ${helm}\n  ours: ${o}`);
  });
  return diffs;
}

test("encoding/json syntax errors match helm (hand list)", async () => {
  const diffs = await compare(HAND);
  assert.equal(diffs.length, 0, `${diffs.length}/${HAND.length} differ:\n${diffs.slice(0, 15).join("\n")}`);
});

test("encoding/json syntax errors match helm (random edits, seed 42)", async () => {
  const docs = fc.sample(brokenJSON, { seed: 42, numRuns: 200 });
  const diffs = await compare(docs);
  assert.equal(diffs.length, 0, `${diffs.length}/${docs.length} differ:\n${diffs.slice(0, 15).join("\n")}`);
});
