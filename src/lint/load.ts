// The chart loader helm's lint rules call: pkg/chart/v2/loader.Load, without
// helm 4's apiVersion detection in front of it (so a Chart.yaml with
// apiVersion v3 still loads as a v2 chart and fails its validation).
import { resolve } from "node:path";
import type { Chart } from "../chart/chart.ts";
import { loadChartFiles } from "../chart/load.ts";
import { readChartDir } from "../node/fs-load.ts";

export function loadChartDirV2(dir: string): Chart {
  return loadChartFiles(readChartDir(resolve(dir)));
}
