// Rendering a chart the way helm's install/upgrade/template do before they
// touch a cluster (pkg/action: ProcessDependencies, ToRenderValues,
// renderResources): values coalesced and validated, templates rendered,
// NOTES separated, documents split, hooks and manifests sorted by kind.
// Free of Node built-ins: the library's `renderChart` is this.
import type { Chart } from "../chart/chart.ts";
import { DependencyError, processDependencies } from "../chart/dependencies.ts";
import { checkKubeVersion } from "../chart/kube-version.ts";
import { type Capabilities, defaultCapabilities } from "../engine/capabilities.ts";
import { type ReleaseOptions, toRenderValues } from "../engine/context.ts";
import { fastSimpleHead } from "../engine/fast-head.ts";
import {
  type Hook,
  type Manifest,
  ManifestParseError,
  type SimpleHead,
  sortManifests,
} from "../engine/manifests.ts";
import { type EngineOptions, renderTemplates } from "../engine/render.ts";
import { simpleHead } from "../engine/simple-head.ts";
import { registerValuesMethods } from "../engine/values-methods.ts";
import { helmFuncMap } from "../funcs/index.ts";
import type { GoFunc, GoMap } from "../template/value.ts";
import { coalesceValues } from "../values/coalesce.ts";
import { validateValuesSchema } from "../values/schema.ts";
import { readYAML, toYAML } from "../yaml/index.ts";

export interface RenderOptions {
  release?: Partial<ReleaseOptions>;
  capabilities?: Capabilities;
  /** Include every sub-chart's NOTES.txt (--render-subchart-notes). */
  subNotes?: boolean;
  skipSchemaValidation?: boolean;
  strict?: boolean;
  lookup?: GoFunc;
  enableDNS?: boolean;
  warn?: (msg: string) => void;
}

export interface RenderResult {
  /** Plain manifests in install order. */
  manifests: Manifest[];
  /** Hooks (including tests) in kind order. */
  hooks: Hook[];
  /** Rendered NOTES.txt files, root first, by path. */
  notes: { path: string; content: string }[];
  /** Every rendered file, by template path (after NOTES removal). */
  files: Map<string, string>;
  /** The coalesced values the templates saw. */
  values: GoMap;
  /** The chart tree as rendered: disabled subcharts pruned, aliases applied (its CRDs are the ones helm prints). */
  chart: Chart;
}

/** An error raised after rendering, with the rendered files kept for --debug output. */
export class RenderFailure extends Error {
  constructor(
    message: string,
    readonly files?: Map<string, string>,
  ) {
    super(message);
  }
}

function parseHead(doc: string): SimpleHead {
  return fastSimpleHead(doc) ?? simpleHead(readYAML(doc));
}

const NOTES_SUFFIX = "NOTES.txt";
const DEPS_FAILED = "chart dependencies processing failed";

/** helm's install action logs slog.Error(msg, "error", err) before failing; the CLI prints it on stderr. */
let errorLog: (msg: string, attrs: [string, string][]) => void = () => {};
export function setRenderErrorLogHandler(fn: (msg: string, attrs: [string, string][]) => void): void {
  errorLog = fn;
}

/** Renders chart with user values (already merged from -f/--set). */
export function renderChart(
  chart: Chart,
  userValues: Map<string, unknown>,
  opts: RenderOptions = {},
): RenderResult {
  const release: ReleaseOptions = {
    name: "release-name",
    namespace: "default",
    revision: 1,
    isInstall: true,
    isUpgrade: false,
    ...opts.release,
  };
  // processDependencies prunes and aliases the tree; work on a copy so a loaded chart renders many times.
  chart = chart.cloneTree();
  try {
    processDependencies(chart, userValues);
  } catch (e) {
    if (e instanceof DependencyError)
      errorLog(DEPS_FAILED, [["error", e.message.slice(DEPS_FAILED.length + 2)]]);
    throw e;
  }
  const caps = opts.capabilities ?? defaultCapabilities();
  const values = coalesceValues(chart, userValues) as GoMap;
  if (!opts.skipSchemaValidation) validateValuesSchema(chart, values);
  const top = toRenderValues(chart, values, release, caps);
  // From here on helm has created the release, so its errors come with the --debug hint.
  try {
    if (chart.metadata.KubeVersion) checkKubeVersion(chart.metadata.KubeVersion, caps.kubeVersion.version);
  } catch (e) {
    throw new RenderFailure((e as Error).message);
  }
  registerValuesMethods(toYAML);
  const engineOpts: EngineOptions = {
    funcs: helmFuncMap(),
    toYAML: (v) => toYAML(v).replace(/\n$/, ""),
    strict: opts.strict,
    lookup: opts.lookup,
    enableDNS: opts.enableDNS,
    warn: opts.warn,
  };
  let files: Map<string, string>;
  try {
    files = renderTemplates(chart, top, engineOpts);
  } catch (e) {
    throw new RenderFailure((e as Error).message);
  }
  const notes: { path: string; content: string }[] = [];
  const rootNotes = `${chart.name()}/templates/${NOTES_SUFFIX}`;
  for (const [path, content] of [...files]) {
    if (!path.endsWith(NOTES_SUFFIX)) continue;
    if (opts.subNotes || path === rootNotes) notes.push({ path, content });
    files.delete(path);
  }
  const depth = (s: string) => s.split("/charts/").length - 1;
  notes.sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  try {
    const { hooks, manifests } = sortManifests(files, parseHead);
    return { manifests, hooks, notes, files, values, chart };
  } catch (e) {
    if (e instanceof ManifestParseError) throw new RenderFailure(e.message, files);
    throw e;
  }
}
