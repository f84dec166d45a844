// `dependency update|build` against helm 4 on a chart repository served over
// real HTTP (charts packaged and indexed by helm): same messages, errors, exit
// codes, Chart.lock/requirements.lock (time masked, layout checked), charts/
// contents (archive entries) and repository cache files.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { serveStatic } from "../repo/static-server.ts";
import { cloneHome, type Home, newHome, sideBySide, sortRepoReports, writeTree } from "./harness.ts";

let repoDir = "";
let url = "";
let close: () => Promise<void> = async () => {};
/** A home with "myrepo" added (by helm) and its index cached. */
let home: Home;
/** A home with no repositories.yaml at all. */
let bare: Home;

before(async () => {
  repoDir = await helmPackagedRepo([
    { name: "lib", version: "0.1.0" },
    { name: "lib", version: "0.2.0" },
    { name: "lib", version: "1.0.0" },
    { name: "other", version: "3.1.4", appVersion: "9" },
  ]);
  const idx = await runHelm(["repo", "index", repoDir]);
  assert.equal(idx.code, 0, idx.stderr);
  const s = await serveStatic(repoDir);
  url = s.url;
  close = s.close;
  home = newHome();
  const add = await runHelm(["repo", "add", "myrepo", url], { env: home.env });
  assert.equal(add.code, 0, add.stderr);
  bare = newHome();
});
after(() => close());

const chart = (name: string, deps: string, version = "1.0.0") =>
  `apiVersion: v2\nname: ${name}\nversion: ${version}\n${deps ? `dependencies:\n${deps}` : ""}`;
const local = {
  "local/Chart.yaml": chart("local", "", "0.3.0"),
  "local/values.yaml": "x: 1\n",
  "local/templates/cm.yaml": "kind: ConfigMap\n",
};
const dep = (name: string, version: string, repository?: string, extra = "") =>
  `- name: ${name}\n  version: "${version}"\n${repository !== undefined ? `  repository: "${repository}"\n` : ""}${extra}`;

test("dependency update: repository by URL, @alias and alias:, file://, charts/ folder", async () => {
  const tree = {
    ...local,
    "parent/Chart.yaml": chart(
      "parent",
      dep("lib", "^0.1.0", url) +
        dep(
          "lib",
          ">=0.2.0 <1.0.0",
          "@myrepo",
          "  alias: lib2\n  condition: lib2.enabled\n  tags: [a, b]\n",
        ) +
        dep("other", "~3.1", "alias:myrepo", "  import-values:\n    - child: a\n      parent: b\n    - c\n") +
        dep("local", ">0.1.0", "file://../local") +
        dep("sub", "^1"),
    ),
    "parent/charts/sub/Chart.yaml": chart("sub", ""),
  };
  await sideBySide(home, tree, ["dependency", "update", "parent"]);
  await sideBySide(home, tree, ["dep", "up", "parent", "--skip-refresh"]);
  // run twice: the second run keeps the lock (same digest) and replaces the archives
  await sideBySide(home, tree, ["dep", "up", "./parent/", "--skip-refresh"], {
    before: (d) => {
      mkdirSync(join(d, "parent", "charts"), { recursive: true });
      // outdated and unrelated archives are removed, folders kept
      copyFileSync(join(repoDir, "lib-1.0.0.tgz"), join(d, "parent", "charts", "lib-0.0.9.tgz"));
      copyFileSync(join(repoDir, "other-3.1.4.tgz"), join(d, "parent", "charts", "renamed-1.0.0.tgz"));
    },
  });
});

test("dependency update: errors and messages as helm", async () => {
  const cases: [string, string, string[]?][] = [
    ["stable", dep("lib", "0.1.0", "stable") + dep("x", "1", "@nope")],
    ["nomatch", dep("lib", "^5.0.0", "@myrepo")],
    ["nochart", dep("nochart", "^5.0.0", "alias:myrepo")],
    ["badconstraint", dep("lib", "bad!", "alias:myrepo")],
    ["nowhere", dep("lib", "0.1.0", "file://../nowhere")],
    ["localmismatch", dep("local", "^9.0.0", "file://../local") + dep("lib", "^7", "@myrepo")],
    ["nosub", dep("sub", "^9.0.0")],
    ["empty", ""],
  ];
  const tree: Record<string, string> = { ...local };
  for (const [name, deps] of cases) tree[`${name}/Chart.yaml`] = chart(name, deps);
  tree["empty/Chart.yaml"] = "apiVersion: v2\nname: empty\nversion: 1.0.0\ndependencies: []\n";
  tree["subtoo-new/Chart.yaml"] = chart("subtoo-new", dep("sub", "^2"));
  tree["subtoo-new/charts/sub/Chart.yaml"] = chart("sub", "");
  tree["nodeps/Chart.yaml"] = chart("nodeps", "");
  for (const name of [...cases.map((c) => c[0]), "subtoo-new", "nodeps", "missing-dir"]) {
    await sideBySide(home, tree, ["dependency", "update", name, "--skip-refresh"]);
  }
  await sideBySide(home, { ...tree, "a.tgz": readFileSync(join(repoDir, "lib-0.1.0.tgz")) }, [
    "dependency",
    "update",
    "a.tgz",
  ]);
});

