// `pull oci://` against a real registry, helm 4 and capstan side by side: the
// registry's error texts as oras prints them (error codes, messages, details;
// a missing tag as FetchReference's "not found"), credentials missing, and the
// underscore notice for versions with build metadata.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { freshHome, hasRegistry, type Registry, startRegistry } from "./registry-server.ts";

let reg: Registry | undefined;
let host = "";
type Home = ReturnType<typeof freshHome>;
let loggedIn: Home;
let plusChart = "";

before(async () => {
  if (!hasRegistry) return;
  reg = await startRegistry();
  host = reg.host;
  const charts = await helmPackagedRepo([
    { name: "lib", version: "0.1.0" },
    { name: "lib", version: "1.2.0+build.7" },
  ]);
  plusChart = join(charts, "lib-1.2.0+build.7.tgz");
  loggedIn = freshHome();
  const login = await runHelm(["registry", "login", host, "-u", "ci", "-p", "pa55", "--plain-http"], {
    env: loggedIn.env,
  });
  assert.equal(login.code, 0, login.stderr);
  for (const [f, at] of [
    ["lib-0.1.0.tgz", "charts"],
    ["lib-1.2.0+build.7.tgz", "charts"],
    ["lib-0.1.0.tgz", "under_score"],
  ]) {
    const r = await runHelm(["push", join(charts, f!), `oci://${host}/${at}`, "--plain-http"], {
      env: loggedIn.env,
    });
    assert.equal(r.code, 0, r.stderr);
  }
});
after(() => reg?.stop());

/** Runs one pull with helm and capstan from the same kind of home; same exit code, stdout and stderr. */
async function samePull(home: Home, args: string[]) {
  const hdir = join(home.root, "h");
  const cdir = join(home.root, "c-out");
  mkdirSync(hdir, { recursive: true });
  mkdirSync(cdir, { recursive: true });
  const h = await runHelm(["pull", ...args, "--plain-http", "-d", hdir], { env: home.env, cwd: home.root });
  const c = await runCapstan(["pull", ...args, "--plain-http", "-d", cdir], {
    cwd: home.root,
    env: { ...helmEnv(), ...home.env },
  });
  const what = args.join(" ");
  assert.equal(c.code, h.code, `${what}: exit code\n${c.stderr}`);
  assert.equal(c.stdout, h.stdout, `${what}: stdout`);
  assert.equal(
    stripHelmLogLines(c.stderr).replaceAll("capstan", "helm"),
    stripHelmLogLines(h.stderr),
    `${what}: stderr`,
  );
  return h;
}

test("pull oci:// errors: unknown repository, unknown tag, no credentials", {
  skip: !hasRegistry,
}, async () => {
  // tags/list of an unknown repository: NAME_UNKNOWN with its detail map
  const a = await samePull(loggedIn, [`oci://${host}/charts/nope`, "--version", "^1.0.0"]);
  assert.match(a.stderr, /name unknown: .*: map\[name:charts\/nope\]/);
  // no tag given: the newest tag is looked up
  await samePull(loggedIn, [`oci://${host}/charts/nope`]);
  // exact versions: the manifest fetch fails (unknown tag of a known repository, unknown repository)
  const b = await samePull(loggedIn, [`oci://${host}/charts/lib`, "--version", "9.9.9"]);
  assert.match(b.stderr, /failed to perform "FetchReference" on source: .*: not found/);
  await samePull(loggedIn, [`oci://${host}/charts/nope`, "--version", "1.0.0"]);
  await samePull(loggedIn, [`oci://${host}/charts/lib:9.9.9`]);
  // no version matches the range
  await samePull(loggedIn, [`oci://${host}/charts/lib`, "--version", "^5.0.0"]);
  // not logged in: the registry answers 401
  const fresh = freshHome();
  const c = await samePull(fresh, [`oci://${host}/charts/lib`, "--version", "0.1.0"]);
  assert.notEqual(c.code, 0);
  await samePull(fresh, [`oci://${host}/charts/lib`, "--version", "^0.1.0"]);
});

test("pull oci:// notices for references with an underscore", { skip: !hasRegistry }, async () => {
  const a = await samePull(loggedIn, [`oci://${host}/charts/lib`, "--version", "1.2.0+build.7"]);
  assert.match(a.stderr, /contains an underscore/);
  await samePull(loggedIn, [`oci://${host}/charts/lib`, "--version", ">1.0.0"]);
  // an underscore in the repository path counts too
  const b = await samePull(loggedIn, [`oci://${host}/under_score/lib`, "--version", "0.1.0"]);
  assert.match(b.stderr, /contains an underscore/);
});

test("push of a version with build metadata prints the underscore notice as helm does", {
  skip: !hasRegistry,
}, async () => {
  const h = await runHelm(["push", plusChart, `oci://${host}/pushed-h`, "--plain-http"], {
    env: loggedIn.env,
  });
  const c = await runCapstan(["push", plusChart, `oci://${host}/pushed-c`, "--plain-http"], {
    cwd: loggedIn.root,
    env: { ...helmEnv(), ...loggedIn.env },
  });
  assert.equal(h.code, 0, h.stderr);
  assert.match(h.stderr, /contains an underscore/);
  assert.equal(c.code, 0, c.stderr);
  assert.equal(c.stderr.replaceAll("pushed-c", "pushed-h"), h.stderr);
});
