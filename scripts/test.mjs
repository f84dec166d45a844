// The test command (`npm test`): type checks, lint and format checks, then every
// test file under test/ on Node's own test runner, files in parallel.
// Flags: --no-checks skips tsc and biome; any other argument filters test files
// by substring (e.g. `npm test -- template`).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const checks = !argv.includes("--no-checks");
const filters = argv.filter((a) => !a.startsWith("--"));

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`failed: ${cmd} ${args.join(" ")} (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

const bin = (name) => join(root, "node_modules", ".bin", name);
if (checks) {
  run(bin("tsc"), ["--noEmit", "-p", "."]);
  run(bin("biome"), ["check", "src", "test", "scripts", "bench", "bin"]);
}

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.ts")) files.push(relative(root, p));
  }
};
walk(join(root, "test"));
const selected = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
// Local Kubernetes control plane (test/cluster/, issue 7): started once before the
// tests that need it and released after them; the last test run using it stops it,
// and one started by hand (npm run cluster:up) stays up.
if (selected.some((f) => f.startsWith(`test${sep}cluster${sep}`))) {
  const cli = ["--import", "tsx", join("test", "cluster", "cli.ts")];
  run(process.execPath, [...cli, "up", "--hold", String(process.pid)]);
  process.on("exit", () =>
    spawnSync(process.execPath, [...cli, "release", String(process.pid)], { cwd: root, stdio: "inherit" }),
  );
}

run(process.execPath, [
  "--import",
  "tsx",
  "--test",
  "--test-reporter=spec",
  `--test-concurrency=${Math.max(2, availableParallelism())}`,
  ...selected,
]);
