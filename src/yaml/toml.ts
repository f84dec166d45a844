// toToml / fromToml. Reading uses smol-toml after toml-lex.ts (BurntSushi's
// lexer) has checked the syntax; writing follows BurntSushi/toml's
// encoder layout: plain keys first (sorted), then tables ([a.b]) and arrays of
// tables ([[a]]), strings in double quotes with Go-style escapes.
import { parse } from "smol-toml";
import { YAMLError } from "./errors.ts";
import { formatFloat } from "./go-float.ts";
import { toJSONTree } from "./json-encode.ts";
import { tomlSyntaxError } from "./toml-lex.ts";

/** fromToml's parse: a map of the document (errors carry the parser's text). */
export function readTOML(text: string): unknown {
  let doc: unknown;
  // BurntSushi's lexer (and its number checks) decide first, with its words.
  const syntax = tomlSyntaxError(text);
  if (syntax !== undefined) throw new YAMLError(syntax);
  try {
    doc = parse(text);
  } catch (e) {
    throw new YAMLError((e as Error).message);
  }
  return toValue(doc);
}

function toValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toValue);
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === "object") {
    const m = new Map<string, unknown>();
    for (const [k, x] of Object.entries(v)) m.set(k, toValue(x));
    return m;
  }
  if (typeof v === "bigint") return v;
  return v;
}

const BARE = /^[A-Za-z0-9_-]+$/;
const key = (k: string) => (BARE.test(k) ? k : quote(k));

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || c === 0x7f) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

const isTable = (v: unknown): v is Map<string, unknown> => v instanceof Map;
const isTableArray = (v: unknown): v is Map<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every(isTable);

function scalar(v: unknown): string {
  if (v === null) throw new YAMLError("toml: cannot encode a nil value");
  if (typeof v === "string") return quote(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    const s = formatFloat(v, "g");
    return /[.e]/.test(s) ? s : s + ".0";
  }
  if (Array.isArray(v)) return "[" + v.map(scalar).join(", ") + "]";
  if (isTable(v)) {
    const parts = [...v.keys()].sort().map((k) => `${key(k)} = ${scalar(v.get(k))}`);
    return "{" + parts.join(", ") + "}";
  }
  throw new YAMLError("toml: unsupported type");
}

function table(out: string[], m: Map<string, unknown>, path: string[], indent: string): void {
  const keys = [...m.keys()].sort();
  for (const k of keys) {
    const v = m.get(k);
    if (v === null || isTable(v) || isTableArray(v)) continue;
    out.push(`${indent}${key(k)} = ${scalar(v)}\n`);
  }
  for (const k of keys) {
    const v = m.get(k);
    const p = [...path, k];
    const name = p.map(key).join(".");
    if (isTable(v)) {
      // Only top-level tables get a blank line before them.
      if (out.length > 0 && p.length === 1) out.push("\n");
      out.push(`${indent}[${name}]\n`);
      table(out, v, p, indent + "  ");
    } else if (isTableArray(v)) {
      for (const t of v) {
        if (out.length > 0) out.push("\n");
        out.push(`${indent}[[${name}]]\n`);
        table(out, t, p, indent + "  ");
      }
    }
  }
}

/**
 * toToml: BurntSushi/toml's Encoder.Encode. A map is a document; any other
 * top-level value is written as a bare value (no key), except an array of
 * tables, which needs a key.
 */
export function toTOML(v: unknown): string {
  const tree = toJSONTree(v);
  if (!isTable(tree)) {
    if (Array.isArray(tree)) {
      if (tree.some((x) => x === null)) throw new YAMLError("toml: cannot encode array with nil element");
      if (isTableArray(tree)) throw new YAMLError("toml: top-level values must be Go maps or structs");
    }
    return scalar(tree);
  }
  const out: string[] = [];
  table(out, tree, [], "");
  return out.join("");
}
