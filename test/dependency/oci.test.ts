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
import { runHelm } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { type Home, newHome, sideBySide } from "./harness.ts";

const hasRegistry = spawnSync("sh", ["-c", "command -v docker-registry"]).status === 0;
let proc: ChildProcess | undefined;
let host = "";
let home: Home;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

before(async () => {
  if (!hasRegistry) return;
  const dir = mkdtempSync(join(tmpdir(), "capstan-dep-registry-"));
  mkdirSync(join(dir, "data"));
  host = `127.0.0.1:${await freePort()}`;
  writeFileSync(
    join(dir, "config.yml"),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: ${host}\n`,
  );
  proc = spawn("docker-registry", ["serve", join(dir, "config.yml")], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const charts = await helmPackagedRepo([
    { name: "lib", version: "0.1.0" },
    { name: "lib", version: "0.2.0" },
    { name: "lib", version: "1.0.0" },
  ]);
  home = newHome();
  for (const v of ["0.1.0", "0.2.0", "1.0.0"]) {
    const r = await runHelm(["push", join(charts, `lib-${v}.tgz`), `oci://${host}/charts`, "--plain-http"], {
      env: home.env,
    });
    assert.equal(r.code, 0, r.stderr);
  }
});
after(() => {
  if (proc?.pid) process.kill(proc.pid);
});

const chart = (name: string, deps: string) =>
  `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n${deps}`;
const dep = (name: string, version: string, alias = "") =>
  `- name: ${name}\n  version: "${version}"\n  repository: oci://${host}/charts\n${alias ? `  alias: ${alias}\n` : ""}`;

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

test("oci:// errors from the registry", {
  skip: !hasRegistry,
  todo: "registry client error texts (src/registry) differ from oras's",
}, async () => {
  const tree = {
    "tags/Chart.yaml": chart("tags", dep("nope", "^5.0.0")),
    "exact/Chart.yaml": chart("exact", dep("nope", "5.0.0")),
  };
  await sideBySide(home, tree, ["dependency", "update", "tags", "--plain-http"]);
  await sideBySide(home, tree, ["dependency", "update", "exact", "--plain-http"]);
});
