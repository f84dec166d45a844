// Go's strconv.FormatFloat for the shortest representation (precision -1),
// in the 'g', 'e' and 'f' formats, for float64 and float32. JS already finds
// the shortest round-tripping digits; only the layout differs from Go.

interface Digits {
  neg: boolean;
  /** Significant decimal digits, no leading/trailing zeros (at least one digit). */
  d: string;
  /** Decimal point position: value = 0.d × 10^dp. */
  dp: number;
}

function shortest32(x: number): string {
  const f = Math.fround(x);
  for (let p = 1; p < 17; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return Number(s).toExponential();
  }
  return f.toExponential();
}

function digitsOf(x: number, bits: 32 | 64): Digits {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (a === 0) return { neg, d: "0", dp: 1 };
  const e = bits === 32 ? shortest32(a) : a.toExponential();
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  const d = (m[1]! + (m[2] ?? "")).replace(/0+$/, "") || "0";
  return { neg, d, dp: Number(m[3]) + 1 };
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  return undefined;
}

function fmtE(g: Digits): string {
  let s = g.neg ? "-" : "";
  s += g.d[0];
  if (g.d.length > 1) s += "." + g.d.slice(1);
  const exp = g.d === "0" ? 0 : g.dp - 1;
  const ae = Math.abs(exp);
  return s + "e" + (exp < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + ae;
}

function fmtF(g: Digits): string {
  let s = g.neg ? "-" : "";
  if (g.dp <= 0) s += "0." + "0".repeat(-g.dp) + g.d;
  else if (g.dp >= g.d.length) s += g.d + "0".repeat(g.dp - g.d.length);
  else s += g.d.slice(0, g.dp) + "." + g.d.slice(g.dp);
  return s;
}

/** strconv.FormatFloat(x, fmt, -1, bits). */
export function formatFloat(x: number, fmt: "g" | "e" | "f", bits: 32 | 64 = 64): string {
  if (bits === 32) x = Math.fround(x);
  const sp = special(x);
  if (sp) return sp;
  const g = digitsOf(x, bits);
  if (fmt === "e") return fmtE(g);
  if (fmt === "f") return fmtF(g);
  // strconv uses %e for shortest %g when the exponent is < -4 or >= 6.
  const exp = g.dp - 1;
  if (exp < -4 || exp >= 6) return fmtE(g);
  return fmtF(g);
}

/** encoding/json's float layout: %f between 1e-6 and 1e21, else %e with "e-07" cleaned to "e-7". */
export function formatJSONFloat(x: number, bits: 32 | 64 = 64): string {
  const a = Math.abs(x);
  const small = bits === 32 ? Math.fround(a) < Math.fround(1e-6) : a < 1e-6;
  const big = bits === 32 ? Math.fround(a) >= Math.fround(1e21) : a >= 1e21;
  if (a !== 0 && (small || big)) {
    return formatFloat(x, "e", bits).replace(/e-0(\d)$/, "e-$1");
  }
  return formatFloat(x, "f", bits);
}
