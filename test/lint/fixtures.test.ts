// `capstan lint` equals `helm lint` on every chart fixture of the test suite
// (plain, strict and with subcharts): real-world shapes beyond the written cases.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

const root = join(projectRoot, "test", "fixtures", "charts");
const charts = readdirSync(root).sort();

test("lint: every chart fixture as helm", async () => {
  for (const flags of [[], ["--strict", "--with-subcharts"]]) {
    const args = ["lint", ...charts, ...flags];
    const want = await runHelm(args, { cwd: root });
    const got = await runCapstan(args, { cwd: root, env: {} });
    assert.equal(got.stdout, want.stdout, flags.join(" "));
    assert.equal(got.stderr, want.stderr, flags.join(" "));
    assert.equal(got.code, want.code);
  }
});
