// Reading YAML as helm does: sigs.k8s.io/yaml.Unmarshal = go-yaml v2 decodes
// the first document into interface{} (YAML 1.1 scalar resolution, merge
// keys, aliases with v2's excessive-aliasing guard), the result is made
// JSON-compatible (non-string keys become strings), and encoding/json decodes
// it again — so every number becomes a float64. The `yaml` package does the
// parsing (failsafe schema: every scalar stays text); the Go semantics are here.
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type YAMLError as LibError,
  LineCounter,
  type Node,
  parseAllDocuments,
  type Scalar,
  visit,
} from "yaml";
import { YAMLError } from "./errors.ts";
import { readBlockFast } from "./fast-block.ts";
import { formatFloat } from "./go-float.ts";
import { goYAMLSyntaxError } from "./go-parser.ts";
import { resolvePlain } from "./resolve.ts";
import { badEscape, goYAMLErrorMessage } from "./yaml-errors.ts";

export interface ReadYAMLOptions {
  /** Refuse documents larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
  /** Refuse when more than this many nodes are decoded through aliases (default 10,000,000). */
  maxAliasExpansion?: number;
  /** Refuse nesting deeper than this (go-yaml's limit: 10,000). */
  maxDepth?: number;
  /** Always use the full parser (tests compare it with the fast block reader). */
  fullParser?: boolean;
}

/** What go-yaml v2 decodes a node to, before the JSON round trip. */
type GoYAML =
  | null
  | boolean
  | string
  | { int: bigint; unsigned?: boolean }
  | { float: number }
  | GoYAML[]
  | GoYAMLMap;
/** A decoded mapping; entries by a canonical key so assignment stays O(1). */
type GoYAMLMap = { map: Map<string, [GoYAML, GoYAML]> };

const isIntV = (v: GoYAML): v is { int: bigint; unsigned?: boolean } =>
  typeof v === "object" && v !== null && "int" in v;
const isFloatV = (v: GoYAML): v is { float: number } => typeof v === "object" && v !== null && "float" in v;
const isMapV = (v: GoYAML): v is GoYAMLMap => typeof v === "object" && v !== null && "map" in v;

