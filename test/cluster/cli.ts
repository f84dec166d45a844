// `npm run cluster:up` / `npm run cluster:down` (and `status`): the command
// line of the local control plane in plane.ts. `up --hold PID` and
// `release PID` share one plane among test runs (scripts/test.mjs).
import { down, kubeconfigPath, memoryKB, releaseSync, runningPlane, up } from "./plane.ts";

const verb = process.argv[2];
if (verb === "up") {
  const hold = process.argv.indexOf("--hold");
  const holder = hold > 0 ? Number(process.argv[hold + 1]) : undefined;
  const r = await up({ holder }).catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
  if (r.started) {
    console.log(`build ${r.buildSeconds.toFixed(1)} s, start ${r.startSeconds.toFixed(1)} s`);
  } else {
    console.log("already running");
  }
  console.log(`API server ${r.state.server}; data in ${r.state.dataDir}`);
  console.log(`export KUBECONFIG=${kubeconfigPath}  # contexts capstan-admin, capstan-restricted`);
} else if (verb === "release") {
  releaseSync(Number(process.argv[3]));
} else if (verb === "down") {
  console.log((await down()) ? "stopped" : "not running");
} else if (verb === "status") {
  const s = runningPlane();
  if (!s) {
    console.log("not running");
    process.exitCode = 1;
  } else {
    const mem = memoryKB(s);
    const total = Object.values(mem).reduce((a, b) => a + b, 0);
    for (const [name, kb] of Object.entries(mem))
      console.log(`${name.padEnd(24)} ${(kb / 1024).toFixed(0)} MiB`);
    console.log(`${"total RSS".padEnd(24)} ${(total / 1024).toFixed(0)} MiB`);
    console.log(`API server ${s.server}; KUBECONFIG=${s.kubeconfig}`);
  }
} else {
  console.error("usage: cli.ts up [--hold PID] | release PID | down | status");
  process.exitCode = 2;
}
