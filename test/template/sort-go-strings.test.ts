// sortGoStrings takes the native sort when no string holds a surrogate; it
// must order exactly as compareGoStrings (Go's byte order of map keys) does.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { compareGoStrings, sortGoStrings } from "../../src/template/fmt.ts";

const unit = fc.constantFrom(
  "a",
  "b",
  "Z",
  "0",
  "/",
  "-",
  "é",
  "\u0100",
  "\ud7ff",
  "\ue000",
  "\uffff",
  "\ud83d\ude00",
  "\ud800",
  "\udc00",
);

test("sortGoStrings orders as compareGoStrings (fast-check)", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ unit, maxLength: 5 }), { maxLength: 12 }), (keys) => {
      assert.deepEqual(sortGoStrings([...keys]), [...keys].sort(compareGoStrings));
    }),
    { seed: 42, numRuns: 500 },
  );
});

test("sortGoStrings: a BMP character above the surrogates sorts below an astral one", () => {
  assert.deepEqual(sortGoStrings(["\ud83d\ude00", "\uffff", "a"]), ["a", "\uffff", "\ud83d\ude00"]);
  assert.deepEqual(sortGoStrings(["\uffff", "\ue000", "\ud7ff"]), ["\ud7ff", "\ue000", "\uffff"]);
});
