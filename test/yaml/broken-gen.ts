// A fast-check generator of broken (and some still valid) YAML documents:
// random edits of valid values documents — unclosed flow collections, bad
// indentation, tabs, stray indicators, unterminated quotes, bad escapes,
// anchors and aliases, directives, several documents, BOMs, CRLF, control
// characters — and a runner comparing helm's fromYaml error with ours.
import fc from "fast-check";
import { readYAML } from "../../src/yaml/decode.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { yamlQuote } from "./cases.ts";
import { fromYaml } from "./harness.ts";

const BASES = [
  "a: 1\nb: two\n",
  'image:\n  repository: nginx\n  tag: "1.25"\n  pullPolicy: IfNotPresent\nreplicas: 3\n',
  "list:\n- a\n- b: 1\n  c: 2\n- [x, y]\n",
  "list:\n  - one\n  - two\n  -\n    k: v\n",
  "flow: {a: 1, b: [1, 2, {c: d}], e: 'q''s'}\nnext: \"x\\ty\"\n",
  "text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\nkeep: |+\n  x\n\nend: 1\n",
  "base: &b\n  x: 1\n  y: 2\nderived:\n  <<: *b\n  y: 3\nref: *b\n",
  "? complex\n: value\n? [a, b]\n: seq\n",
  "tagged: !!str 12\nint: !!int '7'\nbin: !!binary aGVsbG8=\n",
  "%YAML 1.1\n---\na: 1\n...\n",
  "---\na: 1\n---\nb: 2\n",
  'multi: this is\n  a plain scalar\n  over lines\nq: "and a\n  quoted one"\n',
  "# comment\nkey: value # trailing\nempty:\nnull: ~\n",
  "- 1\n- - 2\n  - 3\n- {a: b}\n",
  "deep:\n  a:\n    b:\n      c:\n        - d\n        - e: f\n",
  "s: 'single'\nd: \"double \\u00e9 \\x41\"\np: plain text here\n",
];

const FRAGMENTS = [
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ": ",
  "- ",
  "-",
  "? ",
  "?",
  "\t",
  "'",
  '"',
  "\\q",
  "\\x4",
  "\\/",
  "&a ",
  "&",
  "*a",
  "*zz",
  "* ",
  "!!int ",
  "!x!y ",
  "!<tag:x> ",
  "!",
  "%YAML 1.1\n",
  "%YAML 2.0\n",
  "%TAG !e! tag:e,2000:\n",
  "%FOO\n",
  "---\n",
  "--- x\n",
  "...\n",
  "\uFEFF",
  "\r\n",
  "\r",
  "\u0001",
  "\u007f",
  "|",
  ">",
  "|0",
  "|2-",
  "#",
  " #",
  "\n",
  "\n  ",
  "\n ",
  " ",
  "  ",
  "@",
  "`",
  "%",
  "a: b: c",
  "\n- x",
  "\nk: v",
  "[a, b",
  "{a: 1",
  "\u00e9",
  "\u{1F680}",
];

type Edit = { kind: "insert" | "delete" | "replace"; at: number; frag: number; len: number };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("insert", "insert", "insert", "delete", "replace"),
  at: fc.nat(),
  frag: fc.nat({ max: FRAGMENTS.length - 1 }),
  len: fc.integer({ min: 1, max: 3 }),
});

function applyEdit(doc: string, e: Edit): string {
  const at = doc.length === 0 ? 0 : e.at % (doc.length + 1);
  const frag = FRAGMENTS[e.frag]!;
  if (e.kind === "insert") return doc.slice(0, at) + frag + doc.slice(at);
  if (e.kind === "delete") return doc.slice(0, at) + doc.slice(at + e.len);
  return doc.slice(0, at) + frag + doc.slice(at + e.len);
}

/** Documents made by 1 to 3 random edits of a valid one. */
export const brokenDocumentArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: BASES.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([base, edits, crlf]) => {
    let d = BASES[base]!;
    if (crlf) d = d.replace(/\n/g, "\r\n");
    for (const e of edits) d = applyEdit(d, e);
    return d;
  });

export interface ErrorMismatch {
  doc: string;
  helm: string;
  ours: string;
}

/** helm's `fromYaml` Error text (or "" when it parses) against ours, for each document. */
export async function compareFromYamlErrors(docs: string[]): Promise<ErrorMismatch[]> {
  const values = "docs:\n" + docs.map((d) => `- ${yamlQuote(d)}\n`).join("");
  const list = (readYAML(values) as Map<string, string[]>).get("docs")!;
  const cases = docs.map((_, i) => ({
    template: `{{ get (fromYaml (index .Values.docs ${i})) "Error" }}`,
    values,
  }));
  const results = await helmRenderCases(cases);
  const out: ErrorMismatch[] = [];
  docs.forEach((doc, i) => {
    const r = results[i]!;
    const helm = r.output ?? `HELM FAILED: ${r.error}`;
    const v = fromYaml(list[i]!) as Map<string, unknown>;
    const ours = String(v.get("Error") ?? "");
    if (helm !== ours) out.push({ doc, helm, ours });
  });
  return out;
}

export function describeErrors(ms: ErrorMismatch[], max = 10): string {
  return ms
    .slice(0, max)
    .map((m) => `${JSON.stringify(m.doc)}\n  helm: ${m.helm}\n  ours: ${m.ours}`)
    .join("\n");
}
