// Property test: random --set / --set-string / --set-json / --set-literal
// lines, parsed by helm 4 and by us, must give the same typed .Values (or the
// same error). CI runs a fixed seed and a few dozen lines; set
// STRVALS_RUNS=2000 (and STRVALS_SEED) for a long run.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { loadChartPath } from "../../src/node/fs-load.ts";
import { coalesceValues } from "../../src/values/coalesce.ts";
import { goSprintV } from "../../src/values/go-fmt.ts";
import { mergeUserValues } from "../../src/values/user-values.ts";
import { hashFiles, runHelm, writeChart } from "../helpers/oracle.ts";
import { helmErrorMessage } from "../helpers/template-cases.ts";

const files = {
  "Chart.yaml": "apiVersion: v2\nname: sp\nversion: 0.1.0\n",
  "values.yaml": "m: {a: 1}\nl: [x]\ns: str\n",
  "templates/_t.tpl": `{{- define "t" -}}
{{- if kindIs "map" . -}}{ {{- range $k, $v := . }}{{ $k }}:{{ include "t" $v }},{{ end -}} }
{{- else if kindIs "slice" . -}}[{{ range . }}{{ include "t" . }},{{ end }}]
{{- else -}}{{ typeOf . }}({{ . }})
{{- end -}}
{{- end -}}`,
  "templates/dump.yaml": 't: {{ include "t" .Values | b64enc }}\n',
};

function typedDump(v: unknown): string {
  if (v instanceof Map)
    return `{${[...v.keys()]
      .sort()
      .map((k) => `${k}:${typedDump(v.get(k))},`)
      .join("")}}`;
  if (Array.isArray(v)) return `[${v.map((x) => `${typedDump(x)},`).join("")}]`;
  if (v === null) return "<nil>(<no value>)";
  const t =
    typeof v === "string"
      ? "string"
      : typeof v === "bigint"
        ? "int64"
        : typeof v === "boolean"
          ? "bool"
          : "float64";
  return `${t}(${goSprintV(v)})`;
}

const keyPart = fc.constantFrom("a", "b", "m", "l", "s", "x1", "k\\.d", "k\\,c", "");
const key = fc
  .array(fc.tuple(keyPart, fc.option(fc.nat({ max: 3 }), { nil: undefined })), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([k, i]) => (i === undefined ? k : `${k}[${i}]`)).join("."));
const scalar = fc.constantFrom(
  "1",
  "0",
  "-3",
  "007",
  "1.5",
  "true",
  "False",
  "null",
  "",
  "x y",
  "a\\,b",
  "{1,b}",
  "{}",
  "9223372036854775808",
  "é",
);
const jsonValue = fc.constantFrom("1", '"s"', "[1,2]", '{"a":null}', "null", "", " 2 ", "tru");
const flag = fc.constantFrom("--set", "--set-string", "--set-json", "--set-literal");

const line = fc
  .tuple(flag, fc.array(fc.tuple(key, fc.boolean()), { minLength: 1, maxLength: 3 }), scalar, jsonValue)
  .map(
    ([f, pairs, v, j]) =>
      [f, pairs.map(([k, eq]) => (eq ? `${k}=${f === "--set-json" ? j : v}` : k)).join(",")] as const,
  );

const dir = writeChart(files, "sp");
const chart = loadChartPath(dir);

test("random --set lines read as helm reads them", async () => {
  const runs = Number(process.env.STRVALS_RUNS ?? 30);
  const seed = Number(process.env.STRVALS_SEED ?? 42);
  const samples = fc.sample(line, { seed, numRuns: runs });
  for (const [f, text] of samples) {
    const r = await runHelm(["template", dir, f, text], { cacheKey: hashFiles(files) });
    let ours: string;
    try {
      const opts = {
        valueFiles: [],
        set: [],
        setString: [],
        setFile: [],
        setJson: [],
        setLiteral: [],
      } as Record<string, string[]>;
      const field = {
        "--set": "set",
        "--set-string": "setString",
        "--set-json": "setJson",
        "--set-literal": "setLiteral",
      }[f];
      opts[field]!.push(text);
      ours = typedDump(
        coalesceValues(
          chart,
          mergeUserValues(opts as never, () => new Uint8Array()),
        ),
      );
    } catch (e) {
      ours = `Error: ${(e as Error).message}`;
    }
    const theirs =
      r.code === 0
        ? Buffer.from(/^t: (\S*)$/m.exec(r.stdout)?.[1] ?? "", "base64").toString("utf8")
        : `Error: ${helmErrorMessage(r.stderr)}`;
    assert.equal(ours, theirs, `${f} ${text}`);
  }
});
