// Behaviour helm's `template` command cannot show, checked against Go's own
// text/template (test/template/go-oracle, built with the local Go toolchain):
// missingkey=default and =error, the built-in slice (Sprig's shadows it in
// helm), and how separately parsed files replace each other's templates.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type MissingKey, TemplateSet } from "../../src/template/index.ts";
import { projectRoot } from "../helpers/oracle.ts";
import { fromJSON } from "./harness.ts";

interface GoCase {
  files: [string, string][];
  exec: string;
  data: unknown;
  missingkey: MissingKey;
}
interface GoResult {
  output?: string;
  error?: string;
}

function oracleBinary(): string | undefined {
  const bin = join(projectRoot, ".cache", "goracle", "goracle");
  if (existsSync(bin)) return bin;
  try {
    mkdirSync(join(projectRoot, ".cache", "goracle"), { recursive: true });
    execFileSync("go", ["build", "-o", bin, "."], { cwd: join(projectRoot, "test/template/go-oracle") });
    return bin;
  } catch {
    return undefined;
  }
}

function ours(c: GoCase): GoResult {
  const set = new TemplateSet({ funcs: {}, missingKey: c.missingkey });
  try {
    for (const [name, text] of c.files) set.parse(name, text);
    return { output: set.execute(c.exec, fromJSON(c.data)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const D = { s: "hello", u: "héllo", n: 3, nul: null, l: ["a", "b", "c"], m: { a: 1, c: { d: "x" } } };
const one = (t: string, missingkey: MissingKey = "default"): GoCase => ({
  files: [["t.yaml", t]],
  exec: "t.yaml",
  data: D,
  missingkey,
});

const missingKeyTemplates = [
  "{{ .missing }}",
  "{{ .missing.x }}",
  "{{ .m.missing }}",
  "{{ .m.missing.x }}",
  "{{ .nul }}",
  "{{ .nul.x }}",
  "{{ $x := .missing }}{{ $x.y }}",
  '{{ $x := index . "missing" }}{{ $x.y }}',
  '{{ index . "missing" }}',
  '{{ printf "%v" .missing }}',
  "{{ with .missing }}x{{ else }}none{{ end }}",
  "{{ range .missing }}x{{ else }}none{{ end }}",
  "{{ if .m.missing }}x{{ end }}",
  "{{ .s }}{{ .m.c.d }}",
  "{{ eq .missing nil }}",
  "{{ len .missing }}",
  "{{ print .missing }}",
];

const sliceTemplates = [
  "{{ slice .l 1 }} {{ slice .l 1 2 }} {{ slice .l }} {{ slice .l 0 3 }} {{ slice .l 1 2 3 }}",
  "{{ slice .l 2 1 }}",
  // Not "{{ slice .l 4 }}": Go checks against the slice's capacity, which for
  // JSON-decoded lists depends on append's growth; ours equals the length.
  "{{ slice .l 5 }}",
  "{{ slice .l 1 2 3 4 }}",
  "{{ slice .l 1 2 1 }}",
  "{{ slice .l 1.0 }}",
  "{{ slice .s 1 3 }} {{ slice .s 2 }} {{ slice .s 5 }}",
  "{{ slice .u 1 3 | len }}",
  "{{ slice .s 1 2 3 }}",
  "{{ slice .n 1 }}",
  "{{ slice .missing 1 }}",
  "{{ slice .nul 1 }}",
  "{{ slice nil }}",
  '{{ printf "%T" (slice .l 1) }}',
  "{{ slice }}",
];

const multiFile: GoCase[] = [
  [
    ["a", '{{ define "x" }}1{{ end }}'],
    ["b", '{{ define "x" }}2{{ end }}'],
  ],
  [
    ["a", '{{ define "x" }}1{{ end }}'],
    ["b", '{{ define "x" }}  {{/* c */}} {{ end }}'],
  ],
  [
    ["a", '{{ define "x" }} {{ end }}'],
    ["b", '{{ define "x" }}2{{ end }}'],
  ],
  [
    ["a", '{{ define "x" }}1{{ end }}'],
    ["x", "top"],
  ],
  [
    ["a", '{{ define "x" }}1{{ end }}'],
    ["x", ""],
  ],
  [
    ["x", "top"],
    ["a", '{{ define "x" }}1{{ end }}'],
  ],
  [["x", '{{ define "x" }}1{{ end }}top']],
  [["x", '{{ define "x" }}1{{ end }}']],
  [
    ["a", '{{ block "x" . }}A{{ end }}'],
    ["b", '{{ define "x" }}B{{ end }}'],
  ],
  [
    ["b", '{{ define "x" }}B{{ end }}'],
    ["a", '{{ block "x" . }}A{{ end }}'],
  ],
  [
    ["a", 'a:{{ template "y" .s }}'],
    ["b", '\n\n{{ define "y" }}\n  {{ .z }}{{ end }}'],
  ],
].map((files) => ({
  files: files as [string, string][],
  exec: "x",
  data: D,
  missingkey: "default" as const,
}));
// Execute the file that calls into another file, and a name nobody defined.
multiFile[10]!.exec = "a";
multiFile.push({ files: [["a", "x"]], exec: "nope", data: D, missingkey: "default" });
multiFile.push({ files: [["a", ""]], exec: "a", data: D, missingkey: "default" });

const cases: [string, GoCase[]][] = [
  ["missingkey=default", missingKeyTemplates.map((t) => one(t, "default"))],
  ["missingkey=zero", missingKeyTemplates.map((t) => one(t, "zero"))],
  ["missingkey=error", missingKeyTemplates.map((t) => one(t, "error"))],
  ["built-in slice", sliceTemplates.map((t) => one(t))],
  ["templates across Parse calls", multiFile],
];

const bin = oracleBinary();
const all = cases.flatMap(([, cs]) => cs);
const expected: GoResult[] = bin
  ? JSON.parse(execFileSync(bin, { input: JSON.stringify(all), encoding: "utf8" }))
  : [];

for (const [topic, cs] of cases) {
  test(`Go text/template oracle: ${topic} (${cs.length} cases)`, {
    skip: bin ? false : "no Go toolchain",
  }, () => {
    const diffs: string[] = [];
    for (const c of cs) {
      const want = expected[all.indexOf(c)]!;
      const got = ours(c);
      if (want.output !== got.output || want.error !== got.error) {
        diffs.push(
          `${JSON.stringify(c.files)} exec ${c.exec}\n  go:   ${JSON.stringify(want)}\n  ours: ${JSON.stringify(got)}`,
        );
      }
    }
    assert.equal(diffs.length, 0, diffs.join("\n"));
  });
}
