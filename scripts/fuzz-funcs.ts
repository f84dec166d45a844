// Longer property runs for the part A functions against helm:
//   node --import tsx scripts/fuzz-funcs.ts [runs=2000] [seed=random]
import fc from "fast-check";
import { diffCases } from "../test/funcs/differential-a.ts";
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
} from "../test/funcs/fuzz-a.ts";

const runs = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const cases = [
  ...fc.sample(stringInput, { seed, numRuns: runs }).flatMap(stringCase),
  ...fc.sample(numberSpelling, { seed, numRuns: runs }).map(numberCase),
  ...fc.sample(listLit, { seed, numRuns: Math.ceil(runs / 3) }).map(listCase),
  ...fc.sample(fc.tuple(dictLit, dictLit), { seed, numRuns: Math.ceil(runs / 3) }).map(mergeCase),
  ...fc.sample(fc.tuple(doubleLit, doubleLit), { seed, numRuns: runs }).map(floatCase),
];
const r = await diffCases(cases);
console.log(`seed ${seed}: ${r.total - r.diffs.length} of ${r.total} cases ran clean`);
for (const d of r.diffs.slice(0, 30)) console.log(d);
process.exitCode = r.diffs.length === 0 ? 0 : 1;
