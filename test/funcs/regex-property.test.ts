// Random RE2 patterns and inputs against helm: match positions, empty-match
// rules, expansion and splitting must agree with Go's regexp everywhere.
import { test } from "node:test";
import fc from "fast-check";
import { goInt } from "../../src/funcs/goargs.ts";
import { regexFuncs } from "../../src/funcs/regex.ts";
import type { Value } from "../../src/template/value.ts";
import { assertSameAsHelm, type DirectCase, goQuote } from "./oracle-b.ts";

const atom = fc.constantFrom(
  "a",
  "b",
  "é",
  ".",
  "[ab]",
  "[^a]",
  "\\d",
  "\\w",
  "\\s",
  "\\b",
  "^",
  "$",
  "x?",
  "(a|b)",
  "(?P<n>a+)",
  "()",
);
const quant = fc.constantFrom("", "", "*", "+", "?", "{1,2}", "*?", "+?");
const pattern = fc
  .array(fc.tuple(atom, quant), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.map(([a, q]) => a + q).join(""))
  .chain((p) => fc.constantFrom(p, `(${p})`, `${p}|b`, `(?i)${p}`, `${p})`));
const input = fc
  .array(fc.constantFrom("a", "b", "A", "é", " ", "1", "\n", "x"), { maxLength: 12 })
  .map((a) => a.join(""));

const show = (v: Value) => (Array.isArray(v) ? `[${v.join(" ")}]` : String(v));

// Longer runs: PROP_RUNS=3000 PROP_SEED=1 node --import tsx --test test/funcs/*-property.test.ts
const SEED = Number(process.env.PROP_SEED ?? 42);
const RUNS = Number(process.env.PROP_RUNS ?? 300);

test("regex functions over random patterns and inputs match helm", async () => {
  const samples = fc.sample(fc.tuple(pattern, input, fc.integer({ min: -1, max: 3 })), {
    seed: SEED,
    numRuns: RUNS,
  });
  const cases: DirectCase[] = [];
  for (const [re, s, n] of samples) {
    const call = (name: string, ...args: (string | number)[]): DirectCase => ({
      template: `{{ ${name} ${args.map((a) => (typeof a === "number" ? String(a) : goQuote(a))).join(" ")} }}`,
      ours: () => show(regexFuncs[name]!.fn(...args.map((a) => (typeof a === "number" ? goInt(a) : a)))),
    });
    cases.push(
      call("mustRegexFindAll", re, s, n),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
      call("mustRegexReplaceAll", re, s, "<$1|${n}>"),
      call("mustRegexSplit", re, s, n),
      call("regexMatch", re, s),
    );
  }
  await assertSameAsHelm(cases);
});
