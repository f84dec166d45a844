// Renders one chart in-process many times and prints the median time of a
// render (loading excluded), for profiling the per-template work by hand:
//   node --import tsx bench/render-profile.ts /tmp/gen300 [runs]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/render-profile.ts /tmp/gen300 40
import { renderChart } from "../src/actions/render.ts";
import { loadChartPath } from "../src/node/fs-load.ts";

const dir = process.argv[2];
if (!dir) throw new Error("usage: render-profile.ts <chart dir> [runs]");
const runs = Number(process.argv[3] ?? 20);
const chart = loadChartPath(dir);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  renderChart(chart, new Map());
  times.push(performance.now() - t0);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `${dir}: first ${times[0]!.toFixed(1)} ms, median ${sorted[Math.floor(runs / 2)]!.toFixed(2)} ms, min ${sorted[0]!.toFixed(2)} ms over ${runs} runs`,
);
