// repo add/list/remove/update and search repo: the same commands run with helm
// and with capstan, each with its own HELM_* homes; outputs, exit codes and
// the files written (repositories.yaml, index cache) must match.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { runCapstan } from "./cli-run.ts";
import { helmPackagedRepo } from "./fixtures.ts";
import { serveStatic } from "./static-server.ts";

let repoURL = "";
let authURL = "";
const closers: (() => Promise<void>)[] = [];

before(async () => {
  const dir = await helmPackagedRepo();
  await runHelm(["repo", "index", dir]);
  const s = await serveStatic(dir);
  const a = await serveStatic(dir, { username: "user", password: "s3cret" });
  repoURL = s.url;
  authURL = a.url;
  closers.push(s.close, a.close);
});
after(async () => {
  for (const c of closers) await c();
});

function homes() {
  const root = mkdtempSync(join(tmpdir(), "capstan-home-"));
  return {
    root,
    env: {
      HELM_CONFIG_HOME: join(root, "config"),
      HELM_CACHE_HOME: join(root, "cache"),
      HELM_DATA_HOME: join(root, "data"),
    },
  };
}

/** Runs each command with helm and capstan in their own homes; returns per-step results. */
async function side(steps: string[][]) {
  const h = homes();
  const c = homes();
  const out: {
    args: string[];
    helm: { stdout: string; stderr: string; code: number };
    capstan: (typeof out)[0]["helm"];
  }[] = [];
  for (const args of steps) {
    const hr = await runHelm(args, { env: h.env });
    const cr = await runCapstan(args, { cwd: c.root, env: { ...helmEnv(), ...c.env } });
    const fix = (s: string, root: string) => s.replaceAll(root, "<HOME>").replaceAll("helm", "capstan");
    out.push({
      args,
      helm: { ...hr, stdout: fix(hr.stdout, h.root), stderr: fix(stripHelmLogLines(hr.stderr), h.root) },
      capstan: { ...cr, stdout: fix(cr.stdout, c.root), stderr: fix(stripHelmLogLines(cr.stderr), c.root) },
    });
  }
  return { out, helmHome: h.root, capstanHome: c.root };
}

function files(root: string): Record<string, string> {
  const res: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        let text = readFileSync(p, "utf8");
        // helm writes chart names in Go's random map order
        if (n.endsWith("-charts.txt")) text = text.split("\n").sort().join("\n");
        res[p.slice(root.length)] = `${(st.mode & 0o777).toString(8)} ${text}`;
      }
    }
  };
  if (existsSync(root)) walk(root);
  return res;
}

function assertSame(r: Awaited<ReturnType<typeof side>>) {
  for (const s of r.out) {
    assert.equal(s.capstan.code, s.helm.code, `exit code of ${s.args.join(" ")}: ${s.capstan.stderr}`);
    assert.equal(s.capstan.stdout, s.helm.stdout, `stdout of ${s.args.join(" ")}`);
    assert.equal(s.capstan.stderr, s.helm.stderr, `stderr of ${s.args.join(" ")}`);
  }
  assert.deepEqual(files(r.capstanHome), files(r.helmHome));
}

test("repo add, idempotent re-add, conflicting add, list in every format", async () => {
  const r = await side([
    ["repo", "add", "myrepo", repoURL],
    ["repo", "add", "myrepo", repoURL],
    ["repo", "add", "myrepo", `${repoURL}/other`],
    ["repo", "add", "my/repo", repoURL],
    ["repo", "add", "missing", `${repoURL}/nope`],
    ["repo", "list"],
    ["repo", "list", "-o", "json"],
    ["repo", "list", "-o", "yaml"],
    ["repo", "list", "--no-headers"],
    ["repo", "list", "-o", "xml"],
    ["repo", "add", "second", repoURL, "--force-update"],
    ["repo", "list"],
  ]);
  assertSame(r);
});

test("repo add with basic auth: right and wrong credentials", async () => {
  const r = await side([
    ["repo", "add", "secure", authURL, "--username", "user", "--password", "wrong"],
    ["repo", "add", "secure", authURL, "--username", "user", "--password", "s3cret"],
    ["repo", "list"],
  ]);
  assertSame(r);
});

test("repo update and remove", async () => {
  const r = await side([
    ["repo", "update"],
    ["repo", "remove", "nothing"],
    ["repo", "add", "one", repoURL],
    ["repo", "update"],
    ["repo", "update", "one"],
    ["repo", "update", "two"],
    ["repo", "remove", "one"],
    ["repo", "remove", "one"],
    ["repo", "list"],
  ]);
  assertSame(r);
});

test("search repo: keywords, regexp, versions, devel, constraints, formats", async () => {
  const r = await side([
    ["search", "repo", "alpha"],
    ["repo", "add", "myrepo", repoURL],
    ["search", "repo"],
    ["search", "repo", "alpha"],
    ["search", "repo", "ALPHA", "-l"],
    ["search", "repo", "alpha", "--devel"],
    ["search", "repo", "alpha", "--versions", "--devel"],
    ["search", "repo", "alpha", "--version", "^0.1"],
    ["search", "repo", "alpha", "--version", ">>1"],
    ["search", "repo", "database"],
    ["search", "repo", "web"],
    ["search", "repo", "-r", "^(al|ga)"],
    ["search", "repo", "-r", "al[pha"],
    ["search", "repo", "nothing-here"],
    ["search", "repo", "nothing-here", "-o", "json"],
    ["search", "repo", "nothing-here", "--fail-on-no-result"],
    ["search", "repo", "alpha", "-o", "json"],
    ["search", "repo", "-o", "yaml"],
    ["search", "repo", "--max-col-width", "8"],
  ]);
  assertSame(r);
});
