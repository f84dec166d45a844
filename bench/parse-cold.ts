// Cold template parsing, as the CLI does it: each run is a fresh Node process
// that loads a build (dist/index.js), reads a chart's templates, and times one
// parse of all of them into a template set (CPU and wall, the parse only).
// Two builds run in turn (A B A B ...) so the machine's drift hits both alike.
//   node --import tsx bench/parse-cold.ts /tmp/gen300 [runs] [distA] [distB]
// distA defaults to this checkout's dist, distB to /work/baseline/dist.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const chart = resolve(process.argv[2] ?? "/tmp/gen300");
const runs = Number(process.argv[3] ?? 15);
const distA = resolve(process.argv[4] ?? new URL("../dist", import.meta.url).pathname);
const distB = resolve(process.argv[5] ?? "/work/baseline/dist");

// The child: plain ESM, no tsx, so only the build's own code runs.
const child = `
import { readdirSync, readFileSync } from "node:fs";
const [dist, chart] = process.argv.slice(1);
const { TemplateSet, helmFuncMap } = await import(dist + "/index.js");
const dir = chart + "/templates";
const files = readdirSync(dir).filter((f) => /\\.(ya?ml|tpl|txt)$/.test(f)).map((f) => [f, readFileSync(dir + "/" + f, "utf8")]);
const set = new TemplateSet({ funcs: { ...helmFuncMap(), include: helmFuncMap().print, tpl: helmFuncMap().print } });
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const [f, text] of files) set.parse("c/templates/" + f, text);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
console.log(JSON.stringify({ cpu: (c1.user + c1.system) / 1000, wall: t1 - t0 }));
`;

function once(dist: string): { cpu: number; wall: number } {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", child, dist, chart], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const a: { cpu: number; wall: number }[] = [];
const b: { cpu: number; wall: number }[] = [];
const ratioCpu: number[] = [];
const ratioWall: number[] = [];
once(distA);
once(distB);
for (let i = 0; i < runs; i++) {
  const x = once(distA);
  const y = once(distB);
  a.push(x);
  b.push(y);
  ratioCpu.push(x.cpu / y.cpu);
  ratioWall.push(x.wall / y.wall);
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
const min = (xs: number[]) => Math.min(...xs);
console.log(`chart ${chart}, ${runs} runs, medians (min)`);
for (const [name, dist, rs] of [
  ["A", distA, a],
  ["B", distB, b],
] as const) {
  const cpu = rs.map((r) => r.cpu);
  const wall = rs.map((r) => r.wall);
  console.log(
    `${name} ${dist}: parse cpu ${ms(median(cpu))} (${ms(min(cpu))}), wall ${ms(median(wall))} (${ms(min(wall))})`,
  );
}
console.log(`A/B cpu ${median(ratioCpu).toFixed(3)}, wall ${median(ratioWall).toFixed(3)}`);
