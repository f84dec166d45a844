// Sprig's arithmetic (functions.go, numeric.go): integer functions convert each
// operand with cast.ToInt64 and return int64 (bigint); float functions convert
// with cast.ToFloat64 and return float64; add/sub/mul wrap at 64 bits as Go does.
import { GoError, type GoFunc, type Value } from "../template/value.ts";
import { toFloat64, toInt64 } from "./cast.ts";
import * as dec from "./decimal.ts";
import { def, goInt, int64, intArg, tag } from "./util.ts";

const ANY = "interface {}";
const I64 = "int64";
const F64 = "float64";

function divZero(b: bigint): void {
  if (b === 0n) throw new GoError("runtime error: integer divide by zero");
}

type DecOp = (
  a: ReturnType<typeof dec.fromFloat>,
  b: ReturnType<typeof dec.fromFloat>,
) => ReturnType<typeof dec.fromFloat>;

function decimalOp(a: Value, rest: Value[], op: DecOp): number {
  let acc = dec.fromFloat(toFloat64(a));
  for (const x of rest) acc = op(acc, dec.fromFloat(toFloat64(x)));
  return dec.toFloat(acc);
}

/** Go's math.Max / math.Min with their NaN and signed-zero rules. */
function goMax(a: number, b: number): number {
  if (a === Number.POSITIVE_INFINITY || b === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return Math.max(a, b);
}

function goMin(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY || b === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return Math.min(a, b);
}

/** Sprig's untilStep over Go ints. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  const LIMIT = 50_000_000; // Go would try to allocate it all; we refuse clearly instead
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i += step) {
      v.push(i);
      if (v.length > LIMIT) throw new GoError("runtime error: makeslice: len out of range");
    }
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i += step) {
    v.push(i);
    if (v.length > LIMIT) throw new GoError("runtime error: makeslice: len out of range");
  }
  return v;
}

function intSlice(xs: bigint[]): Value {
  return tag(
    xs.map((x) => goInt(x)),
    "[]int",
  );
}

function seq(...ps: Value[]): string {
  const p = ps.map(intArg);
  const join = (xs: bigint[]) => xs.join(" ");
  switch (p.length) {
    case 1: {
      const start = 1n;
      const end = p[0]!;
      const inc = end < start ? -1n : 1n;
      return join(untilStep(start, end + inc, inc));
    }
    case 2: {
      const [start, end] = p as [bigint, bigint];
      const step = end < start ? -1n : 1n;
      return join(untilStep(start, end + step, step));
    }
    case 3: {
      const [start, step, end] = p as [bigint, bigint, bigint];
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return "";
      }
      return join(untilStep(start, end + inc, step));
    }
    default:
      return "";
  }
}

function round(a: Value, p: Value, ...opt: Value[]): number {
  const roundOn = opt.length > 0 ? (opt[0] as number) : 0.5;
  const val = toFloat64(a);
  const places = Number(intArg(p));
  const pow = 10 ** places;
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

export const mathFuncs: Record<string, GoFunc> = {
  add1: def([ANY], I64, (i) => int64(toInt64(i) + 1n)),
  add: def([], I64, (...xs: Value[]) => xs.reduce<bigint>((a, b) => int64(a + toInt64(b)), 0n), {
    variadic: ANY,
  }),
  sub: def([ANY, ANY], I64, (a, b) => int64(toInt64(a) - toInt64(b))),
  div: def([ANY, ANY], I64, (a, b) => {
    const y = toInt64(b);
    divZero(y);
    return int64(toInt64(a) / y);
  }),
  mod: def([ANY, ANY], I64, (a, b) => {
    const y = toInt64(b);
    divZero(y);
    return int64(toInt64(a) % y);
  }),
  mul: def(
    [ANY],
    I64,
    (a, ...xs: Value[]) => xs.reduce<bigint>((acc, b) => int64(acc * toInt64(b)), toInt64(a)),
    {
      variadic: ANY,
    },
  ),
  add1f: def([ANY], F64, (i) => decimalOp(i, [goInt(1)], dec.add)),
  addf: def([], F64, (...xs: Value[]) => decimalOp(0, xs, dec.add), { variadic: ANY }),
  subf: def([ANY], F64, (a, ...xs: Value[]) => decimalOp(a, xs, dec.sub), { variadic: ANY }),
  divf: def([ANY], F64, (a, ...xs: Value[]) => decimalOp(a, xs, dec.div), { variadic: ANY }),
  mulf: def([ANY], F64, (a, ...xs: Value[]) => decimalOp(a, xs, dec.mul), { variadic: ANY }),
  biggest: def([ANY], I64, (a, ...xs: Value[]) => maxInt(a, xs), { variadic: ANY }),
  max: def([ANY], I64, (a, ...xs: Value[]) => maxInt(a, xs), { variadic: ANY }),
  min: def([ANY], I64, (a, ...xs: Value[]) => minInt(a, xs), { variadic: ANY }),
  maxf: def(
    [ANY],
    F64,
    (a, ...xs: Value[]) => xs.reduce<number>((m, b) => goMax(m, toFloat64(b)), toFloat64(a)),
    {
      variadic: ANY,
    },
  ),
  minf: def(
    [ANY],
    F64,
    (a, ...xs: Value[]) => xs.reduce<number>((m, b) => goMin(m, toFloat64(b)), toFloat64(a)),
    {
      variadic: ANY,
    },
  ),
  ceil: def([ANY], F64, (a) => Math.ceil(toFloat64(a))),
  floor: def([ANY], F64, (a) => Math.floor(toFloat64(a))),
  round: def([ANY, "int"], F64, round, { variadic: F64 }),
  until: def(["int"], "[]int", (c) => {
    const n = intArg(c);
    return intSlice(untilStep(0n, n, n < 0n ? -1n : 1n));
  }),
  untilStep: def(["int", "int", "int"], "[]int", (a, b, c) =>
    intSlice(untilStep(intArg(a), intArg(b), intArg(c))),
  ),
  seq: def([], "string", seq, { variadic: "int" }),
};

function maxInt(a: Value, xs: Value[]): bigint {
  let m = toInt64(a);
  for (const x of xs) {
    const v = toInt64(x);
    if (v > m) m = v;
  }
  return m;
}

function minInt(a: Value, xs: Value[]): bigint {
  let m = toInt64(a);
  for (const x of xs) {
    const v = toInt64(x);
    if (v < m) m = v;
  }
  return m;
}
