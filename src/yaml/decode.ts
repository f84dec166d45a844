// Reading YAML as helm does: sigs.k8s.io/yaml.Unmarshal = go-yaml v2 decodes
// the first document into interface{} (YAML 1.1 scalar resolution, merge
// keys, aliases with v2's excessive-aliasing guard), the result is made
// JSON-compatible (non-string keys become strings), and encoding/json decodes
// it again — so every number becomes a float64. go-parser.ts (a port of
// go-yaml's scanner and parser) builds the nodes; the Go semantics are here.
import { YAMLError } from "./errors.ts";
import { readBlockFast } from "./fast-block.ts";
import { formatFloat } from "./go-float.ts";
import { type GoNode, GoYAMLFailure, parseFirstDocument } from "./go-parser.ts";
import { resolvePlain } from "./resolve.ts";

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
  private readonly active = new Set<GoNode>();

  constructor(
    private readonly maxAlias: number,
    private readonly maxDepth: number,
  ) {}

  unmarshal(n: GoNode | undefined, depth: number): GoYAML {
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
    if (n === undefined) return null;
    switch (n.kind) {
      case "alias":
        return this.alias(n, depth);
      case "scalar":
        return scalar(n);
      case "seq":
        return n.items.map((x) => this.unmarshal(x, depth + 1));
      case "map": {
        const out: GoYAMLMap = { map: new Map() };
        const items = n.items;
        for (let i = 0; i < items.length; i += 2) {
          const key = items[i]!;
          if (isMergeKey(key)) {
            this.merge(items[i + 1]!, out, depth);
            continue;
          }
          const k = this.unmarshal(key, depth + 1);
          if (Array.isArray(k) || isMapV(k)) {
            throw new YAMLError(`yaml: invalid map key: ${goSyntax(k)}`);
          }
          const v = this.unmarshal(items[i + 1], depth + 1);
          setMapIndex(out, k, v);
        }
        return out;
      }
    }
  }

  private alias(a: GoNode & { kind: "alias" }, depth: number): GoYAML {
    // Keyed by the alias node, as go-yaml's d.aliases is.
    if (this.active.has(a)) throw new YAMLError(`yaml: anchor '${a.name}' value contains itself`);
    this.active.add(a);
    this.aliasDepth++;
    try {
      return this.unmarshal(a.target, depth + 1);
    } finally {
      this.aliasDepth--;
      this.active.delete(a);
    }
  }

  private merge(n: GoNode, out: GoYAMLMap, depth: number): void {
    const wantMap = () => new YAMLError("yaml: map merge requires map or sequence of maps as the value");
    const target = (x: GoNode): GoNode => (x.kind === "alias" ? x.target : x);
    const apply = (x: GoNode) => {
      if (target(x).kind !== "map") throw wantMap();
      const v = this.unmarshal(x, depth + 1);
      if (isMapV(v)) for (const [k, val] of v.map.values()) setMapIndex(out, k, val);
    };
    const t = target(n);
    if (t.kind === "seq") {
      // Earlier maps take precedence, so apply them last.
      for (let i = t.items.length - 1; i >= 0; i--) apply(t.items[i]!);
    } else apply(n);
  }
}

/** decode.go's (*decoder).scalar into interface{}. */
function scalar(n: GoNode & { kind: "scalar" }): GoYAML {
  const text = n.value;
  const tag = n.tag;
  if (tag === "") return n.implicit ? fromResolved(text) : text;
  if (tag === "!") return text;
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

function typeName(v: GoYAML): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  if (isIntV(v)) return "int";
  if (isFloatV(v)) return "float";
  return "str";
}

/** decode.go's isMerge: a "<<" key that is implicit or tagged !!merge. */
function isMergeKey(k: GoNode): boolean {
  return k.kind === "scalar" && k.value === "<<" && (k.implicit || k.tag === `${STR_TAG}merge`);
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
  return new TextDecoder().decode(bytes); // through JSON, as sigs.k8s.io/yaml: bytes that are not UTF-8 become U+FFFD
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
  let root: GoNode | undefined;
  try {
    root = parseFirstDocument(text);
  } catch (e) {
    if (e instanceof GoYAMLFailure) throw new YAMLError(e.message);
    throw e;
  }
  const d = new Decoder(opts.maxAliasExpansion ?? 10_000_000, opts.maxDepth ?? 10000);
  return d.unmarshal(root, 0);
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
 * does for helm's LoadValues: lines are read as bufio.ReadLine reads them
 * ("\r\n" and "\n" dropped) and each gets "\n" back, so the last line gains
 * one; a line starting with "---" ends a document (only spaces or a comment
 * may follow it); empty documents are skipped.
 */
export function splitYAMLDocuments(text: string): string[] {
  const docs: string[] = [];
  let buf = "";
  const lines = text.split("\n");
  // A final newline does not start another line.
  const last = lines.length > 0 && lines[lines.length - 1] === "" ? lines.pop() : undefined;
  const lastHadNewline = last !== undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const hadNewline = i < lines.length - 1 || lastHadNewline;
    if (hadNewline && line.endsWith("\r")) line = line.slice(0, -1);
    if (line.startsWith("---")) {
      const rest = goTrimSpace(line.slice(3));
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

/** strings.TrimSpace: ASCII white space and Unicode spaces (enough of them for a separator line). */
function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/g, "");
}
