// Small chart archives built in-process (capstan's archive writer), for
// server tests that need many distinct charts quickly.
import { writeChartArchive } from "../../src/chart/package.ts";

const enc = new TextEncoder();

export function makeArchive(name: string, version: string, padding = 2048): Uint8Array {
  return writeChartArchive({
    name,
    chartYaml: {
      name: "Chart.yaml",
      data: enc.encode(`apiVersion: v2\nname: ${name}\nversion: ${version}\n`),
    },
    values: { name: "values.yaml", data: enc.encode(`pad: "${"x".repeat(padding)}"\n`) },
    templates: [{ name: "templates/cm.yaml", data: enc.encode("kind: ConfigMap\n") }],
    files: [],
    dependencies: [],
  });
}
