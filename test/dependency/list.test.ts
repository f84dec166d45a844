// `dependency list`: same table, statuses and warnings as helm for charts/
// holding archives, folders, strays, wrong versions and missing charts.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

async function fixture(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "capstan-deplist-"));
  const w = (rel: string, s: string) => {
    mkdirSync(join(root, rel, ".."), { recursive: true });
    writeFileSync(join(root, rel), s);
  };
  w("lib/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 0.1.0\n");
  w("lib2/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 0.2.0\n");
  w("stray/Chart.yaml", "apiVersion: v2\nname: stray\nversion: 1.0.0\n");
  w(
    "parent/Chart.yaml",
    `apiVersion: v2
name: parent
version: 1.0.0
dependencies:
  - name: lib
    version: "0.1.0"
    repository: https://example.com/charts
  - name: folder
    version: "^0.2.0"
    repository: file://../folder
  - name: gone
    version: "1.0.0"
    repository: "@stable"
  - name: lib
    alias: lib-two
    version: ">=0.1.0"
    repository: oci://registry.example.com/charts
  - name: bad
    version: "not a constraint"
    repository: https://example.com
`,
  );
  w("parent/charts/folder/Chart.yaml", "apiVersion: v2\nname: folder\nversion: 0.1.0\n");
  w("parent/charts/bad/Chart.yaml", "apiVersion: v2\nname: bad\nversion: 1.0.0\n");
  w("parent/charts/junk.tgz", "not gzip");
  for (const c of ["lib", "stray"]) {
    const r = await runHelm(["package", join(root, c), "-d", join(root, "parent", "charts")]);
    assert.equal(r.code, 0, r.stderr);
  }
  w("nodeps/Chart.yaml", "apiVersion: v2\nname: nodeps\nversion: 1.0.0\n");
  return root;
}

test("dependency list: same output as helm", async () => {
  const root = await fixture();
  const many = join(root, "many");
  cpSync(join(root, "parent"), many, { recursive: true });
  await runHelm(["package", join(root, "lib2"), "-d", join(many, "charts")]);
  for (const args of [
    ["dependency", "list", "parent"],
    ["dep", "ls", "parent", "--max-col-width", "12"],
    ["dependency", "list", "many"],
    ["dependency", "list", "nodeps"],
    ["dependency", "list", "nothere"],
    ["dependency", "list", "parent/charts/lib-0.1.0.tgz"],
  ]) {
    const h = await runHelm(args, { cwd: root });
    const c = await runCapstan(args, { cwd: root, env: {} });
    const label = args.join(" ");
    assert.equal(c.code, h.code, `${label}: ${c.stderr}`);
    assert.equal(c.stdout, h.stdout, label);
    assert.equal(c.stderr, h.stderr, label);
  }
});
