// Go fmt speed: capstan's sprintf/sprint in-process against helm rendering the
// same printf/print calls in a template, in the same run.
//   node --import tsx bench/fmt.ts [--iterations N]
// helm's time includes its process start and template execution; the
// "marginal" figure subtracts a run with no iterations, leaving (mostly) the
// cost of the calls themselves.
import { execFileSync } from "node:child_process";
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

function timeHelm(dir: string, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    execFileSync(helmPath(4), ["template", dir], { env: helmEnv(), maxBuffer: 1 << 30 });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const calls = iterations * CALLS.length;
const helmFull = timeHelm(chart(iterations));
const helmEmpty = timeHelm(chart(0));

let sink = 0;
for (let i = 0; i < 200; i++) for (const [, f] of CALLS) sink += f().length; // warm up
const t0 = performance.now();
for (let i = 0; i < iterations; i++) for (const [, f] of CALLS) sink += f().length;
const ours = performance.now() - t0;

const fmtMs = (x: number) => `${x.toFixed(1)} ms`;
console.log(`${calls} printf/print calls (${CALLS.length} kinds × ${iterations}); checksum ${sink}`);
console.log(`capstan in-process:          ${fmtMs(ours)}  (${((ours * 1e6) / calls).toFixed(0)} ns/call)`);
console.log(`helm template (whole run):   ${fmtMs(helmFull)}`);
console.log(
  `helm marginal (minus empty): ${fmtMs(helmFull - helmEmpty)}  (${(((helmFull - helmEmpty) * 1e6) / calls).toFixed(0)} ns/call)`,
);
console.log(
  `ratio helm/capstan: whole ${(helmFull / ours).toFixed(1)}x, marginal ${((helmFull - helmEmpty) / ours).toFixed(1)}x`,
);
