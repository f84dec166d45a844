// `dependency update --verify`: charts signed by helm verified against the
// keyring before they reach charts/; a chart without provenance, or a wrong
// keyring, fails as helm fails.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import * as openpgp from "openpgp";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { serveStatic } from "../repo/static-server.ts";
import { type Home, newHome, sideBySide } from "./harness.ts";

let keys = "";
let home: Home;
let close: () => Promise<void> = async () => {};

async function keyPair(dir: string, name: string): Promise<void> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: "rsa",
    rsaBits: 2048,
    userIDs: [{ name, email: "signer@example.com" }],
    format: "binary",
  });
  writeFileSync(join(dir, `${name}-sec.gpg`), privateKey);
  writeFileSync(join(dir, `${name}-pub.gpg`), publicKey);
}

before(async () => {
  keys = mkdtempSync(join(tmpdir(), "capstan-dep-pgp-"));
  await keyPair(keys, "signer");
  await keyPair(keys, "stranger");
  const repo = mkdtempSync(join(tmpdir(), "capstan-dep-signed-"));
  for (const [v, sign] of [
    ["0.1.0", true],
    ["0.2.0", false],
  ] as const) {
    const dir = writeChart({ "Chart.yaml": `apiVersion: v2\nname: lib\nversion: ${v}\n` }, "lib");
    const args = ["package", dir, "-d", repo];
    if (sign) args.push("--sign", "--key", "signer", "--keyring", join(keys, "signer-sec.gpg"));
    const p = await runHelm(args);
    assert.equal(p.code, 0, p.stderr);
  }
  assert.equal((await runHelm(["repo", "index", repo])).code, 0);
  const s = await serveStatic(repo);
  close = s.close;
  home = newHome();
  assert.equal((await runHelm(["repo", "add", "signed", s.url], { env: home.env })).code, 0);
});
after(() => close());

test("dependency update --verify", async () => {
  const chart = (v: string) =>
    `apiVersion: v2\nname: p\nversion: 1.0.0\ndependencies:\n- name: lib\n  version: "${v}"\n  repository: "@signed"\n`;
  const tree = { "good/Chart.yaml": chart("0.1.0"), "unsigned/Chart.yaml": chart("0.2.0") };
  const pub = join(keys, "signer-pub.gpg");
  // helm's temporary folder is named after its process id
  const normalize = (s: string) => s.replace(/tmpcharts-\d+/g, "tmpcharts-PID");
  await sideBySide(home, tree, ["dependency", "update", "good", "--verify", "--keyring", pub], { normalize });
  await sideBySide(home, tree, ["dependency", "update", "unsigned", "--verify", "--keyring", pub]);
  await sideBySide(
    home,
    tree,
    ["dependency", "update", "good", "--verify", "--keyring", join(keys, "stranger-pub.gpg")],
    { normalize },
  );
});
