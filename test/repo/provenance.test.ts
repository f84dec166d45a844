// Provenance both ways: capstan verifies what helm signed (same output as
// `helm verify`), helm verifies what capstan signed, and a tampered archive
// fails with both.
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { signingKeys } from "../helpers/pgp.ts";
import { runCapstan } from "./cli-run.ts";

let keys = "";
let chart = "";

before(async () => {
  keys = await signingKeys("capstan-pgp-");
  chart = writeChart(
    {
      "Chart.yaml": "apiVersion: v2\nname: signed\nversion: 1.2.3\ndescription: signed chart\n",
      "values.yaml": "a: 1\n",
    },
    "signed",
  );
});

test("helm signs, capstan verifies with helm's output", async () => {
  const dest = mkdtempSync(join(tmpdir(), "capstan-sign-h-"));
  const p = await runHelm([
    "package",
    chart,
    "-d",
    dest,
    "--sign",
    "--key",
    "Chart Signer",
    "--keyring",
    join(keys, "secring.gpg"),
  ]);
  assert.equal(p.code, 0, p.stderr);
  const args = ["verify", join(dest, "signed-1.2.3.tgz"), "--keyring", join(keys, "pubring.gpg")];
  const h = await runHelm(args);
  const c = await runCapstan(args, { cwd: dest, env: {} });
  assert.equal(h.code, 0, h.stderr);
  assert.equal(c.code, 0, c.stderr);
  assert.equal(c.stdout, h.stdout);
});

test("capstan signs, helm verifies; tampering fails for both", async () => {
  const dest = mkdtempSync(join(tmpdir(), "capstan-sign-c-"));
  const p = await runCapstan(
    ["package", chart, "-d", dest, "--sign", "--key", "Signer", "--keyring", join(keys, "secring.gpg")],
    { cwd: dest, env: {} },
  );
  assert.equal(p.code, 0, p.stderr);
  const archive = join(dest, "signed-1.2.3.tgz");
  const args = ["verify", archive, "--keyring", join(keys, "pubring.gpg")];
  const h = await runHelm(args);
  assert.equal(h.code, 0, h.stderr);
  assert.match(
    h.stdout,
    /^Signed by: Chart Signer <signer@example.com>\nUsing Key With Fingerprint: [0-9A-F]{40}\nChart Hash Verified: sha256:[0-9a-f]{64}\n$/,
  );
  assert.equal((await runCapstan(args, { cwd: dest, env: {} })).stdout, h.stdout);
  // swap in another archive under the same name: the signed digest no longer matches
  const other = writeChart({ "Chart.yaml": "apiVersion: v2\nname: signed\nversion: 1.2.3\n" }, "signed");
  const tmp = mkdtempSync(join(tmpdir(), "capstan-sign-t-"));
  await runHelm(["package", other, "-d", tmp]);
  copyFileSync(join(tmp, "signed-1.2.3.tgz"), archive);
  assert.notEqual((await runHelm(args)).code, 0);
  const c = await runCapstan(args, { cwd: dest, env: {} });
  assert.equal(c.code, 1);
  assert.match(c.stderr, /sha256 sum does not match for signed-1.2.3.tgz/);
});

test("pull --verify: same output and files as helm; an unsigned chart fails", async () => {
  const { serveStatic } = await import("./static-server.ts");
  const { readdirSync } = await import("node:fs");
  const repo = mkdtempSync(join(tmpdir(), "capstan-sign-repo-"));
  await runHelm([
    "package",
    chart,
    "-d",
    repo,
    "--sign",
    "--key",
    "Chart Signer",
    "--keyring",
    join(keys, "secring.gpg"),
  ]);
  const unsigned = writeChart({ "Chart.yaml": "apiVersion: v2\nname: plain\nversion: 0.0.1\n" }, "plain");
  await runHelm(["package", unsigned, "-d", repo]);
  await runHelm(["repo", "index", repo]);
  const s = await serveStatic(repo);
  try {
    for (const ref of ["signed", "plain"]) {
      const hd = mkdtempSync(join(tmpdir(), "capstan-vh-"));
      const cd = mkdtempSync(join(tmpdir(), "capstan-vc-"));
      const args = (d: string) => [
        "pull",
        ref,
        "--repo",
        s.url,
        "--verify",
        "--keyring",
        join(keys, "pubring.gpg"),
        "-d",
        d,
      ];
      const h = await runHelm(args(hd), { cwd: hd });
      const c = await runCapstan(args(cd), { cwd: cd, env: {} });
      assert.equal(c.code, h.code, `${ref}: ${c.stderr} / ${h.stderr}`);
      assert.equal(c.stdout, h.stdout);
      assert.deepEqual(readdirSync(cd).sort(), readdirSync(hd).sort());
    }
  } finally {
    await s.close();
  }
});
