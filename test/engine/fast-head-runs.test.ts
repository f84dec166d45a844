// The fast SimpleHead scanner skips runs of plain "key: scalar" lines with one
// match (skipRun in src/engine/fast-head.ts). Whatever it accepts must agree
// with the full path (readYAML, then simpleHead); these documents put runs next
// to every line shape that must end one: deeper lines, items, bool-like keys,
// comments, odd scalars, a missing final newline.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { agree } from "./fast-head-agree.ts";

test("fast head: runs of plain entries, and the lines that end them", () => {
  const head = "apiVersion: v1\nkind: A\nmetadata:\n  name: n\nspec:\n";
  const taken = [
    "  a: 1\n  b: x\n  c: 'q'\n  d: \"r\"\n  e: http://x:80/y\n  f: a b, [c] {d}\n",
    "  a: 1\n  b: x\n  c:\n    d: e\n    f: g\n  h: i\n",
    "  a: 1\n  b: x\n  c:\n  - d\n  e: f",
    "  a: 1\n  b: x\n\n  c: y\n  # comment\n  d: z\n",
    "  list:\n  - name: c1\n    image: x\n    port: 80\n  - name: c2\n    image: y\n",
    "  a: |\n    text\n  b: x\n  c: y\n",
    "  a: x\n  b: yes\n  trueish: c\n  offset: d\n",
    "  a: x\n  b: 1e400x\n",
    "  ports:\n    - containerPort: 80\n    - containerPort: 443\n      protocol: TCP\n    - name: x\n  after: y\n",
    "  env:\n  - name: A\n    value: \"0\"\n  - name: B\n    value: 'x'\n    extra:\n      deeper: z\n  - name: C\n",
    "  l:\n  - a: 1\n  - b: 2\n  -   c: 3\n      d: 4\n  - e\n",
  ];
  for (const body of taken) assert.ok(agree(head + body), body);
  const handedOver = [
    "  a: 1\n  b: x\n    c: d\n",
    "  a: 1\n  b: x\n  - c\n",
    "  a: 1\n  yes: x\n",
    "  a: 1\n  n: x\n",
    "  a: 1\n  b: x#y\n  c: d # e\n",
    "  a: 1\n  b: c: d\n",
    "  a: 1\n  b: c:\n",
    "  a: 1\n  b: .inf\n  c: .nan\n",
    "  a: 1\n  b: 1e400\n",
    "  a: 1\n  b: 'x' y\n",
    '  a: 1\n  b: "x\\"y"\n',
    "  a: 1\n  b: x \n",
    "  a: 1\n b: x\n",
    "  a: 1\n   b: x\n",
    "  a: 1\n  b: x\nkind: B\n",
    "  l:\n  - a: 1\n  - b: 2\n      c: 3\n",
    "  l:\n  - a: 1\n    b: 2\n  - c: 3\n   d: 4\n",
    "  l:\n  - a: 1\n  - b: 2\n    - c\n",
    "  l:\n  - a: 1\n  - yes: 2\n",
    "  l:\n  - a: 1\n  - b: 2 # c\n  - d: e: f\n",
  ];
  for (const body of handedOver) agree(head + body);
});

// Lines of many shapes at indentations 0-6, joined into documents that are
// mostly invalid: the scanner must agree with the full path whenever it accepts.
const line = fc.tuple(
  fc.constantFrom(0, 2, 2, 4, 4, 6),
  fc.constantFrom("a", "b2", "app.kubernetes.io/name", "yes", "on", "n", "kind", "name", "_x", "/p"),
  fc.constantFrom(
    ": x",
    ": 80",
    ": 'q'",
    ': "r"',
    ": a:b",
    ": a: b",
    ": a #c",
    ": .inf",
    ": 1e400",
    ": x ",
    ":",
    ": |",
    ": {}",
    ": [a]",
    ": -1",
    ": ~",
    "",
  ),
  fc.constantFrom("", "", "", "- ", "# "),
);

test("fast head agrees with the full path on generated line soups (fast-check)", () => {
  let taken = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, finalNewline) => {
      const body = lines.map(([n, k, v, pre]) => `${" ".repeat(n)}${pre}${k}${v}`).join("\n");
      const doc = `kind: K\nmetadata:\n  name: m\nspec:\n${body}${finalNewline ? "\n" : ""}`;
      if (agree(doc)) taken++;
    }),
    { seed: 42, numRuns: 2000 },
  );
  assert.ok(taken > 100, `fast path took only ${taken} documents`);
});
