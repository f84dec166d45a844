// The command's launcher (bin/capstan, a shell script): it starts Node without
// NODE_EXTRA_CA_CERTS (which Node 20 would parse at start-up) and capstan adds
// those certificates itself when a TLS connection needs them. Checked through
// real processes: an https repository whose certificate only the extra file
// trusts (helm trusts it through SSL_CERT_FILE), the launcher reached through
// a symbolic link as npm installs it, and a post-renderer that must see the
// user's environment unchanged.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, projectRoot, runHelm, writeChart } from "../helpers/oracle.ts";
import { type HttpsRepo, startHttpsRepo } from "../locate/https-repo.ts";

const launcher = join(projectRoot, "bin", "capstan");
const script = join(projectRoot, "bin", "capstan.js");
let repo: HttpsRepo | undefined;
let url = "";
let ca = "";
let certs = "";

before(async () => {
  repo = await startHttpsRepo("capstan-launcher-");
  ({ url, ca, certs } = repo);
});
after(() => repo?.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Helm's result with SSL_CERT_FILE (or none) against capstan's through `cmd` with NODE_EXTRA_CA_CERTS. */
async function compare(
  cmd: string[],
  args: string[],
  extraCA: string | undefined,
  version: 3 | 4 = 4,
): Promise<void> {
  const base = helmEnv();
  // helm passes NODE_EXTRA_CA_CERTS on to its children too.
  const h = await runHelm(args, {
    env: extraCA ? { SSL_CERT_FILE: extraCA, NODE_EXTRA_CA_CERTS: extraCA } : {},
    version,
  });
  const env = extraCA ? { ...base, NODE_EXTRA_CA_CERTS: extraCA } : base;
  const c = await run(cmd[0]!, [...cmd.slice(1), ...args], env);
  assert.equal(c.code, h.code, `exit code of ${cmd.join(" ")} ${args.join(" ")}: ${c.stderr}`);
  assert.equal(c.stdout, h.stdout);
  assert.equal(c.stderr, h.stderr);
}

test("launcher: the extra CA file is trusted when a TLS connection needs it", async () => {
  const args = ["template", "x", "alpha", "--repo", url];
  await compare([launcher], args, ca);
  // Started by node directly, Node itself loaded the file: the same answer.
  await compare([process.execPath, script], args, ca);
  // Without the file, the server is not trusted: helm's error.
  await compare([launcher], args, undefined);
});

test("launcher: reached through a symbolic link, as npm installs it", async () => {
  const bin = mkdtempSync(join(tmpdir(), "capstan-launcher-bin-"));
  symlinkSync(launcher, join(bin, "capstan"));
  const chart = writeChart({
    "Chart.yaml": "apiVersion: v2\nname: linked\nversion: 0.1.0\n",
    "templates/cm.yaml": "kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n",
  });
  await compare([join(bin, "capstan")], ["template", "r", chart], undefined);
});

test("launcher: child processes see NODE_EXTRA_CA_CERTS as the user set it", async () => {
  const post = join(certs, "post.sh");
  writeFileSync(
    post,
    [
      "#!/bin/sh",
      "cat >/dev/null",
      'printf "kind: ConfigMap\\nmetadata:\\n  name: env\\ndata:\\n  extra: \\"%s\\"\\n  deferred: \\"%s\\"\\n" \\',
      '  "$NODE_EXTRA_CA_CERTS" "$' + '{CAPSTAN_EXTRA_CA_CERTS:-unset}"',
      "",
    ].join("\n"),
  );
  chmodSync(post, 0o755);
  const chart = writeChart({
    "Chart.yaml": "apiVersion: v2\nname: post\nversion: 0.1.0\n",
    "templates/cm.yaml": "kind: ConfigMap\nmetadata:\n  name: x\n",
  });
  // helm 4 takes a plugin's name there (capstan runs an executable, as helm 3 did: README), so
  // the yardstick is Node started directly, which never deferred anything.
  const args = ["template", "r", chart, "--post-renderer", post];
  const env = { ...helmEnv(), NODE_EXTRA_CA_CERTS: ca };
  const viaLauncher = await run(launcher, args, env);
  const direct = await run(process.execPath, [script, ...args], env);
  assert.equal(viaLauncher.code, 0, viaLauncher.stderr);
  assert.equal(viaLauncher.stdout, direct.stdout);
  assert.match(viaLauncher.stdout, new RegExp(`extra: "${ca}"\n  deferred: "unset"`));
});
