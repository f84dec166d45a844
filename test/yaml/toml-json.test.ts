// toToml layouts and fromJson / fromJsonArray results (values and Go's
// error texts) against helm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readYAML } from "../../src/yaml/decode.ts";
import { YAMLError } from "../../src/yaml/errors.ts";
import { readJSON } from "../../src/yaml/json-decode.ts";
import { marshalJSON } from "../../src/yaml/json-encode.ts";
import { toTOML } from "../../src/yaml/toml.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { yamlQuote } from "./cases.ts";

const TOML_DOCS = [
  "a: 1\nb: x\n",
  "s: hello\nn: 1.5\nb: true\nl: [1, 2, 3]\n",
  "t:\n  x: 1\n  y: z\ntop: 1\n",
  "t:\n  u:\n    v: 1\n  w: 2\n",
  "arr:\n  - {a: 1}\n  - {a: 2, b: {c: 3}}\n",
  'q: \'quote " and \\ back\'\nnl: "a\\nb"\n"key with space": 1\n',
  "big: 1000000\nsmall: 0.000001\nneg: -3\n",
  "mixed: [1, a, true]\nempty: {}\nnone: []\n",
];

const JSON_TEXTS = [
  '{"a": 1, "b": [true, null, "x"], "c": {"d": 1.5e3}}',
  '{"big": 12345678901234567890, "neg": -0, "e": 1E-7}',
  '{"u": "\\u00e9\\ud83d\\ude80\\n", "esc": "\\/\\b\\f"}',
  '{"a": 1,}',
  '{"a" 1}',
  '{"a": tru}',
  '{"a": 01}',
  '{"a": "x',
  "[1, 2]",
  '"str"',
  "",
  "{} x",
  '{"a":1, "a":2}',
  '{"a": -}',
  '{"a": 1.}',
  '{"a": "\t"}',
];

test("toToml matches helm", async () => {
  const cases = TOML_DOCS.map((d) => ({ template: "{{ toToml .Values }}", values: d }));
  const results = await helmRenderCases(cases);
  const diffs: string[] = [];
  TOML_DOCS.forEach((d, i) => {
    let ours: string;
    try {
      ours = toTOML(readYAML(d));
    } catch (e) {
      ours = (e as Error).message;
    }
    const helm = results[i]!.output ?? `ERROR ${results[i]!.error}`;
    if (helm !== ours)
      diffs.push(`${JSON.stringify(d)}\n  helm: ${JSON.stringify(helm)}\n  ours: ${JSON.stringify(ours)}`);
  });
  assert.equal(diffs.length, 0, diffs.join("\n"));
});

function fromJson(s: string, target: "map" | "slice"): unknown {
  try {
    const v = readJSON(s);
    const ok = target === "map" ? v instanceof Map || v === null : Array.isArray(v) || v === null;
    if (!ok) {
      const kind =
        typeof v === "string"
          ? "string"
          : Array.isArray(v)
            ? "array"
            : typeof v === "number"
              ? "number"
              : "object";
      const type = target === "map" ? "map[string]interface {}" : "[]interface {}";
      throw new YAMLError(`json: cannot unmarshal ${kind} into Go value of type ${type}`);
    }
    return v ?? (target === "map" ? new Map() : []);
  } catch (e) {
    if (!(e instanceof YAMLError)) throw e;
    return target === "map" ? new Map([["Error", e.message]]) : [e.message];
  }
}

test("fromJson and fromJsonArray match helm", async () => {
  const values = "texts:\n" + JSON_TEXTS.map((t) => `- ${yamlQuote(t)}\n`).join("");
  const fns = ["fromJson", "fromJsonArray"] as const;
  const cases = JSON_TEXTS.flatMap((_, i) =>
    fns.map((fn) => ({ template: `{{ ${fn} (index .Values.texts ${i}) | toJson }}`, values })),
  );
  const results = await helmRenderCases(cases);
  const diffs: string[] = [];
  let k = 0;
  for (const t of JSON_TEXTS) {
    for (const fn of fns) {
      const helm = results[k++]!.output ?? "ERROR";
      const ours = marshalJSON(fromJson(t, fn === "fromJson" ? "map" : "slice"));
      if (helm !== ours) diffs.push(`${fn}(${JSON.stringify(t)})\n  helm: ${helm}\n  ours: ${ours}`);
    }
  }
  assert.equal(diffs.length, 0, diffs.join("\n"));
});
