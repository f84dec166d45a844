// Parse + execute of large generated templates, in-process, against helm
// rendering the same templates (`helm template` on a chart holding them):
//   node --import tsx bench/template.ts [--templates 20] [--items 300] [--runs 7]
// helm's figure includes its process start-up, so the empty-chart time is
// printed too and subtracted for the "rendering only" ratio. Wall time and
// CPU time are both printed: on a loaded machine CPU time is the steadier
// figure (helm's is measured with bash's `time`, user+sys of the child).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TemplateSet } from "../src/template/index.ts";
import { GO_TYPE, type GoMap, type Value } from "../src/template/value.ts";
import { helmEnv, helmPath } from "../test/helpers/oracle.ts";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const TEMPLATES = arg("templates", 20);
const ITEMS = arg("items", 300);
const RUNS = arg("runs", 7);

/** One template of about 40 actions per item row: ranges, ifs, printf, index, comparisons. */
function templateText(n: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-${n}
  labels:
{{- range $k, $v := .Values.labels }}
    {{ $k }}: {{ printf "%q" $v }}
{{- end }}
data:
{{- range $i, $e := .Values.items }}
  {{- if and $e.enabled (gt $e.weight 0.5) }}
  item-${n}-{{ $i }}: {{ printf "%s-%d-%v" $e.name $i $e.weight | printf "%q" }}
  {{- else if eq (len $e.tags) 0 }}
  empty-${n}-{{ $i }}: "none"
  {{- else }}
  tags-${n}-{{ $i }}: {{ range $j, $t := $e.tags }}{{ if $j }},{{ end }}{{ $t }}{{ end }}
  {{- end }}
  {{- with $e.meta }}
  meta-${n}-{{ $i }}: {{ printf "%q" (print .owner "/" (index . "team")) }}
  {{- end }}
{{- end }}
`;
}

function valuesJSON(): unknown {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    name: `item${i}`,
    enabled: i % 3 !== 0,
    weight: (i % 10) / 10,
    tags: i % 4 === 0 ? [] : ["a", "b", "c"].slice(0, (i % 3) + 1),
    meta: i % 2 ? { owner: `o${i}`, team: `t${i % 5}` } : null,
  }));
  const labels = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`label${i}`, `value-${i}`]));
  return { items, labels };
}

function toGo(v: unknown): Value {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(toGo);
  if (typeof v === "object") {
    const m: GoMap = new Map();
    for (const [k, x] of Object.entries(v as object)) m.set(k, toGo(x));
    return m;
  }
  return v as Value;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const texts = Array.from({ length: TEMPLATES }, (_, i) => templateText(i));
const values = valuesJSON();
const values_ = toGo(values) as GoMap;
values_[GO_TYPE] = "common.Values";
const data: GoMap = new Map([["Values", values_]]);

function renderOnce(): number {
  const set = new TemplateSet({ funcs: {}, missingKey: "zero" });
  texts.forEach((t, i) => {
    set.parse(`chart/templates/cm${i}.yaml`, t);
  });
  let bytes = 0;
  for (let i = 0; i < texts.length; i++) bytes += set.execute(`chart/templates/cm${i}.yaml`, data).length;
  return bytes;
}

// In-process: warm up, then time whole parse+execute passes.
for (let i = 0; i < 3; i++) renderOnce();
const ours: number[] = [];
const oursCpu: number[] = [];
let outBytes = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  outBytes = renderOnce();
  const c = process.cpuUsage(c0);
  ours.push(performance.now() - t0);
  oursCpu.push((c.user + c.system) / 1000);
}

// helm: the same templates in a chart, and an empty chart for start-up cost.
const root = mkdtempSync(join(tmpdir(), "capstan-bench-template-"));
const chartYaml = "apiVersion: v2\nname: chart\nversion: 0.1.0\n";
function writeChartDir(name: string, withTemplates: boolean): string {
  const dir = join(root, name);
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), chartYaml);
  writeFileSync(join(dir, "values.yaml"), JSON.stringify(values));
  if (withTemplates) {
    texts.forEach((t, i) => {
      writeFileSync(join(dir, "templates", `cm${i}.yaml`), t);
    });
  }
  return dir;
}
const full = writeChartDir("chart", true);
const empty = writeChartDir("empty", false);
function timeHelm(dir: string): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const out = execFileSync(
      "bash",
      ["-c", 'TIMEFORMAT="%U %S"; { time "$0" template "$1" >/dev/null; } 2>&1 | tail -1', helmPath(4), dir],
      { env: helmEnv(), maxBuffer: 1 << 30, encoding: "utf8" },
    );
    wall.push(performance.now() - t0);
    const [u, sy] = out.trim().split(/\s+/).map(Number);
    cpu.push(((u ?? 0) + (sy ?? 0)) * 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
const helmFull = timeHelm(full);
const helmEmpty = timeHelm(empty);
rmSync(root, { recursive: true, force: true });

const oursMs = median(ours);
const oursCpuMs = median(oursCpu);
const fmt = (x: number) => x.toFixed(1);
console.log(
  `templates: ${TEMPLATES} × ${ITEMS} items, output ${(outBytes / 1024).toFixed(0)} KiB per pass (medians of ${RUNS})`,
);
console.log(`capstan parse+execute in-process: wall ${fmt(oursMs)} ms, cpu ${fmt(oursCpuMs)} ms`);
for (const [kind, h, e, o] of [
  ["wall", helmFull.wall, helmEmpty.wall, oursMs],
  ["cpu", helmFull.cpu, helmEmpty.cpu, oursCpuMs],
] as const) {
  const render = Math.max(h - e, 0.001);
  console.log(
    `helm template (${kind}): ${fmt(h)} ms, empty chart ${fmt(e)} ms, rendering ≈ ${fmt(render)} ms; ` +
      `ratio helm/capstan: whole command ${(h / o).toFixed(2)}x, rendering only ${(render / o).toFixed(2)}x`,
  );
}
