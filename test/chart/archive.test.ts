// Chart archives against helm 4: hostile and corrupt archives given as the
// chart and as a subchart .tgz in charts/, and archives that load.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "fflate";
import { loadArchive } from "../../src/chart/load.ts";
import { readTar } from "../../src/chart/tar.ts";
import { loadChartPath } from "../../src/node/fs-load.ts";
import { hashFiles, runHelm } from "../helpers/oracle.ts";
import { helmErrorMessage } from "../helpers/template-cases.ts";

type Entry = { name: string; data?: string; type?: "sym" | "dir" | "link"; link?: string; size?: number };

function octal(n: number, len: number): string {
  return `${n.toString(8).padStart(len - 1, "0")}\0`;
}

// A minimal ustar writer, so tests control every header field.
function tar(entries: Entry[], { trailer = true } = {}): Uint8Array {
  const blocks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const e of entries) {
    const h = new Uint8Array(512);
    const put = (s: string, off: number) => h.set(enc.encode(s).subarray(0, s.length), off);
    const data = enc.encode(e.data ?? "");
    put(e.name, 0);
    put(octal(e.type === "dir" ? 0o755 : 0o644, 8), 100);
    put(octal(0, 8), 108);
    put(octal(0, 8), 116);
    put(octal(e.size ?? data.length, 12), 124);
    put(octal(0, 12), 136);
    put(e.type === "sym" ? "2" : e.type === "dir" ? "5" : e.type === "link" ? "1" : "0", 156);
    if (e.link) put(e.link, 157);
    put("ustar\0", 257);
    put("00", 263);
    put("        ", 148);
    let sum = 0;
    for (const b of h) sum += b;
    put(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    blocks.push(h);
    if (data.length > 0) {
      const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
      padded.set(data);
      blocks.push(padded);
    }
  }
  if (trailer) blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}

const CY = "apiVersion: v2\nname: x\nversion: 1.0.0\n";
const TPL = "a: {{ .Chart.Name }}\n";
const ok: Entry[] = [
  { name: "x/Chart.yaml", data: CY },
  { name: "x/templates/a.yaml", data: TPL },
];

const archives: Record<string, Uint8Array> = {
  good: gzipSync(tar(ok)),
  "dir-entries": gzipSync(tar([{ name: "x/", type: "dir" }, { name: "x/templates/", type: "dir" }, ...ok])),
  backslashes: gzipSync(
    tar([
      { name: "x\\Chart.yaml", data: CY },
      { name: "x\\templates\\a.yaml", data: TPL },
    ]),
  ),
  bom: gzipSync(tar([{ name: "x/Chart.yaml", data: `\ufeff${CY}` }, ok[1]!])),
  dotdot: gzipSync(tar([...ok, { name: "x/../../etc/passwd", data: "x" }])),
  "dotdot-inner": gzipSync(tar([...ok, { name: "x/templates/../../../y", data: "x" }])),
  absolute: gzipSync(tar([...ok, { name: "/etc/passwd", data: "x" }])),
  "abs-after-strip": gzipSync(tar([...ok, { name: "x//etc/passwd", data: "x" }])),
  "drive-letter": gzipSync(tar([...ok, { name: "x/c:/windows", data: "x" }])),
  "root-chart-yaml": gzipSync(tar([{ name: "Chart.yaml", data: CY }])),
  "chart-yaml-not-base": gzipSync(tar([{ name: "Chart.yaml/x", data: CY }, ...ok])),
  "base-only": gzipSync(tar([...ok, { name: "x", data: "" }])),
  symlink: gzipSync(tar([...ok, { name: "x/templates/l.yaml", type: "sym", link: "/etc/passwd" }])),
  hardlink: gzipSync(tar([...ok, { name: "x/files/h", type: "link", link: "x/Chart.yaml" }])),
  "no-chart-yaml": gzipSync(tar([{ name: "x/values.yaml", data: "a: 1\n" }])),
  empty: gzipSync(tar([])),
  "truncated-tar": gzipSync(tar(ok).subarray(0, 700)),
  "bad-header": gzipSync(new Uint8Array(1024).fill(120)),
  "size-lies": gzipSync(tar([{ name: "x/Chart.yaml", data: CY, size: 5000 }], { trailer: false })),
  "truncated-gzip": gzipSync(tar(ok)).subarray(0, 40),
  "short-gzip": new TextEncoder().encode("hello\n"),
  "not-gzip": new Uint8Array(600).fill(65),
  "bad-chart-yaml": gzipSync(tar([{ name: "x/Chart.yaml", data: "name: [\n" }, ok[1]!])),
  "file-over-5MiB": gzipSync(tar([...ok, { name: "x/blob", data: "\0".repeat(6_000_000) }]), { level: 1 }),
  "total-over-100MiB": gzipSync(
    tar([
      ...ok,
      ...Array.from({ length: 27 }, (_, i) => ({ name: `x/f${i}`, data: "\0".repeat(4_000_000) })),
    ]),
    { level: 1 },
  ),
  "v3-chart": gzipSync(tar([{ name: "x/Chart.yaml", data: "apiVersion: v3\nname: x\nversion: 1.0.0\n" }])),
};

