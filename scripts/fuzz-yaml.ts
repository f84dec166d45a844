// Longer runs of the YAML/JSON differential fuzzer against helm:
//   node --import tsx scripts/fuzz-yaml.ts [count=2000] [seed=1]
// Prints how many generated documents ran clean through every writer.
import { fuzzDocuments } from "../test/yaml/fuzz-run.ts";
import { describe } from "../test/yaml/harness.ts";

const count = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const r = await fuzzDocuments(seed, count);
console.log(`${r.clean}/${r.docs} documents clean (${r.total} helm cases, seed ${seed})`);
if (r.mismatches.length > 0) {
  console.log(describe(r.mismatches, 3));
  process.exitCode = 1;
}
