// serve notices archives added to or removed from its folder on disk and
// rebuilds the index (no upload needed).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startServer } from "../../src/server/server.ts";
import { makeArchive } from "./archives.ts";

// 60 s: a shared machine at load 40 is slow to deliver the event and rescan;
// a watcher that never sees the change still fails.
async function until(check: () => Promise<boolean>, ms = 60_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

test("archives dropped into or removed from the folder show in the index", async () => {
  const dir = mkdtempSync(join(tmpdir(), "capstan-watch-"));
  const srv = await startServer({ dir, port: 0 });
  try {
    const index = async () => (await fetch(`${srv.url}/index.yaml`)).text();
    assert.doesNotMatch(await index(), /ondisk/);
    writeFileSync(join(dir, "ondisk-0.3.0.tgz"), makeArchive("ondisk", "0.3.0"));
    assert.ok(await until(async () => /name: ondisk/.test(await index())), "added archive indexed");
    rmSync(join(dir, "ondisk-0.3.0.tgz"));
    assert.ok(await until(async () => !/ondisk/.test(await index())), "removed archive dropped");
  } finally {
    await srv.close();
  }
});
