// Hostile repositories: alias-bomb and oversized indexes, archives whose
// digest contradicts the index, path-traversal archives. Clear errors, and
// nothing written (no repositories.yaml entry, no cache, no pulled file).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { expandInto } from "../../src/actions/pull.ts";
import { httpGet } from "../../src/repo/getter.ts";
import { helmEnv, runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { runCapstan } from "./cli-run.ts";
import { helmPackagedRepo } from "./fixtures.ts";
import { serveStatic } from "./static-server.ts";

function homes() {
  const root = mkdtempSync(join(tmpdir(), "capstan-hostile-"));
  return {
    root,
    env: {
      HELM_CONFIG_HOME: join(root, "c"),
      HELM_CACHE_HOME: join(root, "k"),
      HELM_DATA_HOME: join(root, "d"),
    },
  };
}

function aliasBomb(): string {
  const lines = ["apiVersion: v1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  lines.push("entries: {}", "");
  return lines.join("\n");
}

test("alias-bomb index.yaml: helm's error, within a second, nothing written", async () => {
  const dir = mkdtempSync(join(tmpdir(), "capstan-bomb-"));
  writeFileSync(join(dir, "index.yaml"), aliasBomb());
  const s = await serveStatic(dir);
  try {
    const h = homes();
    const c = homes();
    const hr = await runHelm(["repo", "add", "bomb", s.url], { env: h.env });
    const cr = await runCapstan(["repo", "add", "bomb", s.url], {
      cwd: c.root,
      env: { ...helmEnv(), ...c.env },
    });
    // Timed on a second run and in CPU time: the first run pays for loading the
    // verb's modules, and wall time follows the machine's load (2 s seen at load 40).
    const again = homes();
    const cpu0 = process.cpuUsage();
    const cr2 = await runCapstan(["repo", "add", "bomb", s.url], {
      cwd: again.root,
      env: { ...helmEnv(), ...again.env },
    });
    const cpu = process.cpuUsage(cpu0);
    assert.equal(cr2.code, 1);
    assert.ok((cpu.user + cpu.system) / 1000 < 1000, `refused quickly (${cpu.user + cpu.system} µs of CPU)`);
    assert.equal(cr.code, 1);
    assert.equal(cr.code, hr.code);
    assert.equal(stripHelmLogLines(cr.stderr).replaceAll("capstan", "helm"), stripHelmLogLines(hr.stderr));
    assert.ok(!existsSync(join(c.root, "c", "repositories.yaml")));
    assert.ok(!existsSync(join(c.root, "k", "repository", "bomb-index.yaml")));
  } finally {
    await s.close();
  }
});

test("oversized responses are cut off with a clear error", async () => {
  const server = createServer((_q, res) => {
    res.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.yaml`;
  try {
    await assert.rejects(httpGet(url, { maxBytes: 1024 * 1024 }), /larger than 1048576 bytes/);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("a downloaded archive whose digest contradicts the index is refused, nothing written", async () => {
  const dir = await helmPackagedRepo([{ name: "honest", version: "1.0.0" }]);
  await runHelm(["repo", "index", dir]);
  // swap the archive after indexing: same name, different bytes
  const other = await helmPackagedRepo([
    { name: "honest", version: "1.0.0", extra: "description: tampered\n" },
  ]);
  writeFileSync(join(dir, "honest-1.0.0.tgz"), readFileSync(join(other, "honest-1.0.0.tgz")));
  const s = await serveStatic(dir);
  try {
    const c = homes();
    const env = { ...helmEnv(), ...c.env };
    assert.equal((await runCapstan(["repo", "add", "r", s.url], { cwd: c.root, env })).code, 0);
    const dest = join(c.root, "out");
    mkdirSync(dest);
    const r = await runCapstan(["pull", "r/honest", "-d", dest], { cwd: c.root, env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^Error: digest mismatch for http:\/\/127\.0\.0\.1:\d+\/honest-1\.0\.0\.tgz/);
    assert.deepEqual(readdirSync(dest), []);
  } finally {
    await s.close();
  }
});

/** A one-entry tar.gz with the given entry name. */
function tgzWith(name: string, content: string): Uint8Array {
  const enc = new TextEncoder();
  const h = new Uint8Array(512);
  h.set(enc.encode(name), 0);
  h.set(enc.encode("0000644\0"), 100);
  h.set(enc.encode(`${content.length.toString(8).padStart(11, "0")}\0`), 124);
  h.set(enc.encode("00000000000\0"), 136);
  h[156] = 0x30;
  h.set(enc.encode("ustar\x0000"), 257);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(enc.encode(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
  const body = new Uint8Array(512);
  body.set(enc.encode(content));
  return gzipSync(Buffer.concat([h, body, new Uint8Array(1024)]));
}

test("expanding a path-traversal archive writes nothing outside (or inside) the target", () => {
  const root = mkdtempSync(join(tmpdir(), "capstan-traversal-"));
  const target = join(root, "target");
  mkdirSync(target);
  for (const bad of [
    tgzWith("c/../../escape.txt", "x"),
    tgzWith("/abs.txt", "x"),
    tgzWith("c/Chart.yaml", "apiVersion: v2\nname: ../../evil\nversion: 1.0.0\n"),
  ]) {
    assert.throws(() => expandInto(target, bad));
  }
  assert.deepEqual(readdirSync(root), ["target"]);
  assert.deepEqual(readdirSync(target), []);
});
