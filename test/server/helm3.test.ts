// helm 3 (v3.17.0) against capstan: it adds, searches and pulls from
// `capstan serve`; capstan reads the index helm 3 writes.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadIndexFile } from "../../src/repo/index-file.ts";
import { startServer } from "../../src/server/server.ts";
import { runHelm } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";

function home() {
  const root = mkdtempSync(join(tmpdir(), "capstan-h3-"));
  return {
    HELM_CONFIG_HOME: join(root, "c"),
    HELM_CACHE_HOME: join(root, "k"),
    HELM_DATA_HOME: join(root, "d"),
  };
}

test("helm 3 adds, searches and pulls from capstan serve", async () => {
  const archives = await helmPackagedRepo();
  const srv = await startServer({
    dir: mkdtempSync(join(tmpdir(), "capstan-h3-serve-")),
    port: 0,
    watch: false,
  });
  try {
    for (const f of readdirSync(archives).filter((n) => n.endsWith(".tgz"))) {
      const r = await fetch(`${srv.url}/api/charts`, {
        method: "POST",
        body: readFileSync(join(archives, f)) as any,
      });
      assert.equal(r.status, 201);
    }
    const env = home();
    const add = await runHelm(["repo", "add", "cs", srv.url], { version: 3, env });
    assert.equal(add.code, 0, add.stderr);
    assert.equal(add.stdout, '"cs" has been added to your repositories\n');
    const s = await runHelm(["search", "repo", "cs/", "--devel", "-o", "json"], { version: 3, env });
    assert.deepEqual(
      JSON.parse(s.stdout).map((r: { name: string; version: string }) => `${r.name}@${r.version}`),
      ["cs/alpha@1.0.0-rc.1", "cs/beta@2.3.4", "cs/gamma-db@10.0.0"],
    );
    const dest = mkdtempSync(join(tmpdir(), "capstan-h3-pull-"));
    const p = await runHelm(["pull", "cs/alpha", "--version", "0.2.0", "-d", dest], { version: 3, env });
    assert.equal(p.code, 0, p.stderr);
    assert.deepEqual(
      readFileSync(join(dest, "alpha-0.2.0.tgz")),
      readFileSync(join(archives, "alpha-0.2.0.tgz")),
    );
  } finally {
    await srv.close();
  }
});

test("capstan reads the index helm 3 writes", async () => {
  const dir = await helmPackagedRepo();
  const r = await runHelm(["repo", "index", dir, "--url", "https://example.com/c"], { version: 3 });
  assert.equal(r.code, 0, r.stderr);
  const idx = loadIndexFile(readFileSync(join(dir, "index.yaml")), "index.yaml");
  assert.deepEqual([...idx.entries.keys()].sort(), ["alpha", "beta", "gamma-db"]);
  assert.equal(idx.get("beta", "").get("urls")?.toString(), "https://example.com/c/beta-2.3.4.tgz");
  assert.equal(idx.get("gamma-db", "").get("deprecated"), true);
});
