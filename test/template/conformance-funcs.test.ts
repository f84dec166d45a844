// Go's calling rules through helm's function map, against helm 4.
import assert from "node:assert/strict";
import { test } from "node:test";
import { helmFuncMap } from "../../src/funcs/index.ts";
import { funcCalls } from "./cases-funcs.ts";
import { differences, formatDifferences } from "./harness.ts";

const diffs = await differences(funcCalls, helmFuncMap());

test(`text/template calling rules through helm's functions (${funcCalls.length} cases)`, () => {
  assert.equal(
    diffs.length,
    0,
    `${diffs.length} of ${funcCalls.length} differ:\n${formatDifferences(diffs)}`,
  );
});
