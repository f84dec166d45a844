// Reading Go integer arguments: the executor hands `int` parameters over as
// GoInt, int64 as bigint; tolerate plain numbers from direct callers.
import { GO_TYPE, GoInt, type GoSlice, type Value } from "../template/value.ts";

export function intArg(v: Value): number {
  if (v instanceof GoInt) return Number(v.v);
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return Math.trunc(v);
  return 0;
}

/** A Go `int` result. */
export function goInt(n: number | bigint): GoInt {
  return new GoInt(BigInt(n), "int");
}

/** A tagged []string. */
export function stringSlice(items: string[]): GoSlice {
  const s: GoSlice = items;
  s[GO_TYPE] = "[]string";
  return s;
}
