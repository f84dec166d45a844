// Property test: generated strings and numeric spellings through the part A
// functions, compared with helm (fixed seed, bounded count; more with
// `node --import tsx scripts/fuzz-funcs.ts RUNS SEED`).
import { test } from "node:test";
import fc from "fast-check";
import { assertNoDiffs } from "./differential-a.ts";
import {
  dictLit,
  doubleLit,
  floatCase,
  listCase,
  listLit,
  mergeCase,
  numberCase,
  numberSpelling,
  stringCase,
  stringInput,
} from "./fuzz-a.ts";

test("generated strings and numbers match helm", async () => {
  const strings = fc.sample(stringInput, { seed: 42, numRuns: 150 });
  const numbers = fc.sample(numberSpelling, { seed: 42, numRuns: 150 });
  const lists = fc.sample(listLit, { seed: 42, numRuns: 100 });
  const dicts = fc.sample(fc.tuple(dictLit, dictLit), { seed: 42, numRuns: 100 });
  await assertNoDiffs([
    ...strings.flatMap(stringCase),
    ...numbers.map(numberCase),
    ...lists.map(listCase),
    ...dicts.map(mergeCase),
    ...fc.sample(fc.tuple(doubleLit, doubleLit), { seed: 42, numRuns: 150 }).map(floatCase),
  ]);
});
