// Encoding functions: Sprig's b64/b32 and JSON family, and helm's YAML, JSON
// and TOML functions (pkg/engine/funcs.go), which override Sprig's toJson,
// fromJson and mustToJson. The codecs live in src/yaml; the error behaviour
// (swallow, panic, or an "Error" key) is each function's own and lives here.
import { GoError, type GoFunc, type GoMap, type GoSlice, type Value } from "../template/value.ts";
import { marshalJSON, readJSON, readTOML, readYAML, toTOML, toYAML, toYAMLPretty } from "../yaml/index.ts";
import { base32Decode, base32Encode, base64Decode, base64Encode } from "./base-n.ts";
import { def, newMap, utf8Bytes, utf8String } from "./util.ts";

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

/** json.Unmarshal into map[string]interface{} (null leaves the map empty). */
function jsonToMap(v: unknown): GoMap {
  if (v === null) return newMap();
  if (v instanceof Map) return v as GoMap;
  throw new GoError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
}

function jsonToArray(v: unknown): GoSlice {
  if (v === null) return [];
  if (Array.isArray(v)) return v as GoSlice;
  throw new GoError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`);
}

/** sigs.k8s.io/yaml.Unmarshal into a typed target: YAML errors, then JSON decoding errors. */
function yamlInto<T>(text: string, convert: (v: unknown) => T): T {
  const v = goCall(() => readYAML(text));
  try {
    return convert(v);
  } catch (e) {
    throw new GoError(`error unmarshaling JSON: while decoding JSON: ${message(e)}`);
  }
}

function fromYaml(s: string): GoMap {
  try {
    return yamlInto(s, jsonToMap);
  } catch (e) {
    const m = newMap();
    m.set("Error", message(e));
    return m;
  }
}

function fromYamlArray(s: string): GoSlice {
  try {
    return yamlInto(s, jsonToArray);
  } catch (e) {
    return [message(e)];
  }
}

function fromJson(s: string): GoMap {
  try {
    return jsonToMap(goCall(() => readJSON(s)));
  } catch (e) {
    const m = newMap();
    m.set("Error", message(e));
    return m;
  }
}

function fromJsonArray(s: string): GoSlice {
  try {
    return jsonToArray(goCall(() => readJSON(s)));
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
  b64enc: def([S], S, (s: string) => base64Encode(utf8Bytes(s))),
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
    try {
      return toTOML(v);
    } catch (e) {
      return message(e);
    }
  }),
  fromToml: def([S], MAP, fromToml),
};
