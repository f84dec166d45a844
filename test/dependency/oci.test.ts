// oci:// dependencies against a real registry (Debian's docker-registry,
// started here) holding charts pushed by helm: version ranges resolved from
// the registry's tags, exact versions pulled as named, `Pulled:`/`Digest:`
// lines, Chart.lock and charts/ as helm 4 leaves them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runHelm } from "../helpers/oracle.ts";
import { hasRegistry, type Registry, startRegistry } from "../registry/registry-server.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { type Home, newHome, sideBySide } from "./harness.ts";

const registries: Registry[] = [];
let host = "";
let authHost = "";
let home: Home;
/** A home logged in (by helm) to the registry that requires credentials. */
let authHome: Home;

before(async () => {
  if (!hasRegistry) return;
  const open = await startRegistry(null);
  const withAuth = await startRegistry({ user: "ci", password: "pa55" });
  registries.push(open, withAuth);
  host = open.host;
  authHost = withAuth.host;
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
  for (const r of registries) r.stop();
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