const STR_TAG = "tag:yaml.org,2002:";

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<Node>();
  /** Each alias's target: the latest anchor of that name before it (one pass, not a search per alias). */
  private readonly targets = new Map<Alias, Node>();

  constructor(
    doc: Document,
    private readonly text: string,
    private readonly maxAlias: number,
    private readonly maxDepth: number,
  ) {
    const anchors = new Map<string, Node>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        const t = anchors.get(node.source);
        if (t) this.targets.set(node, t);
      } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
        anchors.set(node.anchor, node as Node);
      }
    });
  }

  private resolve(a: Alias): Node | undefined {
    return this.targets.get(a);
  }

  unmarshal(n: Node | null | undefined, depth: number): GoYAML {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      throw new YAMLError("yaml: document contains excessive aliasing");
    }
    if (this.aliasCount > this.maxAlias) throw new YAMLError("yaml: document contains excessive aliasing");
    if (depth > this.maxDepth) throw new YAMLError(`yaml: exceeded max depth of ${this.maxDepth}`);
    if (n === null || n === undefined) return null;
    if (isAlias(n)) return this.alias(n, depth);
    if (isScalar(n)) return this.scalar(n);
    if (isSeq(n)) return n.items.map((x) => this.unmarshal(x as Node, depth + 1));
    if (isMap(n)) {
      const out: GoYAMLMap = { map: new Map() };
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const key = p.key as Node | null;
        if (key && isScalar(key) && isMergeKey(key)) {
          this.merge(p.value as Node | null, out, depth);
          continue;
        }
        const k = this.unmarshal(key, depth + 1);
        if (Array.isArray(k) || isMapV(k)) {
          throw new YAMLError(`yaml: invalid map key: ${goSyntax(k)}`);
        }
        const v = this.unmarshal(p.value as Node | null, depth + 1);
        setMapIndex(out, k, v);
      }
      return out;
    }
    return null;
  }

  private alias(a: Alias, depth: number): GoYAML {
    const target = this.resolve(a);
    if (!target) throw new YAMLError(`yaml: unknown anchor '${a.source}' referenced`);
    if (this.active.has(a)) throw new YAMLError(`yaml: anchor '${a.source}' value contains itself`);
    this.active.add(a);
    this.aliasDepth++;
    try {
      return this.unmarshal(target as Node, depth + 1);
    } finally {
      this.aliasDepth--;
      this.active.delete(a);
    }
  }

  private merge(n: Node | null, out: GoYAMLMap, depth: number): void {
    const wantMap = () => new YAMLError("yaml: map merge requires map or sequence of maps as the value");
    const target = (x: Node | null): Node | null => (x && isAlias(x) ? (this.resolve(x) ?? null) : x);
    const apply = (x: Node | null) => {
      const t = target(x);
      if (!t || !isMap(t)) throw wantMap();
      const v = this.unmarshal(x, depth + 1);
      if (isMapV(v)) for (const [k, val] of v.map.values()) setMapIndex(out, k, val);
    };
    if (n && isSeq(n)) {
      // Earlier maps take precedence, so apply them last.
      for (let i = n.items.length - 1; i >= 0; i--) apply(n.items[i] as Node);
    } else apply(n);
  }

  private scalar(n: Scalar): GoYAML {
    let text = String(n.source ?? n.value ?? "");
    // A plain scalar never keeps surrounding blanks ("k:  " is null), but the
    // parser can hand a value of only spaces over.
    if (n.type === "PLAIN") text = text.replace(/^[ \t]+|[ \t]+$/g, "");
    const tag = n.tag;
    const quoted = n.type !== "PLAIN";
    if (n.type === "QUOTE_DOUBLE" && n.range) {
      const bad = badEscape(this.text, n.range[0], n.range[1]);
      if (bad) throw new YAMLError(bad);
    }
    if (!tag || tag === "!") {
      if (quoted || tag === "!") return text;
      return fromResolved(text);
    }
    const short = tag.startsWith(STR_TAG) ? tag.slice(STR_TAG.length) : undefined;
    switch (short) {
      case "str":
        return text;
      case "binary":
        return decodeBase64(text);
      case "null":
      case "bool":
      case "int":
      case "float":
      case "timestamp": {
        const r = fromResolved(text);
        const got = typeName(r);
        if (short === "float" && isIntV(r)) return { float: Number(r.int) };
        if (got !== short && !(short === "timestamp" && got === "str")) {
          throw new YAMLError(`yaml: cannot decode !!${got} \`${text}\` as a !!${short}`);
        }
        return r;
      }
      default:
        // Unknown tags: the value stays text.
        return text;
    }
  }
}

function typeName(v: GoYAML): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  if (isIntV(v)) return "int";
  if (isFloatV(v)) return "float";
  return "str";
}

function isMergeKey(k: Scalar): boolean {
  return k.type === "PLAIN" && !k.tag && String(k.source) === "<<";
}

/** v2 keeps timestamps as their text when decoding into interface{}. */
function fromResolved(text: string): GoYAML {
  const r = resolvePlain(text, 2);
  switch (r.tag) {
    case "null":
      return null;
    case "bool":
      return r.value;
    case "int":
      return r.unsigned ? { int: r.value, unsigned: true } : { int: r.value };
    case "float":
      return { float: r.value };
    default:
      return text;
  }
}

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400000) return 0.99;
  if (decodeCount >= 4000000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400000) / 3600000);
}

/** Go map assignment: a later equal key replaces the earlier one. */
function setMapIndex(m: GoYAMLMap, k: GoYAML, v: GoYAML): void {
  m.map.set(canonicalKey(k), [k, v]);
}

