// Writes a generated benchmark chart (bench/generated-chart.ts) for profiling by hand:
//   node --import tsx bench/gen-chart.ts /tmp/gen300 300
import { basename, dirname } from "node:path";
import { generatedChart } from "./generated-chart.ts";

const [dir, count] = process.argv.slice(2);
if (!dir || !count) throw new Error("usage: gen-chart.ts <dir> <templates>");
generatedChart(dirname(dir), basename(dir), Number(count));
