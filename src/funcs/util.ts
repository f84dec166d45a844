// Shared helpers for the function groups: building GoFuncs, reading Go
// arguments, Go's reflect-style kind checks, DeepEqual, Sprig's empty/strval.
import { sprint } from "../template/fmt.ts";
import { goBytes, goString } from "../template/gostring.ts";
import { goKindName, goTypeName } from "../template/types.ts";
import {
  GO_TYPE,
  GoError,
  GoFloat32,
  type GoFunc,
  GoInt,
  type GoMap,
  GoObject,
  type GoSlice,
  type GoType,
  MARSHAL_JSON,
  type Value,
} from "../template/value.ts";

export { goKindName, goTypeName };

/** A GoFunc with its Go signature: `def(["string", "int"], "string", f)`. */
export function def(
  params: GoType[],
  result: GoType,
  fn: (...args: any[]) => Value,
  opts: { variadic?: GoType; returnsError?: boolean } = {},
): GoFunc {
  const f: GoFunc = { params, result, fn };
  if (opts.variadic !== undefined) f.variadic = opts.variadic;
  if (opts.returnsError) f.returnsError = true;
  return f;
}

/** Go's runtime panic text for a nil dereference (reflect.TypeOf(nil).Kind()). */
export const NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference";

/** An argument declared `int`/`int64` as a bigint, whatever numeric shape the executor passed. */
export function intArg(v: Value): bigint {
  if (typeof v === "bigint") return v;
  if (v instanceof GoInt) return v.v;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  throw new GoError(`internal: expected an integer argument, got ${goTypeName(v)}`);
}

/** An `int` argument as a JS number (for lengths and indices; Go ints beyond 2^53 do not fit anyway). */
export function intNum(v: Value): number {
  return Number(intArg(v));
}

/** A Go `int` result (wraps at 64 bits, as Go's int does on 64-bit platforms). */
export function goInt(n: bigint | number): GoInt {
  return new GoInt(BigInt.asIntN(64, typeof n === "number" ? BigInt(n) : n), "int");
}

/** A Go `int64` result. */
export function int64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** Tags an Array or Map with its Go type when it is not []interface {} / map[string]interface {}. */
export function tag<T extends GoSlice | GoMap>(v: T, goType: string): T {
  (v as any)[GO_TYPE] = goType;
  return v;
}

/** A []string result. */
export function stringSlice(items: string[]): GoSlice {
  return tag(items as GoSlice, "[]string");
}

/** Whether reflect sees a slice or array (Arrays and []byte). */
export function isListKind(v: Value): boolean {
  if (v === null) return false;
  const k = goKindName(v);
  return k === "slice" || k === "array";
}

/** Elements of a slice value, as reflect's Index(i).Interface() would give them. */
export function listItems(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoInt(BigInt(b), "uint8"));
  return [];
}

/** reflect.TypeOf(v).Kind(), panicking on nil as Go does. */
export function kindOrPanic(v: Value): string {
  if (v === null) throw new GoError(NIL_DEREF);
  return goKindName(v);
}

/** Go's reflect.DeepEqual over the value model. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true; // NaN !== NaN, so NaN falls through and compares unequal
  if (a === null || b === null) return false;
  if (goTypeName(a) !== goTypeName(b)) return false;
  if (a instanceof GoInt && b instanceof GoInt) return a.v === b.v;
  if (a instanceof GoFloat32 && b instanceof GoFloat32) return a.v === b.v;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEqual(v, b.get(k)!)) return false;
    }
    return true;
  }
  if (a instanceof GoObject && b instanceof GoObject) {
    // Structs compare every field, unexported ones too: compare the host object's own state.
    if (a.constructor !== b.constructor) return false;
    const ka = Object.keys(a);
    return ka.every((k) => {
      const x = (a as any)[k];
      const y = (b as any)[k];
      return x === y || (isValueLike(x) && isValueLike(y) && deepEqual(x, y));
    });
  }
  return false;
}

function isValueLike(x: unknown): x is Value {
  return (
    x instanceof Map ||
    Array.isArray(x) ||
    x instanceof GoObject ||
    x instanceof GoInt ||
    x instanceof Uint8Array
  );
}

/** Sprig's `empty`: the zero value of its kind (nil, "", 0, false, empty container). */
export function isEmpty(v: Value): boolean {
  if (v === null) return true;
  // reflect's Kind of a named basic type (time.Weekday) is its underlying kind.
  if (v instanceof GoObject && v.underlying !== undefined) v = v.underlying();
  if (typeof v === "string") return v.length === 0;
  if (typeof v === "boolean") return !v;
  if (typeof v === "number") return v === 0;
  if (typeof v === "bigint") return v === 0n;
  if (v instanceof GoInt) return v.v === 0n;
  if (v instanceof GoFloat32) return v.v === 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false; // structs are never empty; non-nil pointers neither
}

/**
 * Whether a host object, held in an interface{} argument, is a fmt.Stringer.
 * A String() with a pointer receiver (helm's common.KubeVersion) does not
 * count: the function receives a copy of the struct, so Sprig's strval falls
 * back to %v (`{v1.35.0 v1.35.0 1 35}`).
 */
function isStringer(v: GoObject): boolean {
  return (
    typeof v.toString === "function" &&
    v.toString !== Object.prototype.toString &&
    v.stringNeedsAddress !== true
  );
}

export function utf8Bytes(s: string): Uint8Array {
  return goBytes(s);
}

export function utf8String(b: Uint8Array): string {
  return goString(b);
}

/** Sprig's strval: string, []byte, Stringer, else fmt's %v. */
export function strval(v: Value): string {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return utf8String(v);
  if (v instanceof GoObject && isStringer(v)) return v.toString!();
  return sprint([v]);
}

/**
 * A nil slice or map of Go: empty everywhere, except that encoding/json
 * writes it as null (it answers the capstan.marshalJSON protocol).
 */
export function nilOf<T extends GoSlice | GoMap>(empty: T): T {
  (empty as any)[MARSHAL_JSON] = () => null;
  return empty;
}

/**
 * The map a Go function sees through a map[string]interface {} parameter:
 * a named map type (helm's common.Values) converts at the call, so what the
 * function returns is the same map without the name. A view keeps mutations
 * shared, as Go's map conversion does.
 */
export function asPlainMap(m: GoMap): GoMap {
  if ((m as any)[GO_TYPE] === undefined) return m;
  return new Proxy(m, {
    get(target, prop) {
      if (prop === GO_TYPE) return undefined;
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** A copy of a map (Go maps are references: functions that mutate must mutate the argument itself). */
export function newMap(): GoMap {
  return new Map<string, Value>();
}
