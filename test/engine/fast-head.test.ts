// The fast SimpleHead scanner must agree with the full path (readYAML, then
// simpleHead: helm's yaml.Unmarshal into releaseutil.SimpleHead) on every
// document it accepts, hand everything else over, and accept the plain
// documents charts render (or it saves nothing).
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { generatedChart } from "../../bench/generated-chart.ts";
import { renderChart } from "../../src/actions/render.ts";
import { splitManifests } from "../../src/engine/manifests.ts";
import { loadChartPath } from "../../src/node/fs-load.ts";
import { readYAML } from "../../src/yaml/decode.ts";
import { toYAML } from "../../src/yaml/encode.ts";
import { projectRoot } from "../helpers/oracle.ts";
import { STRINGS, yamlQuote } from "../yaml/cases.ts";
import { documentArbitrary } from "../yaml/gen.ts";
import { agree } from "./fast-head-agree.ts";

const indent = (text: string, n: number) => text.replace(/\n$/, "").replace(/^/gm, " ".repeat(n));

function renderedDocs(dir: string): string[] {
  const out: string[] = [];
  try {
    const r = renderChart(loadChartPath(dir), new Map());
    for (const content of r.files.values()) out.push(...splitManifests(content));
  } catch {
    // Fixtures that fail on purpose render nothing.
  }
  return out;
}

test("fast head agrees with the full path on every document the fixture charts render", () => {
  const fixtures = join(projectRoot, "test/fixtures/charts");
  let docs = 0;
  for (const name of readdirSync(fixtures)) {
    for (const d of renderedDocs(join(fixtures, name))) {
      agree(d);
      docs++;
    }
  }
  assert.ok(docs > 50, `only ${docs} documents`);
});

test("fast head takes the documents of a generated chart and the scaffold-like shapes", () => {
  const dir = generatedChart(mkdtempSync(join(tmpdir(), "capstan-fast-head-")), "g", 3);
  const docs = renderedDocs(dir);
  assert.equal(docs.length, 3);
  for (const d of docs) assert.ok(agree(d), d);
  const hook = [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    '  name: "x-test-connection"',
    "  labels:",
    "    app.kubernetes.io/name: x",
    "  annotations:",
    '    "helm.sh/hook": test',
    "spec:",
    "  containers:",
    "    - name: wget",
    "      image: busybox",
    "      command: ['wget']",
    "      args: ['x:80']",
    "  restartPolicy: Never",
  ].join("\n");
  assert.ok(agree(hook), hook);
  const configMap =
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a.conf: |\n    # comment\n    key: value\n\n  b: x\n";
  assert.ok(agree(configMap), configMap);
});

