// Sprig's dict functions (dict.go): maps are Go references, so set/unset/merge
// mutate their argument and return it. merge/mergeOverwrite follow
// dario.cat/mergo v1.0.1's deepMerge for map[string]interface{}; deepCopy
// follows mitchellh/copystructure.
import { GO_TYPE, GoError, type GoFunc, type GoMap, type GoSlice, type Value } from "../template/value.ts";
import { compareGoStrings } from "./strings.ts";
import { asPlainMap, def, goTypeName, isEmpty, newMap, stringSlice, strval } from "./util.ts";

const ANY = "interface {}";
const MAP = "map[string]interface {}";

// Go ranges over maps in random order (keys, values, omit differ run to run in
// helm); sorted order is one of those orders and keeps capstan reproducible.
function sortedKeys(m: GoMap): string[] {
  return [...m.keys()].sort(compareGoStrings);
}

function isMap(v: Value): v is GoMap {
  return v instanceof Map;
}

function isSliceValue(v: Value): boolean {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** The element type of a map's Go type ("map[string]string" → "string"). */
function mapElem(m: GoMap): string {
  const t = (m as any)[GO_TYPE] as string | undefined;
  return t?.startsWith("map[string]") ? t.slice("map[string]".length) : "interface {}";
}

/** mergo's deepMerge of one map into another (dst is modified in place). */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  // reflect's SetMapIndex refuses an interface {} element into a typed map (map[string]string from split)
  const dstElem = mapElem(dst);
  const srcElem = mapElem(src);
  const set = (key: string, v: Value) => {
    if (dstElem !== "interface {}" && srcElem !== dstElem) {
      throw new GoError(
        `reflect.Value.SetMapIndex: value of type ${srcElem} is not assignable to type ${dstElem}`,
      );
    }
    dst.set(key, v);
  };
  for (const [key, sv] of src) {
    const hasDst = dst.has(key);
    const dv = dst.get(key) ?? null;
    if (sv === null) {
      if (overwrite) set(key, null);
      continue;
    }
    if (isMap(sv)) {
      // A nested map merges into a nested map in place; into anything else it is a no-op here.
      if (hasDst && isMap(dv)) mergeInto(dv, sv, overwrite);
    } else if (isSliceValue(sv)) {
      if (overwrite || dst.size === 0) set(key, sv);
      else if (!hasDst || dv === null) set(key, emptyLike(sv));
    }
    if (hasDst && !isEmpty(dv)) {
      if (isSliceValue(sv)) continue;
      if (isMap(sv) && isMap(dv)) continue;
    }
    if (overwrite || !hasDst || isEmpty(dv)) set(key, sv);
  }
}

function emptyLike(v: Value): Value {
  if (v instanceof Uint8Array) return new Uint8Array(0);
  const out: GoSlice = [];
  const t = (v as any)[GO_TYPE];
  if (t) (out as any)[GO_TYPE] = t;
  return out;
}

function mergeAll(dst: Value, srcs: Value[], overwrite: boolean): GoMap {
  const d = dst === null ? newMap() : asPlainMap(dst as GoMap);
  for (const s of srcs) {
    if (s === null) continue; // a nil map merges nothing
    mergeInto(d, s as GoMap, overwrite);
  }
  return d;
}

