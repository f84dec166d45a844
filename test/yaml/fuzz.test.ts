// Property-based differential test: generated values documents go through
// fromYaml and each writer on helm and here; every document must match.
// Fixed seed and bounded count in CI; scripts/fuzz-yaml.ts runs longer.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fuzzDocuments } from "./fuzz-run.ts";
import { describe } from "./harness.ts";

test("generated documents match helm through every writer (seed 42)", async () => {
  const r = await fuzzDocuments(42, 150);
  assert.equal(
    r.mismatches.length,
    0,
    `${r.docs - r.clean}/${r.docs} documents differ:\n${describe(r.mismatches)}`,
  );
});
