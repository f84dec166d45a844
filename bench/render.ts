// Renders a set of charts three ways and prints the ratios against helm:
//   helm:       `helm template` once per chart (a process per chart)
//   cli:        `node bin/capstan.js template` once per chart
//   in-process: capstan's library, all charts in one process, after loading
// Charts: the fixture charts, helm's `create` scaffold, and generated charts
// with many templates. Usage: node --import tsx bench/render.ts [--runs N]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderChart } from "../src/actions/render.ts";
import { loadChartPath } from "../src/node/fs-load.ts";
import { helmEnv, helmPath, projectRoot } from "../test/helpers/oracle.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 5);
const work = mkdtempSync(join(tmpdir(), "capstan-bench-render-"));

function generatedChart(name: string, templates: number): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(
    join(dir, "values.yaml"),
    "image:\n  repository: nginx\n  tag: 1.25\nreplicas: 3\nlabels:\n  a: b\n  c: d\nports: [80, 443, 8080]\n",
  );
  writeFileSync(
    join(dir, "templates/_helpers.tpl"),
    `{{- define "g.labels" -}}\napp: {{ .Chart.Name }}\nrelease: {{ .Release.Name }}\n{{- range $k, $v := .Values.labels }}\n{{ $k }}: {{ $v | quote }}\n{{- end }}\n{{- end }}\n`,
  );
  for (let i = 0; i < templates; i++) {
    writeFileSync(
      join(dir, `templates/t${i}.yaml`),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-t${i}
  labels:
    {{- include "g.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: c${i}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
          {{- range .Values.ports }}
            - containerPort: {{ . }}
          {{- end }}
          env:
            - name: INDEX
              value: {{ printf "%d" ${i} | quote }}
            - name: CONFIG
              value: {{ toJson .Values.labels | b64enc | quote }}
`,
    );
  }
  return dir;
}

function charts(): string[] {
  const out: string[] = [];
  const fixtures = join(projectRoot, "test/fixtures/charts");
  if (existsSync(fixtures)) {
    for (const n of readdirSync(fixtures).sort())
      if (existsSync(join(fixtures, n, "Chart.yaml"))) out.push(join(fixtures, n));
  }
  execFileSync(helmPath(), ["create", join(work, "scaffold")], { env: helmEnv() });
  out.push(join(work, "scaffold"));
  out.push(generatedChart("gen60", 60), generatedChart("gen300", 300));
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeProcess(cmd: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: helmEnv(), maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

// Only charts that render: the fixtures include deliberate failures.
const list = charts().filter(
  (dir) => spawnSync(helmPath(), ["template", dir], { env: helmEnv() }).status === 0,
);
const bin = join(projectRoot, "bin/capstan.js");
console.log(`charts: ${list.length}, runs: ${runs}`);
console.log("chart".padEnd(28), "helm ms", "cli ms", "in-proc ms", "cli/helm", "in-proc/helm");
let sumHelm = 0;
let sumInProc = 0;
for (const dir of list) {
  const helm: number[] = [];
  const cli: number[] = [];
  const inproc: number[] = [];
  for (let r = 0; r < runs; r++) {
    helm.push(timeProcess(helmPath(), ["template", dir]));
    cli.push(timeProcess(process.execPath, [bin, "template", dir]));
    const t0 = process.hrtime.bigint();
    renderChart(loadChartPath(dir), new Map());
    inproc.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const [h, c, p] = [median(helm), median(cli), median(inproc)];
  sumHelm += h;
  sumInProc += p;
  const name = dir.split("/").pop()!;
  console.log(
    name.padEnd(28),
    h.toFixed(1).padStart(7),
    c.toFixed(1).padStart(6),
    p.toFixed(2).padStart(10),
    (c / h).toFixed(2).padStart(8),
    (p / h).toFixed(3).padStart(12),
  );
}
console.log(
  `batch: in-process total ${sumInProc.toFixed(1)} ms vs helm total ${sumHelm.toFixed(1)} ms → ${(sumHelm / sumInProc).toFixed(1)}x faster`,
);
