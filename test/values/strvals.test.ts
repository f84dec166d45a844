// The --set family (strvals) against helm 4: every value's Go type and text
// (through a typeOf dump of .Values) and helm's exact error messages.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadChartPath } from "../../src/node/fs-load.ts";
import { coalesceValues } from "../../src/values/coalesce.ts";
import { goSprintV } from "../../src/values/go-fmt.ts";
import { mergeUserValues } from "../../src/values/user-values.ts";
import { parseValueArgs } from "../chart/harness.ts";
import { hashFiles, runHelm, writeChart } from "../helpers/oracle.ts";
import { helmErrorMessage } from "../helpers/template-cases.ts";

const T = `{{- define "t" -}}
{{- if kindIs "map" . -}}{ {{- range $k, $v := . }}{{ $k }}:{{ include "t" $v }},{{ end -}} }
{{- else if kindIs "slice" . -}}[{{ range . }}{{ include "t" . }},{{ end }}]
{{- else -}}{{ typeOf . }}({{ . }})
{{- end -}}
{{- end -}}`;

const files = {
  "Chart.yaml": "apiVersion: v2\nname: sv\nversion: 0.1.0\n",
  "values.yaml": "existing:\n  a: 1\n  list: [x, y]\nscalar: s\n",
  "templates/_t.tpl": T,
  "templates/dump.yaml": 't: {{ include "t" .Values | b64enc }}\n',
  "data/file.txt": "file contents\nline 2\n",
  "data/other.txt": "other",
};

function typedDump(v: unknown): string {
  if (v instanceof Map) {
    const keys = [...v.keys()].sort();
    return `{${keys.map((k) => `${k}:${typedDump(v.get(k))},`).join("")}}`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => `${typedDump(x)},`).join("")}]`;
  if (v === null) return "<nil>(<no value>)";
  const type =
    typeof v === "string"
      ? "string"
      : typeof v === "bigint"
        ? "int64"
        : typeof v === "boolean"
          ? "bool"
          : "float64";
  return `${type}(${goSprintV(v)})`;
}

const cases: string[][] = [
  [
    "--set",
    "a=1,b=-5,c=+7,d=0,e=007,f=1.5,g=1e3,h=true,i=FALSE,j=Null,k=,l=9223372036854775807,m=9223372036854775808",
  ],
  ["--set", "a.b.c=1,a.b.d=two,a.e[0]=x,a.e[2].f=y"],
  ["--set", "list={a,b,3},empty={},one={x}"],
  ["--set", "esc=a\\,b,dot\\.key=1,eq=a=b,sp= lead"],
  ["--set", "existing.a=2,existing.list[1]=z,existing.new=1"],
  ["--set", "x[0][1]=1,x[0][0]=0"],
  ["--set", "a=1", "--set", "a=2,b=3"],
  ["--set-string", "a=1,b=true,c=null,d={1,2}"],
  ["--set-json", 'a={"b":[1,2.5,"c",null,true]},d=1', "--set-json", '{"e":{"f":1}}'],
  ["--set-json", "a=,b= 2 ,c=[1]"],
  ["--set-json", 'x[1]={"y":1}'],
  ["--set-literal", "a=1,b={c},d\\e"],
  ["--set-literal", "a.b[0]=x=y"],
  ["--set-file", "f=data/file.txt,g=data/other.txt"],
  ["--set-file", "l={data/file.txt,data/other.txt}"],
  ["--set", "scalar=null,existing.list=null"],
  ["-f", "data/v1.yaml", "-f", "data/v2.yaml", "--set", "c=3"],
  // Errors
  ["--set", "a"],
  ["--set", "a.b"],
  ["--set", ","],
  ["--set", "a=1,"],
  ["--set", "a.=1"],
  ["--set", "a[x]=1"],
  ["--set", "a[0]x=1"],
  ["--set", "a[-1]=1"],
  ["--set", "a[70000]=1"],
  ["--set", "a={1,2"],
  ["--set", "scalar.x=1"],
  ["--set", "existing[0]=1"],
  ["--set", "existing.list.x=1"],
  ["--set", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.a2.a3.a4.a5=1"],
  ["--set-json", "a=[1"],
  ["--set-json", "a=1x"],
  ["--set-json", "{bad"],
  ["--set-json", "null"],
  ["--set-literal", "a"],
  ["--set-file", "a=data/none.txt"],
  ["-f", "data/none.yaml"],
  ["-f", "data/bad.yaml"],
  ["-f", "data/list.yaml"],
];

const extra = {
  "data/v1.yaml": "a: 1\nb: {c: 1, d: [1]}\n",
  "data/v2.yaml": "b: {c: 2, d: [2]}\n---\ne: doc2\n",
  "data/bad.yaml": "a: [\n",
  "data/list.yaml": "- 1\n",
};

const all = { ...files, ...extra };
const dir = writeChart(all, "sv");
for (const [k, v] of Object.entries(extra)) writeFileSync(join(dir, k), v);
const chart = loadChartPath(dir);

for (const args of cases) {
  test(`strvals: ${args.join(" ")}`, async () => {
    const r = await runHelm(["template", dir, ...args], { cwd: dir, cacheKey: hashFiles(all) });
    let ours: string;
    try {
      const user = mergeUserValues(parseValueArgs(args), (p) => {
        try {
          return readFileSync(join(dir, p));
        } catch {
          throw new Error(`open ${p}: no such file or directory`);
        }
      });
      ours = typedDump(coalesceValues(chart, user));
    } catch (e) {
      ours = `Error: ${(e as Error).message}`;
    }
    const label = args.join(" ");
    if (r.code !== 0) {
      assert.equal(ours, `Error: ${helmErrorMessage(r.stderr)}`, label);
      return;
    }
    const m = /^t: (\S*)$/m.exec(r.stdout);
    assert.ok(m, `${label}: ${r.stdout}`);
    assert.equal(ours, Buffer.from(m[1]!, "base64").toString("utf8"), label);
  });
}
