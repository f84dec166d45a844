// Regressions found rendering old helm/charts stable charts (scripts/corpus-diff.ts
// on /work/corpus/stable): each case is a small chart of our own that reproduces
// one difference, compared with helm 4 byte for byte (errors included).
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";
import type { ChartFiles } from "../helpers/oracle.ts";

const chartYaml = "apiVersion: v2\nname: c\nversion: 0.1.0\n";
const cm =
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  v: {{ toJson .Values | quote }}\n";

function chart(values: string, template = cm): ChartFiles {
  return { "Chart.yaml": chartYaml, "values.yaml": values, "templates/cm.yaml": template };
}

// values.yaml errors: sigs.k8s.io/yaml converts the whole tree (unsupported
// keys fail there) before json.Marshal rejects NaN/±Inf in sorted key order.
const valuesErrors: Record<string, string> = {
  "nil key reported before an earlier infinite value": "a: .inf\nm:\n  ~: x\n",
  "first non-finite value in sorted key order": "b: .inf\na: .nan\n",
  "non-finite value inside a list": "l: [1, -.inf]\n",
  "nested sorted order": "z:\n  y: .inf\n  c: -.inf\n",
};
for (const [name, values] of Object.entries(valuesErrors)) {
  test(`values.yaml: ${name}`, async () => {
    await assertSameAsHelm(chart(values));
  });
}
