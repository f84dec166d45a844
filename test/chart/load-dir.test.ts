// Reading a chart folder as helm's LoadDir does, on the edges the folder walk
// decides: the walk order (the first bad file is the one reported), files over
// the size limit, and files that are neither regular files nor folders.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compareRuns, runCapstan } from "../helpers/differential.ts";
import { runHelm } from "../helpers/oracle.ts";

const work = join(tmpdir(), `capstan-load-dir-${process.pid}`);
rmSync(work, { recursive: true, force: true });
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function setup(name: string, build: (dir: string) => void): string {
  const dir = join(work, name, "c");
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  writeFileSync(join(dir, "templates", "cm.yaml"), "kind: ConfigMap\nmetadata:\n  name: x\n");
  build(dir);
  return dir;
}

async function same(dir: string): Promise<string> {
  const helm = await runHelm(["template", dir]);
  const ours = await runCapstan(["template", dir]);
  const c = compareRuns(helm, ours);
  assert.ok(c.equal, c.diff);
  return helm.stderr;
}

test("files over the size limit: the first in helm's walk order is reported", async () => {
  const big = new Uint8Array(5 * 1024 * 1024 + 1);
  const dir = setup("big", (d) => {
    // Byte order puts "B" before "a" and "é" after both.
    for (const n of ["é.bin", "a.bin", "B.bin"]) writeFileSync(join(d, n), big);
  });
  assert.match(await same(dir), /B\.bin/);
});

test("a file just at the size limit loads", async () => {
  const dir = setup("limit", (d) => writeFileSync(join(d, "limit.bin"), new Uint8Array(5 * 1024 * 1024)));
  await same(dir);
});

test("a named pipe in the chart folder is an irregular file", async () => {
  const dir = setup("fifo", (d) => execFileSync("mkfifo", [join(d, "pipe")]));
  assert.match(await same(dir), /irregular file/);
});
