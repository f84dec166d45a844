// The library API: charts from memory, rendered in-process, equal to helm's render of the same files.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadChartFiles, renderChart } from "../../src/index.ts";
import { runHelm, writeChart } from "../helpers/oracle.ts";

const files: Record<string, string> = {
  "Chart.yaml": "apiVersion: v2\nname: lib-demo\nversion: 1.0.0\nappVersion: '2.0'\n",
  "values.yaml": "replicas: 2\nname: web\n",
  "templates/deploy.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-{{ .Values.name }}\nspec:\n  replicas: {{ .Values.replicas }}\n",
  "templates/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n",
  "templates/NOTES.txt": "Installed {{ .Chart.Name }} {{ .Chart.AppVersion }}\n",
};

test("renderChart on an in-memory chart gives helm's manifests, in helm's order", async () => {
  const enc = new TextEncoder();
  const chart = loadChartFiles(
    Object.entries(files).map(([name, text]) => ({ name, data: enc.encode(text) })),
  );
  const r = renderChart(chart, new Map<string, unknown>([["replicas", 5n]]), { release: { name: "demo" } });
  const ours = r.manifests.map((m) => `---\n# Source: ${m.name}\n${m.content}\n`).join("");
  const helm = await runHelm(["template", "demo", writeChart(files, "lib-demo"), "--set", "replicas=5"]);
  assert.equal(`${ours.trim()}\n`, helm.stdout);
  assert.deepEqual(
    r.notes.map((n) => n.content),
    ["Installed lib-demo 2.0\n"],
  );
});
