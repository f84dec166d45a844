// `repo index` writes `generated` and every `created` as helm does: Go's
// time.Now() through RFC3339Nano, nanoseconds included (trailing zeros dropped).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "./cli-run.ts";
import { copyDir, helmPackagedRepo } from "./fixtures.ts";

const RFC3339_NANO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,8}[1-9])?(Z|[+-]\d\d:\d\d)$/;

function times(text: string): string[] {
  return [...text.matchAll(/(?:created|generated)"?: "([^"]+)"/g)].map((m) => m[1]!);
}

test("repo index: generated/created with nanoseconds, as helm writes them", async () => {
  const base = await helmPackagedRepo();
  for (const json of [false, true]) {
    const hdir = copyDir(base);
    const cdir = copyDir(base);
    const flags = json ? ["--json"] : [];
    assert.equal((await runHelm(["repo", "index", hdir, ...flags])).code, 0);
    assert.equal((await runCapstan(["repo", "index", cdir, ...flags], { cwd: cdir })).code, 0);
    const h = times(readFileSync(join(hdir, "index.yaml"), "utf8"));
    const c = times(readFileSync(join(cdir, "index.yaml"), "utf8"));
    assert.equal(c.length, h.length);
    for (const t of [...h, ...c]) assert.match(t, RFC3339_NANO);
    // Millisecond clocks would leave at most three fractional digits everywhere.
    assert.ok(
      c.some((t) => /\.\d{4,}/.test(t)),
      `no sub-millisecond digits in ${c.join(", ")}`,
    );
    const sec = (t: string) => Date.parse(t.replace(/\.\d+/, ""));
    for (const t of c) assert.ok(Math.abs(sec(t) - Date.now()) < 120_000, t);
  }
});
