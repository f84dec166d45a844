// Throughput of `capstan serve` on 127.0.0.1 (parallel archive downloads,
// index reads, uploads), and `repo index` in-process vs `helm repo index` on
// the same folder. Run: node --import tsx bench/serve.ts [charts=40] [downloads=400]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RepoIndexAction } from "../src/actions/repo-index.ts";
import { writeChartArchive } from "../src/chart/package.ts";
import { startServer } from "../src/server/server.ts";
import { helmPath } from "../test/helpers/oracle.ts";

const charts = Number(process.argv[2] ?? 40);
const downloads = Number(process.argv[3] ?? 400);
const enc = new TextEncoder();
const archive = (name: string, version: string) =>
  writeChartArchive({
    name,
    chartYaml: {
      name: "Chart.yaml",
      data: enc.encode(`apiVersion: v2\nname: ${name}\nversion: ${version}\n`),
    },
    values: { name: "values.yaml", data: enc.encode(`pad: "${"x".repeat(20_000)}"\n`) },
    templates: [{ name: "templates/cm.yaml", data: enc.encode("kind: ConfigMap\n") }],
    files: [],
    dependencies: [],
  });

const list = Array.from({ length: charts }, (_, i) => ({
  name: `bench${i % 10}`,
  version: `1.${Math.floor(i / 10)}.0`,
}));
const bytes = list.map((c) => archive(c.name, c.version));
const srv = await startServer({ dir: mkdtempSync(join(tmpdir(), "capstan-bench-")), port: 0, watch: false });

let t = performance.now();
await Promise.all(
  bytes.map((b) => fetch(`${srv.url}/api/charts`, { method: "POST", body: b as any }).then((r) => r.text())),
);
const upMs = performance.now() - t;
console.log(`uploads: ${charts} in ${upMs.toFixed(0)} ms = ${((charts * 1000) / upMs).toFixed(1)} uploads/s`);

let total = 0;
t = performance.now();
const conc = 32;
let next = 0;
await Promise.all(
  Array.from({ length: conc }, async () => {
    while (next < downloads) {
      const i = next++;
      const c = list[i % list.length]!;
      const path = i % 4 === 0 ? "index.yaml" : `charts/${c.name}-${c.version}.tgz`;
      const r = await fetch(`${srv.url}/${path}`);
      total += (await r.arrayBuffer()).byteLength;
    }
  }),
);
const dlMs = performance.now() - t;
console.log(
  `downloads: ${downloads} (${conc} parallel) in ${dlMs.toFixed(0)} ms = ${((downloads * 1000) / dlMs).toFixed(0)} req/s, ${(total / 1e6 / (dlMs / 1000)).toFixed(1)} MB/s`,
);
await srv.close();

// repo index: capstan in-process vs helm on the same folder of archives
const dir = mkdtempSync(join(tmpdir(), "capstan-bench-index-"));
for (const [i, c] of list.entries()) writeFileSync(join(dir, `${c.name}-${c.version}.tgz`), bytes[i]!);
t = performance.now();
new RepoIndexAction({ dir, url: "", merge: "", json: false, cwd: dir }).run();
const ours = performance.now() - t;
t = performance.now();
execFileSync(helmPath(4), ["repo", "index", dir]);
const helms = performance.now() - t;
console.log(
  `repo index of ${charts} archives: capstan ${ours.toFixed(0)} ms, helm ${helms.toFixed(0)} ms, ratio helm/capstan ${(helms / ours).toFixed(2)}`,
);
rmSync(dir, { recursive: true, force: true });
