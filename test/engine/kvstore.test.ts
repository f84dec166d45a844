// A chart written in the style of the big public charts (a library sub-chart
// of helpers, tpl-rendered values, checksums of other templates, capability
// switches, validations), rendered with many value sets, against helm 4.
import { renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";
import { projectRoot } from "../helpers/oracle.ts";

const chart = join(projectRoot, "test/fixtures/engine/kvstore");
// A fixed path keeps helm's cached answer valid; written through a rename since
// another run (another clone) may be reading it right now.
const extra = join(tmpdir(), "capstan-kvstore-extra.yaml");
const extraTmp = `${extra}.${process.pid}`;
writeFileSync(
  extraTmp,
  'extraDeploy:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: "{{ .Release.Name }}-extra"\n    data:\n      k: v\n',
);
renameSync(extraTmp, extra);

const argSets = [
  "",
  "--set sentinel.enabled=true",
  "--set architecture=standalone,auth.enabled=false",
  "--set metrics.enabled=true,metrics.serviceMonitor.enabled=true --api-versions monitoring.coreos.com/v1",
  "--set networkPolicy.enabled=true,networkPolicy.allowExternal=false --kube-version 1.20.0",
  "--set replica.autoscaling.enabled=true,replica.autoscaling.targetCPU=50 --kube-version 1.22.3",
  "--set commonLabels.team=a,master.podLabels.tier=db,commonAnnotations.note=x",
  "--set global.imageRegistry=reg.example.org,image.digest=sha256:abc --set global.imagePullSecrets[0]=pull",
  "--set master.nodeAffinityPreset.type=hard,master.nodeAffinityPreset.key=zone,master.nodeAffinityPreset.values[0]=a --set master.podAntiAffinityPreset=hard",
  "--set architecture=bogus",
  "--set sentinel.enabled=true,replica.replicaCount=1",
  "--set image.tag=7.2.4",
  `-f ${extra}`,
];

for (const args of argSets) {
  test(`kvstore ${args || "(defaults)"}`, async () => {
    await assertSameAsHelm(chart, ["kv", "{chart}", ...args.split(" ").filter(Boolean)]);
  });
}
