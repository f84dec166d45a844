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
  return sortKeys([...m.keys()]);
}

// A surrogate in some key: the keys then need compareUTF8 rather than sort()'s code-unit order.
const SURROGATE = /[\ud800-\udfff]/;

/** Sorts keys in place in Go's order: natively unless a surrogate needs compareUTF8. */
function sortKeys(keys: string[]): string[] {
  return SURROGATE.test(keys.join("")) ? keys.sort(compareUTF8) : keys.sort();
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

// marshalJSON's settings and output, in module variables while one value is
// encoded (encoding never calls out to code that could start another).
let html = true;
let step = "";
let out = "";

/**
 * json.Marshal (or MarshalIndent with prefix "") of a value. It writes the
 * text straight from the value, in Go's order (sorted keys), rather than
 * building toJSONTree's copy first: toJson runs once per template in many
 * charts. The conversions are toJSONTree's, and an unsupported value fails
 * where Go's encoder meets it first.
 */
export function marshalJSON(v: unknown, opts: MarshalJSONOptions = {}): string {
  // Saved and restored: a host type's marshalling could itself call marshalJSON.
  const saved = [html, step, out] as const;
  html = opts.escapeHTML ?? true;
  step = opts.indent ?? "";
  out = "";
  try {
    encode(v, "", 0);
    return out;
  } finally {
    [html, step, out] = saved;
  }
}

// Characters quoteJSON must rewrite (or check, for surrogates); most strings have none.
const NEEDS_ESCAPE = /[\x00-\x1f"\\<>&\u2028\u2029\ud800-\udfff]/;

function encodeString(s: string): void {
  out += NEEDS_ESCAPE.test(s) ? quoteJSON(s, html) : `"${s}"`;
}

function encode(v: unknown, pad: string, depth: number): void {
  if (depth > 10000) throw new YAMLError("json: unsupported value: encountered a cycle");
  if (v === null || v === undefined) {
    out += "null";
    return;
  }
  switch (typeof v) {
    case "string":
      encodeString(v);
      return;
    case "boolean":
      out += v ? "true" : "false";
      return;
    case "bigint":
      out += v.toString();
      return;
    case "number":
      if (!Number.isFinite(v)) throw new YAMLError(`json: unsupported value: ${goSpecial(v)}`);
      out += formatJSONFloat(v);
      return;
  }
  const isArray = Array.isArray(v);
  if (isArray || v instanceof Map) {
    // A host type's own marshalling comes first (a nil map marshals as null).
    const custom = (v as any)[MARSHAL_JSON];
    if (typeof custom === "function") encode(custom.call(v), pad, depth + 1);
    else if (isArray) encodeArray(v as unknown[], pad, depth);
    else encodeMap(v as Map<unknown, unknown>, pad, depth);
    return;
  }
  if (v instanceof Uint8Array) {
    out += `"${base64Encode(v)}"`;
    return;
  }
  const o = v as any;
  if (o.constructor?.name === "GoFloat32" && typeof o.v === "number") {
    if (!Number.isFinite(o.v)) throw new YAMLError(`json: unsupported value: ${goSpecial(o.v)}`);
    out += formatJSONFloat(o.v, 32);
    return;
  }
  if (typeof o[MARSHAL_JSON] === "function") encode(o[MARSHAL_JSON](), pad, depth + 1);
  else if (o instanceof Float32Box) out += formatJSONFloat(o.v, 32);
  else throw new YAMLError(`json: unsupported type: ${String(o.constructor?.name ?? typeof o)}`);
}

function encodeArray(a: unknown[], pad: string, depth: number): void {
  if (a.length === 0) {
    out += "[]";
    return;
  }
  const inner = pad + step;
  out += "[";
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += ",";
    if (step !== "") out += `\n${inner}`;
    encode(a[i], inner, depth + 1);
  }
  if (step !== "") out += `\n${pad}`;
  out += "]";
}

function encodeMap(m: Map<unknown, unknown>, pad: string, depth: number): void {
  if (m.size === 0) {
    out += "{}";
    return;
  }
  const keys = [...m.keys()] as string[];
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== "string") {
      // Not in the value model's maps; toJSONTree's String(k) conversion (later keys win).
      const conv = new Map<string, unknown>();
      for (const [x, y] of m) conv.set(String(x), y);
      if ((m as any)[STRUCT_ORDER]) (conv as any)[STRUCT_ORDER] = true;
      encodeMap(conv, pad, depth);
      return;
    }
  }
  if (!(m as any)[STRUCT_ORDER]) sortKeys(keys);
  const inner = pad + step;
  out += "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (i > 0) out += ",";
    if (step !== "") out += `\n${inner}`;
    encodeString(k);
    out += step !== "" ? ": " : ":";
    encode(m.get(k), inner, depth + 1);
  }
  if (step !== "") out += `\n${pad}`;
  out += "}";
}
