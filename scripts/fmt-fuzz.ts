// Long run of the fmt property test against helm:
//   node --import tsx scripts/fmt-fuzz.ts [runs=5000] [seed=random]
// Prints the number of cases run clean and the first differences.
import { fuzzFmt } from "../test/template/fmt-gen.ts";

const runs = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
const t0 = performance.now();
const { failures } = await fuzzFmt(seed, runs);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`seed ${seed}: ${runs - failures.length} of ${runs} random printf cases match helm (${secs}s)`);
for (const f of failures.slice(0, 20)) console.log(f);
process.exitCode = failures.length === 0 ? 0 : 1;
