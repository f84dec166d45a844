// A bounded load test of capstan serve on 127.0.0.1: parallel uploads of
// distinct charts while clients download the index and archives. Nothing may
// fail, every index read must be complete YAML, and at the end every archive
// must be listed with its exact digest and served byte for byte.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadIndex } from "../../src/repo/index-file.ts";
import { startServer } from "../../src/server/server.ts";
import { makeArchive } from "./archives.ts";

// The timeout only catches a hang: the run took 33 s at load 35, over half the old 60 s.
test("serve under parallel uploads and downloads loses and corrupts nothing", {
  timeout: 300_000,
}, async () => {
  const srv = await startServer({ dir: mkdtempSync(join(tmpdir(), "capstan-load-")), port: 0, watch: false });
  try {
    const charts = Array.from({ length: 60 }, (_, i) => ({
      name: `load${i % 12}`,
      version: `1.${Math.floor(i / 12)}.0`,
    }));
    const bytes = new Map(charts.map((c) => [`${c.name}-${c.version}`, makeArchive(c.name, c.version)]));
    let indexReads = 0;
    const uploads = charts.map(async (c) => {
      const r = await fetch(`${srv.url}/api/charts`, {
        method: "POST",
        body: bytes.get(`${c.name}-${c.version}`) as any,
      });
      assert.equal(r.status, 201, await r.text());
    });
    const readers = Array.from({ length: 20 }, async () => {
      for (let j = 0; j < 15; j++) {
        const r = await fetch(`${srv.url}/index.yaml`);
        assert.equal(r.status, 200);
        const text = await r.text();
        // Complete documents only: helm's key order ends with the generated time.
        assert.match(text, /^apiVersion: v1\n[\s\S]*\ngenerated: "[^"]+"\n$/);
        indexReads++;
        if (j % 5 !== 0) continue;
        const idx = loadIndex(text, "index.yaml"); // throws on a partial document
        // every archive the index lists must be downloadable and intact
        const listed = [...idx.entries.values()].flat();
        const pick = listed[j % Math.max(1, listed.length)];
        if (pick) {
          const a = await fetch(`${srv.url}/${(pick.get("urls") as string[])[0]}`);
          assert.equal(a.status, 200);
          const got = new Uint8Array(await a.arrayBuffer());
          assert.equal(createHash("sha256").update(got).digest("hex"), pick.get("digest"));
        }
      }
    });
    await Promise.all([...uploads, ...readers]);
    const final = loadIndex(await (await fetch(`${srv.url}/index.yaml`)).text(), "index.yaml");
    const listed = [...final.entries.values()].flat();
    assert.equal(listed.length, charts.length);
    for (const cv of listed) {
      const key = `${cv.get("name")}-${cv.get("version")}`;
      const want = createHash("sha256").update(bytes.get(key)!).digest("hex");
      assert.equal(cv.get("digest"), want, key);
      const a = new Uint8Array(
        await (await fetch(`${srv.url}/${(cv.get("urls") as string[])[0]}`)).arrayBuffer(),
      );
      assert.ok(Buffer.from(a).equals(Buffer.from(bytes.get(key)!)), key);
    }
    assert.equal(indexReads, 300);
  } finally {
    await srv.close();
  }
});
