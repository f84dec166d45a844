// Fixture charts (test/fixtures/charts) through helm 4 and through our chart
// and values layers: every chart's .Values (as toJson prints them), which
// subcharts render, and helm's error text when it fails.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { capstanOutcome, fixturesDir, helmOutcome } from "./harness.ts";

const cases: [string, string[]][] = [
  ["basic", []],
  ["basic", ["--set", "replicas=3,image.tag=latest,list[1]=z,new.deep.key=true,n=null"]],
  [
    "basic",
    [
      "--set-string",
      "replicas=3",
      "--set-json",
      'image={"repo":"x","pull":[1,2]}',
      "--set-literal",
      "lit=a,b\\c",
    ],
  ],
  ["basic", ["--set", "image=null", "--set", "empty.a=1"]],
  ["subtree", []],
  ["subtree", ["--set", "alpha.b=user,beta.gamma.i=user,alpha.nested=null"]],
  ["aliases", []],
  ["aliases", ["--set", "frontend.port=81,web.port=9"]],
  ["conditions", []],
  ["conditions", ["--set", "a.enabled=true,c.enabled=false,d.on=true"]],
  ["tags", []],
  ["tags", ["--set", "tags.back=true,t3.enabled=false"]],
  ["tags", ["--set", "tags.front=false"]],
  ["import-exports", []],
  ["import-childparent", []],
  ["globals", []],
  ["globals", ["--set", "global.region=cli,global.labels.team=cli,g1.global.extra=1"]],
  ["nulls", []],
  ["nulls", ["--set", "keep.x=null,b.d=null,s.sb=null,s.x=null"]],
  ["multidoc", []],
  ["v1-requirements", []],
  ["v1-requirements", ["--set", "dep.enabled=false"]],
  ["library-user", []],
  ["library-root", []],
  ["schema-root", []],
  ["schema-root", ["--set", "port=0"]],
  ["schema-root", ["--set", "name=UPPER"]],
  ["schema-root", ["--set", "port=http"]],
  ["schema-root", ["--set", "mode=c"]],
  ["schema-root", ["--set", "tags={a,1}"]],
  ["schema-root", ["--set", "name=null"]],
  ["schema-sub", []],
  ["schema-sub", ["--set", "sub.x=0"]],
  ["schema-sub", ["--set", "sub=null"]],
  ["bad-version", []],
  ["missing-dep", []],
  ["deprecated", []],
  ["kube-version", []],
  ["kube-version-fail", []],
  ["tgz-sub", []],
  ["nested-conditions", []],
  ["nested-conditions", ["--set", "mid.leaf.enabled=true"]],
];

for (const [name, args] of cases) {
  test(`${name} ${args.join(" ")}`.trim(), async () => {
    const dir = join(fixturesDir, name);
    const helm = await helmOutcome(dir, args);
    const ours = capstanOutcome(dir, args);
    if (helm.error !== undefined) {
      assert.equal(ours.error, helm.error);
      return;
    }
    assert.equal(ours.error, undefined, `unexpected error: ${ours.error}`);
    assert.deepEqual([...ours.sources!.keys()].sort(), [...helm.sources!.keys()].sort());
    for (const [path, text] of helm.sources!) assert.equal(ours.sources!.get(path), text, path);
  });
}
