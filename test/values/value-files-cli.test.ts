// -f and --set-file through the CLI against helm 4: relative and absolute
// paths, missing files and folders, with Go's os error texts.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixturesDir } from "../chart/harness.ts";
import { compareRuns, runCapstan } from "../helpers/differential.ts";
import { runHelm } from "../helpers/oracle.ts";

const work = join(tmpdir(), `capstan-h7-valuefiles-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "folder"), { recursive: true });
writeFileSync(join(work, "one.yaml"), "replicas: 9\nimage: {tag: one}\n");
writeFileSync(join(work, "two.yaml"), "image: {repo: two}\nlist: null\n");
writeFileSync(join(work, "text.txt"), "line 1\nline 2\n");
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

const chart = join(fixturesDir, "basic");
const cases: string[][] = [
  ["-f", "one.yaml", "-f", join(work, "two.yaml")],
  ["-f", "missing.yaml"],
  ["-f", "folder"],
  ["--set-file", "a=text.txt,b=" + join(work, "text.txt")],
  ["--set-file", "a=missing.txt"],
  ["--values", "one.yaml", "--set", "replicas=1", "--set-string", "image.tag=2"],
];

for (const args of cases) {
  test(`value files: ${args.join(" ")}`, async () => {
    // Paths differ per run, so no cache key: helm runs each time (fast).
    const h = await runHelm(["template", chart, ...args], { cwd: work });
    const c = await runCapstan(["template", chart, ...args], { cwd: work });
    const r = compareRuns(h, c);
    assert.ok(r.equal, r.diff);
  });
}
