// Dependency version ranges as helm 4 matches them (Masterminds/semver v3):
// a chart declares one aliased dependency per range; an alias takes effect
// only when the subchart's version satisfies the range, so the rendered
// source paths show helm's answer for every range at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isCompatibleRange } from "../../src/chart/semver-range.ts";
import { hashFiles, runHelm, writeChart } from "../helpers/oracle.ts";

const ranges = [
  "^1.2",
  "~1.2.0",
  ">=1.0 <2",
  "1.2.x",
  "1.x",
  "*",
  ">1.2.3",
  "<=1.2.3",
  "!=1.2.3",
  "=1.2.3",
  "1.2.3 - 1.4",
  "^0.1",
  "~0",
  ">=1.0.0-0",
  "^1.0.0-0",
  "1.2",
  "v1.2.3",
  ">= 1.2, < 1.3",
  "1.2.3 || 2.x",
  "~1",
  "^0.0.1",
  "> 1",
  "=>1.2",
  "~>1.2",
  ">1.2",
  "<1.2.4",
  "1.2.3-beta",
  "x",
  "",
  "garbage",
  "<2.0.0-0",
  ">=2.0.0-alpha",
];
const versions = ["1.2.3", "0.1.0", "1.0.0-beta.1", "2.0.0-rc.1", "1.3.0", "2.0.0"];

for (const version of versions) {
  test(`ranges against ${version}`, async () => {
    const deps = ranges
      .map((r, i) => `- name: s\n  version: ${JSON.stringify(r)}\n  alias: a${i}\n`)
      .join("");
    const files = {
      "Chart.yaml": `apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n${deps}`,
      "charts/s/Chart.yaml": `apiVersion: v2\nname: s\nversion: ${version}\n`,
      "charts/s/templates/t.yaml": "n: {{ .Chart.Name }}\n",
    };
    const r = await runHelm(["template", writeChart(files, "c")], { cacheKey: hashFiles(files) });
    assert.equal(r.code, 0, r.stderr);
    const matched = new Set([...r.stdout.matchAll(/^n: a(\d+)$/gm)].map((m) => Number(m[1])));
    const ours = ranges.map((rg) => `${rg} => ${isCompatibleRange(rg, version)}`);
    const helms = ranges.map((rg, i) => `${rg} => ${matched.has(i)}`);
    assert.deepEqual(ours, helms);
  });
}
