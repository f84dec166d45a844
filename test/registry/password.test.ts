// Credentials as helm asks for them: `registry login` reads a username line
// and then the password from the terminal ("Username: ", "Password: ",
// "Token: "), `repo add --username` prompts for the password, and
// --password-stdin reads standard input. Without a terminal helm fails with
// Go's "inappropriate ioctl for device"; capstan prints and fails the same.
import assert from "node:assert/strict";
import { test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

const cases: { args: string[]; stdin: string }[] = [
  { args: ["registry", "login", "127.0.0.1:1", "--username", "u"], stdin: "secret\n" },
  { args: ["registry", "login", "127.0.0.1:1"], stdin: "someone\n" },
  { args: ["registry", "login", "127.0.0.1:1"], stdin: "" },
  { args: ["registry", "login", "127.0.0.1:1"], stdin: "no newline" },
  { args: ["registry", "login", "127.0.0.1:1", "-u", "u", "-p", "p"], stdin: "" },
  { args: ["registry", "login", "127.0.0.1:1", "-u", "u", "--password-stdin"], stdin: "secret\r\n" },
  { args: ["repo", "add", "x", "http://127.0.0.1:1", "--username", "u"], stdin: "secret\n" },
  {
    args: ["repo", "add", "x", "http://127.0.0.1:1", "--username", "u", "--password-stdin"],
    stdin: "secret\n",
  },
];

test("password prompts and --password-stdin without a terminal, as helm", async () => {
  for (const c of cases) {
    const want = await runHelm(c.args, { stdin: c.stdin });
    const got = await runCapstan(c.args, { cwd: "/", env: helmEnv(), stdin: c.stdin });
    got.stderr = got.stderr.replaceAll("capstan", "helm");
    assert.deepEqual(got, want, c.args.join(" "));
  }
});
