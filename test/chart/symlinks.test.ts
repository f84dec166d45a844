// Symbolic links in chart folders, as helm's sympath walk follows them:
// linked files and folders are read through the link, a dangling link is an
// error unless .helmignore skips it.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compareRuns, runCapstan } from "../helpers/differential.ts";
import { runHelm } from "../helpers/oracle.ts";

const work = join(tmpdir(), `capstan-h7-symlinks-${process.pid}`);
rmSync(work, { recursive: true, force: true });
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function setup(name: string, build: (dir: string) => void): string {
  const dir = join(work, name, "c");
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  writeFileSync(
    join(dir, "templates", "files.yaml"),
    'files:\n{{- range $p, $_ := .Files.Glob "**" }}\n- {{ printf "%s=%s" $p ($.Files.Get $p | trim) | quote }}\n{{- end }}\n',
  );
  build(dir);
  return dir;
}

async function same(dir: string) {
  // Paths are the same for both runs, so no cache: the folder is rebuilt each run.
  const helm = await runHelm(["template", dir]);
  const ours = await runCapstan(["template", dir]);
  const c = compareRuns(helm, ours);
  assert.ok(c.equal, c.diff);
}

test("a linked file and a linked folder are read through the link", async () => {
  const outside = join(work, "outside");
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, "shared.txt"), "shared");
  const dir = setup("linked", (d) => {
    writeFileSync(join(d, "real.txt"), "real");
    symlinkSync(join(d, "real.txt"), join(d, "alias.txt"));
    symlinkSync(outside, join(d, "data"));
    writeFileSync(join(outside, "tpl.yaml"), "linked: {{ .Chart.Name }}\n");
    symlinkSync(join(outside, "tpl.yaml"), join(d, "templates", "linked.yaml"));
  });
  await same(dir);
});

test("a dangling link is an error", async () => {
  const dir = setup("dangling", (d) => {
    symlinkSync(join(d, "nowhere.txt"), join(d, "broken.txt"));
  });
  await same(dir);
});

test("a dangling link is an error even when .helmignore names it (helm 4.1)", async () => {
  const dir = setup("dangling-ignored", (d) => {
    symlinkSync(join(d, "nowhere.txt"), join(d, "broken.txt"));
    writeFileSync(join(d, ".helmignore"), "broken.txt\n");
  });
  await same(dir);
});

test("a linked subchart folder loads as a subchart", async () => {
  const subReal = join(work, "subreal", "s");
  mkdirSync(join(subReal, "templates"), { recursive: true });
  writeFileSync(join(subReal, "Chart.yaml"), "apiVersion: v2\nname: s\nversion: 1.0.0\n");
  writeFileSync(join(subReal, "templates", "s.yaml"), "s: {{ .Chart.Name }}\n");
  const dir = setup("linked-sub", (d) => {
    mkdirSync(join(d, "charts"));
    symlinkSync(subReal, join(d, "charts", "s"));
  });
  await same(dir);
});