test("dependency update and build: repositories the user has not added, requirements.lock", async () => {
  const tree = {
    "un/Chart.yaml": chart(
      "un",
      dep("lib", ">=0.1.0 <1.0.0", `${url}/`) + dep("lib", "0.1.0", `${url}/`, "  alias: lib2\n"),
    ),
    "v1/Chart.yaml": "apiVersion: v1\nname: v1\nversion: 1.0.0\n",
    "v1/requirements.yaml": `dependencies:\n${dep("lib", "0.2.0", url)}`,
  };
  for (const h of [bare, home]) {
    await sideBySide(h, tree, ["dependency", "update", "un"]);
    await sideBySide(h, tree, ["dependency", "update", "v1"]);
    await sideBySide(h, tree, ["dependency", "update", "un", "--skip-refresh"]);
  }
  // build from the lock helm wrote: needs the repositories to be added
  const r = await sideBySide(bare, tree, ["dependency", "update", "v1"]);
  const withLock = {
    ...tree,
    "v1/requirements.lock": readFileSync(join(r.hDir, "v1", "requirements.lock"), "utf8"),
  };
  await sideBySide(bare, withLock, ["dependency", "build", "v1"]);
  await sideBySide(home, withLock, ["dependency", "build", "v1"]);
});

test("dependency build: from Chart.lock, out of sync, without a lock", async () => {
  const tree = {
    ...local,
    "p/Chart.yaml": chart("p", dep("lib", "^0.1.0", "@myrepo") + dep("local", "*", "file://../local")),
  };
  const r = await sideBySide(home, tree, ["dependency", "build", "p"]);
  const lock = readFileSync(join(r.hDir, "p", "Chart.lock"), "utf8");
  await sideBySide(home, { ...tree, "p/Chart.lock": lock }, ["dependency", "build", "p"]);
  await sideBySide(home, { ...tree, "p/Chart.lock": lock }, ["dep", "build", "p", "--skip-refresh"]);
  const changed = { ...tree, "p/Chart.lock": lock };
  changed["p/Chart.yaml"] = changed["p/Chart.yaml"].replace("^0.1.0", "^0.2.0");
  // an update that resolves to the same lock leaves the file as it was
  const same = await sideBySide(home, { ...tree, "p/Chart.lock": lock }, [
    "dependency",
    "update",
    "p",
    "--skip-refresh",
  ]);
  assert.equal(readFileSync(join(same.cDir, "p", "Chart.lock"), "utf8"), lock);
  assert.equal(readFileSync(join(same.hDir, "p", "Chart.lock"), "utf8"), lock);
  const named = (s: string) => s.replaceAll("capstan", "helm");
  for (const verb of ["update", "build", "list"]) {
    await sideBySide(home, tree, ["dependency", verb, "p", "local"], { normalize: named });
  }
  await sideBySide(home, changed, ["dependency", "build", "p"]);
  // a lock naming a repository that is not configured
  await sideBySide(bare, { ...tree, "p/Chart.lock": lock }, ["dependency", "build", "p"]);
});

test("package --dependency-update: dependencies fetched, then packaged with its Chart.lock", async () => {
  const tree = {
    ...local,
    "pk/Chart.yaml": chart("pk", dep("lib", "^0.1.0", "@myrepo") + dep("local", "*", "file://../local")),
    "bad/Chart.yaml": chart("bad", dep("lib", "^9.1.0", "@myrepo")),
  };
  await sideBySide(home, tree, ["package", "-u", "pk", "-d", "out"]);
  await sideBySide(home, tree, ["package", "--dependency-update", "bad", "-d", "out"]);
});

