// Encoding functions: Sprig's b64/b32 and JSON family, and helm's YAML, JSON
// and TOML functions (pkg/engine/funcs.go), which override Sprig's toJson,
// fromJson and mustToJson. The codecs live in src/yaml; the error behaviour
// (swallow, panic, or an "Error" key) is each function's own and lives here.
import { GoError, type GoFunc, type GoMap, type GoSlice, type Value } from "../template/value.ts";
import { marshalJSON, readJSON, readTOML, readYAML, toTOML, toYAML, toYAMLPretty } from "../yaml/index.ts";
import { base32Decode, base32Encode, base64Decode, base64Encode, base64EncodeASCII } from "./base-n.ts";
import { def, newMap, nilOf, utf8Bytes, utf8String } from "./util.ts";

const S = "string";
const ANY = "interface {}";
const MAP = "map[string]interface {}";

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs a codec; its error becomes a GoError carrying Go's text. */
function goCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof GoError) throw e;
    throw new GoError(message(e));
  }
}

function orEmpty(f: () => string): string {
  try {
    return f();
  } catch {
    return "";
  }
}

/** The JSON "kind" encoding/json names in its type errors. */
function jsonKind(v: unknown): string {
  if (v instanceof Map) return "object";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "number";
}

const trimNL = (s: string) => (s.endsWith("\n") ? s.slice(0, -1) : s);

/** json.Unmarshal into map[string]interface{}: null makes the map nil. */
function jsonToMap(v: unknown): GoMap {
  if (v === null) return nilOf(newMap());
  if (v instanceof Map) return v as GoMap;
  throw new GoError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
}

function jsonToArray(v: unknown): GoSlice {
  if (v === null) return nilOf([]);
  if (Array.isArray(v)) return v as GoSlice;
  throw new GoError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`);
}

/**
 * sigs.k8s.io/yaml.Unmarshal into a typed target: YAML errors, then JSON
 * decoding errors. An empty or null document leaves the target as it was.
 */
function yamlInto<T>(text: string, convert: (v: unknown) => T, empty: () => T): T {
  const v = goCall(() => readYAML(text));
  if (v === null) return empty();
  try {
    return convert(v);
  } catch (e) {
    throw new GoError(`error unmarshaling JSON: while decoding JSON: ${message(e)}`);
  }
}

function fromYaml(s: string): GoMap {
  try {
    return yamlInto(s, jsonToMap, newMap);
  } catch (e) {
    const m = newMap();
    m.set("Error", message(e));
    return m;
  }
}

function fromYamlArray(s: string): GoSlice {
  try {
    return yamlInto(s, jsonToArray, () => []);
  } catch (e) {
    return [message(e)];
  }
}

/**
 * encoding/json reports the first error it meets: a top-level type mismatch
 * comes before a bad number inside (which readJSON reports on its own).
 */
function readJSONInto<T>(s: string, convert: (v: unknown) => T, want: "{" | "["): T {
  let v: unknown;
  try {
    v = readJSON(s);
  } catch (e) {
    const first = s.trimStart()[0];
    const kind = first === "{" ? "object" : first === "[" ? "array" : undefined;
    if (message(e).startsWith("json: cannot unmarshal") && kind && first !== want) {
      const target = want === "{" ? "map[string]interface {}" : "[]interface {}";
      throw new GoError(`json: cannot unmarshal ${kind} into Go value of type ${target}`);
    }
    throw e;
  }
  return convert(v);
}

/**
 * What encoding/json leaves in the map when the only problem was a number out
 * of float64's range: everything decoded, those numbers as nil. The text is
 * valid JSON by then (Go checks syntax first), so JSON.parse reads it alike.
 */
function partialMap(s: string): GoMap | undefined {
  const toValue = (v: unknown): Value => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) return v.map(toValue);
    const m = newMap();
    for (const [k, x] of Object.entries(v as object)) m.set(k, toValue(x));
    return m;
  };
  try {
    const v = toValue(JSON.parse(s));
    return v instanceof Map ? v : undefined;
  } catch {
    return undefined;
  }
}

function fromJson(s: string): GoMap {
  try {
    return readJSONInto(s, jsonToMap, "{");
  } catch (e) {
    const msg = message(e);
    const m =
      (/^json: cannot unmarshal number \S+ into Go value of type float64$/.test(msg) && partialMap(s)) ||
      newMap();
    m.set("Error", msg);
    return m;
  }
}

function fromJsonArray(s: string): GoSlice {
  try {
    return readJSONInto(s, jsonToArray, "[");
  } catch (e) {
    return [message(e)];
  }
}

function fromToml(s: string): GoMap {
  try {
    return goCall(() => readTOML(s)) as GoMap;
  } catch (e) {
    const m = newMap();
    m.set("Error", message(e));
    return m;
  }
}

const toJson = (v: Value) => goCall(() => marshalJSON(v));
const toPrettyJson = (v: Value) => goCall(() => marshalJSON(v, { indent: "  " }));
const toRawJson = (v: Value) => goCall(() => marshalJSON(v, { escapeHTML: false }));

export const encodingFuncs: Record<string, GoFunc> = {
  b64enc: def([S], S, (s: string) => base64EncodeASCII(s) ?? base64Encode(utf8Bytes(s))),
  b64dec: def([S], S, (s: string) => {
    try {
      return utf8String(base64Decode(utf8Bytes(s)));
    } catch (e) {
      return message(e);
    }
  }),
  b32enc: def([S], S, (s: string) => base32Encode(utf8Bytes(s))),
  b32dec: def([S], S, (s: string) => {
    try {
      return utf8String(base32Decode(utf8Bytes(s)));
    } catch (e) {
      return message(e);
    }
  }),
  // helm's toJson/mustToJson replace Sprig's
  toJson: def([ANY], S, (v) => orEmpty(() => toJson(v))),
  mustToJson: def([ANY], S, toJson),
  toPrettyJson: def([ANY], S, (v) => orEmpty(() => toPrettyJson(v))),
  mustToPrettyJson: def([ANY], S, toPrettyJson, { returnsError: true }),
  toRawJson: def([ANY], S, toRawJson),
  mustToRawJson: def([ANY], S, toRawJson, { returnsError: true }),
  fromJson: def([S], MAP, fromJson),
  fromJsonArray: def([S], "[]interface {}", fromJsonArray),
  mustFromJson: def([S], ANY, (s: string) => goCall(() => readJSON(s)) as Value, { returnsError: true }),
  toYaml: def([ANY], S, (v) => orEmpty(() => trimNL(goCall(() => toYAML(v))))),
  mustToYaml: def([ANY], S, (v) => trimNL(goCall(() => toYAML(v)))),
  toYamlPretty: def([ANY], S, (v) => orEmpty(() => trimNL(goCall(() => toYAMLPretty(v))))),
  fromYaml: def([S], MAP, fromYaml),
  fromYamlArray: def([S], "[]interface {}", fromYamlArray),
  toToml: def([ANY], S, (v) => {
    // BurntSushi's encoder panics on a nil interface (reflect on the zero Value)
    if (v === null) throw new GoError("reflect: call of reflect.Value.Type on zero Value");
    try {
      return toTOML(v);
    } catch (e) {
      return message(e);
    }
  }),
  fromToml: def([S], MAP, fromToml),
};
