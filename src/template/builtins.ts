// text/template's predefined functions (funcs.go). Most take reflect.Value in
// Go, so they receive raw values: `undefined` is an invalid reflect.Value and
// `null` a nil interface{}. Errors are GoError with Go's exact text; the
// executor prefixes "error calling NAME: ".
import { escapeHTML, escapeJS, queryEscape } from "./escape.ts";
import { compareGoStrings, sprint, sprintf, sprintln } from "./fmt.ts";
import { goBytes, goLen, goString } from "./gostring.ts";
import { assignableTo, elemTypeOf, isIntKindName, keyTypeOf, REFLECT_VALUE, zeroValue } from "./gotypes.ts";
import { goKindName, goTypeName } from "./types.ts";
import {
  basicValue,
  GO_TYPE,
  GoError,
  GoFloat32,
  type GoFunc,
  GoInt,
  GoObject,
  type GoSlice,
  type Value,
} from "./value.ts";

type RV = Value | undefined;

/** indirectInterface: a nil interface becomes the invalid value. */
function ind(v: RV): RV {
  return v === null ? undefined : v;
}

function truth(v: RV): boolean {
  v = ind(v);
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "string":
      return v.length > 0;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
  }
  if (v instanceof GoInt) return v.v !== 0n;
  if (v instanceof GoFloat32) return v.v !== 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return v.truth();
}

function typeName(v: RV): string {
  return v === undefined ? "<nil>" : goTypeName(v);
}

// ---- comparison (basicKind rules) ----

enum K {
  Invalid,
  Bool,
  Complex,
  Int,
  Float,
  String,
  Uint,
}

/** Go's basicKind; named basic types (time.Month, time.Duration) count as their underlying kind. */
function basicKind(v: RV): K {
  if (v === undefined || v === null) return K.Invalid;
  if (v instanceof GoObject) v = basicValue(v);
  switch (typeof v) {
    case "boolean":
      return K.Bool;
    case "string":
      return K.String;
    case "number":
      return K.Float;
    case "bigint":
      return K.Int;
  }
  if (v instanceof GoInt) return isIntKindName(v.kind) ? K.Int : K.Uint;
  if (v instanceof GoFloat32) return K.Float;
  return K.Invalid;
}

function intOf(v: RV): bigint {
  if (v instanceof GoObject) v = basicValue(v);
  return typeof v === "bigint" ? v : (v as GoInt).v;
}
function floatOf(v: RV): number {
  if (v instanceof GoObject) v = basicValue(v);
  return typeof v === "number" ? v : (v as GoFloat32).v;
}
/** The bool or string behind a (possibly named) basic value. */
function plainOf(v: RV): RV {
  return v instanceof GoObject ? basicValue(v) : v;
}

const ERR_BAD_COMPARISON_TYPE = "invalid type for comparison";
const ERR_NO_COMPARISON = "missing argument for comparison";

function isComparable(v: Value): boolean {
  return !(Array.isArray(v) || v instanceof Map || v instanceof Uint8Array);
}

