// Whole-chart differential tests: `capstan template` against `helm template`
// (helm 4) on every fixture chart under test/fixtures/charts, with value
// flags, and the same charts packed as .tgz archives.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { gzipSync } from "fflate";
import { compareRuns, differentialTemplate, runCapstan } from "../helpers/differential.ts";
import { hashFiles, readTree, runHelm } from "../helpers/oracle.ts";
import { fixturesDir } from "./harness.ts";

const withArgs: [string, string[]][] = [
  ["basic", ["--set", "replicas=3,image.tag=latest,list[1]=z,new.deep.key=true"]],
  ["basic", ["--set-json", 'image={"repo":"x","pull":[1,2]}', "--set-string", "replicas=3"]],
  ["subtree", ["--set", "alpha.b=user,beta.gamma.i=user,alpha.nested=null"]],
  ["aliases", ["--set", "frontend.port=81,web.port=9"]],
  ["conditions", ["--set", "a.enabled=true,c.enabled=false,d.on=true"]],
  ["tags", ["--set", "tags.back=true,t3.enabled=false"]],
  ["globals", ["--set", "global.region=cli,g1.global.extra=1"]],
  ["nulls", ["--set", "keep.x=null,s.sb=null"]],
  ["v1-requirements", ["--set", "dep.enabled=false"]],
  ["schema-root", ["--set", "port=0"]],
  ["schema-root", ["--set", "tags={a,1}"]],
  ["schema-sub", ["--set", "sub.x=0"]],
  ["nested-conditions", ["--set", "mid.leaf.enabled=true"]],
  ["kube-version", ["--kube-version", "1.19.0"]],
  ["kube-version", ["--kube-version", "v1.30.2-eks-1"]],
  ["basic", ["--set", "a[x]=1"]],
  ["basic", ["--set-json", "a=[1"]],
  ["hooks", ["--no-hooks"]],
  ["hooks", ["--skip-tests", "--set", "migrate.enabled=false,backup.weight=-1"]],
  ["hooks", ["--show-only", "templates/hooks.yaml"]],
  ["crds", ["--include-crds"]],
  ["crds", ["--include-crds", "--skip-crds", "--api-versions", "example.com/v1/Widget"]],
  ["files", ["--set", "dashboards.enabled=false,extraConfig=x{{ .Chart.Name }}"]],
  [
    "sentinel",
    [
      "--set",
      "auth=true,password=s3cr3t,exporter.enabled=true,exporter.serviceMonitor.enabled=true",
      "--api-versions",
      "monitoring.coreos.com/v1",
    ],
  ],
  [
    "sentinel",
    [
      "--set",
      "persistentVolume.enabled=false,hostPath.path=/tmp/{{.Release.Name}},podDisruptionBudget.maxUnavailable=1",
      "--kube-version",
      "1.20.0",
    ],
  ],
  ["sentinel", ["--set", "replicas=1,hardAntiAffinity=false,persistentVolume.storageClass=-"]],
  ["legacy", ["--kube-version", "1.13.0"]],
  ["legacy", ["--api-versions", "networking.k8s.io/v1/Ingress", "--set", "tags.front=true,db.enabled=false"]],
  ["legacy", ["--set", "tags.caches=false,global.db.enabled=false"]],
  ["deep-tree", ["--set", "global.env=stage,mid.leaf.shape=null,mid.global.newKey=1"]],
];

const fixtures = readdirSync(fixturesDir).sort();

for (const name of fixtures) {
  test(`template ${name}`, async () => {
    const c = await differentialTemplate(join(fixturesDir, name));
    assert.ok(c.equal, c.diff);
  });
}

for (const [name, args] of withArgs) {
  test(`template ${name} ${args.join(" ")}`, async () => {
    const c = await differentialTemplate(join(fixturesDir, name), args);
    assert.ok(c.equal, c.diff);
  });
}

// The fixtures packed as helm packs them: one top folder named after the chart.
function tgz(dir: string, top: string): Uint8Array {
  const files = readTree(dir);
  const enc = new TextEncoder();
  const blocks: Uint8Array[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const data = typeof content === "string" ? enc.encode(content) : content;
    const h = new Uint8Array(512);
    const name = `${top}/${relative(".", rel)}`;
    h.set(enc.encode(name).subarray(0, 100), 0);
    h.set(enc.encode("0000644\0"), 100);
    h.set(enc.encode("0000000\0"), 108);
    h.set(enc.encode("0000000\0"), 116);
    h.set(enc.encode(`${data.length.toString(8).padStart(11, "0")}\0`), 124);
    h.set(enc.encode("00000000000\0"), 136);
    h.set(enc.encode("0"), 156);
    h.set(enc.encode("ustar\u000000"), 257);
    h.set(enc.encode("        "), 148);
    let sum = 0;
    for (const b of h) sum += b;
    h.set(enc.encode(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
    blocks.push(h);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return gzipSync(out, { mtime: 0 });
}

const work = join(tmpdir(), `capstan-h7-tgz-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

for (const name of fixtures) {
  test(`template ${name}.tgz`, async () => {
    const file = join(work, `${name}-0.1.0.tgz`);
    // .helmignore applies to folders only; packing ourselves keeps ignored files in, as an archive would.
    const bytes = tgz(join(fixturesDir, name), name);
    writeFileSync(file, bytes);
    const helm = await runHelm(["template", file], { cacheKey: hashFiles({ tgz: bytes }) });
    const c = compareRuns(helm, await runCapstan(["template", file]));
    assert.ok(c.equal, c.diff);
  });
}
