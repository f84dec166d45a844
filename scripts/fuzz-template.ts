// Longer differential fuzzing of text/template against helm 4:
//   node --import tsx scripts/fuzz-template.ts [--seed N] [--rounds R] [--count C]
// Each round generates C templates (test/template/gen.ts) from seed+round,
// renders them with helm and with capstan, and prints the differences.
import { generateCases } from "../test/template/gen.ts";
import { differences, formatDifferences, renderOurs } from "../test/template/harness.ts";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const seed = arg("seed", Date.now() % 100000);
const rounds = arg("rounds", 5);
const count = arg("count", 300);
let total = 0;
let ok = 0;
let errors = 0;
let diffCount = 0;
for (let r = 0; r < rounds; r++) {
  const cases = generateCases(seed + r * 7919, count);
  const diffs = await differences(cases);
  for (const c of cases) {
    if (renderOurs(c).error === undefined) ok++;
    else errors++;
  }
  total += cases.length;
  diffCount += diffs.length;
  if (diffs.length > 0) console.log(formatDifferences(diffs));
  console.log(
    `round ${r + 1}/${rounds} (seed ${seed + r * 7919}): ${cases.length} cases, ${diffs.length} differences`,
  );
}
console.log(
  `${total} generated cases (${ok} rendered, ${errors} errors): ${total - diffCount} clean, ${diffCount} differences`,
);
