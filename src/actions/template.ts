// `capstan template`: helm's install action in client-only dry-run mode, and
// the template command's way of printing the result (CRDs when asked, then
// manifests, then hooks; --show-only; --output-dir; --skip-tests; --no-hooks).
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { checkDependencies, checkIfInstallable, DependencyError } from "../chart/dependencies.ts";
import { goPathMatch } from "../chart/helmignore.ts";
import { defaultCapabilities } from "../engine/capabilities.ts";
import { pathBase } from "../engine/gostrings.ts";
import { splitManifests } from "../engine/manifests.ts";
import { helmFuncMap } from "../funcs/index.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { goBytes } from "../template/gostring.ts";
import { TemplateSet } from "../template/index.ts";
import { mergeUserValues, type ValueOptions } from "../values/user-values.ts";
import { type LocateOptions, locateChart } from "./locate-chart.ts";
import { releaseNameAndChart, validateReleaseName } from "./release-name.ts";
import { RenderFailure, renderChart } from "./render.ts";

export interface TemplateOptions extends ValueOptions {
  namespace?: string;
  releaseName?: string;
  generateName?: boolean;
  nameTemplate?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  showOnly?: string[];
  outputDir?: string;
  useReleaseName?: boolean;
  includeCrds?: boolean;
  skipTests?: boolean;
  disableHooks?: boolean;
  isUpgrade?: boolean;
  renderSubchartNotes?: boolean;
  skipSchemaValidation?: boolean;
  /** An executable that receives the manifests on stdin and prints the replacement (helm 3's --post-renderer). */
  postRenderer?: string;
  postRendererArgs?: string[];
  debug?: boolean;
  /** helm's slog.Debug lines (printed with --debug). */
  debugLog?: (msg: string, attrs: [string, string][]) => void;
  /** --version as typed, for the "Original chart version" debug line. */
  versionFlag?: string;
  enableDNS?: boolean;
  /** --dependency-update: runs `dependency update` on the chart folder when dependencies are missing. */
  dependencyUpdate?: (chartPath: string) => Promise<void>;
  /** Where and how charts that are not local paths are found (helm's ChartPathOptions). */
  locate?: LocateOptions;
  cwd?: string;
  warn?: (msg: string) => void;
}

export interface TemplateResult {
  /** What `helm template` prints on stdout. */
  stdout: string;
  /** The error, when rendering failed (stdout then holds what --debug shows). */
  error?: Error;
}

export class TemplateError extends Error {}

const decoder = new TextDecoder();

/** Go's path/filepath.Match for --show-only patterns (a malformed pattern matches nothing). */
function filepathMatch(pattern: string, name: string): boolean {
  try {
    return goPathMatch(pattern, name);
  } catch {
    return false;
  }
}

function writeToFile(outputDir: string, name: string, data: string, append: boolean, out: string[]) {
  const file = join(outputDir, name);
  mkdirSync(dirname(file), { recursive: true });
  const content = `---\n# Source: ${name}\n${data}\n`;
  if (append) appendFileSync(file, goBytes(content));
  else writeFileSync(file, goBytes(content));
  out.push(`wrote ${file}\n`);
}

