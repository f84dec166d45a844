// Process entry for bin/capstan.js: wires the CLI to the real process.
//
// Go's text/template allows 100000 nested template calls and helm 1000 nested
// includes; JavaScript's default stack (about 1 MB) runs out first. When a
// render exhausts it, the command runs again in a worker thread with a large
// stack, so deep recursion ends with helm's own error instead of ours.
import { isMainThread, Worker, workerData } from "node:worker_threads";
import type { CliIO } from "./io.ts";
import { main } from "./main.ts";

const BIG_STACK_MB = 512;

const out = (fd: 1 | 2) => (s: string) => {
  (fd === 1 ? process.stdout : process.stderr).write(s);
};

function io(allowRetry: boolean): CliIO {
  return {
    stdout: out(1),
    stderr: out(2),
    env: process.env,
    cwd: process.cwd(),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    retryWithBigStack: allowRetry
      ? () =>
          new Promise<number>((resolve) => {
            const w = new Worker(new URL(import.meta.url), {
              argv: process.argv.slice(2),
              workerData: { bigStack: true },
              resourceLimits: { stackSizeMb: BIG_STACK_MB, maxOldGenerationSizeMb: 4096 },
            });
            w.on("message", (code: number) => resolve(code));
            w.on("error", () => resolve(1));
            w.on("exit", (code) => resolve(code));
          })
      : undefined,
  };
}

if (isMainThread) {
  process.exitCode = await main(process.argv.slice(2), io(true));
} else if (workerData?.bigStack) {
  const { parentPort } = await import("node:worker_threads");
  parentPort?.postMessage(await main(process.argv.slice(2), io(false)));
}
