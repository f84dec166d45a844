// Property test: random printf directives over random doubles, int64s and
// strings render exactly as helm renders them. Fixed seed and bounded count in
// CI; scripts/fmt-fuzz.ts runs it longer with other seeds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fuzzFmt } from "./fmt-gen.ts";

test("fmt property: 600 random printf directives match helm (seed 42)", async () => {
  const { runs, failures } = await fuzzFmt(42, 600);
  assert.equal(runs, 600);
  assert.equal(
    failures.length,
    0,
    `${failures.length} of ${runs} differ:\n${failures.slice(0, 30).join("\n")}`,
  );
});
