// marshalJSON writes its text straight from the value; this pins it to the
// plain reading of encoding/json's rules over toJSONTree's copy (the way it was
// written before), on generated values of every shape the value model has.
// helm itself checks toJson/toPrettyJson/toRawJson in test/funcs/encoding.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { GoFloat32, GoInt, MARSHAL_JSON } from "../../src/template/value.ts";
import { formatJSONFloat } from "../../src/yaml/go-float.ts";
import {
  Float32Box,
  type JSONTree,
  marshalJSON,
  quoteJSON,
  STRUCT_ORDER,
  sortedKeys,
  toJSONTree,
} from "../../src/yaml/json-encode.ts";

/** The tree-based encoder: toJSONTree, then the text of the tree. */
function reference(v: unknown, html: boolean, indent: string): string {
  const tree = toJSONTree(v);
  const write = (t: JSONTree, pad: string): string => {
    if (t === null) return "null";
    if (typeof t === "boolean") return t ? "true" : "false";
    if (typeof t === "string") return quoteJSON(t, html);
    if (typeof t === "number") return formatJSONFloat(t);
    if (typeof t === "bigint") return t.toString();
    if (t instanceof Float32Box) return formatJSONFloat(t.v, 32);
    const inner = pad + indent;
    const sep = (i: number) => (i > 0 ? "," : "") + (indent ? `\n${inner}` : "");
    const close = indent ? `\n${pad}` : "";
    if (Array.isArray(t)) {
      if (t.length === 0) return "[]";
      return `[${t.map((x, i) => sep(i) + write(x, inner)).join("")}${close}]`;
    }
    if (t.size === 0) return "{}";
    const keys = (t as any)[STRUCT_ORDER] ? [...t.keys()] : sortedKeys(t);
    const body = keys.map(
      (k, i) => `${sep(i)}${quoteJSON(k, html)}${indent ? ": " : ":"}${write(t.get(k)!, inner)}`,
    );
    return `{${body.join("")}${close}}`;
  };
  return write(tree, "");
}

function outcome(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

// Strings that exercise every escape: controls, quotes, HTML, U+2028, lone and paired surrogates.
const text = fc.string({
  unit: fc.constantFrom(
    "a",
    "Z",
    " ",
    '"',
    "\\",
    "<",
    ">",
    "&",
    "\n",
    "\t",
    "\x01",
    "\u2028",
    "é",
    "\ud83d\ude00",
    "\ud800",
    "\udc00",
    "/",
  ),
  maxLength: 8,
});

const scalar = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  text,
  fc.double(),
  fc.integer().map((n) => n / 8),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: -1000n, max: 1000n }).map((n) => new GoInt(n)),
  fc.float().map((f) => new GoFloat32(f)),
  fc.uint8Array({ maxLength: 7 }),
);

const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, scalar, tie("arr"), tie("map")),
  arr: fc.array(tie("v"), { maxLength: 4 }),
  map: fc
    .tuple(fc.array(fc.tuple(text, tie("v")), { maxLength: 5 }), fc.constantFrom("plain", "struct", "nil"))
    .map(([entries, kind]) => {
      const m = new Map(entries as [string, unknown][]);
      if (kind === "struct") (m as any)[STRUCT_ORDER] = true;
      if (kind === "nil") (m as any)[MARSHAL_JSON] = () => null;
      return m;
    }),
}));

test("marshalJSON writes what the tree-based encoder writes (generated values)", () => {
  fc.assert(
    fc.property(value.v, fc.boolean(), fc.constantFrom("", "  ", "\t"), (v, html, indent) => {
      const got = outcome(() => marshalJSON(v, { escapeHTML: html, indent }));
      assert.equal(
        got,
        outcome(() => reference(v, html, indent)),
      );
    }),
    { seed: 42, numRuns: 400 },
  );
});

test("marshalJSON: unsupported values fail with encoding/json's message", () => {
  assert.equal(
    outcome(() => marshalJSON(new Map([["a", Number.NaN]]))),
    "error: json: unsupported value: NaN",
  );
  assert.equal(
    outcome(() => marshalJSON([new GoFloat32(-Infinity)])),
    "error: json: unsupported value: -Inf",
  );
  // Go meets the keys in sorted order: "a" fails before "b".
  const m = new Map<string, unknown>([
    ["b", () => 1],
    ["a", Number.POSITIVE_INFINITY],
  ]);
  assert.equal(
    outcome(() => marshalJSON(m)),
    "error: json: unsupported value: +Inf",
  );
  // A cycle fails (JavaScript's stack may give out before the depth bound; toJson then writes "" as helm does).
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  assert.throws(() => marshalJSON(cyclic));
});

test("marshalJSON: non-string map keys become strings as in toJSONTree", () => {
  const m = new Map<unknown, unknown>([
    [2, "x"],
    [1, "y"],
  ]);
  assert.equal(marshalJSON(m), '{"1":"y","2":"x"}');
  assert.equal(marshalJSON(m), reference(m, true, ""));
});
