// `template oci://...` against a real registry (Debian's docker-registry, see
// test/registry): tags, --version exact and ranges, --devel, missing tags and
// repositories, --verify with and without a provenance layer; helm 4 and
// capstan side by side, content-cache file names included (see harness.ts).
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { signingKeys } from "../helpers/pgp.ts";
import { freshHome, hasRegistry, type Registry, startRegistry } from "../registry/registry-server.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { sideBySide } from "./harness.ts";

let reg: Registry | undefined;
let keys = "";

before(async () => {
  if (!hasRegistry) return;
  reg = await startRegistry();
  const h = freshHome();
  const push = async (archive: string, ns: string) => {
    const r = await runHelm(["push", archive, `oci://${reg!.host}/${ns}`, "--plain-http"], { env: h.env });
    assert.equal(r.code, 0, r.stderr);
  };
  const login = await runHelm(["registry", "login", reg.host, "-u", "ci", "-p", "pa55", "--plain-http"], {
    env: h.env,
  });
  assert.equal(login.code, 0, login.stderr);
  const dir = await helmPackagedRepo();
  for (const v of ["0.1.0", "0.2.0", "1.0.0-rc.1"]) await push(join(dir, `alpha-${v}.tgz`), "ns");
  keys = await signingKeys("capstan-locate-oci-pgp-");
  const chart = writeChart(
    { "Chart.yaml": "apiVersion: v2\nname: provd\nversion: 1.0.0\n", "templates/a.yaml": "a: 1\n" },
    "provd",
  );
  const dest = mkdtempSync(join(tmpdir(), "capstan-locate-oci-"));
  const p = await runHelm(
    ["package", chart, "-d", dest, "--sign", "--key", "Chart Signer", "--keyring", join(keys, "secring.gpg")],
    { env: h.env },
  );
  assert.equal(p.code, 0, p.stderr);
  await push(join(dest, "provd-1.0.0.tgz"), "signed");
  const bare = mkdtempSync(join(tmpdir(), "capstan-locate-oci-bare-"));
  copyFileSync(join(dest, "provd-1.0.0.tgz"), join(bare, "provd-1.0.0.tgz"));
  await push(join(bare, "provd-1.0.0.tgz"), "bare");
});
after(() => reg?.stop());

const t = (...args: (string | (() => string))[]) => ["template", "x", ...args, "--plain-http"];
const ref = (path: string) => () => `oci://${reg!.host}/${path}`;
const login = () => ["registry", "login", reg!.host, "-u", "ci", "-p", "pa55", "--plain-http"];

test("oci://: latest, tag in the reference, --version exact and range, --devel, missing", {
  skip: !hasRegistry,
}, async () => {
  await sideBySide([
    t(ref("ns/alpha")),
    login(),
    t(ref("ns/alpha")),
    t(ref("ns/alpha:0.1.0")),
    t(ref("ns/alpha"), "--version", "0.1.0"),
    t(ref("ns/alpha"), "--version", "^0.1"),
    t(ref("ns/alpha"), "--devel"),
    t(ref("ns/alpha"), "--version", "9"),
    t(ref("ns/nope")),
    t(ref("ns/alpha/../nope")),
    t(ref("NS/alpha")),
    t(ref("ns/alpha:-bad")),
    t(ref("ns/alpha"), "--repo", "http://127.0.0.1:1"),
  ]);
});

test("oci:// --verify: provenance layer present, missing, wrong keyring", {
  skip: !hasRegistry,
}, async () => {
  const pub = join(keys, "pubring.gpg");
  await sideBySide([
    login(),
    t(ref("signed/provd"), "--verify", "--keyring", pub),
    t(ref("bare/provd"), "--verify", "--keyring", pub),
    t(ref("signed/provd"), "--verify", "--keyring", join(keys, "secring.gpg")),
    t(ref("signed/provd"), "--username", "ci", "--password", "pa55"),
  ]);
});