function runPostRenderer(cmd: string, args: string[], input: string): string {
  const r = spawnSync(cmd, args, { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) throw new TemplateError(`error while running post render on files: ${r.error.message}`);
  if (r.status !== 0) {
    throw new TemplateError(
      `error while running post render on files: error while running command ${cmd}. error output:\n${r.stderr}: exit status ${r.status}`,
    );
  }
  return r.stdout;
}

/** helm's TemplateName: --name-template is a Go template with Sprig's functions, executed with no data. */
export function renderNameTemplate(text: string): string {
  const set = new TemplateSet({ funcs: helmFuncMap() });
  set.parse("name-template", text);
  return set.execute("name-template", null);
}

export async function runTemplate(args: string[], opts: TemplateOptions): Promise<TemplateResult> {
  const cwd = opts.cwd ?? process.cwd();
  // The order of checks follows helm's runInstall, so the first error reported is the same.
  const { name, chartRef } = releaseNameAndChart(args, {
    releaseName: "release-name",
    generateName: opts.generateName,
    nameTemplate: opts.nameTemplate,
    renderNameTemplate,
  });
  opts.debugLog?.("Original chart version", [["version", opts.versionFlag ?? ""]]);
  const chartPath = await locateChart(chartRef.trim(), cwd, opts.locate);
  opts.debugLog?.("Chart path", [["path", chartPath]]);
  const userValues = mergeUserValues(opts, (p) => readFileSync(isAbsolute(p) ? p : join(cwd, p)));
  let chart = loadChartPath(chartPath);
  checkIfInstallable(chart);
  if (chart.metadata.Deprecated) opts.warn?.("this chart is deprecated");
  try {
    checkDependencies(chart);
  } catch (e) {
    if (!(e instanceof DependencyError) || !opts.dependencyUpdate) throw e;
    // helm's runInstall: update, then load the chart again (with its new charts/ and lock).
    await opts.dependencyUpdate(chartPath);
    try {
      chart = loadChartPath(chartPath);
    } catch (e2) {
      throw new TemplateError(`failed reloading chart after repo update: ${(e2 as Error).message}`);
    }
  }
  validateReleaseName(name);
  const caps = defaultCapabilities({ kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions });
  const out: string[] = [];
  let result: ReturnType<typeof renderChart>;
  try {
    result = renderChart(chart, userValues, {
      release: {
        name,
        namespace: opts.namespace || "default",
        isInstall: !opts.isUpgrade,
        isUpgrade: !!opts.isUpgrade,
      },
      capabilities: caps,
      subNotes: opts.renderSubchartNotes,
      skipSchemaValidation: opts.skipSchemaValidation,
      enableDNS: opts.enableDNS,
      warn: opts.warn,
    });
  } catch (e) {
    if (!(e instanceof RenderFailure)) throw e;
    if (!opts.debug)
      return {
        stdout: "",
        error: new TemplateError(`${e.message}\n\nUse --debug flag to render out invalid YAML`),
      };
    // With --debug helm prints what it rendered (all files when the YAML was bad), then fails.
    const parts: string[] = [];
    for (const [n, content] of e.files ?? [])
      if (content.trim() !== "") parts.push(`---\n# Source: ${n}\n${content}\n`);
    return { stdout: `${parts.join("").trim()}\n`, error: e };
  }

  let { manifests, hooks } = result;
  if (opts.postRenderer) {
    const merged = [...result.files]
      .filter(([n, c]) => !pathBase(n).startsWith("_") && c.trim() !== "")
      .map(([, c]) => c)
      .join("\n---\n");
    const rendered = runPostRenderer(opts.postRenderer, opts.postRendererArgs ?? [], merged);
    manifests = splitManifests(rendered).map((content) => ({
      name: "generated-by-postrender",
      content,
      head: { apiVersion: "", kind: "" },
    }));
    hooks = hooks.slice();
  }

  // rel.Manifest: CRDs (with --include-crds), then manifests.
  const manifestParts: string[] = [];
  const written = new Set<string>();
  const outDir = opts.outputDir
    ? opts.useReleaseName
      ? join(opts.outputDir, name)
      : opts.outputDir
    : undefined;
  if (opts.includeCrds) {
    // From the processed tree: CRDs of disabled subcharts are left out, as helm does.
    for (const crd of result.chart.crdObjects()) {
      const data = decoder.decode(crd.file.data);
      if (!outDir) manifestParts.push(`---\n# Source: ${crd.filename}\n${data}\n`);
      else {
        writeToFile(opts.outputDir!, crd.filename, data, written.has(crd.filename), out);
        written.add(crd.filename);
      }
    }
  }
  for (const m of manifests) {
    if (!outDir) manifestParts.push(`---\n# Source: ${m.name}\n${m.content}\n`);
    else {
      writeToFile(outDir, m.name, m.content, written.has(m.name), out);
      written.add(m.name);
    }
  }
  let manifestText = `${manifestParts.join("").trim()}\n`;
  if (!opts.disableHooks) {
    for (const h of hooks) {
      if (opts.skipTests && h.events.includes("test")) continue;
      if (!outDir) manifestText += `---\n# Source: ${h.path}\n${h.manifest}\n`;
      else {
        writeToFile(outDir, h.path, h.manifest, written.has(h.path), out);
        written.add(h.path);
      }
    }
  }
  if (opts.showOnly && opts.showOnly.length > 0) {
    const docs = splitManifests(manifestText);
    const selected: string[] = [];
    for (const pattern of opts.showOnly) {
      let missing = true;
      for (const doc of docs) {
        const m = /# Source: [^/]+\/(.+)/.exec(doc);
        if (!m) continue;
        if (!filepathMatch(pattern, m[1]!)) continue;
        selected.push(doc);
        missing = false;
      }
      if (missing) throw new TemplateError(`could not find template ${pattern} in chart`);
    }
    for (const doc of selected) out.push(`---\n${doc}\n`);
  } else out.push(manifestText);
  return { stdout: out.join("") };
}
