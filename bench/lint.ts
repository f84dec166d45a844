// Lints a set of charts two ways and prints the ratio against helm:
//   helm:       `helm lint` once per chart (a process per chart)
//   in-process: capstan's runLint, all charts in one process
// Charts: the fixture charts and helm's `create` scaffold.
// Usage: node --import tsx bench/lint.ts [--runs N]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLint } from "../src/actions/lint.ts";
import { installNodeFuncsPlatform } from "../src/node/funcs-platform.ts";
import { helmEnv, helmPath, projectRoot } from "../test/helpers/oracle.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 5);
const work = mkdtempSync(join(tmpdir(), "capstan-bench-lint-"));

function charts(): string[] {
  const out: string[] = [];
  const fixtures = join(projectRoot, "test/fixtures/charts");
  for (const n of readdirSync(fixtures).sort())
    if (existsSync(join(fixtures, n, "Chart.yaml"))) out.push(join(fixtures, n));
  execFileSync(helmPath(), ["create", join(work, "scaffold")], { env: helmEnv() });
  out.push(join(work, "scaffold"));
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

installNodeFuncsPlatform();
const list = charts();
const helmTimes: number[] = [];
const ourTimes: number[] = [];
// Warm the in-process path once (module loading, first compilations).
runLint(list, new Map(), { namespace: "default", cwd: work });
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  for (const c of list) spawnSync(helmPath(), ["lint", c], { env: helmEnv() });
  helmTimes.push(performance.now() - t);
  t = performance.now();
  for (const c of list) runLint([c], new Map(), { namespace: "default", cwd: work });
  ourTimes.push(performance.now() - t);
}
const h = median(helmTimes);
const o = median(ourTimes);
console.log(`${list.length} charts, ${runs} runs (medians)`);
console.log(`helm lint (process per chart): ${h.toFixed(1)} ms  (${(h / list.length).toFixed(1)} ms/chart)`);
console.log(`capstan in-process runLint:    ${o.toFixed(1)} ms  (${(o / list.length).toFixed(1)} ms/chart)`);
console.log(`ratio helm / in-process: ${(h / o).toFixed(1)}x`);
