// Sprig's number conversions: atoi, int, int64, float64 (spf13/cast), toDecimal.
import { sprint } from "../template/fmt.ts";
import type { GoFunc, Value } from "../template/value.ts";
import { parseAtoi, toFloat64, toInt, toInt64 } from "./cast.ts";
import { def, goInt } from "./util.ts";

const ANY = "interface {}";

/** strconv.Atoi as Sprig wraps it: syntax errors give 0, range errors the clamped value. */
function atoi(s: string): bigint {
  const v = parseAtoi(s);
  if (v !== undefined) return v;
  if (/^[+-]?[0-9]+$/.test(s)) return s.startsWith("-") ? -(1n << 63n) : (1n << 63n) - 1n;
  return 0n;
}

/** strconv.ParseInt(fmt.Sprint(v), 8, 64); errors give 0. */
function toDecimal(v: Value): bigint {
  const s = sprint([v]);
  if (!/^[+-]?[0-7]+$/.test(s)) return 0n;
  const neg = s.startsWith("-");
  const u = BigInt(`0o${s.replace(/^[+-]/, "")}`);
  if (!neg && u > (1n << 63n) - 1n) return 0n;
  if (neg && u > 1n << 63n) return 0n;
  return neg ? -u : u;
}

export const conversionFuncs: Record<string, GoFunc> = {
  atoi: def(["string"], "int", (s: string) => goInt(atoi(s))),
  int64: def([ANY], "int64", toInt64),
  int: def([ANY], "int", (v) => goInt(toInt(v))),
  float64: def([ANY], "float64", toFloat64),
  toDecimal: def([ANY], "int64", toDecimal),
};
