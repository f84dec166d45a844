// The chart `helm create` writes, rendered plainly, with a dozen --set
// combinations, and from its packaged .tgz: byte for byte as helm 4.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";
import { helmEnv, helmPath } from "../helpers/oracle.ts";

const work = mkdtempSync(join(tmpdir(), "capstan-scaffold-"));
const chart = join(work, "webapp");
execFileSync(helmPath(), ["create", chart], { env: helmEnv() });
execFileSync(helmPath(), ["package", chart, "--destination", work], { env: helmEnv() });
const tgz = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);

const setCombos: string[][] = [
  [],
  ["--set", "replicaCount=3"],
  ["--set", "ingress.enabled=true"],
  [
    "--set",
    "ingress.enabled=true,ingress.className=nginx",
    "--set",
    "ingress.tls[0].secretName=tls",
    "--set",
    "ingress.tls[0].hosts[0]=a.example.com",
  ],
  ["--set", "autoscaling.enabled=true", "--set", "autoscaling.targetMemoryUtilizationPercentage=70"],
  ["--set", "serviceAccount.create=false"],
  ["--set", "serviceAccount.name=custom", "--set", "serviceAccount.annotations.x=y"],
  ["--set", "service.type=NodePort", "--set", "service.port=8080"],
  ["--set", "image.tag=1.25.3", "--set", "image.pullPolicy=Always"],
  ["--set", "podAnnotations.a=b", "--set", "podLabels.team=web"],
  ["--set", "resources.limits.cpu=100m", "--set", "resources.limits.memory=128Mi"],
  [
    "--set",
    "nodeSelector.disk=ssd",
    "--set",
    "tolerations[0].key=k",
    "--set",
    "tolerations[0].operator=Exists",
  ],
  ["--set", "fullnameOverride=my-full-name", "--set", "nameOverride=short"],
  ["--set-string", "replicaCount=2", "--set", "httpRoute.enabled=true"],
  ["myrelease", "--namespace", "team-a"],
];

for (const flags of setCombos) {
  test(`helm create scaffold: ${flags.join(" ") || "defaults"}`, async () => {
    await assertSameAsHelm(chart, flags);
  });
}

test("helm create scaffold from its .tgz", async () => {
  await assertSameAsHelm(tgz, []);
  await assertSameAsHelm(tgz, ["--set", "ingress.enabled=true"]);
});