test("dependency update/build: debug lines, the same chart twice, charts/ as a file, helm 2 lock digests, an unreachable repository", async () => {
  const tree: Record<string, string> = {
    ...local,
    "twice/Chart.yaml": chart(
      "twice",
      dep("lib", "0.1.0", "@myrepo") +
        dep("lib", "0.1.0", "@myrepo", "  alias: l2\n") +
        dep("local", "*", "file://../local"),
    ),
    "file/Chart.yaml": chart("file", dep("lib", "0.1.0", "@myrepo")),
    "file/charts": "not a folder",
    "v1/Chart.yaml": "apiVersion: v1\nname: v1\nversion: 1.0.0\n",
    "v1/requirements.yaml": `dependencies:\n${dep("lib", "0.2.0", "@myrepo")}`,
  };
  await sideBySide(home, tree, ["dependency", "update", "twice", "--skip-refresh"]);
  await sideBySide(home, tree, ["dependency", "update", "twice", "--skip-refresh", "--debug"]);
  await sideBySide(home, tree, ["dependency", "update", "file", "--skip-refresh"]);
  // files the chart ignores stay in charts/, with helm's "Could not verify" lines
  await sideBySide(
    home,
    {
      ...tree,
      "hi/Chart.yaml": chart("hi", dep("lib", "0.1.0", "@myrepo")),
      "hi/.helmignore": "charts/README.md\ncharts/*.prov\n",
      "hi/charts/README.md": "read me\n",
      "hi/charts/lib-0.0.1.tgz.prov": "not a signature\n",
    },
    ["dependency", "update", "hi", "--skip-refresh"],
  );
  // a requirements.lock written by helm 2: its digest covers requirements.yaml alone, as written
  const v2 = createHash("sha256")
    .update(JSON.stringify({ dependencies: [{ name: "lib", version: "0.2.0", repository: "@myrepo" }] }))
    .digest("hex");
  const lock = `dependencies:\n- name: lib\n  repository: ${url}\n  version: 0.2.0\ndigest: sha256:${v2}\ngenerated: "2020-01-02T03:04:05Z"\n`;
  await sideBySide(home, { ...tree, "v1/requirements.lock": lock }, [
    "dependency",
    "build",
    "v1",
    "--skip-refresh",
  ]);
  await sideBySide(
    home,
    { ...tree, "v1/requirements.lock": lock.replace("0.2.0\ndigest", "0.1.0\ndigest") },
    ["dependency", "build", "v1", "--skip-refresh"],
  );
  // a configured repository that cannot be reached: reported, then its missing index fails the download
  const dead = cloneHome(home);
  const rf = join(dead.root, "config", "repositories.yaml");
  writeFileSync(
    rf,
    readFileSync(rf, "utf8").replace(
      "repositories:\n",
      `repositories:\n- name: dead\n  url: http://127.0.0.1:1\n`,
    ),
  );
  await sideBySide(dead, tree, ["dependency", "update", "file"], { normalize: sortRepoReports });
});

test("dependency update: a repository behind basic auth (credentials from repositories.yaml)", async () => {
  const s = await serveStatic(repoDir, { username: "ci", password: "pa55" });
  try {
    const auth = newHome();
    const add = await runHelm(["repo", "add", "locked", s.url, "--username", "ci", "--password", "pa55"], {
      env: auth.env,
    });
    assert.equal(add.code, 0, add.stderr);
    const tree = {
      "a/Chart.yaml": chart("a", dep("lib", "^0.2.0", "@locked")),
      "b/Chart.yaml": chart("b", dep("lib", "^0.2.0", s.url)),
    };
    await sideBySide(auth, tree, ["dependency", "update", "a"]);
    await sideBySide(auth, tree, ["dependency", "update", "b", "--skip-refresh"]);
    // the same URL without the repository added: no credentials, helm's 401 texts
    await sideBySide(bare, tree, ["dependency", "update", "b"]);
  } finally {
    await s.close();
  }
});

