// `repo index` writes the index helm writes for the same folder (timestamps aside).
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadIndex } from "../../src/repo/index-file.ts";
import { runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "./cli-run.ts";
import { copyDir, helmPackagedRepo, maskTimes } from "./fixtures.ts";

async function compare(args: string[] | ((dir: string) => string[]), prepare?: (dir: string) => void) {
  const base = await helmPackagedRepo();
  // one chart one level down, as helm's "**/*.tgz" glob finds it
  const nested = await helmPackagedRepo([{ name: "nested", version: "0.0.1" }], "sub");
  copyFileSync(join(nested, "sub", "nested-0.0.1.tgz"), join(base, "nested-copy.tgz"));
  const hdir = copyDir(base);
  const cdir = copyDir(base);
  prepare?.(hdir);
  prepare?.(cdir);
  const argsFor = (d: string) => (typeof args === "function" ? args(d) : args);
  const h = await runHelm(["repo", "index", hdir, ...argsFor(hdir)], { cwd: hdir });
  const c = await runCapstan(["repo", "index", cdir, ...argsFor(cdir)], { cwd: cdir });
  assert.equal(c.code, h.code, c.stderr);
  assert.equal(c.stderr, h.stderr.replaceAll("helm", "capstan"));
  return {
    helm: readFileSync(join(hdir, "index.yaml"), "utf8"),
    capstan: readFileSync(join(cdir, "index.yaml"), "utf8"),
  };
}

test("repo index: same index.yaml as helm (no url)", async () => {
  const r = await compare([]);
  assert.equal(maskTimes(r.capstan), maskTimes(r.helm));
});

test("repo index --url: same URLs as helm", async () => {
  const r = await compare(["--url", "https://charts.example.com/stable/"]);
  assert.match(r.helm, /https:\/\/charts.example.com\/stable\/alpha-0.1.0.tgz/);
  assert.equal(maskTimes(r.capstan), maskTimes(r.helm));
});

test("repo index --json: same JSON as helm", async () => {
  const r = await compare(["--json", "--url", "http://127.0.0.1:1/x"]);
  assert.equal(maskTimes(r.capstan), maskTimes(r.helm));
});

test("repo index --merge keeps existing records and adds new ones", async () => {
  const old = `apiVersion: v1
entries:
  alpha:
  - apiVersion: v2
    created: "2020-01-01T00:00:00Z"
    digest: olddigest
    name: alpha
    urls:
    - https://old.example.com/alpha-0.1.0.tgz
    version: 0.1.0
  zeta:
  - apiVersion: v2
    created: "2020-01-01T00:00:00Z"
    name: zeta
    urls:
    - https://old.example.com/zeta-9.9.9.tgz
    version: 9.9.9
generated: "2020-01-01T00:00:00Z"
`;
  const r = await compare(
    (d) => ["--merge", join(d, "old-index.yaml")],
    (d) => writeFileSync(join(d, "old-index.yaml"), old),
  );
  assert.match(r.helm, /zeta-9.9.9/);
  assert.equal(maskTimes(r.capstan), maskTimes(r.helm));
});

test("capstan reads an index helm wrote: versions newest first, constraints", async () => {
  const dir = await helmPackagedRepo();
  await runHelm(["repo", "index", dir]);
  const idx = loadIndex(readFileSync(join(dir, "index.yaml")), "index.yaml");
  assert.deepEqual(
    idx.entries.get("alpha")!.map((cv) => cv.get("version")),
    ["1.0.0-rc.1", "0.2.0", "0.1.0"],
  );
  assert.equal(idx.get("alpha", "").get("version"), "0.2.0");
  assert.equal(idx.get("alpha", "^0.1").get("version"), "0.1.0");
  assert.throws(() => idx.get("alpha", "5.x"), /no chart version found for alpha-5.x/);
});
