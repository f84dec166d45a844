// toYaml (sigs.k8s.io/yaml.Marshal: encoding/json first, then go-yaml v2 on
// the JSON) and toYamlPretty (go-yaml v3 straight from the Go values, indent 2).
import { goRunes } from "../go/bytestring.ts";
import { emitDocument, type YNode } from "./emitter.ts";
import { YAMLError } from "./errors.ts";
import { formatFloat, formatJSONFloat } from "./go-float.ts";
import { Float32Box, type JSONTree, toJSONTree } from "./json-encode.ts";
import { isBase60Float, isOldBool, resolvePlain } from "./resolve.ts";
import { sortYAMLKeys } from "./sort-keys.ts";

const plain = (value: string): YNode => ({ kind: "scalar", value, style: "plain" });

/** go-yaml's stringv: plain unless it would read back as another type; literal when multi-line. */
function stringNode(s: string, version: 2 | 3): YNode {
  s = goRunes(s); // bytes that are not UTF-8 reach go-yaml as U+FFFD (via JSON, or its own check)
  if (s.includes("\n")) return { kind: "scalar", value: s, style: "literal" };
  const canPlain =
    resolvePlain(s, version).tag === "str" && !isBase60Float(s) && !(version === 3 && isOldBool(s));
  return { kind: "scalar", value: s, style: canPlain ? "plain" : "double" };
}

/** A JSON number literal as go-yaml v2 reads it back and writes it again. */
function jsonNumberNode(text: string): YNode {
  const r = resolvePlain(text, 2);
  if (r.tag === "int") return plain(r.value.toString());
  if (r.tag === "float") return plain(goYAMLFloat(r.value, 64));
  return plain(text);
}

function goYAMLFloat(x: number, bits: 32 | 64): string {
  const s = formatFloat(x, "g", bits);
  return s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s;
}

// Characters encoding/json leaves raw that go-yaml's reader refuses.
const NOT_ALLOWED = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * What go-yaml v2 reads back from a JSON string literal: a raw NEL (which
 * encoding/json does not escape) is a line break inside a double-quoted
 * scalar, so it folds like one; in a key it breaks the flow mapping.
 */
function jsonStringThroughYAML(s: string, isKey: boolean): string {
  if (NOT_ALLOWED.test(s))
    throw new YAMLError("error converting JSON to YAML: yaml: control characters are not allowed");
  if (!s.includes("\u0085")) return s;
  if (isKey) throw new YAMLError("error converting JSON to YAML: yaml: did not find expected ',' or '}'");
  return s.replace(/ *(?:\u0085 *)+/g, (m) => {
    const n = m.split("\u0085").length - 1;
    return n === 1 ? " " : "\n".repeat(n - 1);
  });
}

/** The YAML node go-yaml v2 produces from the JSON that encoding/json wrote for t. */
function v2Node(t: JSONTree): YNode {
  if (t === null) return plain("null");
  if (typeof t === "boolean") return plain(t ? "true" : "false");
  if (typeof t === "string") return stringNode(jsonStringThroughYAML(t, false), 2);
  if (typeof t === "number") return jsonNumberNode(formatJSONFloat(t));
  if (typeof t === "bigint") return jsonNumberNode(t.toString());
  if (t instanceof Float32Box) return jsonNumberNode(formatJSONFloat(t.v, 32));
  if (Array.isArray(t)) return { kind: "seq", items: t.map(v2Node) };
  const keys = sortYAMLKeys([...t.keys()], 2);
  return {
    kind: "map",
    pairs: keys.map((k) => [stringNode(jsonStringThroughYAML(k, true), 2), v2Node(t.get(k)!)]),
  };
}

/** sigs.k8s.io/yaml.Marshal: the YAML text, with its trailing newline. */
export function toYAML(v: unknown): string {
  let tree: JSONTree;
  try {
    tree = toJSONTree(v);
  } catch (e) {
    if (e instanceof YAMLError) throw new YAMLError(`error marshaling into JSON: ${e.message}`);
    throw e;
  }
  return emitDocument(v2Node(tree), { version: 2, indent: 2, width: 80 });
}

const MARSHAL_JSON = Symbol.for("capstan.marshalJSON");

/** The YAML node go-yaml v3 produces for a Go value. */
function v3Node(v: unknown, depth: number): YNode {
  if (depth > 10000) throw new YAMLError("yaml: exceeded max depth");
  if (v === null || v === undefined) return plain("null");
  switch (typeof v) {
    case "boolean":
      return plain(v ? "true" : "false");
    case "string":
      return stringNode(v, 3);
    case "number":
      return plain(goYAMLFloat(v, 64));
    case "bigint":
      return plain(v.toString());
  }
  if (Array.isArray(v)) return { kind: "seq", items: v.map((x) => v3Node(x, depth + 1)) };
  if (v instanceof Map) {
    const keys = sortYAMLKeys([...v.keys()].map(String), 3);
    return { kind: "map", pairs: keys.map((k) => [stringNode(k, 3), v3Node(v.get(k), depth + 1)]) };
  }
  if (v instanceof Uint8Array) return { kind: "seq", items: [...v].map((b) => plain(String(b))) };
  const o = v as any;
  if (o.constructor?.name === "GoFloat32" && typeof o.v === "number") return plain(goYAMLFloat(o.v, 32));
  if (typeof o[MARSHAL_JSON] === "function") return v3Node(o[MARSHAL_JSON](), depth + 1);
  throw new YAMLError(`yaml: cannot marshal type: ${String(o.constructor?.name ?? typeof o)}`);
}

/** helm's toYamlPretty: go-yaml v3 Encoder with SetIndent(2); text with its trailing newline. */
export function toYAMLPretty(v: unknown): string {
  return emitDocument(v3Node(v, 0), { version: 3, indent: 2, width: -1 });
}
