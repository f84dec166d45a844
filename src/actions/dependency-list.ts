// `helm dependency list CHART`: the dependencies declared in Chart.yaml with
// their status in charts/ (ok, missing, wrong version, ...), then warnings
// for charts/ entries that are not charts or not declared.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Chart, Dependency } from "../chart/chart.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { Constraints, parseVersion } from "../repo/semver.ts";
import { strictSemver } from "./dependency-resolve.ts";

function versionStatus(have: string, want: string): string | undefined {
  if (have === want) return undefined;
  let c: Constraints;
  try {
    c = Constraints.parse(want);
  } catch {
    return "invalid version";
  }
  const v = parseVersion(have);
  if (!v) return "invalid version";
  return c.check(v) ? undefined : "wrong version";
}

function statArchive(archive: string, dep: Dependency): string {
  if (!existsSync(archive)) return "";
  let c: Chart;
  try {
    c = loadChartPath(archive);
  } catch {
    return "corrupt";
  }
  if (c.name() !== dep.Name) return "misnamed";
  return versionStatus(c.metadata.Version, dep.Version) ?? "ok";
}

/** Go's filepath.Glob of charts/<name>-*.tgz (sorted). */
function archivesFor(chartPath: string, name: string): string[] {
  const dir = join(chartPath, "charts");
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(`${name}-`) && n.endsWith(".tgz") && !n.slice(name.length + 1).includes("/"))
    .map((n) => join(dir, n));
}

export function dependencyStatus(chartPath: string, dep: Dependency, parent: Chart): string {
  const archives = archivesFor(chartPath, dep.Name);
  if (archives.length > 1) {
    const found = archives.filter((a) =>
      strictSemver.test(
        a
          .split("/")
          .pop()!
          .slice(dep.Name.length + 1, -4),
      ),
    );
    if (found.length === 1) {
      const r = statArchive(found[0]!, dep);
      if (r !== "") return r;
    } else if (found.length > 1) return "too many matches";
  } else if (archives.length === 1) {
    const r = statArchive(archives[0]!, dep);
    if (r !== "") return r;
  }
  let depChart: Chart | undefined;
  for (const item of parent.dependencies()) if (item.name() === dep.Name) depChart = item;
  if (!depChart) return "missing";
  return versionStatus(depChart.metadata.Version, dep.Version) ?? "unpacked";
}

export interface DependencyListResult {
  /** NAME, VERSION, REPOSITORY, STATUS rows (header excluded); undefined when Chart.yaml declares none. */
  rows?: string[][];
  warnings: string[];
}

/** chartPath is shown as given; cwd resolves it. */
export function dependencyList(chartPath: string, cwd = process.cwd()): DependencyListResult {
  const shown = chartPath;
  chartPath = resolve(cwd, chartPath);
  if (!existsSync(chartPath)) throw new Error(`stat ${shown}: no such file or directory`);
  const c = loadChartPath(chartPath);
  if (c.metadata.Dependencies.length === 0) {
    return { warnings: [`WARNING: no dependencies at ${join(shown, "charts")}\n`] };
  }
  const deps = c.metadata.Dependencies.filter((d): d is Dependency => d !== null);
  const rows = deps.map((d) => [d.Name, d.Version, d.Repository, dependencyStatus(chartPath, d, c)]);
  const warnings: string[] = [];
  const dir = join(chartPath, "charts");
  let entries: string[] = [];
  try {
    entries = readdirSync(dir).sort();
  } catch {}
  for (const n of entries) {
    const f = join(dir, n);
    const st = statSync(f);
    if (!st.isDirectory() && !n.endsWith(".tgz")) continue;
    let sub: Chart;
    try {
      sub = loadChartPath(f);
    } catch {
      warnings.push(`WARNING: "${join(shown, "charts", n)}" is not a chart.\n`);
      continue;
    }
    if (!deps.some((d) => d.Name === sub.name())) {
      warnings.push(`WARNING: "${join(shown, "charts", n)}" is not in Chart.yaml.\n`);
    }
  }
  return { rows, warnings };
}
