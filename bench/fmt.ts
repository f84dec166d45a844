// Go fmt speed: capstan's sprintf/sprint in-process against helm rendering the
// same printf/print calls in a template, in the same run.
//   node --import tsx bench/fmt.ts [--iterations N]
// helm's time includes its process start and template execution; the
// "marginal" figure subtracts a run with no iterations, leaving (mostly) the
// cost of the calls themselves.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sprint, sprintf } from "../src/template/fmt.ts";
import { GoInt, type Value } from "../src/template/value.ts";
import { helmEnv, helmPath } from "../test/helpers/oracle.ts";

const iterations = Number(process.argv[process.argv.indexOf("--iterations") + 1] || 2000);

// Each call: [template call text, our call].
const VALUES = {
  replicas: 3,
  ratio: 0.3333333333333333,
  big: 12345678901,
  name: "nginx",
  ports: [80, 443],
  m: { a: 1, b: "x" },
};
const goMap = new Map<string, Value>([
  ["a", 1],
  ["b", "x"],
]);
const CALLS: [string, () => string][] = [
  [`printf "%d" 42`, () => sprintf("%d", [new GoInt(42n)])],
  [`printf "%v" $.Values.replicas`, () => sprintf("%v", [3])],
  [`printf "%.2f" $.Values.ratio`, () => sprintf("%.2f", [0.3333333333333333])],
  [`printf "%s-%s" $.Values.name "svc"`, () => sprintf("%s-%s", ["nginx", "svc"])],
  [`printf "%q" $.Values.name`, () => sprintf("%q", ["nginx"])],
  [`printf "%v" $.Values.big`, () => sprintf("%v", [12345678901])],
  [`printf "%v" $.Values.ports`, () => sprintf("%v", [[80, 443]])],
  [`printf "%v" $.Values.m`, () => sprintf("%v", [goMap])],
  [
    `printf "%08.3f|%-6d|%x" $.Values.ratio 7 255`,
    () => sprintf("%08.3f|%-6d|%x", [0.3333333333333333, new GoInt(7n), new GoInt(255n)]),
  ],
  [`print $.Values.replicas " " $.Values.ratio`, () => sprint([3, " ", 0.3333333333333333])],
];

function chart(n: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), "capstan-bench-fmt-")), "c");
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
  writeFileSync(join(dir, "values.yaml"), JSON.stringify(VALUES));
  const body = CALLS.map(([t]) => `{{ ${t} }}`).join("");
  // One comment line per iteration keeps helm's YAML parse cheap and valid.
  writeFileSync(join(dir, "templates/a.yaml"), `{{- range until ${n} }}\n# ${body}\n{{- end }}\nk: v\n`);
  return dir;
}

/** Best of `runs` helm runs: wall time and CPU time (user+sys, from bash's `time`), in ms. */
function timeHelm(dir: string, runs = 3): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const out = execFileSync(
      "bash",
      ["-c", `TIMEFORMAT='%3U %3S'; time "$0" template "$1" >/dev/null`, helmPath(4), dir],
      {
        env: helmEnv(),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 1 << 30,
      },
    );
    wall = Math.min(wall, performance.now() - t0);
    void out;
  }
  // bash writes the timing to stderr; run once more capturing it.
  for (let r = 0; r < runs; r++) {
    const res = spawnSync(
      "bash",
      ["-c", `TIMEFORMAT='%3U %3S'; time "$0" template "$1" >/dev/null`, helmPath(4), dir],
      {
        env: helmEnv(),
        encoding: "utf8",
      },
    );
    const [u, s] = res.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    cpu = Math.min(cpu, (u! + s!) * 1000);
  }
  return { wall, cpu };
}

const calls = iterations * CALLS.length;
const helmFull = timeHelm(chart(iterations));
const helmEmpty = timeHelm(chart(0));

let sink = 0;
// Cold: the first `iterations` rounds in this process, JIT warm-up included (as in one chart render).
let c0 = process.cpuUsage();
let t0 = performance.now();
for (let i = 0; i < iterations; i++) for (const [, f] of CALLS) sink += f().length;
const ours = performance.now() - t0;
let cu = process.cpuUsage(c0);
const oursCpu = (cu.user + cu.system) / 1000;
// Warm: the same rounds again, once the code is optimised (a long-lived process rendering many charts).
c0 = process.cpuUsage();
t0 = performance.now();
for (let i = 0; i < iterations; i++) for (const [, f] of CALLS) sink += f().length;
const warmWall = performance.now() - t0;
cu = process.cpuUsage(c0);
const warmCpu = (cu.user + cu.system) / 1000;

const ms = (x: number) => `${x.toFixed(1)} ms`;
const per = (x: number) => `${((x * 1e6) / calls).toFixed(0)} ns/call`;
const helmMarginal = helmFull.cpu - helmEmpty.cpu;
console.log(`${calls} printf/print calls (${CALLS.length} kinds × ${iterations}); checksum ${sink}`);
console.log(`capstan in-process:   wall ${ms(ours)}, cpu ${ms(oursCpu)} (${per(oursCpu)}) cold`);
console.log(`                      wall ${ms(warmWall)}, cpu ${ms(warmCpu)} (${per(warmCpu)}) warm`);
console.log(
  `helm template:        wall ${ms(helmFull.wall)}, cpu ${ms(helmFull.cpu)}; empty run cpu ${ms(helmEmpty.cpu)}`,
);
console.log(`helm marginal cpu:    ${ms(helmMarginal)} (${per(helmMarginal)})`);
console.log(
  `ratio helm/capstan:   wall ${(helmFull.wall / ours).toFixed(1)}x, cpu ${(helmFull.cpu / oursCpu).toFixed(1)}x, ` +
    `marginal cpu ${(helmMarginal / oursCpu).toFixed(1)}x cold, ${(helmMarginal / warmCpu).toFixed(1)}x warm`,
);