/** Distinct strings for distinct Go key values (type and value). */
function canonicalKey(k: GoYAML): string {
  if (k === null) return "n";
  if (typeof k === "boolean") return k ? "b1" : "b0";
  if (typeof k === "string") return "s" + k;
  if (isIntV(k)) return (k.unsigned ? "u" : "i") + k.int.toString();
  if (isFloatV(k)) return "f" + String(k.float);
  return "x" + Math.random();
}

/** %#v of a decoded key that is a slice or map (for "invalid map key"). */
function goSyntax(v: GoYAML): string {
  if (v === null) return "interface {}(nil)";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (isIntV(v)) return v.int.toString();
  if (isFloatV(v)) return formatFloat(v.float, "g");
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(", ")}}`;
  const pairs = [...v.map.values()].map(([k, x]) => `${goSyntax(k)}:${goSyntax(x)}`);
  return `map[interface {}]interface {}{${pairs.join(", ")}}`;
}

function decodeBase64(s: string): string {
  const clean = s.replace(/[\r\n]/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new YAMLError("yaml: !!binary value contains invalid base64 data");
  }
  const bin = atob(clean);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * sigs.k8s.io/yaml's convertToJSONableObject + json.Marshal + json.Unmarshal
 * into interface{}: keys become strings, numbers float64.
 */
function toJSONValue(v: GoYAML): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (isIntV(v)) return Number(v.int);
  // encoding/json writes -0 as "-0", which decodes back to -0. Non-finite
  // floats fail later, in json.Marshal (see assertFinite).
  if (isFloatV(v)) return v.float;
  if (Array.isArray(v)) return v.map(toJSONValue);
  const entries: [string, unknown][] = [];
  for (const [k, x] of v.map.values()) entries.push([jsonKey(k, x), toJSONValue(x)]);
  // Go's map has no order and json.Marshal sorts; equal keys: the last wins.
  const out = new Map<string, unknown>();
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [k, x] of entries) out.set(k, x);
  return out;
}

/**
 * json.Marshal's rejection of NaN and ±Inf. It runs after the whole tree was
 * converted (so an unsupported map key anywhere is reported first) and visits
 * keys in sorted order, as json.Marshal does.
 */
function assertFinite(v: unknown): void {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      const s = Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
      throw new YAMLError(`json: unsupported value: ${s}`);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) assertFinite(x);
  } else if (v instanceof Map) {
    for (const x of v.values()) assertFinite(x);
  }
}

function jsonKey(k: GoYAML, v: GoYAML): string {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return k ? "true" : "false";
  if (isIntV(k) && !k.unsigned) return k.int.toString();
  if (isFloatV(k)) {
    const s = formatFloat(k.float, "g", 32);
    return s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s;
  }
  const type = k === null ? "%!s(<nil>)" : "uint64";
  const key = k === null ? "<nil>" : `0x${(k as { int: bigint }).int.toString(16)}`;
  throw new YAMLError(`unsupported map key of type: ${type}, key: ${key}, value: ${goValueSyntax(v)}`);
}

/** %+#v of a decoded value, for the unsupported-key message. */
function goValueSyntax(v: GoYAML): string {
  if (v === null) return "<nil>";
  if (isIntV(v)) return v.unsigned ? `0x${v.int.toString(16)}` : v.int.toString();
  return goSyntax(v);
}

/**
 * go-yaml refuses more than 10,000 nested flow collections while scanning;
 * checking first keeps the parser from spending seconds on such input.
 */
function flowDepthExceeded(text: string, max: number): string | undefined {
  let depth = 0;
  let line = 0;
  let quote = "";
  let prev = " ";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") line++;
    if (quote) {
      if (c === quote && (quote === "'" || text[i - 1] !== "\\")) quote = "";
    } else if (c === "#" && /\s/.test(prev)) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
    } else if ((c === '"' || c === "'") && /[\s:,[{-]/.test(prev)) quote = c;
    else if ((c === "[" || c === "{") && /[\s:,[{-]/.test(prev)) {
      if (++depth > max) return `yaml: ${line > 0 ? `line ${line + 1}: ` : ""}exceeded max depth of ${max}`;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
    prev = c;
  }
  return undefined;
}

/** go-yaml v2 Unmarshal of the first document into interface{} (nil for an empty stream). */
function decodeFirstDocument(text: string, opts: ReadYAMLOptions): GoYAML {
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  if (text.length > maxBytes) {
    throw new YAMLError(`yaml: document is larger than the limit of ${maxBytes} bytes`);
  }
  if (!opts.fullParser) {
    const fast = readBlockFast(text, fromResolved, canonicalKey);
    if (fast !== undefined) return fast as GoYAML;
  }
  const deep = flowDepthExceeded(text, opts.maxDepth ?? 10000);
  if (deep !== undefined) throw new YAMLError(deep);
  // go-yaml's own scanner and parser decide whether (and with which words)
  // the document is refused; the `yaml` package only builds the values.
  const syntax = goYAMLSyntaxError(text);
  if (syntax !== undefined) throw new YAMLError(syntax);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    schema: "failsafe",
    uniqueKeys: false,
    merge: false,
    strict: false,
    version: "1.1",
    lineCounter,
    prettyErrors: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) return null;
  const doc = list[0]!;
  const err = doc.errors[0] as LibError | undefined;
  if (err) throw new YAMLError(goYAMLErrorMessage(err, text, lineCounter));
  const d = new Decoder(doc, text, opts.maxAliasExpansion ?? 10_000_000, opts.maxDepth ?? 10000);
  return d.unmarshal(doc.contents as Node | null, 0);
}

/**
 * sigs.k8s.io/yaml.Unmarshal into interface{}: Map<string, V>, arrays,
 * float64 numbers, booleans, strings, null. Errors carry sigs.k8s.io/yaml's
 * text ("error converting YAML to JSON: yaml: line 3: ...").
 */
export function readYAML(text: string, opts: ReadYAMLOptions = {}): unknown {
  let goValue: GoYAML;
  try {
    goValue = decodeFirstDocument(text, opts);
    const json = toJSONValue(goValue);
    assertFinite(json);
    return json;
  } catch (e) {
    if (e instanceof YAMLError) throw new YAMLError(`error converting YAML to JSON: ${e.message}`);
    if (e instanceof RangeError)
      throw new YAMLError("error converting YAML to JSON: yaml: exceeded max depth of 10000");
    throw e;
  }
}

/** Go's name for a decoded JSON value's type, as json.Unmarshal's type errors print it. */
function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

/**
 * sigs.k8s.io/yaml.Unmarshal into a map[string]interface{} (values files,
 * fromYaml) or a []interface{} (fromYamlArray). null yields an empty result.
 */
export function readYAMLInto(text: string, target: "map" | "slice", opts: ReadYAMLOptions = {}): unknown {
  const v = readYAML(text, opts);
  if (v === null) return target === "map" ? new Map() : [];
  const ok = target === "map" ? v instanceof Map : Array.isArray(v);
  if (!ok) {
    const type = target === "map" ? "map[string]interface {}" : "[]interface {}";
    throw new YAMLError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${type}`,
    );
  }
  return v;
}

/**
 * Splits a multi-document stream the way k8s.io/apimachinery's YAMLReader
 * does for helm's LoadValues: a line starting with "---" ends a document
 * (only spaces or a comment may follow it); empty documents are skipped.
 */
export function splitYAMLDocuments(text: string): string[] {
  const docs: string[] = [];
  let buf = "";
  const lines = text.split("\n");
  // A final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (let line of lines) {
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.startsWith("---")) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && rest[0] !== "#") {
        throw new YAMLError(`invalid Yaml document separator: ${rest}`);
      }
      if (buf.length > 0) {
        docs.push(buf);
        buf = "";
      }
      continue;
    }
    buf += line + "\n";
  }
  if (buf.length > 0) docs.push(buf);
  return docs;
}
