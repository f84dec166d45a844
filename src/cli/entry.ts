// Process entry for bin/capstan.js: wires the CLI to the real process.
import { main } from "./main.ts";

const out = (fd: 1 | 2) => (s: string) => {
  (fd === 1 ? process.stdout : process.stderr).write(s);
};
const code = await main(process.argv.slice(2), {
  stdout: out(1),
  stderr: out(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
});
process.exitCode = code;
