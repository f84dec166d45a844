// DependencyManager as library users reach it (from src/index.ts, typed): the
// same charts/ and Chart.lock, and the same messages, as `helm dependency update`.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DependencyManager, type DependencyOptions } from "../../src/index.ts";
import { runHelm } from "../helpers/oracle.ts";
import { assertSameTree, newHome, writeTree } from "./harness.ts";

test("DependencyManager from the library entry point updates like helm", async () => {
  const tree = {
    "app/Chart.yaml":
      "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: local\n  version: ~0.3.0\n  repository: file://../local\n",
    "local/Chart.yaml": "apiVersion: v2\nname: local\nversion: 0.3.1\n",
    "local/templates/cm.yaml": "kind: ConfigMap\n",
  };
  const root = mkdtempSync(join(tmpdir(), "capstan-dep-lib-"));
  const [hDir, cDir] = [join(root, "h"), join(root, "c")];
  writeTree(hDir, tree);
  writeTree(cDir, tree);
  const home = newHome();
  const h = await runHelm(["dependency", "update", "app"], { cwd: hDir, env: home.env });
  assert.equal(h.code, 0, h.stderr);
  let out = "";
  const opts: DependencyOptions = {
    chartPath: "app",
    cwd: cDir,
    out: (s) => {
      out += s;
    },
    err: (s) => {
      out += s;
    },
    skipRefresh: false,
    verify: false,
    keyring: "",
    repoFile: join(home.root, "config", "repositories.yaml"),
    repoCache: join(home.root, "cache", "repository"),
    registry: { registryConfig: join(home.root, "config", "registry", "config.json") },
  };
  await new DependencyManager(opts).update();
  assert.equal(out, h.stdout + h.stderr);
  assertSameTree(hDir, cDir, "library update");
});
