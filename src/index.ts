// capstan as a library: load charts (from memory, a folder or an archive),
// render them exactly as helm 4 does, or run any CLI command in-process.
//
//   import { loadChartFiles, renderChart } from "capstan";
//   const chart = loadChartFiles([{ name: "Chart.yaml", data }, ...]);
//   const { manifests, hooks, notes } = renderChart(chart, new Map([["replicas", 3n]]));
//
// Everything but loadChartPath, runTemplate, runCli and DependencyManager is
// free of Node built-ins and runs in a browser.

export { DependencyManager, type DependencyOptions } from "./actions/dependency-manager.ts";
export type { RegistryFlags } from "./actions/registry.ts";
export { RenderFailure, type RenderOptions, type RenderResult, renderChart } from "./actions/render.ts";
export { runTemplate, type TemplateOptions, type TemplateResult } from "./actions/template.ts";
export { Chart, type ChartFile, type Metadata } from "./chart/chart.ts";
export { ChartLoadError, loadArchive, loadChart, loadChartFiles } from "./chart/load.ts";
export type { CliIO } from "./cli/io.ts";
export { main as runCli } from "./cli/main.ts";
export { defaultCapabilities, parseKubeVersion } from "./engine/capabilities.ts";
export type { Hook, Manifest } from "./engine/manifests.ts";
export { helmFuncMap } from "./funcs/index.ts";
export { loadChartPath } from "./node/fs-load.ts";
export { renderTemplate, TemplateSet } from "./template/index.ts";
export { mergeUserValues, type ValueOptions } from "./values/user-values.ts";
export { CAPSTAN_VERSION, HELM_COMPAT_VERSION } from "./version.ts";
export { readYAML, toYAML } from "./yaml/index.ts";
