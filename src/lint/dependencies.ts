// helm's dependency lint rule (rules/dependencies.go): Chart.yaml's
// dependencies and the charts in charts/ must agree, names/aliases unique.
import type { Chart } from "../chart/chart.ts";
import { loadChartOnce } from "./load.ts";
import { ERROR, type Linter, WARNING } from "./support.ts";

export function lintDependencies(linter: Linter): void {
  let c: Chart;
  try {
    c = loadChartOnce(linter, linter.chartDir);
  } catch (e) {
    linter.run(ERROR, "", `unable to load chart\n\t${(e as Error).message}`);
    return;
  }
  const declared = c.metadata.Dependencies.filter((d) => d !== null);
  const present = c.dependencies().map((d) => d.name());

  const notDeclared = present.filter((n) => !declared.some((d) => d.Name === n));
  linter.run(
    ERROR,
    linter.chartDir,
    notDeclared.length > 0 ? `chart metadata is missing these dependencies: ${notDeclared.join(",")}` : null,
  );

  const seen = new Set<string>();
  const shadowing: string[] = [];
  for (const d of declared) {
    const key = d.Alias !== "" ? d.Alias : d.Name;
    if (seen.has(key)) shadowing.push(key);
    seen.add(key);
  }
  linter.run(
    ERROR,
    linter.chartDir,
    shadowing.length > 0 ? `multiple dependencies with name or alias: ${shadowing.join(",")}` : null,
  );

  const missing = declared.filter((d) => !present.includes(d.Name)).map((d) => d.Name);
  linter.run(
    WARNING,
    linter.chartDir,
    missing.length > 0 ? `chart directory is missing these dependencies: ${missing.join(",")}` : null,
  );
}
