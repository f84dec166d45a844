// `capstan create` writes exactly what `helm create` writes: same files, same
// bytes, same modes, same messages and errors.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

/** Every entry under dir: relative path → mode and content (folders: mode only). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      const key = relative(dir, p);
      if (st.isDirectory()) {
        out[`${key}/`] = (st.mode & 0o777).toString(8);
        walk(p);
      } else out[key] = `${(st.mode & 0o777).toString(8)} ${readFileSync(p, "utf8")}`;
    }
  };
  walk(dir);
  return out;
}

/** Runs the same create command with helm and with capstan, each in a fresh folder. */
async function both(args: string[], prepare?: (dir: string) => void) {
  const root = mkdtempSync(join(tmpdir(), "capstan-create-"));
  const hdir = join(root, "helm");
  const cdir = join(root, "capstan");
  for (const d of [hdir, cdir]) {
    mkdirSync(d);
    prepare?.(d);
  }
  const env = helmEnv();
  const h = await runHelm(args, { cwd: hdir });
  const c = await runCapstan(args, { cwd: cdir, env });
  const fix = (s: string, d: string) => s.replaceAll(d, "<DIR>").replaceAll("helm", "capstan");
  return {
    helm: { ...h, stdout: fix(h.stdout, hdir), stderr: fix(h.stderr, hdir), tree: snapshot(hdir) },
    capstan: { ...c, stdout: fix(c.stdout, cdir), stderr: fix(c.stderr, cdir), tree: snapshot(cdir) },
  };
}

for (const name of ["mychart", "nested/dir/web-app", "a.b_c-1", "true", "1.0"]) {
  test(`create ${name}: same tree, bytes and modes as helm create`, async () => {
    const r = await both(["create", name], (d) => mkdirSync(join(d, "nested", "dir"), { recursive: true }));
    assert.equal(r.capstan.code, r.helm.code);
    assert.equal(r.capstan.stdout, r.helm.stdout);
    assert.deepEqual(r.capstan.tree, r.helm.tree);
  });
}

test("create over an existing chart warns per file as helm does", async () => {
  const r = await both(["create", "again"], (d) => {
    mkdirSync(join(d, "again", "templates"), { recursive: true });
    writeFileSync(join(d, "again", "values.yaml"), "old: 1\n");
    writeFileSync(join(d, "again", "templates", "keep.yaml"), "kept\n");
  });
  assert.equal(r.capstan.stdout, r.helm.stdout);
  assert.match(r.helm.stdout, /WARNING: File ".*values.yaml" already exists. Overwriting./);
  assert.deepEqual(r.capstan.tree, r.helm.tree);
});

for (const [label, args, prep] of [
  ["bad characters", ["create", "bad name"], undefined],
  ["too long", ["create", "a".repeat(251)], undefined],
  ["missing parent", ["create", "no/such/chart"], undefined],
  ["name is a file", ["create", "afile"], (d: string) => writeFileSync(join(d, "afile"), "")],
  ["parent is a file", ["create", "afile/x"], (d: string) => writeFileSync(join(d, "afile"), "")],
  ["no argument", ["create"], undefined],
] as const) {
  test(`create fails like helm: ${label}`, async () => {
    const r = await both([...args], prep);
    assert.equal(r.capstan.code, r.helm.code);
    assert.notEqual(r.helm.code, 0);
    assert.equal(r.capstan.stderr, r.helm.stderr);
    assert.deepEqual(r.capstan.tree, r.helm.tree);
  });
}
