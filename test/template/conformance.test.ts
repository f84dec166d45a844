// text/template conformance against helm 4: several hundred small templates
// (cases.ts), each rendered by helm and by us; outputs and error texts must
// be identical.
import assert from "node:assert/strict";
import { test } from "node:test";
import { all } from "./cases.ts";
import { differences, formatDifferences } from "./harness.ts";

const cases = all.flatMap(([, cs]) => cs);
const diffs = await differences(cases);
const byCase = new Set(diffs.map((d) => d.case));

for (const [topic, cs] of all) {
  test(`text/template conformance: ${topic} (${cs.length} cases)`, () => {
    const mine = diffs.filter((d) => cs.includes(d.case));
    assert.equal(
      mine.length,
      0,
      `${mine.length} of ${cs.length} differ from helm:\n${formatDifferences(mine)}`,
    );
  });
}

test("conformance suite size", () => {
  assert.ok(cases.length >= 400, `${cases.length} cases`);
  assert.ok(byCase.size <= cases.length);
});
