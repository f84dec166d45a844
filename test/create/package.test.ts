// `capstan package` writes the archive helm writes for the same chart folder:
// the gunzipped tar streams are byte-identical (names, order, modes, sizes,
// times, contents); only the deflate bytes may differ.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { readTgz } from "./tar-read.ts";

function chartDir(files: Record<string, string>, name: string): string {
  const root = mkdtempSync(join(tmpdir(), "capstan-pkg-"));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, name, rel);
    mkdirSync(join(p, ".."), { recursive: true });
    writeFileSync(p, content);
  }
  return join(root, name);
}

async function both(dir: string, args: string[] = []) {
  const hd = mkdtempSync(join(tmpdir(), "capstan-pkg-h-"));
  const cd = mkdtempSync(join(tmpdir(), "capstan-pkg-c-"));
  const h = await runHelm(["package", dir, "-d", hd, ...args]);
  const c = await runCapstan(["package", dir, "-d", cd, ...args], { cwd: dir });
  assert.equal(c.code, h.code, c.stderr);
  assert.equal(c.stdout.replaceAll(cd, "<D>"), h.stdout.replaceAll(hd, "<D>"));
  assert.equal(stripHelmLogLines(c.stderr), stripHelmLogLines(h.stderr));
  return { h, c, hd, cd };
}

function assertSameArchive(hPath: string, cPath: string) {
  const h = readTgz(readFileSync(hPath));
  const c = readTgz(readFileSync(cPath));
  assert.deepEqual(
    c.entries.map((e) => `${e.name} ${e.mode.toString(8)} ${e.data.length}`),
    h.entries.map((e) => `${e.name} ${e.mode.toString(8)} ${e.data.length}`),
  );
  for (let i = 0; i < h.entries.length; i++) {
    assert.equal(
      Buffer.from(c.entries[i]!.data).toString(),
      Buffer.from(h.entries[i]!.data).toString(),
      h.entries[i]!.name,
    );
  }
  assert.ok(Buffer.from(c.tar).equals(Buffer.from(h.tar)), "tar streams (with times) are identical");
}

test("package the helm create scaffold", async () => {
  const root = mkdtempSync(join(tmpdir(), "capstan-pkg-s-"));
  await runHelm(["create", "scaffold"], { cwd: root });
  const dir = join(root, "scaffold");
  const r = await both(dir);
  assertSameArchive(join(r.hd, "scaffold-0.1.0.tgz"), join(r.cd, "scaffold-0.1.0.tgz"));
});

test("package with --version, --app-version, schema, lock, helmignore, subchart folder", async () => {
  const dir = chartDir(
    {
      "Chart.yaml":
        "apiVersion: v2\nname: full\nversion: 1.0.0\ndescription: 'quoted: yes'\nkeywords: [a, 'on']\nmaintainers:\n- name: Ann\n  url: https://x\ndependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://charts/sub\n",
      "Chart.lock":
        'dependencies:\n- name: sub\n  repository: file://charts/sub\n  version: 0.1.0\ndigest: sha256:abc\ngenerated: "2024-01-02T03:04:05.123456789Z"\n',
      "values.yaml": "# comment kept\nx: 1\n",
      "values.schema.json": '{"type": "object"}\n',
      ".helmignore": "*.bak\nignored/\n",
      "notes.bak": "ignored\n",
      "ignored/a.txt": "ignored\n",
      "README.md": "# full\n",
      "templates/a.yaml": "a: {{ .Values.x }}\n",
      "templates/_h.tpl": '{{ define "x" }}{{ end }}\n',
      "crds/c.yaml": "kind: CRD\n",
      "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
      "charts/sub/templates/s.yaml": "s: 1\n",
    },
    "full",
  );
  const r = await both(dir, ["--version", "2.0.0-rc.1", "--app-version", "3.0 beta"]);
  assertSameArchive(join(r.hd, "full-2.0.0-rc.1.tgz"), join(r.cd, "full-2.0.0-rc.1.tgz"));
});

test("package errors: missing dependency, bad version, missing path", async () => {
  const dir = chartDir(
    {
      "Chart.yaml":
        "apiVersion: v2\nname: dep\nversion: 1.0.0\ndependencies:\n- name: gone\n  repository: x\n",
    },
    "dep",
  );
  await both(dir);
  const ok = chartDir({ "Chart.yaml": "apiVersion: v2\nname: ok\nversion: 1.0.0\n" }, "ok");
  await both(ok, ["--version", "not-a-version"]);
  const r = await both(join(ok, "..", "nothere"));
  assert.equal(r.h.code, 1);
});
