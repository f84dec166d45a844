// helm 4's global flags (--repository-config, --repository-cache,
// --registry-config, --content-cache, the kube flags, ...) are global in
// capstan too: the same "Global Flags" help with defaults from the
// environment, and accepted before the verb.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "./cli-run.ts";

const section = (s: string, from: string) => s.slice(s.indexOf(from));

test("Global Flags in help as helm prints them", async () => {
  for (const verb of [
    ["repo", "list"],
    ["registry", "logout"],
    ["lint"],
    ["pull"],
    ["push"],
    ["repo", "index"],
  ]) {
    const args = [...verb, "--help"];
    const env = { HELM_CONTENT_CACHE: "/somewhere/content", HELM_REPOSITORY_CONFIG: "/etc/repos.yaml" };
    const want = await runHelm(args, { env });
    const got = await runCapstan(args, { cwd: "/", env: helmEnv(env) });
    assert.equal(section(got.stdout, "Global Flags:"), section(want.stdout, "Global Flags:"), verb.join(" "));
  }
});

test("a global flag's value before the verb", async () => {
  const dir = mkdtempSync(join(tmpdir(), "capstan-global-"));
  const file = join(dir, "repositories.yaml");
  writeFileSync(
    file,
    'apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories:\n- name: one\n  url: https://example.com/one\n',
  );
  for (const args of [
    ["--repository-config", file, "repo", "list"],
    ["repo", "list", "--repository-config", file, "-n", "x"],
    ["-n", "x", "--repository-config", file, "repo", "list", "-o", "json"],
  ]) {
    const want = await runHelm(args);
    const got = await runCapstan(args, { cwd: "/", env: helmEnv() });
    assert.deepEqual(got, want, args.join(" "));
  }
});

test("repo add --timeout: flag, help and errors as helm", async () => {
  const env = helmEnv();
  const help = ["repo", "add", "--help"];
  const hh = await runHelm(help);
  const ch = await runCapstan(help, { cwd: "/", env });
  assert.equal(section(ch.stdout, "Flags:"), section(hh.stdout, "Flags:"));
  for (const t of ["abc", "0", "-1s"]) {
    const args = ["repo", "add", "x", "http://127.0.0.1:1", "--timeout", t];
    const want = await runHelm(args);
    const got = await runCapstan(args, { cwd: "/", env });
    assert.deepEqual(got, want, t);
  }
});
