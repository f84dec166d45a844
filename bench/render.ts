// Renders a set of charts three ways and prints the ratios against helm:
//   helm:       `helm template` once per chart (a process per chart)
//   cli:        `bin/capstan template` (the launcher users run) once per chart
//   in-process: capstan's library, all charts in one process, after loading
// Charts: the fixture charts, helm's `create` scaffold, and generated charts
// with many templates (bench/generated-chart.ts; --big adds one of 1000 templates).
// Usage: node --import tsx bench/render.ts [--runs N] [--big] [--src]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { helmEnv, helmPath, projectRoot } from "../test/helpers/oracle.ts";
import { generatedChart as writeChart } from "./generated-chart.ts";

// In-process renders use the built library (dist/index.js, what `import "capstan"`
// loads), not src/ through tsx: tsx compiles file by file, so enum members
// (T.Space, N.Field) stay property loads where the bundle has numbers, and a
// warm gen300 render took about 4x the CPU through tsx (185 vs 48 ms, measured
// with bench/render-profile.ts). --src measures src/ through tsx instead.
const lib: typeof import("../src/index.ts") = process.argv.includes("--src")
  ? await import("../src/index.ts")
  : await import(pathToFileURL(join(projectRoot, "dist/index.js")).href);
const { loadChartPath, renderChart } = lib;

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 5);
const work = mkdtempSync(join(tmpdir(), "capstan-bench-render-"));

function generatedChart(name: string, templates: number): string {
  return writeChart(work, name, templates);
}

function charts(): string[] {
  const out: string[] = [];
  const fixtures = join(projectRoot, "test/fixtures/charts");
  if (existsSync(fixtures)) {
    for (const n of readdirSync(fixtures).sort())
      if (existsSync(join(fixtures, n, "Chart.yaml"))) out.push(join(fixtures, n));
  }
  execFileSync(helmPath(), ["create", join(work, "scaffold")], { env: helmEnv() });
  out.push(join(work, "scaffold"));
  out.push(generatedChart("gen60", 60), generatedChart("gen300", 300));
  if (process.argv.includes("--big")) out.push(generatedChart("gen1000", 1000));
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// helm's isolated environment, plus the caller's NODE_EXTRA_CA_CERTS: where it
// is set (here it is), plain `node` pays for parsing it at every start.
const runEnv = {
  ...helmEnv(),
  ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
};

function timeProcess(cmd: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: runEnv, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

// Only charts that render: the fixtures include deliberate failures.
const list = charts().filter(
  (dir) => spawnSync(helmPath(), ["template", dir], { env: helmEnv() }).status === 0,
);
const bin = join(projectRoot, "bin/capstan");
console.log(`charts: ${list.length}, runs: ${runs}`);
console.log("chart".padEnd(28), "helm ms", "cli ms", "in-proc ms", "cli/helm", "in-proc/helm");
let sumHelm = 0;
let sumInProc = 0;
for (const dir of list) {
  const helm: number[] = [];
  const cli: number[] = [];
  const inproc: number[] = [];
  for (let r = 0; r < runs; r++) {
    helm.push(timeProcess(helmPath(), ["template", dir]));
    cli.push(timeProcess(bin, ["template", dir]));
    const t0 = process.hrtime.bigint();
    renderChart(loadChartPath(dir), new Map());
    inproc.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const [h, c, p] = [median(helm), median(cli), median(inproc)];
  sumHelm += h;
  sumInProc += p;
  const name = dir.split("/").pop()!;
  console.log(
    name.padEnd(28),
    h.toFixed(1).padStart(7),
    c.toFixed(1).padStart(6),
    p.toFixed(2).padStart(10),
    (c / h).toFixed(2).padStart(8),
    (p / h).toFixed(3).padStart(12),
  );
}
console.log(
  `batch: in-process total ${sumInProc.toFixed(1)} ms vs helm total ${sumHelm.toFixed(1)} ms → ${(sumHelm / sumInProc).toFixed(1)}x faster`,
);
