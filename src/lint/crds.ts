// helm's CRD lint rule (rules/crds.go): files under crds/ must be plain YAML
// (not templates) holding apiextensions.k8s.io CustomResourceDefinitions.
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Chart } from "../chart/chart.ts";
import { goFsError } from "../node/fs-load.ts";
import { decodeK8sDocuments } from "./k8s-yaml.ts";
import { loadChartOnce } from "./load.ts";
import { ERROR, type Linter } from "./support.ts";

const decoder = new TextDecoder();

export function lintCrds(linter: Linter): void {
  const dir = "crds/";
  const crdsPath = join(linter.chartDir, "crds");
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(crdsPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    linter.run(ERROR, dir, goFsError("stat", crdsPath, e));
    return;
  }
  if (!linter.run(ERROR, dir, st.isDirectory() ? null : "not a directory")) return;
  let chart: Chart;
  try {
    chart = loadChartOnce(linter, linter.chartDir);
  } catch (e) {
    linter.run(ERROR, dir, (e as Error).message);
    return;
  }
  for (const crd of chart.crdObjects()) {
    const path = crd.name;
    const err = decodeK8sDocuments(decoder.decode(crd.file.data), (s) => {
      if (s === null) return;
      linter.run(
        ERROR,
        path,
        s.apiVersion.startsWith("apiextensions.k8s.io")
          ? null
          : "apiVersion is not in 'apiextensions.k8s.io'",
      );
      linter.run(
        ERROR,
        path,
        s.kind === "CustomResourceDefinition" ? null : "object kind is not 'CustomResourceDefinition'",
      );
    });
    if (err !== null && !linter.run(ERROR, path, `unable to parse YAML: ${err}`)) return;
  }
}
