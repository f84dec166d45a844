// Bad values.yaml files: helm's error text (from stderr) against ours, built
// the way helm's LoadValues builds it: documents split on "---" lines, each
// read with sigs.k8s.io/yaml.Unmarshal into a map.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readYAMLInto, splitYAMLDocuments } from "../../src/yaml/decode.ts";
import { YAMLError } from "../../src/yaml/errors.ts";
import { hashFiles, runHelm, writeChart } from "../helpers/oracle.ts";
import { helmErrorMessage } from "../helpers/template-cases.ts";

const BAD = [
  "a: 1\n b: 2\n",
  "a:\n\t- 1\n",
  "a: b: c\n",
  "a: [1, 2\n",
  'a: "x\n',
  "a:\n  b: 1\n c: 2\n",
  "a: 1\n- b\n",
  "- a\nb: 1\n",
  "a: {b\n",
  "a: 'x\n",
  "key: value\n  bad: 1\n",
  "a: *x\n",
  "\ta: 1\n",
  "a: 1\n\tb: 2\n",
  "a: @x\n",
  "a: `x\n",
  "[a, b]: c\n",
  "{a: 1}: c\n",
  "a: 1\n?\n",
  "x: .inf\n",
  "x: [.nan]\n",
  "- 1\n- 2\n",
  "just a string\n",
  "42\n",
  "a: 1\n--- x\n",
  "a: !!int abc\n",
  "a: !!binary '%%%'\n",
  "b: &a [*a]\n",
  "a: &x 1\n<<: *x\n",
  'a: 1\nb: "q\\qz"\n',
  'a: "x\\/y"\n',
  "a: 1\nseq: [a, , b]\n",
  "a:\n  - 1\n  -\n - 2\n",
  "a: |\n  x\n y\n",
  "a: >\n x\n\tb\n",
  "a: 'x'y\n",
  'a: "x"y\n',
  "a: [1]x\n",
  "a: !<tag:yaml.org,2002:int> 12\n",
  "a: b\n  c: d\n",
];

const CHART_YAML = "apiVersion: v2\nname: chart\nversion: 0.1.0\n";
const PREFIX = "cannot load values.yaml: ";

/** Our error for a values file, as helm's LoadValues would produce it ("" when it loads). */
function ourError(text: string): string {
  try {
    for (const doc of splitYAMLDocuments(text)) {
      try {
        readYAMLInto(doc, "map");
      } catch (e) {
        if (e instanceof YAMLError) return `cannot unmarshal yaml document: ${e.message}`;
        throw e;
      }
    }
  } catch (e) {
    if (e instanceof YAMLError && !e.message.startsWith("cannot"))
      return `error reading yaml document: ${e.message}`;
    if (e instanceof YAMLError) return e.message;
    throw e;
  }
  return "";
}

test("bad values files give helm's error text", async () => {
  const results = await Promise.all(
    BAD.map(async (values) => {
      const files = { "Chart.yaml": CHART_YAML, "values.yaml": values, "templates/a.yaml": "a: 1\n" };
      const r = await runHelm(["template", writeChart(files)], { cacheKey: hashFiles(files) });
      const helm = r.code === 0 ? "" : helmErrorMessage(r.stderr).replace(PREFIX, "");
      return { values, helm, ours: ourError(values) };
    }),
  );
  const bad = results.filter((r) => r.helm !== r.ours);
  assert.equal(
    bad.length,
    0,
    `${bad.length}/${results.length} differ:\n` +
      bad.map((b) => `${JSON.stringify(b.values)}\n  helm: ${b.helm}\n  ours: ${b.ours}`).join("\n"),
  );
});
