// Times a template that calls every function group in a loop, in-process
// (capstan's executor + helmFuncMap) against helm rendering the same template
// (`helm template` of a chart holding it). helm's figure includes its process
// start; its marginal cost per loop is also shown (two loop counts, subtracted).
// Usage: node --import tsx bench/funcs.ts [--loops N] [--runs N]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helmFuncMap } from "../src/funcs/index.ts";
import { renderTemplate } from "../src/template/index.ts";
import type { Value } from "../src/template/value.ts";
import { readYAML } from "../src/yaml/index.ts";
import { helmEnv, helmPath } from "../test/helpers/oracle.ts";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const loops = arg("--loops", 2000);
const runs = arg("--runs", 5);

const VALUES = "name: My Service\nitems: [b, a, c]\nport: 8080\nratio: 0.75\nnested: {x: {y: 1}}\n";

// One line per group: strings, lists, dicts, math, conversion, reflection,
// defaults, encoding, paths, urls, semver, hashes, regex.
const BODY = `{{- $n := printf "%s-%d" $.Values.name $i }}
s: {{ $n | lower | replace " " "-" | trunc 20 | quote }} {{ snakecase $n }} {{ camelcase $n }} {{ title $n | nospace }} {{ wrap 5 $n }} {{ indent 2 $n }}
l: {{ without (list 1 2 3 $i | reverse | uniq) 2 | join "," }} {{ $.Values.items | sortAlpha | first }} {{ concat $.Values.items (list $i) | rest | len }}
d: {{ $d := dict "a" $i "b" (dict "c" 1) }}{{ merge $d (dict "z" 1) | keys | sortAlpha }} {{ dig "b" "c" 0 $d }} {{ hasKey $d "a" }} {{ pick $d "a" | values }}
m: {{ add $i 1 2 }} {{ mul $i 3 }} {{ div 100 (add1 $i) }} {{ max $i 5 }} {{ addf 0.1 $i }} {{ round $.Values.ratio 1 }} {{ until 5 | len }} {{ seq 3 }}
c: {{ int "42" }} {{ float64 "1.5" }} {{ atoi "7" }} {{ toString $i }} {{ int64 $.Values.port }}
r: {{ typeOf $i }} {{ kindOf $.Values.items }} {{ deepEqual $d $d }} {{ default "x" $.Values.missing }} {{ empty $.Values.items }} {{ ternary "y" "n" true }} {{ coalesce nil "" $i }}
e: {{ b64enc $n }} {{ toJson $d }} {{ toYaml $.Values.nested | indent 2 }} {{ (fromJson "{\\"a\\":1}").a }}
p: {{ base "/a/b/c.txt" }} {{ dir "/a/b/c.txt" }} {{ ext "x.tar.gz" }} {{ (urlParse "https://u@h:1/p?q#f").host }}
v: {{ semverCompare ">=1.2.0 <2" "1.5.3" }} {{ (semver "v1.2.3").Minor }}
h: {{ sha256sum $n | trunc 8 }} {{ adler32sum $n }} {{ regexReplaceAll "[aeiou]" $n "_" }} {{ regexMatch "^M" $n }}
`;
const TEMPLATE = (n: number) => `{{- range $i := until ${n} }}${BODY}{{- end }}`;

function timeInProcess(n: number): number {
  const funcs = helmFuncMap();
  const data = new Map<string, Value>([["Values", readYAML(VALUES) as Value]]);
  const text = TEMPLATE(n);
  renderTemplate(text, data, funcs, "bench"); // warm up
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) renderTemplate(text, data, funcs, "bench");
  return (performance.now() - t0) / runs;
}

function timeHelm(n: number): number {
  const dir = join(mkdtempSync(join(tmpdir(), "capstan-bench-funcs-")), "chart");
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: bench\nversion: 0.1.0\n");
  writeFileSync(join(dir, "values.yaml"), VALUES);
  // b64enc keeps the output a valid YAML document whatever the functions print
  writeFileSync(join(dir, "templates/_body.tpl"), `{{ define "body" }}${TEMPLATE(n)}{{ end }}`);
  writeFileSync(join(dir, "templates/out.yaml"), `out: {{ include "body" . | b64enc }}\n`);
  const helm = helmPath(4);
  const run = () => {
    const r = spawnSync(helm, ["template", dir], { env: helmEnv(), encoding: "utf8", maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  run();
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) run();
  return (performance.now() - t0) / runs;
}

const ours = timeInProcess(loops);
const helm = timeHelm(loops);
const helmSmall = timeHelm(Math.max(1, Math.floor(loops / 10)));
const helmMarginal = ((helm - helmSmall) / (loops - Math.floor(loops / 10))) * loops;
console.log(`template: every function group, ${loops} loop iterations, ${runs} runs each`);
console.log(`capstan in-process: ${ours.toFixed(1)} ms per render`);
console.log(`helm template:      ${helm.toFixed(1)} ms per run (incl. process start)`);
console.log(
  `helm marginal:      ${helmMarginal.toFixed(1)} ms for the ${loops} iterations (start-up removed)`,
);
console.log(
  `ratio helm/capstan: ${(helm / ours).toFixed(2)}x end to end, ${(helmMarginal / ours).toFixed(2)}x on the template work`,
);
