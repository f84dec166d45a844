// Regressions found rendering old helm/charts stable charts (scripts/corpus-diff.ts
// on /work/corpus/stable): each case is a small chart of our own that reproduces
// one difference, compared with helm 4 byte for byte (errors included).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertSameAsHelm, runCapstan } from "../helpers/differential.ts";
import { type ChartFiles, hashFiles, runHelm, writeChart } from "../helpers/oracle.ts";

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

// --kube-version with a vendor suffix (GKE, EKS, k3s): Version/GitVersion keep
// it, String() and the chart's kubeVersion check use the numeric part only.
const kubeVersionChart: ChartFiles = {
  "Chart.yaml": 'apiVersion: v2\nname: kv\nversion: 1.0.0\nkubeVersion: ">=1.20.0"\n',
  "templates/a.yaml": [
    'a: "{{ .Capabilities.KubeVersion }}"',
    "b: {{ .Capabilities.KubeVersion | toJson }}",
    'c: "{{ .Capabilities.KubeVersion.GitVersion }}/{{ .Capabilities.KubeVersion.Version }}"',
    'd: "{{ printf "%s" .Capabilities.KubeVersion }}"',
    'e: "{{ semverCompare ">=1.21-0" .Capabilities.KubeVersion.GitVersion }}"',
    'f: "{{ semverCompare "<1.22" .Capabilities.KubeVersion.Version }}"',
    "",
  ].join("\n"),
};
for (const v of ["1.21.3-gke.1", "v1.23.4+k3s1", "1.22", "1.019.2", "1.19.3-eks-1"]) {
  test(`--kube-version ${v}`, async () => {
    await assertSameAsHelm(kubeVersionChart, ["--kube-version", v]);
  });
}

// toToml escapes control characters as BurntSushi/toml does: \u001b and \u007f
// with lowercase hex (keys and values).
test("toToml control characters", async () => {
  await assertSameAsHelm(
    chart(
      'k: "esc \\x1b del \\x7f vt \\x0b us \\x1f"\n"key\\x1a": v\n',
      "data: {{ toToml .Values | quote }}\n",
    ),
  );
});

// regexFindAll with no match and regexSplit with n = 0 return Go's nil slice:
// toJson/toYaml print null, and range/len/empty see an empty list.
test("regexFindAll / regexSplit nil results", async () => {
  await assertSameAsHelm(
    chart(
      "s: abc\n",
      [
        'a: {{ regexFindAll "x" .Values.s -1 | toJson | quote }}',
        'b: {{ mustRegexFindAll "x" .Values.s -1 | toYaml | quote }}',
        'c: {{ regexSplit "b" .Values.s 0 | toJson | quote }}',
        'd: {{ toJson (dict "m" (regexFindAll "b" .Values.s 0)) | quote }}',
        'e: "{{ $x := regexFindAll "x" .Values.s -1 }}{{ len $x }} {{ empty $x }} {{ range $x }}r{{ else }}none{{ end }}"',
        'f: {{ regexFindAll "b" .Values.s -1 | toJson | quote }}',
        "",
      ].join("\n"),
    ),
  );
});

// --include-crds prints the CRDs of the chart tree as rendered: a subchart
// disabled by its condition (or tags) contributes none, an aliased one does.
const crdChart: ChartFiles = {
  "Chart.yaml":
    "apiVersion: v2\nname: p\nversion: 1.0.0\ndependencies:\n- name: sub\n  version: 1.0.0\n  condition: sub.enabled\n- name: sub\n  version: 1.0.0\n  alias: other\n  tags: [extra]\n",
  "values.yaml": "sub:\n  enabled: true\ntags:\n  extra: false\n",
  "crds/a.yaml": "kind: CustomResourceDefinition\nmetadata:\n  name: a.x.io\n",
  "templates/cm.yaml": "a: 1\n",
  "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 1.0.0\n",
  "charts/sub/crds/s.yaml": "kind: CustomResourceDefinition\nmetadata:\n  name: s.x.io\n",
  "charts/sub/templates/b.yaml": "b: 1\n",
};
for (const args of [
  "",
  "--set sub.enabled=false",
  "--set tags.extra=true",
  "--set sub.enabled=false,tags.extra=true",
]) {
  test(`--include-crds with subcharts ${args || "(defaults)"}`, async () => {
    await assertSameAsHelm(crdChart, ["--include-crds", ...args.split(" ").filter(Boolean)]);
  });
}