export function eq(arg1: RV, ...arg2: RV[]): boolean {
  arg1 = ind(arg1);
  if (arg2.length === 0) throw new GoError(ERR_NO_COMPARISON);
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = ind(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (k1 === K.Int && k2 === K.Uint) t = intOf(arg1) >= 0n && intOf(arg1) === intOf(arg);
      else if (k1 === K.Uint && k2 === K.Int) t = intOf(arg) >= 0n && intOf(arg1) === intOf(arg);
      else if (arg1 !== undefined && arg !== undefined) {
        throw new GoError(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg)}`);
      }
    } else {
      switch (k1) {
        case K.Bool:
        case K.String:
          t = plainOf(arg1) === plainOf(arg);
          break;
        case K.Float:
          t = floatOf(arg1) === floatOf(arg);
          break;
        case K.Int:
        case K.Uint:
          t = intOf(arg1) === intOf(arg);
          break;
        default: {
          const kind1 = arg1 === undefined ? "invalid" : goKindName(arg1!);
          const kind2 = arg === undefined ? "invalid" : goKindName(arg!);
          if (kind1 !== kind2 && kind1 !== "invalid" && kind2 !== "invalid") {
            throw new GoError(
              sprintf("non-comparable types %s: %v, %s: %v", [arg1!, typeName(arg1), typeName(arg), arg!]),
            );
          }
          if (arg1 === undefined || arg === undefined) t = arg1 === arg;
          else {
            if (!isComparable(arg))
              throw new GoError(sprintf("non-comparable type %s: %v", [arg, typeName(arg)]));
            t = arg1 === arg || goEqual(arg1, arg);
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

/** Go's == on two host objects of one type (interface comparison: different types are unequal). */
function goEqual(a: Value, b: Value): boolean {
  if (!(a instanceof GoObject && b instanceof GoObject) || a.goEqual === undefined) return false;
  return a.goType === b.goType && a.goEqual(b);
}

export function lt(arg1: RV, arg2: RV): boolean {
  arg1 = ind(arg1);
  const k1 = basicKind(arg1);
  if (k1 === K.Invalid) throw new GoError(ERR_BAD_COMPARISON_TYPE);
  arg2 = ind(arg2);
  const k2 = basicKind(arg2);
  if (k2 === K.Invalid) throw new GoError(ERR_BAD_COMPARISON_TYPE);
  if (k1 !== k2) {
    if (k1 === K.Int && k2 === K.Uint) return intOf(arg1) < 0n || intOf(arg1) < intOf(arg2);
    if (k1 === K.Uint && k2 === K.Int) return intOf(arg2) >= 0n && intOf(arg1) < intOf(arg2);
    throw new GoError(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg2)}`);
  }
  switch (k1) {
    case K.Bool:
    case K.Complex:
      throw new GoError(ERR_BAD_COMPARISON_TYPE);
    case K.Float:
      return floatOf(arg1) < floatOf(arg2);
    case K.Int:
    case K.Uint:
      return intOf(arg1) < intOf(arg2);
    default:
      return compareGoStrings(plainOf(arg1) as string, plainOf(arg2) as string) < 0;
  }
}

function le(a: RV, b: RV): boolean {
  return lt(a, b) || eq(a, b);
}

// ---- index, slice, len ----

function utf8(s: string): Uint8Array {
  return goBytes(s);
}

