// Longer runs of the broken-document fuzzer: random edits of valid values
// documents go through helm's fromYaml and ours; the Error texts must match.
//   node --import tsx scripts/fuzz-yaml-errors.ts [count=2000] [seed=1]
import fc from "fast-check";
import { brokenDocumentArbitrary, compareFromYamlErrors, describeErrors } from "../test/yaml/broken-gen.ts";
import { fromYaml } from "../test/yaml/harness.ts";

const count = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const docs = fc.sample(brokenDocumentArbitrary, { seed, numRuns: count });
const ms = await compareFromYamlErrors(docs);
// How many of them are refused at all (by us; where we match, by helm too).
const rejected = docs.filter((d) => (fromYaml(d) as Map<string, unknown>).has("Error")).length;
console.log(
  `${docs.length - ms.length}/${docs.length} documents give helm's exact fromYaml result (${rejected} refused; seed ${seed})`,
);
if (ms.length > 0) {
  console.log(describeErrors(ms, Number(process.env.SHOW ?? 5)));
  process.exitCode = 1;
}
