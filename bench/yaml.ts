// YAML speed: capstan's readYAML + toYAML in-process against helm doing the
// same work (loading the values file and rendering `{{ toYaml .Values }}`),
// for a ~5 MB values file and a 10,000-key map, in the same run.
//   node --import tsx bench/yaml.ts [--runs N]
// helm's time includes its process start; the "marginal" figure subtracts a
// run with a tiny values file, leaving (mostly) the YAML work itself.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readYAMLInto } from "../src/yaml/decode.ts";
import { toYAML } from "../src/yaml/encode.ts";
import { helmEnv, helmPath } from "../test/helpers/oracle.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 3);

/** A values file shaped like real charts: nested maps, lists, strings, numbers, booleans. */
function bigValues(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const s =
      `component${i}:\n` +
      `  enabled: ${i % 2 === 0}\n` +
      `  replicaCount: ${i % 7}\n` +
      `  image:\n    repository: registry.example.com/team/app-${i}\n    tag: "v1.${i}.0"\n    pullPolicy: IfNotPresent\n` +
      `  resources:\n    limits: {cpu: 500m, memory: 512Mi}\n    requests: {cpu: 100m, memory: 128Mi}\n` +
      `  env:\n    - name: LOG_LEVEL\n      value: info\n    - name: RATIO\n      value: "0.${i}"\n` +
      `  annotations:\n    description: "component number ${i} of the benchmark, with a long description line to fold"\n` +
      `  ports: [80, 443, ${8000 + (i % 1000)}]\n  weight: ${i / 3}\n`;
    parts.push(s);
    size += s.length;
  }
  return parts.join("");
}

function wideMap(keys: number): string {
  let s = "";
  for (let i = 0; i < keys; i++) s += `key${i}: value-${i}\n`;
  return s;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeOurs(text: string): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    toYAML(readYAMLInto(text, "map"));
    times.push(performance.now() - t0);
  }
  return median(times);
}

const root = mkdtempSync(join(tmpdir(), "capstan-bench-yaml-"));
function chart(name: string, values: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(join(dir, "values.yaml"), values);
  writeFileSync(join(dir, "templates", "out.yaml"), "out: |\n{{ toYaml .Values | indent 2 }}\n");
  return dir;
}

function timeHelm(dir: string): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const p = spawnSync(helmPath(4), ["template", dir], { env: helmEnv(), maxBuffer: 1 << 30 });
    if (p.status !== 0) throw new Error(String(p.stderr));
    times.push(performance.now() - t0);
  }
  return median(times);
}

const base = timeHelm(chart("tiny", "a: 1\n"));
for (const [name, text] of [
  // helm refuses chart files over 5 MiB, so stay just under.
  ["5 MB values file", bigValues(5_000_000)],
  ["10,000-key map", wideMap(10000)],
] as const) {
  timeOurs(text); // warm-up
  const ours = timeOurs(text);
  const helm = timeHelm(chart(name.replace(/\W+/g, "-"), text));
  const marginal = Math.max(helm - base, 1);
  console.log(
    `${name} (${(text.length / 1024 / 1024).toFixed(2)} MB): capstan ${ours.toFixed(0)} ms, ` +
      `helm ${helm.toFixed(0)} ms (marginal ${marginal.toFixed(0)} ms over a ${base.toFixed(0)} ms start), ` +
      `ratio helm/capstan ${(helm / ours).toFixed(2)}x, marginal ${(marginal / ours).toFixed(2)}x`,
  );
}