test("dependency update: an archive whose digest contradicts the index is refused (helm accepts it)", async () => {
  const bad = mkdtempSync(join(tmpdir(), "capstan-dep-tampered-"));
  cpSync(repoDir, bad, { recursive: true });
  // index from the real archives, then one archive replaced by another chart's bytes
  copyFileSync(join(repoDir, "lib-1.0.0.tgz"), join(bad, "lib-0.2.0.tgz"));
  const s = await serveStatic(bad);
  try {
    const h = newHome();
    assert.equal((await runHelm(["repo", "add", "t", s.url], { env: h.env })).code, 0);
    const root = mkdtempSync(join(tmpdir(), "capstan-dep-"));
    writeFileSync(join(root, "Chart.yaml"), chart("t", dep("lib", "0.2.0", "@t")));
    const c = await runCapstan(["dependency", "update", ".", "--skip-refresh"], {
      cwd: root,
      env: { ...helmEnv(), ...h.env },
    });
    assert.equal(c.code, 1);
    assert.match(c.stderr, /^Error: could not download http:.*lib-0\.2\.0\.tgz: digest mismatch/);
    assert.deepEqual(readdirSync(join(root, "charts")), []);
    assert.ok(!existsSync(join(root, "Chart.lock")));
  } finally {
    await s.close();
  }
});

test("interop: helm builds from the lock capstan wrote, capstan builds from helm's", async () => {
  const tree = {
    ...local,
    "p/Chart.yaml": chart(
      "p",
      dep("lib", ">=0.1.0 <1.0.0", "@myrepo", "  alias: first\n") +
        dep("other", "~3.1", url) +
        dep("local", "*", "file://../local"),
    ),
  };
  const env = (h: Home) => ({ ...helmEnv(), ...cloneHome(h).env });
  for (const [writer, reader] of [
    ["capstan", "helm"],
    ["helm", "capstan"],
  ] as const) {
    const root = mkdtempSync(join(tmpdir(), "capstan-dep-interop-"));
    writeTree(root, tree);
    const run = (who: string, args: string[]) =>
      who === "helm"
        ? runHelm(args, { cwd: root, env: env(home) })
        : runCapstan(args, { cwd: root, env: env(home) });
    const w = await run(writer, ["dependency", "update", "p"]);
    assert.equal(w.code, 0, w.stderr);
    const lock = readFileSync(join(root, "p", "Chart.lock"), "utf8");
    rmSync(join(root, "p", "charts"), { recursive: true });
    const r = await run(reader, ["dependency", "build", "p", "--skip-refresh"]);
    assert.equal(r.code, 0, `${reader} build from ${writer}'s lock: ${r.stderr}`);
    assert.equal(readFileSync(join(root, "p", "Chart.lock"), "utf8"), lock, "build leaves the lock alone");
    const list = await runHelm(["dependency", "list", "p"], { cwd: root });
    assert.equal(list.code, 0);
    assert.deepEqual(
      list.stdout
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.trim().split(/\s+/).pop()),
      ["ok", "ok", "ok"],
      list.stdout,
    );
  }
});

test("dependency update from capstan's own repository server", async () => {
  const { startServer } = await import("../../src/server/server.ts");
  const dir = mkdtempSync(join(tmpdir(), "capstan-dep-serve-"));
  for (const f of ["lib-0.1.0.tgz", "lib-0.2.0.tgz", "other-3.1.4.tgz"])
    copyFileSync(join(repoDir, f), join(dir, f));
  const srv = await startServer({ dir, port: 0, watch: false });
  try {
    const h = newHome();
    assert.equal((await runHelm(["repo", "add", "served", srv.url], { env: h.env })).code, 0);
    const tree = { "s/Chart.yaml": chart("s", dep("lib", "~0.1", "@served") + dep("other", "*", srv.url)) };
    await sideBySide(h, tree, ["dependency", "update", "s"]);
    await sideBySide(bare, tree, ["dependency", "update", "s"]);
  } finally {
    await srv.close();
  }
});

test("dependency update: a file:// chart with its own subcharts, a missing version, a repository URL with a query", async () => {
  const tree = {
    "nest/Chart.yaml": chart("nest", dep("inner", "1.0.0"), "0.5.0"),
    "nest/values.yaml": "k: v\n",
    "nest/charts/inner/Chart.yaml": chart("inner", ""),
    "nf/Chart.yaml": chart("nf", dep("nest", "*", "file://../nest")),
    "ev/Chart.yaml": chart("ev", '- name: lib\n  repository: "@myrepo"\n'),
    "q/Chart.yaml": chart("q", dep("lib", "0.1.0", `${url}/?x=1`)),
  };
  for (const name of ["nf", "ev"])
    await sideBySide(home, tree, ["dependency", "update", name, "--skip-refresh"]);
  await sideBySide(bare, tree, ["dependency", "update", "q"]);
});
