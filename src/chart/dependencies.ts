// Dependencies at render time (helm's pkg/chart/v2/util/dependencies.go and
// action.CheckDependencies): subcharts matched to Chart.yaml's dependencies,
// aliases, tags and conditions deciding which are enabled, and import-values
// copying child values into parents. Mutates the chart tree as helm does.

import {
  CoalesceError,
  coalesceTables,
  coalesceValues,
  mergeTables,
  mergeValues,
} from "../values/coalesce.ts";
import { goSprintV } from "../values/go-fmt.ts";
import { deepCopy, isTable, NoValueError, pathValue, type Table, tableAt } from "../values/tables.ts";
import { type Chart, copyMetadata, type Dependency } from "./chart.ts";
import { isCompatibleRange } from "./semver-range.ts";

/** Where dependency warnings go (helm logs them with slog at WARN level): message and attributes. */
export type DepWarn = (msg: string, attrs: [string, string][]) => void;
let warn: DepWarn = () => {};
export function setDependencyWarningHandler(fn: DepWarn) {
  warn = fn;
}

export class DependencyError extends Error {
  override name = "DependencyError";
}

function reqs(c: Chart): Dependency[] {
  return c.metadata.Dependencies.filter((d): d is Dependency => d !== null);
}

/**
 * ProcessDependenciesWithMerge, as helm 4's install and template actions call
 * it; errors carry the action's "chart dependencies processing failed: " prefix.
 */
export function processDependencies(chart: Chart, values: Map<string, unknown>): void {
  try {
    processDependencyEnabled(chart, values as Table, "");
    processDependencyImportValues(chart, true);
  } catch (e) {
    if (e instanceof CoalesceError)
      throw new DependencyError(`chart dependencies processing failed: ${e.message}`);
    throw e;
  }
}

/** action.CheckDependencies: every declared dependency must have a chart in charts/. */
export function checkDependencies(chart: Chart): void {
  if (chart.metadata.depsNil) return;
  const missing: string[] = [];
  for (const r of reqs(chart)) {
    if (!chart.dependencies().some((d) => d.name() === r.Name)) missing.push(r.Name);
  }
  if (missing.length > 0)
    throw new DependencyError(
      "an error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: " +
        `found in Chart.yaml, but missing in charts/ directory: ${missing.join(", ")}`,
    );
}

/** helm's checkIfInstallable: only application charts install. */
export function checkIfInstallable(chart: Chart): void {
  const t = chart.metadata.Type;
  if (t === "" || t === "application") return;
  throw new DependencyError(`${t} charts are not installable`);
}

function processDependencyConditions(rs: Dependency[], cvals: Table, cpath: string) {
  for (const r of rs) {
    for (const c of r.Condition.trim().split(",")) {
      if (c.length === 0) continue;
      try {
        const vv = pathValue(cvals, cpath + c);
        if (typeof vv === "boolean") {
          r.Enabled = vv;
          break;
        }
        warn("returned non-bool value", [
          ["path", c],
          ["chart", r.Name],
        ]);
      } catch (e) {
        if (!(e instanceof NoValueError))
          warn("the method PathValue returned error", [["error", (e as Error).message]]);
      }
    }
  }
}

function processDependencyTags(rs: Dependency[], cvals: Table) {
  let vt: Table;
  try {
    vt = tableAt(cvals, "tags");
  } catch {
    return;
  }
  for (const r of rs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.Tags) {
      if (!vt.has(k)) continue;
      const b = vt.get(k);
      if (typeof b === "boolean") {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else
        warn("returned non-bool value", [
          ["tag", k],
          ["chart", r.Name],
        ]);
    }
    if (!hasTrue && hasFalse) r.Enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.Enabled = true;
  }
}

// The chart a dependency names, copied so an alias can rename it without touching the original.
function getAliasDependency(charts: Chart[], dep: Dependency): Chart | null {
  for (const c of charts) {
    if (c.name() !== dep.Name) continue;
    if (!isCompatibleRange(dep.Version, c.metadata.Version)) continue;
    const out = c.structCopy();
    out.metadata = copyMetadata(c.metadata);
    out.setDependencies(...c.dependencies().map((d) => d.structCopy()));
    if (dep.Alias !== "") out.metadata.Name = dep.Alias;
    return out;
  }
  return null;
}

