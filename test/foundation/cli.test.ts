import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../helpers/oracle.ts";

const bin = join(projectRoot, "bin", "capstan.js");

test("bin/capstan.js version prints a version", () => {
  const out = execFileSync(process.execPath, [bin, "version"], { encoding: "utf8" });
  assert.match(out, /^capstan v\d+\.\d+\.\d+ /);
});

test("--help lists the verbs", () => {
  const out = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  assert.match(out, /Available Commands:\n(.*\n)*\s+version\s+print the client version information/);
});

test("an unknown verb fails as helm does", () => {
  const r = spawnSync(process.execPath, [bin, "frobnicate"], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    'Error: unknown command "frobnicate" for "capstan"\nRun \'capstan --help\' for usage.\n',
  );
});

test("an unknown flag fails as helm does", () => {
  const r = spawnSync(process.execPath, [bin, "version", "--frob"], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "Error: unknown flag: --frob\n");
});
