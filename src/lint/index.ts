// helm's lint.RunAll for a chart folder: Chart.yaml, values, templates,
// dependencies and CRD rules, in helm's order, into one Linter.
import { resolve } from "node:path";
import type { Table } from "../values/tables.ts";
import { lintChartfile } from "./chartfile.ts";
import { lintCrds } from "./crds.ts";
import { lintDependencies } from "./dependencies.ts";
import { Linter } from "./support.ts";
import { lintTemplates, type TemplateLintOptions } from "./templates.ts";
import { lintValues } from "./values.ts";

/** The options of every rule: the templates rule is the one that needs them all. */
export type RunAllOptions = TemplateLintOptions;

export function runAllRules(baseDir: string, values: Table, opts: RunAllOptions): Linter {
  const linter = new Linter(resolve(baseDir));
  lintChartfile(linter);
  lintValues(linter, values, !!opts.skipSchemaValidation);
  lintTemplates(linter, values, opts);
  lintDependencies(linter);
  lintCrds(linter);
  return linter;
}

export { ERROR, formatLintMessage, INFO, Linter, type LintMessage, WARNING } from "./support.ts";
