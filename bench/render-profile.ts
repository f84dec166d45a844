// Renders one chart in-process many times and prints the median time of a
// render (loading excluded), for profiling the per-template work by hand:
//   node --import tsx bench/render-profile.ts /tmp/gen300 [runs] [--dist]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/render-profile.ts /tmp/gen300 40
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../test/helpers/oracle.ts";

// --dist: the built library (what `import "capstan"` loads); else src/ through tsx.
const lib: typeof import("../src/index.ts") = process.argv.includes("--dist")
  ? await import(pathToFileURL(join(projectRoot, "dist/index.js")).href)
  : await import("../src/index.ts");
const { loadChartPath, renderChart } = lib;

const dir = process.argv[2];
if (!dir) throw new Error("usage: render-profile.ts <chart dir> [runs]");
const runs = Number(process.argv[3]) || 20;
const chart = loadChartPath(dir);
const times: number[] = [];
const cpus: number[] = [];
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  renderChart(chart, new Map());
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpus.push((c.user + c.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `${dir}: first ${times[0]!.toFixed(1)} ms (cpu ${cpus[0]!.toFixed(1)}), median ${median(times).toFixed(2)} ms (cpu ${median(cpus).toFixed(2)}) over ${runs} runs`,
);
