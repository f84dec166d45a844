import assert from "node:assert/strict";
import { test } from "node:test";
import { hashFuncs } from "../../src/funcs/hash.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { assertSameAsHelm, type DirectCase, goQuote } from "./oracle-b.ts";

const inputs = [
  "",
  "abc",
  "hello world\n",
  "ünïcödé ✓ 🚀",
  "x".repeat(100_000),
  Array.from({ length: 6000 }, (_, i) => String.fromCharCode(200 + (i % 50))).join(""),
];

test("sha1sum, sha256sum, sha512sum, adler32sum match helm", async () => {
  const cases: DirectCase[] = [];
  for (const name of ["sha1sum", "sha256sum", "sha512sum", "adler32sum"]) {
    for (const s of inputs) {
      cases.push({
        template: `{{ ${name} ${goQuote(s)} }}`,
        ours: () => hashFuncs[name]!.fn(s) as string,
      });
    }
  }
  await assertSameAsHelm(cases);
});

test("md5sum is not a helm 4 function", async () => {
  const [h] = await helmRenderCases([{ template: '{{ md5sum "x" }}' }]);
  assert.match(h!.error!, /function "md5sum" not defined/);
  assert.equal("md5sum" in hashFuncs, false);
});
