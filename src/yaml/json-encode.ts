// encoding/json's Marshal / MarshalIndent / Encoder(SetEscapeHTML(false)) over
// the value model's JS shapes: sorted map keys (by UTF-8 bytes), Go's float
// layout, HTML and U+2028/U+2029 escapes, []byte as base64, and host objects
// through the capstan.marshalJSON protocol.
import { YAMLError } from "./errors.ts";
import { formatJSONFloat } from "./go-float.ts";

const MARSHAL_JSON = Symbol.for("capstan.marshalJSON");
/** Marks a Map standing for a Go struct: encoding/json writes its fields in declaration order, not sorted. */
export const STRUCT_ORDER = Symbol.for("capstan.structOrder");

export interface MarshalJSONOptions {
  /** Escape <, >, & as \u003c etc. (json.Marshal does; toRawJson does not). Default true. */
  escapeHTML?: boolean;
  /** MarshalIndent's indent string (prefix is always ""). */
  indent?: string;
}

const HEX = "0123456789abcdef";

/** Compares strings by UTF-8 byte order (= code point order), as Go sorts map keys. */
export function compareUTF8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort above every BMP code unit in UTF-8.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Keys of a map in Go's sorted order. */
export function sortedKeys(m: Map<string, unknown>): string[] {
  const keys = [...m.keys()];
  let simple = true;
  for (const k of keys) if (/[\ud800-\udfff]/.test(k)) simple = false;
  return simple ? keys.sort() : keys.sort(compareUTF8);
}

/** A JSON string literal as encoding/json writes it. */
export function quoteJSON(s: string, escapeHTML = true): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c) {
      if (c === 0x22) esc = '\\"';
      else if (c === 0x5c) esc = "\\\\";
      else if (c === 0x0a) esc = "\\n";
      else if (c === 0x0d) esc = "\\r";
      else if (c === 0x09) esc = "\\t";
      else if (c === 0x08) esc = "\\b";
      else if (c === 0x0c) esc = "\\f";
      else esc = "\\u00" + HEX[c >> 4] + HEX[c & 15];
    } else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) {
      esc = "\\u00" + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 0x2028 || c === 0x2029) {
      esc = "\\u202" + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 on Go's side: it becomes U+FFFD.
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      esc = "\\ufffd";
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 with padding (encoding/json's []byte encoding). */
export function base64Encode(b: Uint8Array): string {
  let s = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    s += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  if (i < b.length) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8);
    s += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    s += i + 1 < b.length ? B64[(n >> 6) & 63]! + "=" : "==";
  }
  return s;
}

/**
 * Reduces a value to the JSON data model encoding/json sees: null, boolean,
 * string, number (float64, with its bit size), bigint (integers), Array, Map.
 * Host objects answer through capstan.marshalJSON; GoFloat32 keeps its size.
 */
export type JSONTree =
  | null
  | boolean
  | string
  | number
  | bigint
  | Float32Box
  | JSONTree[]
  | Map<string, JSONTree>;

/** A float32 value (encoding/json formats it with 32-bit precision). */
export class Float32Box {
  constructor(readonly v: number) {}
}

export function toJSONTree(v: unknown, depth = 0): JSONTree {
  if (depth > 10000) throw new YAMLError("json: unsupported value: encountered a cycle");
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "boolean":
    case "string":
    case "bigint":
      return v;
    case "number":
      if (!Number.isFinite(v)) throw new YAMLError(`json: unsupported value: ${goSpecial(v)}`);
      return v;
  }
  // A host type's own marshalling comes first (a nil map marshals as null, a struct keeps field order).
  if ((Array.isArray(v) || v instanceof Map) && typeof (v as any)[MARSHAL_JSON] === "function") {
    return toJSONTree((v as any)[MARSHAL_JSON](), depth + 1);
  }
  if (Array.isArray(v)) return v.map((x) => toJSONTree(x, depth + 1));
  if (v instanceof Map) {
    const out = new Map<string, JSONTree>();
    for (const [k, x] of v) out.set(String(k), toJSONTree(x, depth + 1));
    if ((v as any)[STRUCT_ORDER]) (out as any)[STRUCT_ORDER] = true;
    return out;
  }
  if (v instanceof Uint8Array) return base64Encode(v);
  const o = v as any;
  if (o.constructor?.name === "GoFloat32" && typeof o.v === "number") {
    if (!Number.isFinite(o.v)) throw new YAMLError(`json: unsupported value: ${goSpecial(o.v)}`);
    return new Float32Box(o.v);
  }
  if (typeof o[MARSHAL_JSON] === "function") return toJSONTree(o[MARSHAL_JSON](), depth + 1);
  if (o instanceof Float32Box) return o;
  throw new YAMLError(`json: unsupported type: ${String(o.constructor?.name ?? typeof o)}`);
}

function goSpecial(x: number): string {
  return Number.isNaN(x) ? "NaN" : x > 0 ? "+Inf" : "-Inf";
}

/** json.Marshal (or MarshalIndent with prefix "") of a value. */
export function marshalJSON(v: unknown, opts: MarshalJSONOptions = {}): string {
  const tree = toJSONTree(v);
  const html = opts.escapeHTML ?? true;
  const indent = opts.indent ?? "";
  const parts: string[] = [];
  const write = (t: JSONTree, pad: string): void => {
    if (t === null) parts.push("null");
    else if (typeof t === "boolean") parts.push(t ? "true" : "false");
    else if (typeof t === "string") parts.push(quoteJSON(t, html));
    else if (typeof t === "number") parts.push(formatJSONFloat(t));
    else if (typeof t === "bigint") parts.push(t.toString());
    else if (t instanceof Float32Box) parts.push(formatJSONFloat(t.v, 32));
    else if (Array.isArray(t)) {
      if (t.length === 0) return void parts.push("[]");
      const inner = pad + indent;
      parts.push("[");
      t.forEach((x, i) => {
        if (i > 0) parts.push(",");
        if (indent) parts.push("\n" + inner);
        write(x, inner);
      });
      if (indent) parts.push("\n" + pad);
      parts.push("]");
    } else {
      if (t.size === 0) return void parts.push("{}");
      const inner = pad + indent;
      parts.push("{");
      ((t as any)[STRUCT_ORDER] ? [...t.keys()] : sortedKeys(t)).forEach((k, i) => {
        if (i > 0) parts.push(",");
        if (indent) parts.push("\n" + inner);
        parts.push(quoteJSON(k, html), indent ? ": " : ":");
        write(t.get(k)!, inner);
      });
      if (indent) parts.push("\n" + pad);
      parts.push("}");
    }
  };
  write(tree, "");
  return parts.join("");
}
