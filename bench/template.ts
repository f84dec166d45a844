// Parse + execute of large generated templates, in-process, against helm
// rendering the same templates (`helm template` on a chart holding them):
//   node --import tsx bench/template.ts [--templates 20] [--items 300] [--runs 7]
// helm's figure includes its process start-up, so the empty-chart time is
// printed too and subtracted for the "rendering only" ratio.
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
let outBytes = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  outBytes = renderOnce();
  ours.push(performance.now() - t0);
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
function timeHelm(dir: string): number[] {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    execFileSync(helmPath(4), ["template", dir], { env: helmEnv(), maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
  }
  return times;
}
const helmFull = median(timeHelm(full));
const helmEmpty = median(timeHelm(empty));
rmSync(root, { recursive: true, force: true });

const oursMs = median(ours);
const helmRender = Math.max(helmFull - helmEmpty, 0.001);
console.log(`templates: ${TEMPLATES} × ${ITEMS} items, output ${(outBytes / 1024).toFixed(0)} KiB per pass`);
console.log(`capstan parse+execute (in-process): ${oursMs.toFixed(1)} ms (median of ${RUNS})`);
console.log(
  `helm template: ${helmFull.toFixed(1)} ms; empty chart ${helmEmpty.toFixed(1)} ms; rendering ≈ ${helmRender.toFixed(1)} ms`,
);
console.log(`ratio helm/capstan, whole command: ${(helmFull / oursMs).toFixed(2)}x`);
console.log(
  `ratio helm/capstan, rendering only (helm minus start-up; includes its YAML/sorting): ${(helmRender / oursMs).toFixed(2)}x`,
);
