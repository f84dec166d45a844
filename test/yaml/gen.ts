// A fast-check generator of values documents written as YAML flow text:
// every scalar shape (plain YAML 1.1 words and numbers of every form, quoted
// strings with unicode and control characters), nesting, empty containers.
import fc from "fast-check";
import { STRINGS, yamlQuote } from "./cases.ts";

const PLAIN_TOKENS = [
  "0",
  "1",
  "-1",
  "+1",
  "42",
  "1000000",
  "12345678901",
  "9007199254740993",
  "1e6",
  "1e21",
  "1e-7",
  "1.5",
  ".5",
  "-0",
  "0x1F",
  "0o17",
  "017",
  "08",
  "1_000",
  "3.14159265358979",
  "123456789012345678901234567890",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "True",
  "NO",
  "null",
  "~",
  "Null",
  "word",
  "two words",
  "2001-12-14",
  "1:20",
  "v1.2.3",
  "a-b_c.d",
  "日本",
  "é",
  "http://x/y",
];

const scalarText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_TOKENS) },
  { weight: 3, arbitrary: fc.constantFrom(...STRINGS).map(yamlQuote) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }).map(yamlQuote) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }).map(yamlQuote) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)) },
);

const keyText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("a", "b", "a1", "a10", "a2", "B", "_x", "key", "k-1", "z", "0", "10"),
  },
  // Keys with digit runs past int64 make go-yaml's key order non-transitive
  // (its digit accumulator overflows), so Go's own output depends on map order.
  { weight: 2, arbitrary: fc.constantFrom(...STRINGS.filter((s) => !/\d{19}/.test(s))).map(yamlQuote) },
  { weight: 1, arbitrary: fc.constantFrom("yes", "no", "on", "1", "2.5", "true", "~x") },
);

// Keys that become the same JSON key ("0" and 0, yes and true) leave Go's
// random map order to pick the winner, so a document holds only one of them.
function canonicalKey(k: string): string {
  const s = k.replace(/^"(.*)"$/, "$1");
  return s === "yes" || s === "on" ? "true" : s === "no" ? "false" : s;
}

const { doc } = fc.letrec<{ node: string; map: string; seq: string; doc: string }>((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarText, tie("map"), tie("seq")),
  map: fc
    .uniqueArray(fc.tuple(keyText, tie("node")), { maxLength: 5, selector: (t) => canonicalKey(t[0]) })
    .map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
  seq: fc.array(tie("node"), { maxLength: 5 }).map((items) => `[${items.join(", ")}]`),
  doc: tie("map"),
}));

/** Values documents (YAML flow text with a map at the top). */
export const documentArbitrary: fc.Arbitrary<string> = doc;
