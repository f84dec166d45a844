// BurntSushi/toml's syntax error texts (fromToml's Error) against helm.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { YAMLError } from "../../src/yaml/errors.ts";
import { readTOML } from "../../src/yaml/toml.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { yamlQuote } from "./cases.ts";

const DOCS = [
  "a = ",
  "a =",
  "a = 1\nb = ",
  "a",
  "a\nb = 1",
  "= 1",
  ".a = 1",
  "a. = 1",
  "a = 1 2",
  'a = "x',
  'a = "x\ny"',
  "a = 'x",
  'a = """x',
  "a = '''x",
  'a = "\\q"',
  'a = "\\x4"',
  'a = "\\u12"',
  "a = [1, 2",
  "a = [1 2]",
  "a = [,]",
  "a = {b = 1",
  "a = {b = 1 c = 2}",
  "a = {,}",
  "a = .5",
  "a = +.5",
  "a = -0x1",
  "a = tru",
  "a = yes",
  "a = @",
  "[",
  "[]",
  "[a",
  "[a.]",
  "[[a]",
  "[a]\nb = ",
  "[a.b]\nc.d = [",
  '["q k"]\nx = ',
  "x = {y = {z = [",
  "a = 1\r",
  "a = \u0001",
  "a = 0b2",
  'a = 1\n\n\nb = "x',
  "# c\na = 1\n[t]\nk = v",
  "a = 1__0",
  "a = _1",
  "a = 01",
  "a = 1.",
  "a = 1.e5",
  "a = 01.5",
  "a = 99999999999999999999",
  "a = 1e999",
  "a = 0x_1",
  "a = [1, 2.]",
  "a = 1",
  "[t]\na = 1\n[[arr]]\nb = 'x'",
];

async function compare(docs: string[]): Promise<string[]> {
  const values = "docs:\n" + docs.map((d) => `- ${yamlQuote(d)}\n`).join("");
  const results = await helmRenderCases(
    docs.map((_, i) => ({ template: `{{ get (fromToml (index .Values.docs ${i})) "Error" }}`, values })),
  );
  const diffs: string[] = [];
  docs.forEach((d, i) => {
    const helm = results[i]!.output ?? `HELM FAILED: ${results[i]!.error}`;
    let ours = "";
    try {
      readTOML(d);
    } catch (e) {
      if (!(e instanceof YAMLError)) throw e;
      ours = e.message;
    }
    if (helm !== ours) diffs.push(`${JSON.stringify(d)}\n  helm: ${helm}\n  ours: ${ours}`);
  });
  return diffs;
}

test("fromToml syntax errors match helm (hand list)", async () => {
  const diffs = await compare(DOCS);
  assert.equal(diffs.length, 0, `${diffs.length}/${DOCS.length} differ:\n${diffs.join("\n")}`);
});

const BASE = "a = 1\nb = \"two\"\n[t]\nc = [1, 2, {d = true}]\ne.f = 1.5\n[[arr]]\ng = 'x'\n";
const FRAGS = [
  "[",
  "]",
  "{",
  "}",
  ",",
  "=",
  ".",
  '"',
  "'",
  "\\",
  "\n",
  " ",
  "#",
  "x",
  "-",
  "+",
  "0",
  "\r",
  "\t",
];

test("fromToml syntax errors match helm (random edits, seed 42)", async () => {
  const docs = fc
    .sample(
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: FRAGS.length - 1 }), fc.boolean()), {
        minLength: 1,
        maxLength: 2,
      }),
      { seed: 42, numRuns: 120 },
    )
    .map((edits) => {
      let s = BASE;
      for (const [at, f, del] of edits) {
        const i = at % (s.length + 1);
        s = del ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + FRAGS[f] + s.slice(i);
      }
      return s;
    });
  const diffs = await compare(docs);
  assert.equal(diffs.length, 0, `${diffs.length}/${docs.length} differ:\n${diffs.slice(0, 10).join("\n")}`);
});
