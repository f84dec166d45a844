// The slice of shopspring/decimal v1.4.0 that Sprig's addf/subf/mulf/divf use:
// exact decimal arithmetic on the shortest decimal form of each float64, with
// Div rounded half away from zero at 16 decimal places.
import { GoError } from "../template/value.ts";

/** value = coef × 10^exp */
interface Dec {
  coef: bigint;
  exp: number;
}

/** decimal.NewFromFloat: the shortest decimal that round-trips (JS and Go agree on it). */
export function fromFloat(f: number): Dec {
  if (Number.isNaN(f) || !Number.isFinite(f)) {
    throw new GoError(`Cannot create a Decimal from ${Number.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf"}`);
  }
  if (f === 0) return { coef: 0n, exp: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f))!;
  const frac = m[3] ?? "";
  return { coef: BigInt(`${m[1]}${m[2]}${frac}`), exp: Number(m[4] ?? 0) - frac.length };
}

function rescale(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - e), b.coef * 10n ** BigInt(b.exp - e), e];
}

export function add(a: Dec, b: Dec): Dec {
  const [x, y, e] = rescale(a, b);
  return { coef: x + y, exp: e };
}

export function sub(a: Dec, b: Dec): Dec {
  const [x, y, e] = rescale(a, b);
  return { coef: x - y, exp: e };
}

export function mul(a: Dec, b: Dec): Dec {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

const DIVISION_PRECISION = 16;

export function div(a: Dec, b: Dec): Dec {
  if (b.coef === 0n) throw new GoError("decimal division by 0");
  const e = a.exp - b.exp + DIVISION_PRECISION;
  let num = a.coef;
  let den = b.coef;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  let q = num / den;
  const r = num - q * den;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

/** decimal.Float64: the float64 nearest to the exact value. */
export function toFloat(d: Dec): number {
  return Number(`${d.coef}e${d.exp}`);
}
