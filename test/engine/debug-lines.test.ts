// With --debug helm 4 logs slog DEBUG lines on stderr (the chart version asked
// for, the chart path, each schema it parsed, the dependency count of every
// chart in the tree); capstan prints the same lines in the same order.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { runCapstan } from "../helpers/differential.ts";
import { projectRoot, runHelm } from "../helpers/oracle.ts";

const fixtures = join(projectRoot, "test/fixtures/charts");
const cases: string[][] = [
  ["template", "deep-tree", "--debug"],
  ["template", "conditions", "--debug", "--set", "a.enabled=true"],
  ["template", "schema-sub", "--debug"],
  ["template", "schema-root", "--debug", "--set", "port=0"],
  ["template", "legacy", "--debug", "--version", "1.x"],
  ["template", "deep-tree", "--debug", "--skip-schema-validation"],
  ["template", "missing-dep", "--debug"],
  ["lint", "schema-root", "--debug"],
  ["lint", "schema-sub", "--debug", "--with-subcharts"],
];

for (const [verb, chart, ...flags] of cases) {
  test(`${verb} ${chart} ${flags.join(" ")}: helm's log lines`, async () => {
    const args = [verb!, join(fixtures, chart!), ...flags];
    const helm = await runHelm(args);
    const ours = await runCapstan(args);
    assert.match(helm.stderr, /level=DEBUG/); // the case exercises helm's debug logging
    assert.equal(ours.stderr, helm.stderr);
    assert.equal(ours.stdout, helm.stdout);
    assert.equal(ours.code, helm.code);
  });
}
