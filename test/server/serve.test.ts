// capstan serve against helm 4: helm adds, searches and pulls from it; uploads
// and deletes through ChartMuseum's API; basic auth; hostile uploads change
// nothing. Expected outputs come from helm run against a plain static server
// over a helm-indexed folder of the same archives.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { serveStatic } from "../repo/static-server.ts";

let srv: RunningServer;
let staticURL = "";
let closeStatic: () => Promise<void>;
let archives: string; // folder of helm-packaged archives
const auth = { username: "ci", password: "pa55" };
const basic = `Basic ${Buffer.from("ci:pa55").toString("base64")}`;

before(async () => {
  archives = await helmPackagedRepo();
  const indexed = await helmPackagedRepo();
  await runHelm(["repo", "index", indexed]);
  const s = await serveStatic(indexed);
  staticURL = s.url;
  closeStatic = s.close;
  srv = await startServer({ dir: mkdtempSync(join(tmpdir(), "capstan-serve-")), port: 0, ...auth });
});
after(async () => {
  await srv.close();
  await closeStatic();
});

function helmHome() {
  const root = mkdtempSync(join(tmpdir(), "capstan-serve-home-"));
  return {
    HELM_CONFIG_HOME: join(root, "c"),
    HELM_CACHE_HOME: join(root, "k"),
    HELM_DATA_HOME: join(root, "d"),
  };
}

async function upload(bytes: Uint8Array, opts: { multipart?: boolean; auth?: string } = {}) {
  let body: Uint8Array | FormData = bytes;
  if (opts.multipart) {
    const fd = new FormData();
    fd.append("chart", new Blob([bytes]), "chart.tgz");
    body = fd;
  }
  const r = await fetch(`${srv.url}/api/charts`, {
    method: "POST",
    body: body as any,
    headers: opts.auth === "" ? {} : { Authorization: opts.auth ?? basic },
  });
  return { status: r.status, body: await r.text() };
}

test("uploads (raw and multipart), then helm adds, searches and pulls from capstan serve", async () => {
  const files = readdirSync(archives)
    .filter((f) => f.endsWith(".tgz"))
    .sort();
  for (const [i, f] of files.entries()) {
    const r = await upload(readFileSync(join(archives, f)), { multipart: i % 2 === 1 });
    assert.equal(r.status, 201, r.body);
  }
  const dup = await upload(readFileSync(join(archives, files[0]!)));
  assert.equal(dup.status, 409);
  assert.match(dup.body, /already exists/);

  const viaServe = helmHome();
  const viaStatic = helmHome();
  const add = await runHelm(["repo", "add", "cs", srv.url, "--username", "ci", "--password", "pa55"], {
    env: viaServe,
  });
  assert.equal(add.code, 0, add.stderr);
  await runHelm(["repo", "add", "cs", staticURL], { env: viaStatic });
  for (const args of [
    ["search", "repo", "cs/", "--versions", "--devel"],
    ["search", "repo", "alpha", "-o", "json"],
    ["search", "repo", "db"],
  ]) {
    const a = await runHelm(args, { env: viaServe });
    const b = await runHelm(args, { env: viaStatic });
    assert.equal(a.stdout, b.stdout, args.join(" "));
  }
  const dest = mkdtempSync(join(tmpdir(), "capstan-serve-pull-"));
  const p = await runHelm(["pull", "cs/beta", "-d", dest], { env: viaServe });
  assert.equal(p.code, 0, p.stderr);
  assert.deepEqual(
    readFileSync(join(dest, "beta-2.3.4.tgz")),
    readFileSync(join(archives, "beta-2.3.4.tgz")),
  );
});

test("basic auth: helm's error for wrong credentials matches a plain server's 401", async () => {
  const authStatic = await serveStatic(archives, auth);
  try {
    const a = await runHelm(["repo", "add", "x", srv.url, "--username", "ci", "--password", "nope"], {
      env: helmHome(),
    });
    const b = await runHelm(["repo", "add", "x", authStatic.url, "--username", "ci", "--password", "nope"], {
      env: helmHome(),
    });
    assert.equal(a.code, 1);
    assert.equal(
      stripHelmLogLines(a.stderr).replaceAll(srv.url, "<URL>"),
      stripHelmLogLines(b.stderr).replaceAll(authStatic.url, "<URL>"),
    );
  } finally {
    await authStatic.close();
  }
  assert.equal((await upload(new Uint8Array([1]), { auth: "" })).status, 401);
  assert.equal((await fetch(`${srv.url}/health`)).status, 200);
});

test("delete removes the version from the index helm sees", async () => {
  const r = await fetch(`${srv.url}/api/charts/alpha/0.1.0`, {
    method: "DELETE",
    headers: { Authorization: basic },
  });
  assert.equal(r.status, 200);
  assert.equal(
    (
      await fetch(`${srv.url}/api/charts/alpha/0.1.0`, {
        method: "DELETE",
        headers: { Authorization: basic },
      })
    ).status,
    404,
  );
  const env = helmHome();
  await runHelm(["repo", "add", "cs", srv.url, "--username", "ci", "--password", "pa55"], { env });
  const s = await runHelm(["search", "repo", "cs/alpha", "--versions"], { env });
  assert.doesNotMatch(s.stdout, /0\.1\.0/);
  assert.match(s.stdout, /0\.2\.0/);
});

/** A tar with one entry of the given name, gzipped (a hostile archive). */
function hostileTgz(name: string, content = "x"): Uint8Array {
  const h = new Uint8Array(512);
  const enc = new TextEncoder();
  h.set(enc.encode(name).subarray(0, 100), 0);
  h.set(enc.encode("0000644\0"), 100);
  h.set(enc.encode("0000000\0"), 108);
  h.set(enc.encode("0000000\0"), 116);
  h.set(enc.encode(`${content.length.toString(8).padStart(11, "0")}\0`), 124);
  h.set(enc.encode("00000000000\0"), 136);
  h[156] = 0x30;
  h.set(enc.encode("ustar\0" + "00"), 257);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(enc.encode(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
  const body = new Uint8Array(Math.ceil(content.length / 512) * 512);
  body.set(enc.encode(content));
  return gzipSync(new Uint8Array([...h, ...body, ...new Uint8Array(1024)]));
}

test("hostile uploads are refused and nothing is written", async () => {
  const before = readdirSync(srv.store.dir).sort();
  const indexBefore = srv.store.indexYAML;
  const cases: Uint8Array[] = [
    new TextEncoder().encode("not an archive"),
    hostileTgz("../../etc/passwd"),
    hostileTgz("/abs/Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0\n"),
    hostileTgz("evil/Chart.yaml", "apiVersion: v2\nname: ../../evil\nversion: 1.0.0\n"),
    gzipSync(new Uint8Array(200 * 1024 * 1024)), // a zero-filled "bomb"
  ];
  for (const c of cases) {
    const r = await upload(c);
    assert.ok(r.status === 400 || r.status === 413, `status ${r.status}: ${r.body}`);
  }
  assert.deepEqual(readdirSync(srv.store.dir).sort(), before);
  assert.equal(srv.store.indexYAML, indexBefore);
});
