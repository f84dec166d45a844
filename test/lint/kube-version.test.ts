// --kube-version parsing (k8s.io/apimachinery's ParseGeneric, as helm 4 does):
// the printed .Capabilities.KubeVersion and the error texts equal helm's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

const chart = writeChart({
  "Chart.yaml": "apiVersion: v2\nname: kv\nversion: 0.1.0\n",
  "templates/a.yaml":
    "v: {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }}\n",
});

const versions = [
  "1.2.3.4",
  "v1.19",
  " 1.20",
  "1.20-rc.1+abc",
  "1.20junk",
  "01.2",
  "1.02",
  "1",
  "abc",
  "99999999999999999999.1",
];

test("template --kube-version: same version fields and errors as helm", async () => {
  for (const v of versions) {
    const args = ["template", "x", chart, "--kube-version", v];
    const want = await runHelm(args, { cacheKey: "kube-version" });
    const got = await runCapstan(args, { cwd: "/" });
    assert.deepEqual(got, want, v);
  }
});
