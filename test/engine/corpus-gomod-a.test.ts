// Regression cases reduced from differences found by rendering charts shipped
// inside Go modules (list A of the gomod corpus: kubernetes-sigs, cert-manager,
// kyverno, gatekeeper, dapr, aws controllers, ...) with helm 4 and capstan.
// Each case is written for this suite; expected output always comes from helm.
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";

test("kubeVersion constraints whose version lacks minor or patch but has a prerelease (>= 1.16-0)", async () => {
  const chart = (constraint: string) => ({
    "Chart.yaml": `apiVersion: v2\nname: kv\nversion: 1.0.0\nkubeVersion: "${constraint}"\n`,
    "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
  });
  // Masterminds completes "1.16-0" to 1.16.0-0 and keeps the x-range meaning
  // of the partial version for =, ~, >, <= and a bare major.
  const constraints = [
    ">= 1.16-0",
    ">1.16-0",
    "<=1.16-0",
    "1.35-0",
    "~1.34-0",
    "^1.16-0",
    "<= 1-0",
    ">=1.16-0 <1.35-0",
    "1-0",
    "!=1.35-0",
  ];
  for (const c of constraints) {
    for (const args of [
      [],
      ["--kube-version", "1.16.0"],
      ["--kube-version", "1.34.5"],
      ["--kube-version", "2.0.0"],
    ]) {
      await assertSameAsHelm(chart(c), args);
    }
  }
});
