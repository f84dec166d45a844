// What integration tests use to reach the local control plane. `npm test`
// starts the plane once before the tests that need it and stops it after
// (scripts/test.mjs). A test file run on its own starts it here and stops it
// when its process exits, unless another test run still uses it, or
// CAPSTAN_CLUSTER_KEEP=1 asks to keep it (then `npm run cluster:down` stops it).
import { execFile } from "node:child_process";
import { kubectlPath } from "../helpers/oracle.ts";
import { type PlaneState, releaseSync, restrictedNamespace, up } from "./plane.ts";

export { restrictedNamespace };

let pending: Promise<PlaneState> | undefined;

async function ensureUp(): Promise<PlaneState> {
  if (process.env.CAPSTAN_CLUSTER_KEEP === "1") return (await up()).state;
  const r = await up({ holder: process.pid });
  process.on("exit", () => releaseSync(process.pid));
  return r.state;
}

/** Path of the kubeconfig (admin context current; also capstan-restricted), starting the plane if needed. */
export async function getKubeconfig(): Promise<string> {
  pending ??= ensureUp();
  return (await pending).kubeconfig;
}

/** The running plane's state (API server URL, data folder, pids). */
export function getPlane(): Promise<PlaneState> {
  pending ??= ensureUp();
  return pending;
}

export { kubectlPath };

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs kubectl 1.35 (from the oracle package) against the plane; context defaults to capstan-admin. */
export async function kubectl(args: string[], opts: { context?: string; stdin?: string } = {}) {
  const kubeconfig = await getKubeconfig();
  const full = ["--kubeconfig", kubeconfig, "--context", opts.context ?? "capstan-admin", ...args];
  return new Promise<KubectlResult>((resolve, reject) => {
    const child = execFile(kubectlPath(), full, { encoding: "utf8" }, (err, stdout, stderr) => {
      if (err && typeof (err as any).code !== "number") return reject(err);
      resolve({ stdout, stderr, code: err ? ((err as any).code as number) : 0 });
    });
    if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
  });
}
