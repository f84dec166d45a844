// The tar writer reproduces Go's archive/tar bytes: helm's package of a chart
// (long paths, unicode names, empty files) is decompressed, its entries are
// written again by capstan's writer, and the two tar streams must be equal.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { helmGzip } from "../../src/chart/package-gzip.ts";
import { writeTar } from "../../src/chart/package-tar.ts";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { readTgz } from "./tar-read.ts";

function concat(chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat(chunks);
}

const long = "d".repeat(60);
const chart = {
  "Chart.yaml": "apiVersion: v2\nname: tarry\nversion: 1.2.3\n",
  "values.yaml": "a: 1\n",
  "templates/cm.yaml": "kind: ConfigMap\n",
  "files/empty.txt": "",
  [`files/${long}/${long}/x.txt`]: "split into prefix and name\n",
  [`files/${"e".repeat(120)}.txt`]: "needs a PAX path record\n",
  [`files/${long}/${long}/${long}/${long}/deep.txt`]: "over 255 bytes\n",
  "files/héllo-ünïcode.txt": "non-ASCII name\n",
  "files/block.bin": "x".repeat(512),
};

test("tar writer: byte-identical to helm's archive/tar stream", async () => {
  const dir = writeChart(chart, "tarry");
  const dest = mkdtempSync(join(tmpdir(), "capstan-tar-"));
  const r = await runHelm(["package", dir, "-d", dest]);
  assert.equal(r.code, 0, r.stderr);
  const { tar, entries } = readTgz(readFileSync(join(dest, "tarry-1.2.3.tgz")));
  assert.ok(entries.some((e) => e.name.endsWith("deep.txt")));
  const ours = concat(writeTar(entries.map((e) => ({ name: e.name, data: e.data, mtime: e.mtime }))));
  assert.equal(ours.length, tar.length);
  assert.ok(Buffer.from(tar).equals(ours), "tar streams differ");
});

test("gzip framing: helm's header fields and a stream gunzip reads back", async () => {
  const dest = mkdtempSync(join(tmpdir(), "capstan-tar-"));
  const dir = writeChart({ "Chart.yaml": "apiVersion: v2\nname: gz\nversion: 0.1.0\n" }, "gz");
  await runHelm(["package", dir, "-d", dest]);
  const helmBytes = readFileSync(join(dest, "gz-0.1.0.tgz"));
  const payload = new TextEncoder().encode("hello ".repeat(1000));
  const ours = helmGzip([payload]);
  // Header up to and including the comment's NUL: magic, flags, mtime, XFL, OS, XLEN+extra, "Helm\0".
  const headerLen = 10 + 2 + 41 + 5;
  assert.deepEqual(ours.subarray(0, headerLen), new Uint8Array(helmBytes.subarray(0, headerLen)));
  const { tar } = readTgz(ours);
  assert.deepEqual(tar, payload);
});