const work = join(tmpdir(), `capstan-h7-archives-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

function helmErr(r: { code: number; stdout: string; stderr: string }): string {
  return r.code === 0 ? `OK ${r.stdout}` : `Error: ${helmErrorMessage(r.stderr)}`;
}

// YAML syntax error texts come from src/yaml.
for (const [name, bytes] of Object.entries(archives)) {
  test(`archive as the chart: ${name}`, async () => {
    const file = join(work, `${name}.tgz`);
    writeFileSync(file, bytes);
    const r = await runHelm(["template", file], { cacheKey: hashFiles({ f: bytes }) });
    let ours: string;
    try {
      const c = loadChartPath(file);
      ours = `OK ${c.name()} ${c.templates.map((t) => t.name).join(",")}`;
    } catch (e) {
      ours = `Error: ${(e as Error).message}`;
    }
    if (r.code === 0) assert.match(ours, /^OK /, ours);
    else assert.equal(ours, helmErr(r));
  });

  test(`archive as a subchart: ${name}`, async () => {
    const dir = join(work, `parent-${name}`);
    mkdirSync(join(dir, "charts"), { recursive: true });
    writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: parent\nversion: 1.0.0\n");
    writeFileSync(join(dir, "charts", "sub.tgz"), bytes);
    const r = await runHelm(["template", dir], { cacheKey: hashFiles({ f: bytes, p: "parent" }) });
    let ours: string;
    try {
      const c = loadChartPath(dir);
      ours = `OK ${c
        .dependencies()
        .map((d) => d.name())
        .join(",")}`;
    } catch (e) {
      ours = `Error: ${(e as Error).message}`;
    }
    if (r.code === 0) assert.match(ours, /^OK /, ours);
    else assert.equal(ours, helmErr(r));
  });
}

test("a folder with a file over 5 MiB", async () => {
  const dir = join(work, "bigdir", "c");
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), CY);
  writeFileSync(join(dir, "blob.txt"), new Uint8Array(5 * 1024 * 1024 + 1));
  const r = await runHelm(["template", dir], { cacheKey: "bigdir-5MiB+1" });
  assert.throws(() => loadChartPath(dir), { message: helmErrorMessage(r.stderr) });
});

test("a chart archive's files, BOM trimmed and names relative to the chart folder", () => {
  const c = loadArchive(archives.bom!);
  assert.equal(c.name(), "x");
  assert.deepEqual(
    c.raw.map((f) => f.name),
    ["Chart.yaml", "templates/a.yaml"],
  );
});

test("decompression bombs stop at helm's 100 MiB budget without inflating everything", () => {
  // 150 MiB of zeros in one file compresses to ~150 KiB.
  const big = new Uint8Array(150 * 1024 * 1024);
  const header = tar([{ name: "x/big", data: "", size: big.length }], { trailer: false });
  const whole = new Uint8Array(header.length + big.length + 1024);
  whole.set(header);
  const gz = gzipSync(whole, { level: 1 });
  assert.throws(() => loadArchive(gz), /unable to load chart archive/);
});

test("readTar rejects a lone zero block followed by data", () => {
  const t = tar(ok, { trailer: false });
  const bad = new Uint8Array(t.length + 1024);
  bad.set(t.subarray(0, 1024), 0);
  bad.set(t.subarray(0, 512), 1536);
  assert.throws(() => readTar(bad));
});
