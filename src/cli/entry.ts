// Process entry for bin/capstan.js: wires the CLI to the real process.
//
// Go's text/template allows 100000 nested template calls and helm 1000 nested
// includes; JavaScript's default stack (about 1 MB) runs out first. When a
// render exhausts it, the command runs again in a worker thread with a large
// stack, so deep recursion ends with helm's own error instead of ours.
//
// No top-level await and no import.meta: the CLI is bundled as CommonJS so
// bin/capstan.js can load it with a V8 code cache. worker_threads is loaded
// only when needed: the large-stack worker is marked in its environment.
import { writeSync } from "node:fs";
import { adoptDeferredExtraCA } from "../node/extra-ca.ts";
import { goBytes } from "../template/gostring.ts";
import type { CliIO } from "./io.ts";
import { main } from "./main.ts";

const BIG_STACK_MB = 512;
const WORKER_MARK = "CAPSTAN_BIG_STACK_WORKER";

// Standard output is written with fs.writeSync: process.stdout on a pipe
// loads net and libuv's pipe machinery, about 1.5 ms of start-up. A write
// that fails (EAGAIN on a pipe another process made non-blocking, EPIPE ...)
// hands its rest and every later write to process.stdout, as before.
let stdoutStream = false;
function writeStdout(data: string | Uint8Array): void {
  if (!stdoutStream) {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let done = 0;
    try {
      while (done < buf.length) done += writeSync(1, buf, done);
      return;
    } catch {
      stdoutStream = true;
      data = buf.subarray(done);
    }
  }
  process.stdout.write(data);
}

// Go writes a string's bytes as they are, also those that are not UTF-8 (template/gostring.ts).
const out = (fd: 1 | 2) => (s: string) => {
  const data = /[\uD800-\uDFFF]/.test(s) ? goBytes(s) : s;
  if (fd === 1) writeStdout(data);
  else process.stderr.write(data);
};

function io(allowRetry: boolean, workerEnv: Record<string, string> = {}): CliIO {
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
      ? async () => {
          const { Worker } = await import("node:worker_threads");
          return new Promise<number>((resolve) => {
            // The worker runs the same script node was started with (bin/capstan.js).
            const w = new Worker(process.argv[1]!, {
              argv: process.argv.slice(2),
              env: { ...process.env, ...workerEnv, [WORKER_MARK]: "1" },
              workerData: { bigStack: true },
              resourceLimits: { stackSizeMb: BIG_STACK_MB, maxOldGenerationSizeMb: 4096 },
            });
            w.on("message", (code: number) => resolve(code));
            w.on("error", () => resolve(1));
            w.on("exit", (code) => resolve(code));
          });
        }
      : undefined,
  };
}

/** Runs the CLI for this process (or for the large-stack worker); resolves when done. */
export async function run(): Promise<void> {
  const workerEnv = adoptDeferredExtraCA(process.env);
  if (process.env[WORKER_MARK] === "1") {
    const { isMainThread, parentPort, workerData } = await import("node:worker_threads");
    if (!isMainThread) {
      if (workerData?.bigStack) parentPort?.postMessage(await main(process.argv.slice(2), io(false)));
      return;
    }
  }
  process.exitCode = await main(process.argv.slice(2), io(true, workerEnv));
}
