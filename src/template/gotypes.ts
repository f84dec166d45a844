// Go's type rules as the executor needs them for calling functions: the kind
// behind a type name, assignability, nil-ability and zero values. Types are the
// names reflect prints ("int", "[]string", "map[string]interface {}", ...).
import { elemTypeName, goTypeName } from "./types.ts";
import {
  GO_TYPE,
  GoFloat32,
  type GoFunc,
  GoInt,
  type GoMap,
  type GoSlice,
  type IntKind,
  type Value,
} from "./value.ts";

/** Pseudo-type of the built-ins' reflect.Value parameters: takes any value, even an invalid one. */
export const REFLECT_VALUE = "reflect.Value";

// Underlying types of the named types that reach templates from helm and Go.
const underlying = new Map<string, string>([
  ["common.Values", "map[string]interface {}"],
  ["chartutil.Values", "map[string]interface {}"],
  ["time.Duration", "int64"],
  ["time.Month", "int"],
  ["time.Weekday", "int"],
]);

/** Registers a named type's underlying type (e.g. "common.Values" → "map[string]interface {}"). */
export function registerUnderlyingType(name: string, under: string): void {
  underlying.set(name, under);
  kindMemo.clear();
  keyMemo.clear();
  elemMemo.clear();
}

// Answers per type name: the executor asks on every field access and call
// argument, and the answers depend only on the name and the registrations.
const kindMemo = new Map<string, TypeKind>();
const keyMemo = new Map<string, string>();
const elemMemo = new Map<string, string>();

function remember<T>(memo: Map<string, T>, t: string, v: T): T {
  if (memo.size > 10000) memo.clear();
  memo.set(t, v);
  return v;
}

export function underlyingType(t: string): string {
  return underlying.get(t) ?? t;
}

const INT_KINDS = new Set(["int", "int8", "int16", "int32", "int64"]);
const UINT_KINDS = new Set(["uint", "uint8", "uint16", "uint32", "uint64", "uintptr"]);

export type TypeKind =
  | "bool"
  | "int"
  | "uint"
  | "float"
  | "complex"
  | "string"
  | "interface"
  | "slice"
  | "array"
  | "map"
  | "ptr"
  | "func"
  | "chan"
  | "struct"
  | "reflect";

/** The kind class of a type name, as reflect.Type.Kind() would classify it. */
export function typeKind(t: string): TypeKind {
  return kindMemo.get(t) ?? remember(kindMemo, t, typeKindOf(t));
}

function typeKindOf(t: string): TypeKind {
  if (t === REFLECT_VALUE) return "reflect";
  const u = underlyingType(t);
  if (u === "bool") return "bool";
  if (INT_KINDS.has(u)) return "int";
  if (UINT_KINDS.has(u) || u === "byte") return "uint";
  if (u === "float64" || u === "float32") return "float";
  if (u === "complex128" || u === "complex64") return "complex";
  if (u === "string") return "string";
  if (u.startsWith("interface") || u === "any" || u === "error") return "interface";
  if (u.startsWith("[]")) return "slice";
  if (/^\[\d/.test(u)) return "array";
  if (u.startsWith("map[")) return "map";
  if (u.startsWith("*")) return "ptr";
  if (u.startsWith("func")) return "func";
  if (u.startsWith("chan") || u.startsWith("<-chan")) return "chan";
  return "struct";
}

/** Go's canBeNil for a parameter type. */
export function canBeNil(t: string): boolean {
  switch (typeKind(t)) {
    case "interface":
    case "map":
    case "slice":
    case "ptr":
    case "func":
    case "chan":
    case "reflect":
      return true;
  }
  return false;
}

function isUnnamed(t: string): boolean {
  return /^(\[|map\[|\*|func|chan|<-chan|struct)/.test(t);
}

/** reflect's AssignableTo for a non-nil value's dynamic type and a parameter type. */
export function assignableTo(vt: string, t: string): boolean {
  if (vt === t) return true;
  const k = typeKind(t);
  if (k === "interface" || k === "reflect") return true;
  const uv = underlyingType(vt);
  const ut = underlyingType(t);
  if (vt === "[]uint8" && (t === "[]byte" || ut === "[]byte")) return true;
  return uv === ut && (isUnnamed(vt) || isUnnamed(t));
}

/** Whether a (non-nil) value can be passed as type t without conversion. */
export function valueAssignable(v: Value, t: string): boolean {
  return assignableTo(goTypeName(v), t);
}

/** Go's zero value of a type, in our value model (nil maps/slices as empty tagged ones). */
export function zeroValue(t: string): Value {
  const u = underlyingType(t);
  switch (typeKind(t)) {
    case "bool":
      return false;
    case "string":
      return "";
    case "int":
      return u === "int64" ? 0n : new GoInt(0n, u as IntKind);
    case "uint":
      return new GoInt(0n, (u === "byte" ? "uint8" : u) as IntKind);
    case "float":
      return u === "float32" ? new GoFloat32(0) : 0;
    case "slice": {
      const a: GoSlice = [];
      if (t !== "[]interface {}") a[GO_TYPE] = t;
      return a;
    }
    case "map": {
      const m: GoMap = new Map();
      if (t !== "map[string]interface {}") m[GO_TYPE] = t;
      return m;
    }
  }
  return null;
}

/** Element type of a Map or Array value ("interface {}" when untagged). */
export function elemTypeOf(v: GoMap | GoSlice): string {
  const t = v[GO_TYPE];
  if (t === undefined) return "interface {}";
  return elemMemo.get(t) ?? remember(elemMemo, t, elemTypeName(underlyingType(t)));
}

/** Key type of a Map value ("string" unless tagged otherwise). */
export function keyTypeOf(v: GoMap): string {
  const t = v[GO_TYPE];
  if (t === undefined) return "string";
  let k = keyMemo.get(t);
  if (k === undefined) {
    const m = /^map\[([^\]]*)\]/.exec(underlyingType(t));
    k = remember(keyMemo, t, m ? m[1]! : "string");
  }
  return k;
}

export function isIntKindName(t: string): boolean {
  return INT_KINDS.has(t);
}
export function isUintKindName(t: string): boolean {
  return UINT_KINDS.has(t);
}

/** Finds a method of a named map/slice type's value (e.g. helm's common.Values.Table). */
export type MethodLookup = (receiver: Value, name: string) => GoFunc | undefined;

const typeMethods = new Map<string, MethodLookup>();

/**
 * Registers the methods of a named Map/Array type (GO_TYPE tag). Go looks
 * methods up before map keys, so `.Values.Table "x"` calls common.Values.Table.
 */
export function registerMethods(goType: string, lookup: MethodLookup): void {
  typeMethods.set(goType, lookup);
}

/** The method `name` of a tagged Map/Array value, if its type has one. */
export function taggedMethod(v: GoMap | GoSlice, name: string): GoFunc | undefined {
  const t = v[GO_TYPE];
  if (t === undefined) return undefined;
  return typeMethods.get(t)?.(v, name);
}