test("fast head agrees on hand-made heads, hooks and invalid documents", () => {
  const cases = [
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
    "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install,post-install\n    helm.sh/hook-weight: 5\n    helm.sh/hook-delete-policy: before-hook-creation\n",
    "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook-weight: '-5'\n    b: yes\n    a: ~\n    c:\n    d: 0x1F\n",
    "kind: A\nkind: B\nmetadata:\n  name: a\nmetadata:\n  labels: {}\n",
    "kind: A\nmetadata: {}\n",
    "kind: A\nmetadata:\n",
    "kind: A\nmetadata:\n  annotations: {}\n",
    "kind: A\nmetadata:\n  annotations:\n  name: n\n",
    "kind: A\nmetadata:\n  annotations:\n    x:\n      y: z\n",
    "kind: A\nmetadata:\n- a\n",
    "kind: A\nmetadata:\n  - a\n",
    "kind: A\nmetadata: x\n",
    "kind: [A]\n",
    "kind:\n  a: b\n",
    "kind: 1.5\n",
    "kind: 12\n",
    "kind: true\n",
    "kind: 'it''s'\n",
    'kind: "a\\"b\\\\c\\n"\n',
    'kind: "a\\x41"\n',
    "kind: A # comment\n# full line\n\nspec:\n  x: 1\n",
    "kind: A\nspec:\n  replicas: .inf\n",
    "kind: A\nspec:\n  - .nan\n",
    "kind: A\nspec:\n  v: 1e400\n",
    "kind: A\n~: x\n",
    "kind: A\n1: x\n",
    "kind: A\nspec:\n- a\n- b: c\n  d: e\n-   f: g\n    h: i\n-\n  - j\n",
    "kind: A\nspec: a: b\n",
    "kind: A\n  spec: b\n",
    "kind: A\nspec: x\n  y\n",
    "kind: A\n- b\n",
    "- kind: A\n",
    "kind: A\n---\nkind: B\n",
    "kind: A\n...\n",
    "%YAML 1.1\nkind: A\n",
    "kind: A\nspec:\n\tx: 1\n",
    "kind: A\r\nspec: x\r\n",
    "kind: é\n",
    "kind: A\nmetadata:\n  name: a\n  annotations:\n    z: 1\n    a: 2\n    m: 3\n",
    "kind: A\nmetadata:\n  name: a\n  name: b\n",
    "kind: A\n<<: {}\n",
    "kind: A\nspec: {a: 1}\n",
    "kind: A\nspec: &x 1\n",
    "kind: A\nspec: !!str 1\n",
    "kind: A\nspec: |\n  text\n",
    "kind: A\nspec: -\n",
    "kind: A\nspec: - a\n",
    "kind: A\nspec: 'unterminated\n",
    'kind: A\nspec: "a" b\n',
    "kind: A\nk: v:\n",
    "kind: A\nmetadata:\n  name: 2001-12-14\n",
    "kind: A\nmetadata:\n  name: 9007199254740993\n",
    'kind: A\nmetadata:\n  annotations:\n    "helm.sh/hook": test\n    \'b c\': "d"\n    "e # f": g # h\n',
    '"kind": A\n\'metadata\':\n  "name": n\n',
    '"kind":A\n',
    '"kind" : A\n',
    '"a\\x": A\n',
    "'it''s': A\n",
    '"k": [\'wget\']\n"l": ["a", \'b\', c d, 80, -1, .inf]\n',
    "k: ['a', 'b' c]\n",
    "k: ['a',]\n",
    "k: [a, , b]\n",
    "k: [ a ]\n",
    "k: [a: b]\n",
    "k: [a, [b]]\n",
    "k: ['a, b', 'c]']\n",
    "k: ['a # b']\n",
    "k: [.nan]\n",
    "k: [- a]\n",
    "k: [-]\n",
    "k: [a] # c\n",
    "k: [a]]\n",
    "- [a, b]\n",
    "kind: A\nspec:\n  - [a, 'b']\n  - k: [1, 2]\n",
    "kind: A\ndata:\n  a: |\n    x: y\n    # not a comment\n\n      - deeper\n  b: |-\n    z\n  c: >\n    folded\n    text\n  d: 1\n",
    "kind: A\ndata:\n  a: |\n    x\n  # a comment\n  b: 1\n",
    "kind: A\ndata:\n  a: |\n    x\n   y\n",
    "kind: A\ndata:\n  a: |\n  b: 1\n",
    "kind: A\ndata:\n  a: |\n",
    "kind: A\ndata:\n  a: |\n      \n    x\n",
    "kind: A\ndata:\n  a: |\n\n    x\n",
    "kind: A\ndata:\n  a: | # comment\n    x\n",
    "kind: A\ndata:\n  a: |2\n    x\n",
    "kind: A\ndata:\n  a: |+\n    x\n\n",
    "kind: A\ndata:\n  'q': >-\n    x\n---\n",
    "kind: A\ndata:\n  a: |\n    x\n---\nb: 1\n",
    "kind: A\ndata:\n  - |\n    x\n",
    "kind: A\ndata:\n  - a: |\n      x\n",
    "kind: |\n  A\n",
    "kind: A\nmetadata:\n  annotations:\n    a: |\n      x\n",
    "kind: A\nmetadata:\n  name: n\n  labels:\n    a: |\n      x\n",
    "kind: A\ndata:\n  a: |\n    x\n    ---\n    ...\n    %x\n",
    "kind: A\ndata:\n  a: |\n    x\n  b: |\n    y\nc: >\n z\n",
    ...STRINGS.map((s) => `kind: A\nk: [${yamlQuote(s)}, x]\n`),
    ...STRINGS.filter((s) => !s.includes("\n")).map((s) => `kind: A\nk: |\n  ${s}\n  x\n`),
    ...STRINGS.map((s) => `kind: A\n${yamlQuote(s)}: x\n`),
    "kind: A\nmetadata:\n  name: 18446744073709551615\n",
    ...STRINGS.filter((s) => !s.includes("\n")).map((s) => `kind: ${s}\n`),
    ...STRINGS.map((s) => `kind: ${yamlQuote(s)}\n`),
    ...STRINGS.filter((s) => !s.includes("\n")).map(
      (s) => `kind: A\nmetadata:\n  annotations:\n    ${s}: v\n`,
    ),
    ...STRINGS.filter((s) => !s.includes("\n")).map((s) => `kind: A\nspec:\n  - ${s}\n`),
  ];
  for (const c of cases) agree(c);
});

test("fast head agrees on generated documents in head positions (fast-check)", () => {
  const docs = fc.sample(documentArbitrary, { seed: 42, numRuns: 300 });
  let taken = 0;
  for (const d of docs) {
    let block: string;
    try {
      block = toYAML(readYAML(d, { fullParser: true }));
    } catch {
      continue;
    }
    const shapes = [
      block,
      `apiVersion: v1\nkind: K\nmetadata:\n  name: n\n  annotations:\n${indent(block, 4)}\nspec:\n${indent(block, 2)}\n`,
      `kind: K\nmetadata:\n${indent(block, 2)}\n`,
      `kind: K\nspec:\n${indent(block, 2)}\nitems:\n${indent(block, 2).replace(/^ {2}(?! )/gm, "- ")}\n`,
    ];
    for (const s of shapes) if (agree(s)) taken++;
  }
  assert.ok(taken > 40, `fast path took only ${taken} generated documents`);
});