function indexArg(index: RV, cap: number): number {
  let x: bigint;
  // reflect's Int() reads a named integer type (time.Month) as its number.
  if (index instanceof GoObject) {
    const u = basicValue(index);
    if (u instanceof GoInt || typeof u === "bigint") index = u;
  }
  if (index instanceof GoInt) x = index.v;
  else if (typeof index === "bigint") x = index;
  else if (index === undefined || index === null) throw new GoError("cannot index slice/array with nil");
  else throw new GoError(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

/** prepareArg for a map key: Go converts between integer kinds only. */
function prepareKey(index: RV, keyType: string): Value {
  if (index === undefined || index === null) throw new GoError(`value is nil; should be of type ${keyType}`);
  if (assignableTo(goTypeName(index), keyType)) return index;
  throw new GoError(`value has type ${goTypeName(index)}; should be ${keyType}`);
}

export function index(item: RV, ...indexes: RV[]): RV {
  item = ind(item);
  if (item === undefined) throw new GoError("index of untyped nil");
  for (let ix of indexes) {
    ix = ind(ix);
    if (item === null || item === undefined) throw new GoError("index of nil pointer");
    if (typeof item === "string") {
      const b = utf8(item);
      const x = indexArg(ix, b.length);
      if (x === b.length) throw new GoError("reflect: string index out of range");
      item = new GoInt(BigInt(b[x]!), "uint8");
    } else if (Array.isArray(item) || item instanceof Uint8Array) {
      const x = indexArg(ix, item.length);
      if (x === item.length) throw new GoError("reflect: slice index out of range");
      item = item instanceof Uint8Array ? new GoInt(BigInt(item[x]!), "uint8") : item[x]!;
    } else if (item instanceof Map) {
      const key = prepareKey(ix, keyTypeOf(item));
      const v = item.get(key as string);
      item = v === undefined ? zeroValue(elemTypeOf(item)) : v;
    } else {
      throw new GoError(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

export function slice(item: RV, ...indexes: RV[]): RV {
  item = ind(item);
  if (item === undefined) throw new GoError("slice of untyped nil");
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | undefined;
  if (typeof item === "string") {
    if (indexes.length === 3) throw new GoError("cannot 3-index slice a string");
    bytes = utf8(item);
    len = bytes.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    throw new GoError(`can't slice item of type ${goTypeName(item!)}`);
  }
  const idx = [0, len, 0];
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(indexes[i], len);
  if (idx[0]! > idx[1]!) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!)
    throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes !== undefined) return goString(bytes.subarray(idx[0], idx[1]));
  if (item instanceof Uint8Array) return item.slice(idx[0], idx[1]);
  const out: GoSlice = (item as GoSlice).slice(idx[0], idx[1]);
  const t = (item as GoSlice)[GO_TYPE];
  if (t !== undefined) out[GO_TYPE] = t;
  return out;
}

export function length(item: RV): Value {
  if (item === null) throw new GoError("len of nil pointer");
  if (item === undefined) throw new GoError("reflect: call of reflect.Value.Type on zero Value");
  if (typeof item === "string") return new GoInt(BigInt(goLen(item)));
  if (Array.isArray(item) || item instanceof Uint8Array) return new GoInt(BigInt(item.length));
  if (item instanceof Map) return new GoInt(BigInt(item.size));
  throw new GoError(`len of type ${goTypeName(item)}`);
}

// ---- call ----

function call(name: Value, fn: RV): Value {
  fn = ind(fn);
  if (fn === undefined) throw new GoError("call of nil");
  // Our value model holds no function values, so anything here is a non-function.
  throw new GoError(`non-function ${name} of type ${goTypeName(fn)}`);
}

/** evalArgs of html/js/urlquery: a lone string as is, else fmt.Sprint with nil shown as <no value>. */
function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return sprint(args.map((a) => (a === null ? "<no value>" : a)));
}

const RV_T = REFLECT_VALUE;
const ANY = "interface {}";

function fn(
  params: string[],
  result: string,
  f: (...a: any[]) => any,
  variadic?: string,
  err = false,
): GoFunc {
  return { params, result, fn: f, variadic, returnsError: err };
}

/** The predefined global functions, as Go's builtins() FuncMap. */
export const BUILTINS: Record<string, GoFunc> = {
  and: fn([RV_T], RV_T, () => undefined, RV_T), // short-circuit: handled by the executor
  or: fn([RV_T], RV_T, () => undefined, RV_T),
  call: fn([RV_T], RV_T, call, RV_T, true),
  html: fn([], "string", (...a: Value[]) => escapeHTML(evalArgs(a)), ANY),
  index: fn([RV_T], RV_T, index, RV_T, true),
  slice: fn([RV_T], RV_T, slice, RV_T, true),
  js: fn([], "string", (...a: Value[]) => escapeJS(evalArgs(a)), ANY),
  len: fn([RV_T], "int", length, undefined, true),
  not: fn([RV_T], "bool", (a: RV) => !truth(a)),
  print: fn([], "string", (...a: Value[]) => sprint(a), ANY),
  printf: fn(["string"], "string", (f: string, ...a: Value[]) => sprintf(f, a), ANY),
  println: fn([], "string", (...a: Value[]) => sprintln(a), ANY),
  urlquery: fn([], "string", (...a: Value[]) => queryEscape(evalArgs(a)), ANY),
  eq: fn([RV_T], "bool", eq, RV_T, true),
  ge: fn([RV_T, RV_T], "bool", (a: RV, b: RV) => !lt(a, b), undefined, true),
  gt: fn([RV_T, RV_T], "bool", (a: RV, b: RV) => !le(a, b), undefined, true),
  le: fn([RV_T, RV_T], "bool", le, undefined, true),
  lt: fn([RV_T, RV_T], "bool", lt, undefined, true),
  ne: fn([RV_T, RV_T], "bool", (a: RV, b: RV) => !eq(a, b), undefined, true),
};