// Old charts mark CRDs with the helm 2 hook "crd-install": helm 4 drops them
// and logs slog.Info("skipping unknown hooks", "hookTypes", ...) on stderr.
test("unknown hook types: output and stderr log line", async () => {
  const files: ChartFiles = {
    "Chart.yaml": "apiVersion: v1\nname: h\nversion: 1.0.0\n",
    "templates/crd.yaml": [
      "kind: CustomResourceDefinition",
      "metadata:",
      "  name: a.x.io",
      "  annotations:",
      '    "helm.sh/hook": crd-install',
      "---",
      "kind: CustomResourceDefinition",
      "metadata:",
      "  name: b.x.io",
      "  annotations:",
      '    "helm.sh/hook": "crd-install, pre-install"',
      "---",
      "kind: ConfigMap",
      "metadata:",
      "  name: c",
      "",
    ].join("\n"),
  };
  await assertSameAsHelm(files);
  const dir = writeChart(files);
  const helm = await runHelm(["template", dir], { cacheKey: hashFiles(files) });
  const capstan = await runCapstan(["template", dir]);
  assert.equal(capstan.stderr, helm.stderr);
});

// Symbolic links inside a chart folder are followed; helm 4 logs each one with
// slog.Info and path/resolved attributes.
test("symlinks in the chart folder: output and stderr log lines", async () => {
  const root = mkdtempSync(join(tmpdir(), "capstan-symlinks-"));
  const target = join(root, "target");
  const chart = join(root, "chart");
  mkdirSync(target);
  mkdirSync(join(chart, "templates"), { recursive: true });
  writeFileSync(join(target, "t.txt"), "linked");
  writeFileSync(join(chart, "Chart.yaml"), "apiVersion: v2\nname: chart\nversion: 1.0.0\n");
  writeFileSync(
    join(chart, "templates", "a.yaml"),
    'x: "{{ .Files.Get "file.txt" }}|{{ .Files.Get "dir/t.txt" }}"\n',
  );
  symlinkSync(join(target, "t.txt"), join(chart, "file.txt"));
  symlinkSync(target, join(chart, "dir"));
  const helm = await runHelm(["template", chart]);
  const capstan = await runCapstan(["template", chart]);
  assert.equal(capstan.stdout, helm.stdout);
  assert.equal(capstan.stderr, helm.stderr);
  assert.match(helm.stderr, /found symbolic link/);
});

// A subchart's values replaced by a scalar: helm's install action logs
// slog.Error("chart dependencies processing failed", "error", ...) before failing.
test("dependency processing failure: error and stderr log line", async () => {
  const files: ChartFiles = {
    "Chart.yaml":
      "apiVersion: v2\nname: p\nversion: 1.0.0\ndependencies:\n- name: b\n  version: 1.0.0\n  condition: b.enabled\n",
    "templates/p.yaml": "p: 1\n",
    "charts/b/Chart.yaml": "apiVersion: v2\nname: b\nversion: 1.0.0\n",
    "charts/b/templates/b.yaml": "b: 1\n",
  };
  const dir = writeChart(files);
  const args = ["template", dir, "--set", "b=str"];
  const helm = await runHelm(args, { cacheKey: hashFiles(files) });
  const capstan = await runCapstan(args);
  assert.notEqual(helm.code, 0);
  assert.notEqual(capstan.code, 0);
  assert.equal(capstan.stderr, helm.stderr);
});
