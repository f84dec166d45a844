// Property-based differential test: templates generated from the grammar
// (gen.ts) with generated values, rendered by helm 4 and by us. Fixed seed and
// bounded count here; scripts/fuzz-template.ts runs it longer.
import assert from "node:assert/strict";
import { test } from "node:test";
import { generateCases } from "./gen.ts";
import { differences, formatDifferences } from "./harness.ts";

const SEED = 42;
const COUNT = 200;
const cases = generateCases(SEED, COUNT);
const diffs = await differences(cases);

test(`generated templates render as helm renders them (seed ${SEED}, ${COUNT} cases)`, () => {
  assert.equal(
    diffs.length,
    0,
    `${diffs.length} of ${cases.length} differ:\n${formatDifferences(diffs.slice(0, 10))}`,
  );
});
