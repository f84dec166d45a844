// The values templates see (helm's ToRenderValues and the engine's per-chart
// scoping): .Values, .Release, .Chart, .Capabilities, .Files, .Subcharts,
// .Template, with the Go types helm 4 gives them.
import type { Chart, Metadata } from "../chart/chart.ts";
import { asPlainMap } from "../funcs/util.ts";
import { goString } from "../template/gostring.ts";
import { GO_TYPE, GoInt, type GoMap, MARSHAL_JSON, type Value } from "../template/value.ts";
import type { Capabilities } from "./capabilities.ts";
import { newFiles, type ToYAML } from "./files.ts";

/** What the engine needs of a chart (the chart layer's Chart). */
export type EngineChart = Chart;

export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision: number;
  isInstall: boolean;
  isUpgrade: boolean;
}

function goMap(entries: [string, Value][], type?: string): GoMap {
  const m: GoMap = new Map(entries);
  if (type) m[GO_TYPE] = type;
  return m;
}

function iface(list: readonly unknown[] | undefined | null): Value[] {
  return list ? (list as Value[]).map(toValue) : [];
}

function toValue(v: unknown): Value {
  if (v === undefined) return null;
  if (v && typeof v === "object" && !(v instanceof Map) && !Array.isArray(v) && !(v instanceof Uint8Array)) {
    if (Object.getPrototypeOf(v) === Object.prototype) {
      return goMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toValue(x)]));
    }
  }
  if (Array.isArray(v)) return v.map(toValue);
  return v as Value;
}

/** .Chart: helm 4 gives templates the metadata as a map with Go field names, plus IsRoot. */
export function chartMetadataMap(md: Metadata, isRoot: boolean): GoMap {
  // A nil map[string]string prints as map[] and marshals as null.
  const annotations: GoMap = new Map(md.Annotations ?? []);
  annotations[GO_TYPE] = "map[string]string";
  if (!md.Annotations) (annotations as any)[MARSHAL_JSON] = () => null;
  const deps = md.Dependencies.map((d) =>
    d
      ? goMap([
          ["Alias", d.Alias],
          ["Condition", d.Condition],
          ["Enabled", d.Enabled],
          ["ImportValues", iface(d.ImportValues)],
          ["Name", d.Name],
          ["Repository", d.Repository],
          ["Tags", iface(d.Tags)],
          ["Version", d.Version],
        ])
      : null,
  );
  const maintainers = md.Maintainers.map((m) =>
    m
      ? goMap([
          ["Email", m.Email],
          ["Name", m.Name],
          ["URL", m.URL],
        ])
      : null,
  );
  return goMap([
    ["APIVersion", md.APIVersion],
    ["Annotations", annotations],
    ["AppVersion", md.AppVersion],
    ["Condition", md.Condition],
    ["Dependencies", deps],
    ["Deprecated", md.Deprecated],
    ["Description", md.Description],
    ["Home", md.Home],
    ["Icon", md.Icon],
    ["IsRoot", isRoot],
    ["Keywords", iface(md.Keywords)],
    ["KubeVersion", md.KubeVersion],
    ["Maintainers", maintainers],
    ["Name", md.Name],
    ["Sources", iface(md.Sources)],
    ["Tags", md.Tags],
    ["Type", md.Type],
    ["Version", md.Version],
  ]);
}

export function releaseMap(o: ReleaseOptions): GoMap {
  return goMap([
    ["IsInstall", o.isInstall],
    ["IsUpgrade", o.isUpgrade],
    ["Name", o.name],
    ["Namespace", o.namespace],
    ["Revision", new GoInt(BigInt(o.revision))],
    ["Service", "Helm"],
  ]);
}

/** The top-level render values (ToRenderValues): Chart, Capabilities, Release, Values. */
export function toRenderValues(
  chart: EngineChart,
  values: GoMap,
  release: ReleaseOptions,
  caps: Capabilities,
): GoMap {
  if (values[GO_TYPE] === undefined) values[GO_TYPE] = "common.Values";
  return goMap(
    [
      ["Chart", chartMetadataMap(chart.metadata, chart.isRoot())],
      ["Capabilities", caps],
      ["Release", releaseMap(release)],
      ["Values", values],
    ],
    "common.Values",
  );
}

export interface Renderable {
  text: string;
  vals: GoMap;
  basePath: string;
}

/**
 * Walks the chart tree as helm's recAllTpls does: each chart gets its own
 * scope (its .Chart, .Files, its part of .Values, .Subcharts), and every
 * template is keyed by its full path ("parent/charts/child/templates/x.yaml").
 */
export function allTemplates(chart: EngineChart, top: GoMap, toYAML: ToYAML): Map<string, Renderable> {
  const out = new Map<string, Renderable>();
  recAllTemplates(chart, out, top, toYAML);
  return out;
}

function recAllTemplates(c: EngineChart, out: Map<string, Renderable>, vals: GoMap, toYAML: ToYAML): GoMap {
  const subcharts: GoMap = new Map();
  let scoped: Value;
  const parentValues = vals.get("Values");
  if (c.isRoot()) scoped = parentValues ?? emptyValues();
  else {
    const v = parentValues instanceof Map ? parentValues.get(c.name()) : undefined;
    // vals.Table gives the sub-chart its part of the parent's values as
    // common.Values: the same map, so what its templates set there shows to
    // the parent, which renders later.
    scoped = v instanceof Map ? namedView(v, "common.Values") : emptyValues();
  }
  const next = goMap(
    [
      ["Chart", chartMetadataMap(c.metadata, c.isRoot())],
      ["Files", newFiles(new Map(c.files.map((f) => [f.name, f.data])), toYAML)],
      ["Release", vals.get("Release") ?? null],
      ["Capabilities", vals.get("Capabilities") ?? null],
      ["Values", scoped],
      ["Subcharts", subcharts],
    ],
    "common.Values",
  );
  for (const child of c.dependencies()) {
    const childVals = recAllTemplates(child, out, next, toYAML);
    // helm stores the child's own scope map (as a plain map type): what its
    // templates later set there (.Template of the last one rendered) shows.
    subcharts.set(child.name(), asPlainMap(childVals));
  }
  const full = c.fullPath();
  const library = c.metadata.Type === "library";
  for (const t of c.templates) {
    if (library && !baseName(t.name).startsWith("_")) continue;
    // Template source as Go holds it: bytes that are not UTF-8 survive to the output.
    out.set(`${full}/${t.name}`, { text: goString(t.data), vals: next, basePath: `${full}/templates` });
  }
  return next;
}

/** The same map seen with another Go type name (a conversion between named map types). */
function namedView(m: GoMap, goType: string): GoMap {
  return new Proxy(m, {
    get(target, prop) {
      if (prop === GO_TYPE) return goType;
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

function emptyValues(): GoMap {
  return goMap([], "common.Values");
}

function baseName(p: string): string {
  const i = p.lastIndexOf("/");
  return i >= 0 ? p.slice(i + 1) : p;
}
