// Cold template parsing, as the CLI does it: each run is a fresh Node process
// started with the launcher's V8 flags (bin/capstan) that compiles a build's
// template code through vm.Script with a V8 code cache (as bin/capstan.js
// does: bytecode ready, no feedback yet), reads a chart's templates, and
// times one parse of all of them into a template set (CPU and wall, the
// parse only). Two builds run in turn (A B A B ...) so the machine's drift
// hits both alike; the figure to quote is the median of the A/B ratios.
//   node --import tsx bench/parse-cold.ts /tmp/gen300 [runs] [distA] [distB]
// distA defaults to this checkout's dist, distB to /work/baseline/dist.
// Each build's dist/index.js is bundled (esbuild) into one CommonJS file; its
// code cache is written by a first run that parses the chart once, so the
// functions a parse runs are in it, as the build's warm-up puts them in the
// CLI's cache.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const chart = resolve(process.argv[2] ?? "/tmp/gen300");
const runs = Number(process.argv[3] ?? 15);
const distA = resolve(process.argv[4] ?? new URL("../dist", import.meta.url).pathname);
const distB = resolve(process.argv[5] ?? "/work/baseline/dist");
// bin/capstan's flags (keep in step with it).
const FLAGS = ["--min-semi-space-size=16", "--verify-snapshot-checksum", "--interrupt-budget=524288"];

const work = mkdtempSync(join(tmpdir(), "parse-cold-"));

/** Bundles a build's template set and function map into one CommonJS file. */
async function bundle(dist: string, name: string): Promise<string> {
  const out = join(work, `${name}.cjs`);
  await build({
    stdin: {
      contents: `export { TemplateSet, helmFuncMap } from ${JSON.stringify(`${dist}/index.js`)};`,
      resolveDir: work,
      loader: "js",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minifySyntax: true,
    minifyWhitespace: true,
    outfile: out,
    logLevel: "error",
    // The library's chunks make a require() from import.meta.url.
    define: { "import.meta.url": "__benchUrl" },
    banner: { js: 'var __benchUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  return out;
}

// The child (CommonJS): compiles the bundle with its code cache (writing the
// cache when there is none yet), then times the parse.
const child = `
const fs = require("node:fs");
const vm = require("node:vm");
const [bundle, chart] = process.argv.slice(1);
const cacheFile = bundle + ".v8cache";
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch {}
const source = fs.readFileSync(bundle, "utf8");
const script = new vm.Script("(function (exports, require, module, __filename) {" + source + "\\n})", { filename: bundle, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, bundle);
const { TemplateSet, helmFuncMap } = mod.exports;
const dir = chart + "/templates";
const files = fs.readdirSync(dir).filter((f) => /\\.(ya?ml|tpl|txt)$/.test(f)).map((f) => [f, fs.readFileSync(dir + "/" + f, "utf8")]);
const funcs = helmFuncMap();
const set = new TemplateSet({ funcs: { ...funcs, include: funcs.print, tpl: funcs.print } });
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const [f, text] of files) set.parse("c/templates/" + f, text);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
if (cachedData === undefined || script.cachedDataRejected) fs.writeFileSync(cacheFile, script.createCachedData());
console.log(JSON.stringify({ cpu: (c1.user + c1.system) / 1000, wall: t1 - t0 }));
`;

function once(file: string): { cpu: number; wall: number } {
  const out = execFileSync(process.execPath, [...FLAGS, "-e", child, file, chart], { encoding: "utf8" });
  return JSON.parse(out);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const fileA = await bundle(distA, "a");
  const fileB = await bundle(distB, "b");
  // Writes each code cache, then one run each with it.
  for (const f of [fileA, fileB, fileA, fileB]) once(f);
  const a: { cpu: number; wall: number }[] = [];
  const b: { cpu: number; wall: number }[] = [];
  const ratioCpu: number[] = [];
  const ratioWall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = once(fileA);
    const y = once(fileB);
    a.push(x);
    b.push(y);
    ratioCpu.push(x.cpu / y.cpu);
    ratioWall.push(x.wall / y.wall);
  }
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const min = (xs: number[]) => Math.min(...xs);
  const count = readdirSync(join(chart, "templates")).length;
  const actions = readdirSync(join(chart, "templates"))
    .map((f) => readFileSync(join(chart, "templates", f), "utf8").split("{{").length - 1)
    .reduce((x, y) => x + y, 0);
  console.log(`chart ${chart} (${count} files, ${actions} actions), ${runs} runs, medians (min)`);
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
} finally {
  rmSync(work, { recursive: true, force: true });
}
