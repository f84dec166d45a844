// oci:// dependencies against a real registry (Debian's docker-registry,
// started here) holding charts pushed by helm: version ranges resolved from
// the registry's tags, exact versions pulled as named, `Pulled:`/`Digest:`
// lines, Chart.lock and charts/ as helm 4 leaves them.
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import bcrypt from "bcryptjs";
import { runHelm } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { type Home, newHome, sideBySide } from "./harness.ts";

const hasRegistry = spawnSync("sh", ["-c", "command -v docker-registry"]).status === 0;
const procs: ChildProcess[] = [];
let host = "";
let authHost = "";
let home: Home;
/** A home logged in (by helm) to the registry that requires credentials. */
let authHome: Home;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Starts docker-registry on a free port (with htpasswd basic auth when auth is set); returns host:port. */
async function startRegistry(auth?: { user: string; password: string }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "capstan-dep-registry-"));
  mkdirSync(join(dir, "data"));
  const addr = `127.0.0.1:${await freePort()}`;
  let config = `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: ${addr}\n`;
  if (auth) {
    writeFileSync(join(dir, "htpasswd"), `${auth.user}:${bcrypt.hashSync(auth.password, 4)}\n`);
    config += `auth:\n  htpasswd:\n    realm: basic-realm\n    path: ${dir}/htpasswd\n`;
  }
  writeFileSync(join(dir, "config.yml"), config);
  procs.push(spawn("docker-registry", ["serve", join(dir, "config.yml")], { stdio: "ignore" }));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://${addr}/v2/`).then(
      (r) => r.ok || r.status === 401,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return addr;
}

before(async () => {
  if (!hasRegistry) return;
  host = await startRegistry();
  authHost = await startRegistry({ user: "ci", password: "pa55" });
  const charts = await helmPackagedRepo([
    { name: "lib", version: "0.1.0" },
    { name: "lib", version: "0.2.0" },
    { name: "lib", version: "1.0.0" },
    { name: "lib", version: "1.2.0+build.7" },
  ]);
  home = newHome();
  authHome = newHome();
  const login = await runHelm(["registry", "login", authHost, "-u", "ci", "-p", "pa55", "--plain-http"], {
    env: authHome.env,
  });
  assert.equal(login.code, 0, login.stderr);
  const plus = await runHelm(
    ["push", join(charts, "lib-1.2.0+build.7.tgz"), `oci://${host}/charts`, "--plain-http"],
    { env: home.env },
  );
  assert.equal(plus.code, 0, plus.stderr);
  for (const v of ["0.1.0", "0.2.0", "1.0.0"]) {
    for (const [h, e] of [
      [host, home],
      [authHost, authHome],
    ] as const) {
      const r = await runHelm(["push", join(charts, `lib-${v}.tgz`), `oci://${h}/charts`, "--plain-http"], {
        env: e.env,
      });
      assert.equal(r.code, 0, r.stderr);
    }
  }
});
after(() => {
  for (const p of procs) if (p.pid) process.kill(p.pid);
});

const chart = (name: string, deps: string) =>
  `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n${deps}`;
const dep = (name: string, version: string, alias = "", at = host) =>
  `- name: ${name}\n  version: "${version}"\n  repository: oci://${at}/charts\n${alias ? `  alias: ${alias}\n` : ""}`;

test("dependency update/build with oci:// dependencies", { skip: !hasRegistry }, async () => {
  const tree = {
    "o/Chart.yaml": chart("o", dep("lib", "^0.1.0") + dep("lib", "1.0.0", "l2") + dep("lib", "~0.2", "l3")),
    "nomatch/Chart.yaml": chart("nomatch", dep("lib", "^5.0.0")),
  };
  const r = await sideBySide(home, tree, ["dependency", "update", "o", "--plain-http"]);
  assert.match(r.hErr, /^Pulled: /);
  await sideBySide(home, tree, ["dependency", "update", "nomatch", "--plain-http"]);
  const lock = readFileSync(join(r.hDir, "o", "Chart.lock"), "utf8");
  await sideBySide(home, { ...tree, "o/Chart.lock": lock }, ["dependency", "build", "o", "--plain-http"]);
  await sideBySide(home, tree, ["package", "-u", "o", "--plain-http", "-d", "out"]);
});

test("oci:// versions with build metadata (tags with _) and the same version twice", {
  skip: !hasRegistry,
}, async () => {
  const tree = {
    "b/Chart.yaml": chart("b", dep("lib", ">=1.1.0") + dep("lib", "1.2.0+build.7", "again")),
  };
  const r = await sideBySide(home, tree, ["dependency", "update", "b", "--plain-http"]);
  assert.match(r.hErr, /contains an underscore/);
});

test("oci:// errors from the registry", {
  skip: !hasRegistry,
}, async () => {
  const tree = {
    "tags/Chart.yaml": chart("tags", dep("nope", "^5.0.0")),
    "exact/Chart.yaml": chart("exact", dep("nope", "5.0.0")),
  };
  await sideBySide(home, tree, ["dependency", "update", "tags", "--plain-http"]);
  await sideBySide(home, tree, ["dependency", "update", "exact", "--plain-http"]);
});

test("oci:// dependencies from a registry that needs the credentials of `registry login`", {
  skip: !hasRegistry,
}, async () => {
  const tree = {
    "a/Chart.yaml": chart("a", dep("lib", "^0.2.0", "", authHost) + dep("lib", "1.0.0", "exact", authHost)),
  };
  const r = await sideBySide(authHome, tree, ["dependency", "update", "a", "--plain-http"]);
  assert.equal(r.hCode, 0, r.hErr);
  // the same registry with no login: both fail
  await sideBySide(home, tree, ["dependency", "update", "a", "--plain-http"]);
  // --username/--password reach the registry client without a login
  await sideBySide(home, tree, [
    "dependency",
    "update",
    "a",
    "--plain-http",
    "--username",
    "ci",
    "--password",
    "pa55",
  ]);
});
