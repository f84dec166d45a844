// `capstan lint --help` is helm's text (program name aside): flags, usages, global flags.
import assert from "node:assert/strict";
import { test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

test("lint --help as helm", async () => {
  const want = await runHelm(["lint", "--help"]);
  const got = await runCapstan(["lint", "--help"], { cwd: "/", env: helmEnv() });
  assert.equal(got.stdout.replace("capstan lint PATH", "helm lint PATH"), want.stdout);
  assert.equal(got.code, want.code);
});
