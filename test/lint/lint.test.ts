// `capstan lint` against `helm lint` (v4.1.4) on charts written by the test:
// stdout, stderr and exit status must be identical.
import assert from "node:assert/strict";
import { test } from "node:test";
import { archive, chart, chartYaml, type LintCase, runBoth, scaffold } from "./lint-harness.ts";

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const simple = (dir: string, templates: Record<string, string> = {}, extra: Record<string, string> = {}) =>
  chart(dir, { "Chart.yaml": chartYaml(dir), "values.yaml": "a: 1\n", ...templates, ...extra });

const cases: LintCase[] = [
  // The scaffold and plain usage.
  { name: "scaffold", files: scaffold("mychart"), args: ["mychart"] },
  { name: "scaffold quiet", files: scaffold("mychart"), args: ["mychart", "--quiet"] },
  { name: "scaffold strict", files: scaffold("mychart"), args: ["mychart", "--strict"] },
  { name: "scaffold namespace", files: scaffold("mychart"), args: ["mychart", "-n", "other"] },
  { name: "no argument", files: scaffold("mychart"), args: [] },
  { name: "missing path", files: scaffold("mychart"), args: ["nothere"] },
  { name: "no Chart.yaml", files: { "empty/values.yaml": "a: 1\n" }, args: ["empty"] },
  {
    name: "several charts",
    files: { ...scaffold("mychart"), ...simple("ok", { "templates/cm.yaml": cm("x") }) },
    args: ["mychart", "ok", "nothere"],
  },
  {
    name: "several charts quiet",
    files: { ...scaffold("mychart"), ...simple("ok", { "templates/cm.yaml": cm("x") }) },
    args: ["--quiet", "mychart", "ok"],
  },
  // Chart.yaml rules.
  {
    name: "chart.yaml types and strict parse",
    files: chart("c1", {
      "Chart.yaml": "apiVersion: v2\nname: c1\nversion: 1.0\nfoo: bar\nappVersion: 1.2\nicon: notaurl\n",
      "values.yaml": "",
      "templates/.keep": "",
    }),
    args: ["c1"],
  },
  {
    name: "chart.yaml many errors",
    files: chart("c2", {
      "Chart.yaml":
        'apiVersion: v3\nname: C_2\nversion: abc\nmaintainers:\n- email: x\n- name: bob\n  email: bad\nsources: [""]\ntype: application\n',
      "values.yaml": "a: 1\n",
    }),
    args: ["c2"],
  },
  {
    name: "chart.yaml does not parse",
    files: chart("c3", { "Chart.yaml": "name: [\n", "values.yaml": "a: 1\n" }),
    args: ["c3"],
  },
  {
    name: "chart.yaml empty",
    files: chart("c4", { "Chart.yaml": "", "values.yaml": "a: 1\n" }),
    args: ["c4"],
  },
  {
    name: "chart.yaml v1 with dependencies and type",
    files: chart("c5", {
      "Chart.yaml":
        "apiVersion: v1\nname: c5\nversion: 0.1.0\ntype: library\ndependencies:\n- name: x\n  version: 1.0.0\n",
      "values.yaml": "",
    }),
    args: ["c5"],
  },
  {
    name: "maintainers and sources",
    files: chart("c6", {
      "Chart.yaml": `${chartYaml("c6")}maintainers:\n- name: ann\n  email: ann@example.com\n  url: https://example.com/ann\n- name: bob\n  url: not a url\nsources:\n- https://github.com/helm/helm\n- git@github.com:helm/helm.git\n`,
      "values.yaml": "",
    }),
    args: ["c6"],
  },
  {
    name: "maintainer email",
    files: chart("c7", {
      "Chart.yaml": `${chartYaml("c7")}maintainers:\n- name: ann\n  email: ann@@example\n`,
      "values.yaml": "",
    }),
    args: ["c7"],
  },
  {
    name: "version forms",
    files: {
      ...chart("v1", { "Chart.yaml": "apiVersion: v2\nname: v1\nversion: v1.2.3\n", "values.yaml": "" }),
      ...chart("v2", { "Chart.yaml": "apiVersion: v2\nname: v2\nversion: 1.2.3-01\n", "values.yaml": "" }),
      ...chart("v3", { "Chart.yaml": "apiVersion: v2\nname: v3\nversion: 0.0.0-0\n", "values.yaml": "" }),
      ...chart("v4", { "Chart.yaml": "apiVersion: v2\nname: v4\nversion: 1.2\n", "values.yaml": "" }),
      ...chart("v5", {
        "Chart.yaml": "apiVersion: v2\nname: v5\nversion: 1.2.3+build.1\n",
        "values.yaml": "",
      }),
    },
    args: ["v1", "v2", "v3", "v4", "v5"],
  },
  {
    name: "name with a slash, no apiVersion",
    files: chart("c8", { "Chart.yaml": "name: a/b\nversion: 1.0.0\n", "values.yaml": "" }),
    args: ["c8"],
  },
  {
    name: "icon missing",
    files: chart("c9", { "Chart.yaml": chartYaml("c9", "", false), "values.yaml": "" }),
    args: ["c9"],
  },
  {
    name: "icon missing, strict",
    files: chart("c9", { "Chart.yaml": chartYaml("c9", "", false), "values.yaml": "" }),
    args: ["c9", "--strict"],
  },
  // values.yaml rules.
  {
    name: "no values.yaml, no templates",
    files: chart("e5", { "Chart.yaml": chartYaml("e5") }),
    args: ["e5"],
  },
  {
    name: "no values.yaml, no templates, strict",
    files: chart("e5", { "Chart.yaml": chartYaml("e5") }),
    args: ["e5", "--strict"],
  },
  {
    name: "values.yaml does not parse",
    files: chart("e6", {
      "Chart.yaml": chartYaml("e6"),
      "values.yaml": "a: [\n",
      "templates/a.yaml": cm("x"),
    }),
    args: ["e6"],
  },
  {
    name: "values.yaml is a list",
    files: chart("e8", {
      "Chart.yaml": chartYaml("e8"),
      "values.yaml": "- a\n",
      "templates/a.yaml": cm("x"),
    }),
    args: ["e8"],
  },
  ...(["", "--skip-schema-validation", "--set=a=x,b=1", "--set=b=1"] as const).map((flag) => ({
    name: `schema ${flag}`,
    files: chart("e7", {
      "Chart.yaml": chartYaml("e7"),
      "values.yaml": "a: 1\n",
      "values.schema.json": '{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}',
      "templates/a.yaml": cm("x"),
    }),
    args: flag ? ["e7", flag] : ["e7"],
  })),
  {
    name: "values file and set flags",
    files: {
      ...chart("vf", {
        "Chart.yaml": chartYaml("vf"),
        "values.yaml": "name: default\n",
        "templates/a.yaml": cm("{{ .Values.name }}"),
      }),
      "override.yaml": "name: Bad_Name\n",
    },
    args: ["vf", "-f", "override.yaml", "--set-string", "x=1"],
  },
  { name: "values file missing", files: simple("vm"), args: ["vm", "-f", "nope.yaml"] },
  // Template rules.
  {
    name: "template rules",
    files: simple("t1", {
      "templates/a.yaml": cm("Bad_Name"),
      "templates/b.yaml": "  apiVersion: v1\nkind: Service\nmetadata:\n  name: 1svc\n",
      "templates/c.yaml":
        "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ing\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dep\nspec: {}\n",
      "templates/d.json": "x",
      "templates/e.yaml": "a: b\n c: d\n",
      "templates/f.yaml": cm("never-reached"),
    }),
    args: ["t1"],
  },
  {
    name: "render error",
    files: simple("t2", { "templates/a.yaml": cm("{{ .Values.missing.x }}") }),
    args: ["t2"],
  },
  {
    name: "template parse error",
    files: simple("tp", { "templates/a.yaml": "{{ if }}\n" }),
    args: ["tp"],
  },
  {
    name: "required and fail only log",
    files: simple("t3", {
      "templates/a.yaml":
        '{{ required "need foo" .Values.foo }}\n{{ fail "boom" }}\nkind: Role\nmetadata:\n  name: "a/b"\n',
      "templates/list.yaml": "- a\n- b\n",
      "templates/m.yaml": "metadata: x\n",
    }),
    args: ["t3"],
  },
  {
    name: "struct decoding",
    files: {
      ...simple("s1", { "templates/a.yaml": "apiVersion: v1\nKIND: Service\nmetadata:\n  name: [1]\n" }),
      ...simple("s2", { "templates/a.yaml": "apiVersion: 1\nkind: Service\nmetadata:\n  name: ok\n" }),
      ...simple("s3", { "templates/a.yaml": "apiVersion: v1\nkind: Service\nmetadata: 5\n" }),
      ...simple("s4", {
        "templates/a.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ok\n  name: again\n",
      }),
      ...simple("s5", { "templates/a.yaml": "just a string\n" }),
      ...simple("s6", { "templates/a.yaml": "# only a comment\n---\n---\n" + cm("after-empty") }),
    },
    args: ["s1", "s2", "s3", "s4", "s5", "s6"],
  },
  {
    name: "names by kind",
    files: simple("n1", {
      "templates/a.yaml": [
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: 9svc\n",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: UPPER\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: '..'\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: a%b/c\n",
        "apiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nmetadata:\n  name: ANY_thing\n",
        `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${"x".repeat(254)}\n`,
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${"Y".repeat(64)}\n`,
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ok.name\n",
      ].join("---\n"),
    }),
    args: ["n1"],
  },
  {
    name: "deprecated APIs by kube version",
    files: simple("d1", {
      "templates/a.yaml": [
        "apiVersion: admissionregistration.k8s.io/v1alpha1\nkind: MutatingAdmissionPolicy\nmetadata:\n  name: x\n",
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: x\n",
        "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n",
        "apiVersion: resource.k8s.io/v1beta2\nkind: DeviceClass\nmetadata:\n  name: x\n",
        "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: x\n",
        "apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLabels: {}\n",
        "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\n",
        "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: x\n",
        "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\n",
      ].join("---\n"),
    }),
    args: ["d1"],
  },
  ...["1.20", "v1.16.0", "1.40", "1", "abc"].map((v) => ({
    name: `deprecations at --kube-version ${v}`,
    files: simple("d2", {
      "templates/a.yaml":
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: x\n---\napiVersion: resource.k8s.io/v1beta2\nkind: DeviceClass\nmetadata:\n  name: x\n",
    }),
    args: ["d2", "--kube-version", v],
  })),
  {
    name: "deprecations strict",
    files: simple("d3", {
      "templates/a.yaml": "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: x\n",
    }),
    args: ["d3", "--strict"],
  },
  {
    name: "selectors and List annotations",
    files: simple("l1", {
      "templates/a.yaml":
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: sts\nspec:\n  selector:\n    matchExpressions: []\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds\n",
      "templates/b.yaml":
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: x\n    annotations:\n      helm.sh/resource-policy: keep\n",
      "templates/c.yml": cm("{{ .Release.Name }}-{{ .Release.Namespace }}"),
      "templates/NOTES.txt": "notes {{ .Values.a }}\n",
      "templates/_helpers.tpl": '{{ define "x" }}y{{ end }}',
      "templates/sub/d.yaml": cm("Sub_Dir"),
    }),
    args: ["l1", "--namespace", "Lint_NS"],
  },
  {
    name: "templates is a file",
    files: chart("tf", { "Chart.yaml": chartYaml("tf"), "values.yaml": "", templates: "x" }),
    args: ["tf"],
  },
  // Dependencies.
  {
    name: "dependencies out of sync",
    files: {
      ...chart("p", {
        "Chart.yaml": `${chartYaml("p")}dependencies:\n- name: sub\n  version: 0.1.0\n- name: gone\n  version: 1.0.0\n  repository: https://example.com\n- name: sub\n  alias: sub\n  version: 0.1.0\n`,
        "values.yaml": "",
        "templates/a.yaml": cm("x"),
      }),
      ...chart("p/charts/sub", { "Chart.yaml": chartYaml("sub"), "templates/a.yaml": cm("Sub") }),
      ...chart("p/charts/stray", { "Chart.yaml": chartYaml("stray"), "values.yaml": "" }),
    },
    args: ["p"],
  },
  {
    name: "with subcharts",
    files: {
      ...chart("w", {
        "Chart.yaml": `${chartYaml("w")}dependencies:\n- name: sub\n  version: 0.1.0\n- name: packed\n  version: 0.1.0\n`,
        "values.yaml": "",
        "templates/a.yaml": cm("x"),
      }),
      ...chart("w/charts/sub", {
        "Chart.yaml": chartYaml("sub", "", false),
        "templates/a.yaml": cm("Sub_Bad"),
      }),
      "w/charts/packed-0.1.0.tgz": archive(
        { "Chart.yaml": chartYaml("packed", "", false), "values.yaml": "", "templates/a.yaml": cm("p") },
        "packed",
      ),
    },
    args: ["w", "--with-subcharts"],
  },
  {
    name: "with subcharts strict quiet",
    files: {
      ...chart("w", {
        "Chart.yaml": `${chartYaml("w")}dependencies:\n- name: sub\n  version: 0.1.0\n`,
        "values.yaml": "",
      }),
      ...chart("w/charts/sub", { "Chart.yaml": chartYaml("sub", "", false), "values.yaml": "" }),
    },
    args: ["w", "--with-subcharts", "--strict", "--quiet"],
  },
  {
    name: "library chart",
    files: chart("lib", {
      "Chart.yaml": chartYaml("lib", "type: library\n"),
      "values.yaml": "",
      "templates/_x.tpl": '{{ define "lib.x" }}x{{ end }}',
      "templates/cm.yaml": cm("lib"),
    }),
    args: ["lib"],
  },
  {
    name: "subchart values and conditions",
    files: {
      ...chart("cond", {
        "Chart.yaml": `${chartYaml("cond")}dependencies:\n- name: sub\n  version: 0.1.0\n  condition: sub.enabled\n`,
        "values.yaml": "sub:\n  enabled: false\n",
        "templates/a.yaml": cm("x"),
      }),
      ...chart("cond/charts/sub", { "Chart.yaml": chartYaml("sub"), "templates/a.yaml": '{{ fail "no" }}' }),
    },
    args: ["cond"],
  },
  // CRDs.
  {
    name: "crds",
    files: simple(
      "crd",
      { "templates/a.yaml": cm("x") },
      {
        "crds/good.yaml":
          "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: a.b.c\n",
        "crds/bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
        "crds/tpl.yaml": "{{ .Values.x }}\n",
      },
    ),
    args: ["crd"],
  },
  {
    name: "crds folder is a file",
    files: simple("crdf", {}, { crds: "x" }),
    args: ["crdf"],
  },
  // More shapes: JSON documents, odd Chart.yaml values, paths.
  {
    name: "json documents",
    files: {
      ...simple("j1", {
        "templates/a.yaml":
          '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_J"}}\n{"apiVersion":"v1","kind":"Service","metadata":{"name":"9"}}\n',
      }),
      ...simple("j2", {
        "templates/a.yaml": '{"apiVersion": 1, "kind": "ConfigMap", "metadata": {"name": "x"}}\n',
      }),
      ...simple("j3", {
        "templates/a.yaml": '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}\n{"kind": ]\n',
      }),
      ...simple("j4", {
        "templates/a.yaml":
          '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}\n---\nkind: Secret\nmetadata:\n  name: B_b\n',
      }),
      ...simple("j5", { "templates/a.yaml": "{{ `{` }}\n" }),
    },
    args: ["j1", "j2", "j3", "j4", "j5"],
  },
  {
    name: "chart.yaml odd values",
    files: {
      ...chart("o1", {
        "Chart.yaml": "apiVersion: v2\nname: o1\nversion: ~\nappVersion: true\n",
        "values.yaml": "",
      }),
      ...chart("o2", {
        "Chart.yaml": "apiVersion: v2\nname: o2\nversion: 1.0.0\nmaintainers:\n- null\n",
        "values.yaml": "",
      }),
      ...chart("o3", { "Chart.yaml": "- a\n", "values.yaml": "" }),
      ...chart("o4", {
        "Chart.yaml": "apiVersion: v2\nName: o4\nversion: 1.0.0\nmaintainers:\n- name: x\n  mail: y\n",
        "values.yaml": "",
      }),
      ...chart("o5", { "Chart.yaml": "apiVersion: v2\nname: o5\nversion: [1]\n", "values.yaml": "" }),
      ...chart("o6", {
        "Chart.yaml":
          "apiVersion: v2\nname: o6\nversion: 1.0.0\nicon: /relative.png\nsources: [ftp://x, 'http://a b']\n",
        "values.yaml": "",
      }),
    },
    args: ["o1", "o2", "o3", "o4", "o5", "o6"],
  },
  { name: "dot path", files: scaffold(".", "mychart"), args: ["."] },
  { name: "trailing slash", files: scaffold("mychart"), args: ["mychart/"] },
  {
    name: "namespace from the environment",
    files: simple("ns", { "templates/a.yaml": cm("{{ .Release.Namespace }}") }),
    args: ["ns"],
    env: { HELM_NAMESPACE: "Env_NS" },
  },
  {
    name: "with subcharts, nested and archives strict",
    files: {
      ...scaffold("top"),
      ...chart("top/charts/a", { "Chart.yaml": chartYaml("a"), "values.yaml": "" }),
      ...chart("top/charts/a/charts/b", { "Chart.yaml": "apiVersion: v2\nname: b\nversion: 1\n" }),
      "top/charts/z-1.0.0.tar.gz": archive({ "Chart.yaml": chartYaml("z"), "values.yaml": "" }, "z"),
    },
    args: ["--with-subcharts", "top", "--strict"],
  },
  // Archives.
  {
    name: "chart archive",
    files: {
      "pkg-0.1.0.tgz": archive(
        { "Chart.yaml": chartYaml("pkg", "", false), "values.yaml": "", "templates/a.yaml": cm("Bad_Name") },
        "pkg",
      ),
    },
    args: ["pkg-0.1.0.tgz"],
  },
  { name: "archive missing", files: simple("x"), args: ["nothere-0.1.0.tgz"] },
  { name: "archive not gzip", files: { "junk.tgz": "not a gzip" }, args: ["junk.tgz"] },
];

for (const c of cases) {
  test(`lint: ${c.name}`, async () => {
    const { helm, capstan } = await runBoth(c);
    assert.deepEqual(capstan, helm);
  });
}
