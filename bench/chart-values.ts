// Chart and values layers in-process: load (folder walk, YAML, validation),
// dependency processing, coalescing and schema validation for every fixture
// chart, against `helm show values` (helm's load of the same chart plus its
// start-up) once per chart. Run: node --import tsx bench/chart-values.ts
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { processDependencies } from "../src/chart/dependencies.ts";
import { loadChartPath } from "../src/node/fs-load.ts";
import { coalesceValues } from "../src/values/coalesce.ts";
import { validateValuesSchema } from "../src/values/schema.ts";
import { helmPath, projectRoot } from "../test/helpers/oracle.ts";

const root = join(projectRoot, "test", "fixtures", "charts");
const charts = readdirSync(root).sort();
const rounds = Number(process.env.ROUNDS ?? 20);

function ours(dir: string) {
  try {
    const c = loadChartPath(dir);
    processDependencies(c, new Map());
    const v = coalesceValues(c, new Map());
    validateValuesSchema(c, v);
  } catch {
    // Fixtures that fail on purpose still do the work up to their error.
  }
}

for (const n of charts) ours(join(root, n)); // warm up
let t = performance.now();
for (let r = 0; r < rounds; r++) for (const n of charts) ours(join(root, n));
const oursMs = (performance.now() - t) / (rounds * charts.length);

t = performance.now();
for (const n of charts) {
  try {
    execFileSync(helmPath(4), ["show", "values", join(root, n)], { stdio: "ignore" });
  } catch {}
}
const helmMs = (performance.now() - t) / charts.length;

console.log(`${charts.length} charts, ${rounds} rounds`);
console.log(`capstan in-process load+deps+coalesce+schema: ${oursMs.toFixed(2)} ms/chart`);
console.log(`helm show values (process per chart):        ${helmMs.toFixed(2)} ms/chart`);
console.log(`ratio helm/capstan: ${(helmMs / oursMs).toFixed(1)}x`);
