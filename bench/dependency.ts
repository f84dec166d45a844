// `dependency update` of a chart with N repository dependencies and one
// file:// dependency, against a local static repository (charts packaged by
// helm): capstan in-process vs the helm binary, same work, same run.
// Run: node --import tsx bench/dependency.ts [deps=8] [runs=10]
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DependencyManager } from "../src/actions/dependency-manager.ts";
import { helmEnv, helmPath } from "../test/helpers/oracle.ts";
import { serveStatic } from "../test/repo/static-server.ts";

const deps = Number(process.argv[2] ?? 8);
const runs = Number(process.argv[3] ?? 10);
const helm = helmPath();
const root = mkdtempSync(join(tmpdir(), "capstan-bench-dep-"));
const repo = join(root, "repo");
mkdirSync(repo);
for (let i = 0; i < deps; i++) {
  for (const v of ["1.0.0", "1.1.0", "2.0.0"]) {
    const dir = join(root, "src", `c${i}-${v}`);
    mkdirSync(join(dir, "templates"), { recursive: true });
    writeFileSync(join(dir, "Chart.yaml"), `apiVersion: v2\nname: c${i}\nversion: ${v}\n`);
    writeFileSync(join(dir, "values.yaml"), `pad: "${"x".repeat(5000)}"\n`);
    writeFileSync(join(dir, "templates", "cm.yaml"), "kind: ConfigMap\n");
    execFileSync(helm, ["package", dir, "-d", repo], { env: helmEnv() });
  }
}
execFileSync(helm, ["repo", "index", repo], { env: helmEnv() });
const srv = await serveStatic(repo);
const home = join(root, "home");
const env = {
  ...helmEnv(),
  HELM_CONFIG_HOME: join(home, "config"),
  HELM_CACHE_HOME: join(home, "cache"),
  HELM_DATA_HOME: join(home, "data"),
};
// The server runs in this process: helm calls that reach it must not block the event loop.
const run = promisify(execFile);
await run(helm, ["repo", "add", "bench", srv.url], { env });

const chart = join(root, "chart");
mkdirSync(join(chart, "local"), { recursive: true });
writeFileSync(join(chart, "local", "Chart.yaml"), "apiVersion: v2\nname: local\nversion: 0.1.0\n");
let yaml = "apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n";
for (let i = 0; i < deps; i++) yaml += `- name: c${i}\n  version: ^1.0.0\n  repository: "@bench"\n`;
yaml += `- name: local\n  version: "*"\n  repository: file://local\n`;
writeFileSync(join(chart, "Chart.yaml"), yaml);

const fresh = () => {
  const d = mkdtempSync(join(root, "run-"));
  cpSync(chart, d, { recursive: true });
  return d;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const helmMs: number[] = [];
const capMs: number[] = [];
for (let r = 0; r < runs; r++) {
  let d = fresh();
  let t = performance.now();
  await run(helm, ["dependency", "update", d, "--skip-refresh"], { env });
  helmMs.push(performance.now() - t);
  d = fresh();
  t = performance.now();
  await new DependencyManager({
    chartPath: d,
    cwd: root,
    out: () => {},
    err: () => {},
    skipRefresh: true,
    verify: false,
    keyring: "",
    repoFile: join(home, "config", "repositories.yaml"),
    repoCache: join(home, "cache", "repository"),
    registry: { registryConfig: join(home, "config", "registry", "config.json") },
  }).update();
  capMs.push(performance.now() - t);
}
const h = median(helmMs);
const c = median(capMs);
console.log(`dependency update, ${deps} repository charts + 1 file://, ${runs} runs each (median):`);
console.log(`  helm (whole process): ${h.toFixed(1)} ms`);
console.log(`  capstan (in-process): ${c.toFixed(1)} ms`);
console.log(`  helm / capstan: ${(h / c).toFixed(2)}x`);
await srv.close();
rmSync(root, { recursive: true, force: true });
