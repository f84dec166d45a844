// OCI interop against a real registry (Debian's docker-registry with htpasswd
// basic auth, started here): login/logout, push and pull both ways between
// helm 4 and capstan. The same archive pushed by either gives the same
// manifest digest; messages and the credentials file match helm's.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { freshHome, hasRegistry, type Registry, startRegistry } from "./registry-server.ts";

let reg: Registry | undefined;
let host = "";
let charts = "";

before(async () => {
  if (!hasRegistry) return;
  reg = await startRegistry();
  host = reg.host;
  charts = await helmPackagedRepo();
  // a fixed mtime: helm puts the archive's modification time into the manifest
  for (const f of ["alpha-0.1.0.tgz", "beta-2.3.4.tgz", "gamma-db-10.0.0.tgz"]) {
    utimesSync(join(charts, f), new Date("2024-05-06T07:08:09Z"), new Date("2024-05-06T07:08:09Z"));
  }
});
after(() => reg?.stop());

const home = freshHome;

const clean = (s: string) => stripHelmLogLines(s).replaceAll("capstan", "helm");

test("registry login/logout: same messages, errors and credentials file as helm", {
  skip: !hasRegistry,
}, async () => {
  const h = home();
  const c = home();
  const cenv = { ...helmEnv(), ...c.env };
  for (const args of [
    ["registry", "login", host, "-u", "ci", "-p", "wrong", "--plain-http"],
    ["registry", "login", host, "-u", "ci", "-p", "pa55", "--plain-http"],
  ]) {
    const hr = await runHelm(args, { env: h.env });
    const cr = await runCapstan(args, { cwd: c.root, env: cenv });
    assert.equal(cr.code, hr.code, cr.stderr);
    assert.equal(clean(cr.stderr), clean(hr.stderr));
    assert.equal(cr.stdout, hr.stdout);
  }
  assert.equal(
    readFileSync(join(c.root, "c", "registry", "config.json"), "utf8"),
    readFileSync(join(h.root, "c", "registry", "config.json"), "utf8"),
  );
  const hr = await runHelm(["registry", "logout", host], { env: h.env });
  const cr = await runCapstan(["registry", "logout", host], { cwd: c.root, env: cenv });
  assert.equal(clean(cr.stderr), clean(hr.stderr));
  assert.equal(
    readFileSync(join(c.root, "c", "registry", "config.json"), "utf8"),
    readFileSync(join(h.root, "c", "registry", "config.json"), "utf8"),
  );
});

test("push and pull both ways; same manifest digest for the same archive", {
  skip: !hasRegistry,
}, async () => {
  const h = home();
  const c = home();
  const cenv = { ...helmEnv(), ...c.env };
  await runHelm(["registry", "login", host, "-u", "ci", "-p", "pa55", "--plain-http"], { env: h.env });
  await runCapstan(["registry", "login", host, "-u", "ci", "-p", "pa55", "--plain-http"], {
    cwd: c.root,
    env: cenv,
  });
  // helm pushes alpha to helm/, capstan pushes the same archive to capstan/
  const hp = await runHelm(["push", join(charts, "alpha-0.1.0.tgz"), `oci://${host}/helm`, "--plain-http"], {
    env: h.env,
  });
  const cp = await runCapstan(
    ["push", join(charts, "alpha-0.1.0.tgz"), `oci://${host}/capstan`, "--plain-http"],
    {
      cwd: c.root,
      env: cenv,
    },
  );
  assert.equal(hp.code, 0, hp.stderr);
  assert.equal(cp.code, 0, cp.stderr);
  assert.equal(clean(cp.stderr).replace("/capstan/", "/helm/"), clean(hp.stderr));
  // capstan pushes beta (with maintainers and annotations); helm pulls it, and the reverse
  assert.equal(
    (
      await runCapstan(["push", join(charts, "beta-2.3.4.tgz"), `oci://${host}/capstan`, "--plain-http"], {
        cwd: c.root,
        env: cenv,
      })
    ).code,
    0,
  );
  const hdest = join(h.root, "out");
  const cdest = join(c.root, "out");
  mkdirSync(hdest);
  mkdirSync(cdest);
  const hpull = await runHelm(
    ["pull", `oci://${host}/capstan/beta`, "--version", "2.3.4", "--plain-http", "-d", hdest],
    {
      env: h.env,
    },
  );
  assert.equal(hpull.code, 0, hpull.stderr);
  assert.deepEqual(readFileSync(join(hdest, "beta-2.3.4.tgz")), readFileSync(join(charts, "beta-2.3.4.tgz")));
  const cpull = await runCapstan(
    ["pull", `oci://${host}/helm/alpha`, "--version", "0.1.0", "--plain-http", "-d", cdest],
    {
      cwd: c.root,
      env: cenv,
    },
  );
  assert.equal(cpull.code, 0, cpull.stderr);
  assert.deepEqual(
    readFileSync(join(cdest, "alpha-0.1.0.tgz")),
    readFileSync(join(charts, "alpha-0.1.0.tgz")),
  );
  // the same pull with each tool prints the same lines
  const a = await runHelm(["pull", `oci://${host}/capstan/beta`, "--plain-http", "-d", hdest, "--untar"], {
    env: h.env,
  });
  const b = await runCapstan(["pull", `oci://${host}/capstan/beta`, "--plain-http", "-d", cdest, "--untar"], {
    cwd: c.root,
    env: cenv,
  });
  assert.equal(b.code, a.code, b.stderr);
  assert.equal(clean(b.stderr), clean(a.stderr));
  assert.equal(
    readFileSync(join(cdest, "beta", "Chart.yaml"), "utf8"),
    readFileSync(join(hdest, "beta", "Chart.yaml"), "utf8"),
  );
  // bad credentials for a pull: helm's wording
  const fresh = home();
  const x = await runHelm(["pull", `oci://${host}/helm/alpha`, "--version", "0.1.0", "--plain-http"], {
    env: fresh.env,
    cwd: fresh.root,
  });
  const y = await runCapstan(["pull", `oci://${host}/helm/alpha`, "--version", "0.1.0", "--plain-http"], {
    cwd: fresh.root,
    env: { ...helmEnv(), ...fresh.env },
  });
  assert.equal(y.code, x.code);
  assert.notEqual(x.code, 0);
});
