// What `template` prints: kind order, hooks and tests after manifests, NOTES
// left out, CRDs on request, document splitting, and the output flags.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertSameAsHelm, runCapstan } from "../helpers/differential.ts";
import { type ChartFiles, runHelm, writeChart } from "../helpers/oracle.ts";

const kinds = [
  "Deployment",
  "Service",
  "ConfigMap",
  "Secret",
  "Namespace",
  "Widget",
  "Gadget",
  "ServiceAccount",
  "Job",
  "CustomResourceDefinition",
  "ClusterRole",
  "Ingress",
  "StatefulSet",
  "PodDisruptionBudget",
];

function doc(kind: string, name: string, annotations: Record<string, string> = {}): string {
  const ann = Object.entries(annotations);
  return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${
    ann.length
      ? `  annotations:\n${ann.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}\n`).join("")}`
      : ""
  }`;
}

const chart: ChartFiles = {
  "Chart.yaml": "apiVersion: v2\nname: order\nversion: 1.2.3\n",
  "values.yaml": "n: 3\n",
  "templates/all.yaml": kinds.map((k, i) => doc(k, `r${i}`)).join("---\n"),
  "templates/z-first.yaml": `${doc("Widget", "w0")}---\n${doc("Pod", "p0")}`,
  "templates/hooks.yaml": [
    doc("Job", "pre", { "helm.sh/hook": "pre-install", "helm.sh/hook-weight": "5" }),
    doc("ConfigMap", "post", { "helm.sh/hook": "post-install,post-upgrade" }),
    doc("Pod", "unknown-hook", { "helm.sh/hook": "not-a-hook" }),
    doc("Secret", "annotated-only", { "other/annotation": "x" }),
  ].join("---\n"),
  "templates/tests/test-conn.yaml": doc("Pod", "t1", { "helm.sh/hook": "test" }),
  "templates/tests/test-old.yaml": doc("Pod", "t2", { "helm.sh/hook": "test-success" }),
  "templates/NOTES.txt": "Thanks for installing {{ .Chart.Name }}\n",
  "templates/_helpers.tpl": '{{ define "x" }}unused{{ end }}',
  "templates/empty.yaml": "{{/* nothing */}}\n   \n",
  "templates/spaces.yaml": "\n\n---\n\n# just a comment\n---\n---\nkind: ConfigMap\n   \n",
  "templates/loop.yaml":
    "{{ range until (int .Values.n) }}---\nkind: Service\nmetadata:\n  name: s{{ . }}\n{{ end }}",
  "crds/crd-b.yaml":
    "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: b\n",
  "crds/crd-a.json": '{"kind": "CustomResourceDefinition"}',
  "crds/notes.txt": "not a crd",
};

const flagSets: string[][] = [
  [],
  ["--include-crds"],
  ["--skip-tests"],
  ["--no-hooks"],
  ["--include-crds", "--skip-crds"],
  ["--show-only", "templates/all.yaml"],
  ["--show-only", "templates/hooks.yaml", "--show-only", "templates/all.yaml"],
  ["-s", "templates/tests/*"],
  ["--show-only", "templates/nope.yaml"],
  ["--show-only", "templates/NOTES.txt"],
  ["--is-upgrade", "--namespace", "x"],
  ["myrel"],
  ["--set", "n=0"],
];

for (const flags of flagSets) {
  test(`template ${flags.join(" ") || "(no flags)"} matches helm`, async () => {
    await assertSameAsHelm(chart, flags);
  });
}

test("an empty chart prints what helm prints", async () => {
  await assertSameAsHelm({ "Chart.yaml": "apiVersion: v2\nname: empty\nversion: 0.1.0\n" });
});

test("--output-dir writes helm's layout", async () => {
  const dir = writeChart(chart);
  for (const extra of [[], ["--release-name", "--include-crds"]]) {
    const hOut = mkdtempSync(join(tmpdir(), "capstan-od-helm-"));
    const cOut = mkdtempSync(join(tmpdir(), "capstan-od-cap-"));
    const h = await runHelm(["template", "rel", dir, "--output-dir", hOut, ...extra]);
    const c = await runCapstan(["template", "rel", dir, "--output-dir", cOut, ...extra]);
    assert.equal(c.code, h.code, c.stderr);
    assert.equal(c.stdout.replaceAll(cOut, "OUT"), h.stdout.replaceAll(hOut, "OUT"));
    const list = (root: string): string[] => {
      const out: string[] = [];
      const walk = (d: string) => {
        for (const n of readdirSync(d).sort()) {
          const p = join(d, n);
          if (
            existsSync(p) &&
            readdirSync(d, { withFileTypes: true })
              .find((e) => e.name === n)
              ?.isDirectory()
          )
            walk(p);
          else out.push(`${p.slice(root.length)}\n${readFileSync(p, "utf8")}`);
        }
      };
      walk(root);
      return out;
    };
    assert.deepEqual(list(cOut), list(hOut));
    rmSync(hOut, { recursive: true, force: true });
    rmSync(cOut, { recursive: true, force: true });
  }
});

test("release names, --generate-name and --name-template behave as in helm", async () => {
  const small: ChartFiles = {
    "Chart.yaml": "apiVersion: v2\nname: small\nversion: 0.1.0\n",
    "templates/a.yaml": "name: {{ .Release.Name }}\n",
  };
  await assertSameAsHelm(small, ["Bad_Name"]);
  await assertSameAsHelm(small, ["a", "{chart}", "extra"]);
  await assertSameAsHelm(small, ["--name-template", '{{ "abc" | upper | lower }}-x']);
  await assertSameAsHelm(small, ["-g"]);
  await assertSameAsHelm(small, ["named", "--generate-name", "{chart}"]);
});
