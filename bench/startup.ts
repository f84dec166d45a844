// CLI start-up and per-chart speed: `capstan version` / `capstan template`
// against `helm version` / `helm template`, one process per run, A and B run
// in turn so drifting machine load hits both alike. Prints medians of wall
// time and (through /usr/bin/time, when present) CPU time, and the medians of
// the pairwise ratios. Charts: helm's `create` scaffold, the same with its
// templates in an archived subchart (.tgz), and bench/render.ts's generated
// chart with 300 templates. The "node -e 0" row is Node's own start-up
// against `helm template <scaffold>`: the floor under `node bin/capstan.js`
// (the launcher, bin/capstan, starts Node without NODE_EXTRA_CA_CERTS).
// Usage: node --import tsx bench/startup.ts [--runs N]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helmEnv, helmPath, projectRoot } from "../test/helpers/oracle.ts";
import { generatedChart } from "./generated-chart.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 15);
const work = mkdtempSync(join(tmpdir(), "capstan-bench-startup-"));
const TIME = "/usr/bin/time";
const haveTime = existsSync(TIME);

interface Sample {
  wall: number;
  cpu: number;
}

/** One process run: wall ms from here, CPU ms (user + system) from /usr/bin/time. */
// helm's isolated environment, plus the caller's NODE_EXTRA_CA_CERTS: where it
// is set (here it is), plain `node` pays for parsing it at every start.
const runEnv = {
  ...helmEnv(),
  ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
};

function timeRun(cmd: string, args: string[]): Sample {
  const [file, argv] = haveTime ? [TIME, ["-f", "%U %S", cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, { env: runEnv, cwd: work, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  let cpu = Number.NaN;
  if (haveTime) {
    const last = r.stderr.toString().trim().split("\n").pop() ?? "";
    const [u, s] = last.split(" ").map(Number);
    cpu = ((u ?? 0) + (s ?? 0)) * 1000;
  }
  return { wall, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const helm = helmPath();
const scaffold = join(work, "scaffold");
execFileSync(helm, ["create", scaffold], { env: helmEnv() });
// The scaffold's templates again, as a packaged subchart of an empty parent.
const parent = join(work, "parent");
mkdirSync(join(parent, "charts"), { recursive: true });
writeFileSync(join(parent, "Chart.yaml"), "apiVersion: v2\nname: parent\nversion: 0.1.0\n");
execFileSync(helm, ["package", scaffold, "-d", join(parent, "charts")], { env: helmEnv() });
const gen300 = generatedChart(work, "gen300", 300);
// The launcher users run (bin/capstan), and the script under plain `node` for comparison.
const bin = join(projectRoot, "bin/capstan");
const script = join(projectRoot, "bin/capstan.js");

// [name, our command, helm's arguments]
const cases: [string, [string, string[]], string[]][] = [
  ["node -e 0 (floor)", [process.execPath, ["-e", "0"]], ["template", scaffold]],
  ["version", [bin, ["version"]], ["version"]],
  ["template scaffold", [bin, ["template", scaffold]], ["template", scaffold]],
  ["  via node bin/..", [process.execPath, [script, "template", scaffold]], ["template", scaffold]],
  ["template .tgz sub", [bin, ["template", parent]], ["template", parent]],
  ["template gen300", [bin, ["template", gen300]], ["template", gen300]],
];

console.log(`runs: ${runs} per command, in turn; cpu from ${haveTime ? TIME : "(unavailable)"}; times in ms`);
console.log(
  `${"case".padEnd(18)} ${"helm wall".padStart(9)} ${"ours wall".padStart(9)} ${"ratio".padStart(6)}   ${"helm cpu".padStart(8)} ${"ours cpu".padStart(8)} ${"ratio".padStart(6)}`,
);
try {
  for (const [name, [cmd, args], helmArgs] of cases) {
    timeRun(cmd, args); // warm-up: file cache, code cache
    timeRun(helm, helmArgs);
    const ours: Sample[] = [];
    const theirs: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(timeRun(cmd, args));
      theirs.push(timeRun(helm, helmArgs));
    }
    const hw = median(theirs.map((s) => s.wall));
    const ow = median(ours.map((s) => s.wall));
    const hc = median(theirs.map((s) => s.cpu));
    const oc = median(ours.map((s) => s.cpu));
    // Pairwise ratios: each pair ran back to back, under the same load.
    const rw = median(ours.map((s, i) => s.wall / theirs[i]!.wall));
    const rc = median(ours.map((s, i) => s.cpu / theirs[i]!.cpu));
    const f = (x: number, w = 9) => (Number.isNaN(x) ? "-" : x.toFixed(0)).padStart(w);
    console.log(
      `${name.padEnd(18)} ${f(hw)} ${f(ow)} ${rw.toFixed(2).padStart(6)}   ${f(hc, 8)} ${f(oc, 8)} ${(Number.isNaN(rc) ? "-" : rc.toFixed(2)).padStart(6)}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
