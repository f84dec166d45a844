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

const cache = new WeakMap<object, { chart?: Chart; error?: unknown }>();

/**
 * The chart of a lint run, loaded once for the rules that need it (helm loads
 * it three times; the result is the same). Callers that change the chart
 * (dependency processing) take a clone.
 */
export function loadChartOnce(linter: object, dir: string): Chart {
  let r = cache.get(linter);
  if (!r) {
    try {
      r = { chart: loadChartDirV2(dir) };
    } catch (e) {
      r = { error: e };
    }
    cache.set(linter, r);
  }
  if (r.error !== undefined) throw r.error;
  return r.chart!;
}