function processDependencyEnabled(c: Chart, v: Table, path: string) {
  if (c.metadata.depsNil) return;
  const chartDependencies: Chart[] = [];
  loop: for (const existing of c.dependencies()) {
    for (const req of reqs(c)) {
      if (existing.name() === req.Name && isCompatibleRange(req.Version, existing.metadata.Version))
        continue loop;
    }
    chartDependencies.push(existing);
  }
  for (const req of reqs(c)) {
    const cd = getAliasDependency(c.dependencies(), req);
    if (cd) chartDependencies.push(cd);
    if (req.Alias !== "") req.Name = req.Alias;
  }
  c.setDependencies(...chartDependencies);

  for (const lr of reqs(c)) lr.Enabled = true;
  const cvals = coalesceValues(c, v);
  processDependencyTags(reqs(c), cvals);
  processDependencyConditions(reqs(c), cvals, path);

  const rm = new Set<string>();
  for (const r of reqs(c)) if (!r.Enabled) rm.add(r.Name);
  const cd = c.dependencies().filter((n) => !rm.has(n.metadata.Name));
  const cdMetadata = c.metadata.Dependencies.filter((n) => n === null || !rm.has(n.Name));
  for (const t of cd) processDependencyEnabled(t, cvals, `${path}${t.metadata.Name}.`);
  c.metadata.Dependencies = cdMetadata;
  c.metadata.depsNil = cdMetadata.length === 0;
  c.setDependencies(...cd);
}

// pathToMap: {a: {b: data}} for "a.b"; data itself for ".".
function pathToMap(path: string, data: Table): Table {
  if (path === ".") return data;
  let cur: Table = data;
  const parts = path.split(".");
  for (let i = parts.length - 1; i >= 0; i--) cur = new Map([[parts[i]!, cur]]);
  return cur;
}

function trimNilValues(vals: Table): Table {
  const copy = deepCopy(vals);
  const trim = (m: Table): Table => {
    for (const [k, v] of [...m]) {
      if (v === null) m.delete(k);
      else if (isTable(v)) m.set(k, trim(v));
    }
    return m;
  };
  return trim(copy);
}

function processImportValues(c: Chart, merge: boolean) {
  if (c.metadata.depsNil) return;
  const cvals = merge ? mergeValues(c, null) : coalesceValues(c, null);
  let b: Table = new Map();
  const combine = (dst: Table, src: Table) =>
    (merge ? mergeTables(dst, src) : coalesceTables(dst, src)) as Table;
  for (const r of reqs(c)) {
    const outiv: unknown[] = [];
    for (const riv of r.ImportValues) {
      if (riv instanceof Map) {
        const child = goSprintV(riv.has("child") ? riv.get("child") : null);
        const parent = goSprintV(riv.has("parent") ? riv.get("parent") : null);
        const entry = new Map<string, string>([
          ["child", child],
          ["parent", parent],
        ]);
        (entry as unknown as { [k: symbol]: string })[Symbol.for("capstan.goType")] = "map[string]string";
        outiv.push(entry);
        let vv: Table;
        try {
          vv = tableAt(cvals, `${r.Name}.${child}`);
        } catch (e) {
          warn("ImportValues missing table from chart", [
            ["chart", r.Name],
            ["error", (e as Error).message],
          ]);
          continue;
        }
        b = combine(b, pathToMap(parent, vv));
      } else if (typeof riv === "string") {
        const child = `exports.${riv}`;
        const entry = new Map<string, string>([
          ["child", child],
          ["parent", "."],
        ]);
        (entry as unknown as { [k: symbol]: string })[Symbol.for("capstan.goType")] = "map[string]string";
        outiv.push(entry);
        let vm: Table;
        try {
          vm = tableAt(cvals, `${r.Name}.${child}`);
        } catch (e) {
          warn("ImportValues missing table", [["error", (e as Error).message]]);
          continue;
        }
        b = combine(b, vm);
      }
    }
    r.ImportValues = outiv;
  }
  c.values = merge
    ? (mergeTables(deepCopy(cvals), b) as Table)
    : (coalesceTables(trimNilValues(cvals), b) as Table);
}

function processDependencyImportValues(c: Chart, merge: boolean) {
  for (const d of c.dependencies()) processDependencyImportValues(d, merge);
  processImportValues(c, merge);
}
