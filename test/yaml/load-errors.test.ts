// Load errors of YAML files in a chart and of -f files, as `helm template`
// prints them (file named, go-yaml's text, helm 4's wrapping), and the size
// limit helm's directory loader applies: capstan's CLI against helm's.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { differentialTemplate } from "../helpers/differential.ts";
import type { ChartFiles } from "../helpers/oracle.ts";
import { brokenDocumentArbitrary } from "./broken-gen.ts";

const V2 = "apiVersion: v2\nname: c\nversion: 0.1.0\n";
const V1 = "apiVersion: v1\nname: c\nversion: 0.1.0\n";
const SUB = "apiVersion: v2\nname: sub\nversion: 0.1.0\n";
const T = { "templates/a.yaml": "a: {{ .Values.a | default 1 }}\n" };
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
const big = `a: 1\nb: "${"x".repeat(5 * 1024 * 1024)}"\n`;

const CHARTS: Record<string, ChartFiles> = {
  "values.yaml flow": { "Chart.yaml": V2, "values.yaml": "a: [1, 2\n", ...T },
  "values.yaml indent": { "Chart.yaml": V2, "values.yaml": "a: 1\n b: 2\n", ...T },
  "values.yaml list": { "Chart.yaml": V2, "values.yaml": "- 1\n", ...T },
  "values.yaml second document": { "Chart.yaml": V2, "values.yaml": "a: 1\n---\nb: {\n", ...T },
  "values.yaml separator": { "Chart.yaml": V2, "values.yaml": "a: 1\n--- x\n", ...T },
  "values.yaml control character": { "Chart.yaml": V2, "values.yaml": "a: \u0001\n", ...T },
  "values.yaml tab": { "Chart.yaml": V2, "values.yaml": "a:\n\tb: 1\n", ...T },
  "values.yaml unknown anchor": { "Chart.yaml": V2, "values.yaml": "a: *x\n", ...T },
  "values.yaml BOM and CRLF": { "Chart.yaml": V2, "values.yaml": "\uFEFFa: 1\r\nb: [\r\n", ...T },
  "values.yaml without a final newline": { "Chart.yaml": V2, "values.yaml": "a: 1\nb: 'x", ...T },
  "values.yaml CRLF and a lone CR": { "Chart.yaml": V2, "values.yaml": "a: 1\r\nb: 'x\r", ...T },
  "values.yaml separator with CRLF": { "Chart.yaml": V2, "values.yaml": "a: 1\r\n--- \r\nb: [\r\n", ...T },
  "values.yaml too large": { "Chart.yaml": V2, "values.yaml": big, ...T },
  "values.yaml invalid UTF-8": { "Chart.yaml": V2, "values.yaml": bytes("a: 1\nb: x", [0xff], "\n"), ...T },
  "values.yaml truncated UTF-8": { "Chart.yaml": V2, "values.yaml": bytes("a: x", [0xc3]), ...T },
  "values.yaml BOM before ---": { "Chart.yaml": V2, "values.yaml": "\uFEFF---\na: 1\n---\nb: 2\n", ...T },
  "Chart.yaml flow": { "Chart.yaml": "apiVersion: v2\nname: [\n", ...T },
  "Chart.yaml tab": { "Chart.yaml": "apiVersion: v2\n\tname: c\n", ...T },
  "Chart.yaml list": { "Chart.yaml": "- a\n", ...T },
  "Chart.lock": { "Chart.yaml": V2, "Chart.lock": "dependencies: [\n", ...T },
  "requirements.yaml": {
    "Chart.yaml": V1,
    "requirements.yaml": "dependencies:\n- name: x\n version: 1\n",
    ...T,
  },
  "requirements.lock": { "Chart.yaml": V1, "requirements.lock": "generated: 'x\n", ...T },
  "subchart values.yaml": {
    "Chart.yaml": V2,
    ...T,
    "charts/sub/Chart.yaml": SUB,
    "charts/sub/values.yaml": "a: {b: 1\n",
  },
  "subchart Chart.yaml": { "Chart.yaml": V2, ...T, "charts/sub/Chart.yaml": "name: sub\nversion: [\n" },
  "template output": { "Chart.yaml": V2, "templates/a.yaml": "a: [\nb: 1\n" },
};

const work = mkdtempSync(join(tmpdir(), "capstan-load-errors-"));
const FILES: Record<string, string> = {
  "bad flow": "a: {b: [1\n",
  "bad quote": "a: 'x\nb: 2\n",
  list: "- a\n",
  "no final newline": "a: {b: 1",
  "second document": "a: 1\n---\n\tb: 1\n",
  "too large for a chart file": big,
};

for (const [name, files] of Object.entries(CHARTS)) {
  test(`load error: ${name}`, async () => {
    const c = await differentialTemplate(files);
    assert.ok(c.equal, c.diff);
  });
}

for (const [name, text] of Object.entries(FILES)) {
  test(`-f file: ${name}`, async () => {
    const file = join(work, `${name.replace(/ /g, "-")}.yaml`);
    writeFileSync(file, text);
    const c = await differentialTemplate({ "Chart.yaml": V2, ...T }, ["{chart}", "-f", file]);
    assert.ok(c.equal, c.diff);
  });
}

test("values files made by random edits load (or fail) as helm's do (seed 42)", async () => {
  const docs = fc.sample(brokenDocumentArbitrary, { seed: 42, numRuns: 24 });
  const diffs: string[] = [];
  for (const doc of docs) {
    const c = await differentialTemplate({ "Chart.yaml": V2, "values.yaml": doc, ...T });
    if (!c.equal) diffs.push(`${JSON.stringify(doc)}\n${c.diff}`);
  }
  assert.equal(diffs.length, 0, diffs.slice(0, 3).join("\n"));
});
