// spf13/cast v1.7.0 as Sprig 3.3 calls it (ToInt64, ToInt, ToFloat64), with
// Go's strconv.ParseInt(s, 0, 64) / ParseFloat(s, 64) underneath. On any
// error cast returns 0, and Sprig ignores the error, so these never throw.
import { underscoreOK } from "../template/strconv.ts";
import { basicValue, GoFloat32, GoInt, GoObject, type Value } from "../template/value.ts";

const MAX_U64 = (1n << 64n) - 1n;

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv.ParseUint(s, 0, 64); undefined on a syntax or range error. */
function parseUint0(s0: string): bigint | undefined {
  if (s0 === "") return undefined;
  let s = s0;
  let base = 10n;
  if (s[0] === "0") {
    const c = s.length >= 3 ? lower(s[1]!) : "";
    if (c === "b") base = 2n;
    else if (c === "o") base = 8n;
    else if (c === "x") base = 16n;
    else base = 8n;
    s = base === 8n && c !== "o" ? s.slice(1) : s.slice(2);
  }
  let n = 0n;
  let underscores = false;
  for (const ch of s) {
    if (ch === "_") {
      underscores = true;
      continue;
    }
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || BigInt(d) >= base) return undefined;
    n = n * base + BigInt(d);
    if (n > MAX_U64) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64); undefined on error. */
export function parseGoInt(s: string): bigint | undefined {
  if (s === "") return undefined;
  let neg = false;
  let body = s;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    body = s.slice(1);
  }
  const u = parseUint0(body);
  if (u === undefined) return undefined;
  if (!neg && u > (1n << 63n) - 1n) return undefined;
  if (neg && u > 1n << 63n) return undefined;
  return neg ? -u : u;
}

/** strconv.Atoi (base 10, no prefixes or underscores); undefined on error. */
export function parseAtoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > (1n << 63n) - 1n || n < -(1n << 63n)) return undefined;
  return n;
}

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  let i = 0;
  while (i < prefix.length && i < s.length && lower(s[i]!) === prefix[i]) i++;
  return i;
}

/** strconv.ParseFloat(s, 64); undefined on a syntax or range error. */
export function parseGoFloat(s: string): number | undefined {
  // special(): inf, infinity, nan
  {
    let sign = 1;
    let t = s;
    let nsign = 0;
    if (t[0] === "+" || t[0] === "-") {
      sign = t[0] === "-" ? -1 : 1;
      nsign = 1;
      t = t.slice(1);
    }
    if (t.length > 0 && lower(t[0]!) === "i") {
      let n = commonPrefixLenIgnoreCase(t, "infinity");
      if (n > 3 && n < 8) n = 3;
      if ((n === 3 || n === 8) && nsign + n === s.length) return sign * Number.POSITIVE_INFINITY;
    } else if (nsign === 0 && t.length > 0 && lower(t[0]!) === "n") {
      if (commonPrefixLenIgnoreCase(t, "nan") === 3 && s.length === 3) return Number.NaN;
    }
  }
  let i = 0;
  let neg = false;
  if (s[i] === "+") i++;
  else if (s[i] === "-") {
    i++;
    neg = true;
  }
  let hex = false;
  if (i + 2 < s.length && s[i] === "0" && lower(s[i + 1]!) === "x") {
    hex = true;
    i += 2;
  }
  let underscores = false;
  let sawdot = false;
  let sawdigits = false;
  let mant = "";
  let dotPos = -1;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === "_") {
      underscores = true;
      continue;
    }
    if (c === ".") {
      if (sawdot) break;
      sawdot = true;
      dotPos = mant.length;
      continue;
    }
    if ((c >= "0" && c <= "9") || (hex && lower(c) >= "a" && lower(c) <= "f")) {
      sawdigits = true;
      mant += c;
      continue;
    }
    break;
  }
  if (!sawdigits) return undefined;
  let exp = 0;
  const expChar = hex ? "p" : "e";
  if (i < s.length && lower(s[i]!) === expChar) {
    i++;
    if (i >= s.length) return undefined;
    let esign = 1;
    if (s[i] === "+") i++;
    else if (s[i] === "-") {
      i++;
      esign = -1;
    }
    if (i >= s.length || s[i]! < "0" || s[i]! > "9") return undefined;
    let e = 0;
    for (; i < s.length && ((s[i]! >= "0" && s[i]! <= "9") || s[i] === "_"); i++) {
      if (s[i] === "_") {
        underscores = true;
        continue;
      }
      if (e < 10000) e = e * 10 + Number(s[i]);
    }
    exp = e * esign;
  } else if (hex) {
    return undefined;
  }
  if (i !== s.length) return undefined;
  if (underscores && !underscoreOK(s.slice(0, i))) return undefined;
  let v: number;
  if (hex) {
    const fracDigits = sawdot ? mant.length - dotPos : 0;
    const m = BigInt(`0x${mant}`);
    v = hexToFloat(m, exp - 4 * fracDigits);
  } else {
    const digits = sawdot ? `${mant.slice(0, dotPos) || "0"}.${mant.slice(dotPos) || "0"}` : mant;
    v = Number(`${digits}e${exp}`);
  }
  if (!Number.isFinite(v)) return undefined; // Go reports a range error (cast then yields 0)
  return neg ? -v : v;
}

/** m * 2^e rounded to the nearest float64 (ties to even). */
function hexToFloat(m: bigint, e: number): number {
  if (m === 0n) return 0;
  // Reduce the mantissa to 54 bits with a sticky bit, then let the FPU round once.
  const bits = m.toString(2).length;
  if (bits > 54) {
    const shift = BigInt(bits - 54);
    const sticky = m & ((1n << shift) - 1n) ? 1n : 0n;
    m = (m >> shift) | sticky;
    e += Number(shift);
  }
  return Number(m) * 2 ** e;
}

/** cast's trimZeroDecimal: "10.00" → "10", "1.50" stays. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === ".") {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === "0") {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** Go's int64(f) conversion as amd64 does it: truncation; NaN and out-of-range give MinInt64. */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 2 ** 63 || f < -(2 ** 63)) return -(1n << 63n);
  return BigInt(Math.trunc(f));
}

/** cast's toInt: besides int, it knows time.Weekday and time.Month (not time.Duration). */
function castNamedInt(v: GoObject): bigint | undefined {
  if (v.goType !== "time.Month" && v.goType !== "time.Weekday") return undefined;
  const u = basicValue(v);
  return u instanceof GoInt ? u.v : undefined;
}

/** cast.ToInt64 (errors give 0). */
export function toInt64(v: Value): bigint {
  if (v === null) return 0n;
  if (v instanceof GoObject) return castNamedInt(v) ?? 0n;
  if (typeof v === "bigint") return v;
  if (v instanceof GoInt) return BigInt.asIntN(64, v.v);
  if (typeof v === "number") return floatToInt64(v);
  if (v instanceof GoFloat32) return floatToInt64(v.v);
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "string") return parseGoInt(trimZeroDecimal(v)) ?? 0n;
  return 0n;
}

/** cast.ToInt (int is 64 bits wide here, as on helm's platforms). */
export function toInt(v: Value): bigint {
  return toInt64(v);
}

/** cast.ToFloat64 (errors give 0). */
export function toFloat64(v: Value): number {
  if (v === null) return 0;
  if (v instanceof GoObject) return Number(castNamedInt(v) ?? 0n);
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof GoInt) return Number(v.v);
  if (v instanceof GoFloat32) return v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseGoFloat(v) ?? 0;
  return 0;
}
