// Provenance over OCI: a .prov beside the archive is pushed as helm 4's
// provenance layer (layers in helm's digest order; the same manifest digest
// from helm and capstan), and `pull --prov` / `pull --verify` fetch and check it the way
// helm does (a second "Pulled:" line, the warning or error when missing).
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, runHelm, stripHelmLogLines, writeChart } from "../helpers/oracle.ts";
import { signingKeys } from "../helpers/pgp.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { freshHome, hasRegistry, type Registry, startRegistry } from "./registry-server.ts";

let reg: Registry | undefined;
let keys = "";
let signed = "";
let unsigned = "";

before(async () => {
  if (!hasRegistry) return;
  reg = await startRegistry();
  keys = await signingKeys("capstan-oci-pgp-");
  const chart = writeChart({ "Chart.yaml": "apiVersion: v2\nname: provd\nversion: 1.0.0\n" }, "provd");
  const dest = mkdtempSync(join(tmpdir(), "capstan-oci-prov-"));
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
  signed = join(dest, "provd-1.0.0.tgz");
  // The same archive without its provenance, elsewhere.
  const bare = mkdtempSync(join(tmpdir(), "capstan-oci-bare-"));
  unsigned = join(bare, "provd-1.0.0.tgz");
  copyFileSync(signed, unsigned);
});
after(() => reg?.stop());

const clean = (s: string) => stripHelmLogLines(s).replaceAll("capstan", "helm");

test("push with a .prov: provenance layer in helm's order, same digest as helm", {
  skip: !hasRegistry,
}, async () => {
  const host = reg!.host;
  const h = freshHome();
  const c = freshHome();
  const cenv = { ...helmEnv(), ...c.env };
  const login = ["registry", "login", host, "-u", "ci", "-p", "pa55", "--plain-http"];
  await runHelm(login, { env: h.env });
  await runCapstan(login, { cwd: c.root, env: cenv });
  const hp = await runHelm(["push", signed, `oci://${host}/helm`, "--plain-http"], { env: h.env });
  const cp = await runCapstan(["push", signed, `oci://${host}/capstan`, "--plain-http"], {
    cwd: c.root,
    env: cenv,
  });
  assert.equal(hp.code, 0, hp.stderr);
  assert.equal(cp.code, 0, cp.stderr);
  assert.equal(clean(cp.stderr).replace("/capstan/", "/helm/"), clean(hp.stderr));
  const auth = `Basic ${Buffer.from("ci:pa55").toString("base64")}`;
  const manifestOf = (repo: string) =>
    fetch(`http://${host}/v2/${repo}/provd/manifests/1.0.0`, {
      headers: { Accept: "application/vnd.oci.image.manifest.v1+json", Authorization: auth },
    }).then((r) => r.json() as Promise<{ layers: { mediaType: string }[] }>);
  const [hm, cm] = [await manifestOf("helm"), await manifestOf("capstan")];
  // Two layers, in helm's order (by digest, so it changes with each signature).
  assert.equal(cm.layers.length, 2);
  assert.deepEqual(cm, hm);
  // And one without provenance, for the pulls below.
  await runHelm(["push", unsigned, `oci://${host}/bare`, "--plain-http"], { env: h.env });

  const pubring = join(keys, "pubring.gpg");
  let n = 0;
  for (const [repo, flags] of [
    ["capstan", ["--prov"]],
    ["helm", ["--verify", "--keyring", pubring]],
    ["capstan", ["--verify", "--keyring", pubring, "--untar"]],
    ["bare", ["--prov"]],
    ["bare", ["--verify", "--keyring", pubring]],
    ["capstan", ["--version", "1.0.0"]],
  ] as const) {
    n++;
    const hd = join(h.root, `out-${n}`);
    const cd = join(c.root, `out-${n}`);
    mkdirSync(hd);
    mkdirSync(cd);
    const args = ["pull", `oci://${host}/${repo}/provd`, "--plain-http", ...flags];
    const hr = await runHelm([...args, "-d", hd], { env: h.env });
    const cr = await runCapstan([...args, "-d", cd], { cwd: c.root, env: cenv });
    const label = args.join(" ");
    assert.equal(cr.code, hr.code, `${label}: ${cr.stderr}`);
    assert.equal(cr.stdout, hr.stdout, label);
    assert.equal(clean(cr.stderr), clean(hr.stderr), label);
    assert.deepEqual(readdirSync(cd).sort(), readdirSync(hd).sort(), label);
    if (readdirSync(hd).includes("provd-1.0.0.tgz.prov"))
      assert.deepEqual(
        readFileSync(join(cd, "provd-1.0.0.tgz.prov")),
        readFileSync(join(hd, "provd-1.0.0.tgz.prov")),
      );
  }
});
