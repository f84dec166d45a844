// CLI start-up and per-chart speed: `capstan version` / `capstan template`
// against `helm version` / `helm template`, one process per run, A and B run
// in turn so drifting machine load hits both alike. Prints medians of wall
// time and (through /usr/bin/time, when present) CPU time, and their ratios.
// Charts: helm's `create` scaffold and a generated chart with 300 templates.
// Usage: node --import tsx bench/startup.ts [--runs N]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helmEnv, helmPath, projectRoot } from "../test/helpers/oracle.ts";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 15);
const work = mkdtempSync(join(tmpdir(), "capstan-bench-startup-"));
const TIME = "/usr/bin/time";
const haveTime = existsSync(TIME);

function generatedChart(dir: string, templates: number): string {
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: gen\nversion: 0.1.0\n");
  writeFileSync(
    join(dir, "values.yaml"),
    "image:\n  repository: nginx\n  tag: 1.25\nreplicas: 3\nlabels:\n  a: b\nports: [80, 443]\n",
  );
  writeFileSync(
    join(dir, "templates/_helpers.tpl"),
    '{{- define "g.labels" -}}\napp: {{ .Chart.Name }}\nrelease: {{ .Release.Name }}\n{{- range $k, $v := .Values.labels }}\n{{ $k }}: {{ $v | quote }}\n{{- end }}\n{{- end }}\n',
  );
  for (let i = 0; i < templates; i++) {
    writeFileSync(
      join(dir, `templates/t${i}.yaml`),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-t${i}\n  labels:\n    {{- include "g.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: c${i}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          ports:\n          {{- range .Values.ports }}\n            - containerPort: {{ . }}\n          {{- end }}\n          env:\n            - name: CONFIG\n              value: {{ toJson .Values.labels | b64enc | quote }}\n`,
    );
  }
  return dir;
}

interface Sample {
  wall: number;
  cpu: number;
}

/** One process run: wall ms from here, CPU ms (user + system) from /usr/bin/time. */
function timeRun(cmd: string, args: string[]): Sample {
  const [file, argv] = haveTime ? [TIME, ["-f", "%U %S", cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, { env: helmEnv(), cwd: work, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  let cpu = Number.NaN;
  if (haveTime) {
    const last = r.stderr.toString().trim().split("\n").pop() ?? "";
    const [u, s] = last.split(" ").map(Number);
    cpu = ((u ?? 0) + (s ?? 0)) * 1000;
  }
  return { wall, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const helm = helmPath();
execFileSync(helm, ["create", join(work, "scaffold")], { env: helmEnv() });
const gen300 = generatedChart(join(work, "gen300"), 300);
const bin = join(projectRoot, "bin/capstan.js");
const cases: [string, string[]][] = [
  ["version", ["version"]],
  ["template scaffold", ["template", join(work, "scaffold")]],
  ["template gen300", ["template", gen300]],
];

console.log(`runs: ${runs} per command, in turn; cpu from ${haveTime ? TIME : "(unavailable)"}`);
console.log(
  `${"case".padEnd(18)} ${"helm wall".padStart(9)} ${"ours wall".padStart(9)} ${"ratio".padStart(6)}   ${"helm cpu".padStart(8)} ${"ours cpu".padStart(8)} ${"ratio".padStart(6)}`,
);
try {
  for (const [name, args] of cases) {
    timeRun(process.execPath, [bin, ...args]); // warm-up: file cache, code cache
    timeRun(helm, args);
    const ours: Sample[] = [];
    const theirs: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(timeRun(process.execPath, [bin, ...args]));
      theirs.push(timeRun(helm, args));
    }
    const hw = median(theirs.map((s) => s.wall));
    const ow = median(ours.map((s) => s.wall));
    const hc = median(theirs.map((s) => s.cpu));
    const oc = median(ours.map((s) => s.cpu));
    // Pairwise ratios: each pair ran back to back, under the same load.
    const rw = median(ours.map((s, i) => s.wall / theirs[i]!.wall));
    const rc = median(ours.map((s, i) => s.cpu / theirs[i]!.cpu));
    const f = (x: number, w = 9) => (Number.isNaN(x) ? "-" : x.toFixed(0)).padStart(w);
    console.log(
      `${name.padEnd(18)} ${f(hw)} ${f(ow)} ${rw.toFixed(2).padStart(6)}   ${f(hc, 8)} ${f(oc, 8)} ${(Number.isNaN(rc) ? "-" : rc.toFixed(2)).padStart(6)}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