/** copystructure.Copy: a deep copy of maps and slices keeping their Go types. */
export function deepCopyValue(v: Value): Value {
  if (Array.isArray(v)) {
    const out = v.map(deepCopyValue) as GoSlice;
    const t = (v as any)[GO_TYPE];
    if (t) (out as any)[GO_TYPE] = t;
    return out;
  }
  if (v instanceof Map) {
    const out: GoMap = new Map();
    for (const [k, x] of v) out.set(k, deepCopyValue(x));
    const t = (v as any)[GO_TYPE];
    if (t) (out as any)[GO_TYPE] = t;
    return out;
  }
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

function deepCopy(v: Value): Value {
  if (v === null) throw new GoError("reflect: call of reflect.Value.Type on zero Value");
  return deepCopyValue(v);
}

function assertMap(v: Value): GoMap {
  if (v instanceof Map && (v as any)[GO_TYPE] === undefined) return v;
  const t = v === null ? "nil" : goTypeName(v);
  throw new GoError(`interface conversion: interface {} is ${t}, not map[string]interface {}`);
}

function assertString(v: Value): string {
  if (typeof v === "string") return v;
  const t = v === null ? "nil" : goTypeName(v);
  throw new GoError(`interface conversion: interface {} is ${t}, not string`);
}

function dig(...ps: Value[]): Value {
  if (ps.length < 3) throw new GoError("dig needs at least three arguments");
  let dict = assertMap(ps[ps.length - 1]!);
  const d = ps[ps.length - 2]!;
  const ks = ps.slice(0, -2).map(assertString);
  for (let i = 0; ; i++) {
    const k = ks[i]!;
    if (!dict.has(k)) return d;
    const step = dict.get(k)!;
    if (i === ks.length - 1) return step;
    dict = assertMap(step);
  }
}

export const dictFuncs: Record<string, GoFunc> = {
  dict: def(
    [],
    MAP,
    (...v: Value[]) => {
      const m = newMap();
      for (let i = 0; i < v.length; i += 2) {
        m.set(strval(v[i]!), i + 1 >= v.length ? "" : v[i + 1]!);
      }
      return m;
    },
    { variadic: ANY },
  ),
  get: def([MAP, "string"], ANY, (d: GoMap | null, k: string) => (d?.has(k) ? d.get(k)! : "")),
  set: def([MAP, "string", ANY], MAP, (d: GoMap | null, k: string, v: Value) => {
    if (d === null) throw new GoError("assignment to entry in nil map");
    d.set(k, v);
    return asPlainMap(d);
  }),
  unset: def([MAP, "string"], MAP, (d: GoMap | null, k: string) => {
    d?.delete(k);
    return d && asPlainMap(d);
  }),
  hasKey: def([MAP, "string"], "bool", (d: GoMap | null, k: string) => d?.has(k) ?? false),
  pluck: def(
    ["string"],
    "[]interface {}",
    (k: string, ...ds: (GoMap | null)[]) => ds.filter((d) => d?.has(k)).map((d) => d!.get(k)!),
    { variadic: MAP },
  ),
  keys: def(
    [],
    "[]string",
    (...ds: (GoMap | null)[]) => stringSlice(ds.flatMap((d) => (d ? sortedKeys(d) : []))),
    { variadic: MAP },
  ),
  pick: def(
    [MAP],
    MAP,
    (d: GoMap | null, ...ks: string[]) => {
      const m = newMap();
      for (const k of ks) if (d?.has(k)) m.set(k, d.get(k)!);
      return m;
    },
    { variadic: "string" },
  ),
  omit: def(
    [MAP],
    MAP,
    (d: GoMap | null, ...ks: string[]) => {
      const m = newMap();
      const skip = new Set(ks);
      if (d) for (const k of sortedKeys(d)) if (!skip.has(k)) m.set(k, d.get(k)!);
      return m;
    },
    { variadic: "string" },
  ),
  values: def([MAP], "[]interface {}", (d: GoMap | null) => (d ? sortedKeys(d).map((k) => d.get(k)!) : [])),
  merge: def([MAP], ANY, (d, ...s) => mergeAll(d, s, false), { variadic: MAP }),
  mustMerge: def([MAP], ANY, (d, ...s) => mergeAll(d, s, false), { variadic: MAP, returnsError: true }),
  mergeOverwrite: def([MAP], ANY, (d, ...s) => mergeAll(d, s, true), { variadic: MAP }),
  mustMergeOverwrite: def([MAP], ANY, (d, ...s) => mergeAll(d, s, true), {
    variadic: MAP,
    returnsError: true,
  }),
  deepCopy: def([ANY], ANY, deepCopy),
  mustDeepCopy: def([ANY], ANY, deepCopy, { returnsError: true }),
  dig: def([], ANY, dig, { variadic: ANY, returnsError: true }),
};
