// Password prompts on a real terminal (a pseudo-terminal driven by Python's
// pty module): registry login asks "Password: " with echo off, as helm does,
// and logs in to a real registry; repo add --username prompts the same way.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmPath, projectRoot } from "../helpers/oracle.ts";
import { freshHome, hasRegistry, type Registry, startRegistry } from "./registry-server.ts";

const hasPython = spawnSync("python3", ["-c", "import pty"]).status === 0;
let reg: Registry | undefined;

before(async () => {
  if (hasRegistry && hasPython) reg = await startRegistry();
});
after(() => reg?.stop());

function onTerminal(cmd: string[], answers: [string, string][], env: Record<string, string>) {
  const r = spawnSync(
    "python3",
    [join(projectRoot, "test/registry/pty-run.py"), JSON.stringify(answers), ...cmd],
    {
      encoding: "utf8",
      env: { ...process.env, ...env },
      cwd: projectRoot,
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { output: string; status: number };
}

const capstan = ["node", "--import", "tsx", join(projectRoot, "test/registry/pty-cli.ts")];

test("registry login reads the password from the terminal without echo", {
  skip: !hasRegistry || !hasPython,
}, () => {
  const host = reg!.host;
  for (const [username, answers] of [
    ["ci", [["Password: ", "pa55\r"]]],
    [
      "",
      [
        ["Username: ", "ci\r"],
        ["Password: ", "pa55\r"],
      ],
    ],
    ["ci", [["Password: ", "wrong\r"]]],
  ] as const) {
    const args = ["registry", "login", host, "--plain-http", ...(username ? ["--username", username] : [])];
    const h = onTerminal([helmPath(), ...args], answers as unknown as [string, string][], freshHome().env);
    const c = onTerminal([...capstan, ...args], answers as unknown as [string, string][], freshHome().env);
    assert.equal(c.status, h.status, c.output);
    assert.equal(c.output.replaceAll("capstan", "helm"), h.output);
    assert.ok(!h.output.includes("pa55"));
  }
});

test("repo add --username prompts for the password on the terminal", { skip: !hasPython }, () => {
  const args = ["repo", "add", "x", "http://127.0.0.1:1", "--username", "u"];
  const answers: [string, string][] = [["Password: ", "secret\r"]];
  const h = onTerminal([helmPath(), ...args], answers, freshHome().env);
  const c = onTerminal([...capstan, ...args], answers, freshHome().env);
  assert.equal(c.status, h.status, c.output);
  assert.equal(c.output.replaceAll("capstan", "helm"), h.output);
  assert.ok(!h.output.includes("secret"));
});
