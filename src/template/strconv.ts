// Go's strconv: float and integer formatting, quoting, and number parsing,
// with Go's exact digits and rounding. Floats with a precision are rounded
// from their exact decimal expansion, half to even, as Go does (JS's toFixed
// rounds ties away from zero).
import { PRINT_RANGES } from "./isprint-table.ts";

/** A decimal digit string without trailing zeros and the position of its decimal point. */
interface Decimal {
  d: string;
  dp: number;
}

interface FloatInfo {
  mantbits: number;
  expbits: number;
  bias: number;
}
const F64: FloatInfo = { mantbits: 52, expbits: 11, bias: -1023 };
const F32: FloatInfo = { mantbits: 23, expbits: 8, bias: -127 };

const view = new DataView(new ArrayBuffer(8));

/** Sign, integer mantissa and binary exponent (value = mant × 2^(exp−mantbits)), as Go's genericFtoa splits them. */
function splitFloat(
  f: number,
  flt: FloatInfo,
): { neg: boolean; mant: bigint; exp: number; special: boolean } {
  let bits: bigint;
  if (flt === F32) {
    view.setFloat32(0, f);
    bits = BigInt(view.getUint32(0));
  } else {
    view.setFloat64(0, f);
    bits = view.getBigUint64(0);
  }
  const mb = BigInt(flt.mantbits);
  const neg = bits >> (BigInt(flt.expbits) + mb) !== 0n;
  let exp = Number(bits >> mb) & ((1 << flt.expbits) - 1);
  let mant = bits & ((1n << mb) - 1n);
  const special = exp === (1 << flt.expbits) - 1;
  if (exp === 0) exp++;
  else mant |= 1n << mb;
  exp += flt.bias;
  return { neg, mant, exp, special };
}

const pow5Cache = new Map<number, bigint>();
function pow5(n: number): bigint {
  let p = pow5Cache.get(n);
  if (p === undefined) {
    p = 5n ** BigInt(n);
    pow5Cache.set(n, p);
  }
  return p;
}

function trimZeros(d: string): string {
  let n = d.length;
  while (n > 0 && d.charCodeAt(n - 1) === 48) n--;
  return n === d.length ? d : d.slice(0, n);
}

/** The exact decimal value of mant × 2^e2. */
function exactDecimal(mant: bigint, e2: number): Decimal {
  if (mant === 0n) return { d: "", dp: 0 };
  if (e2 >= 0) {
    const s = (mant << BigInt(e2)).toString();
    return { d: trimZeros(s), dp: s.length };
  }
  const s = (mant * pow5(-e2)).toString();
  return { d: trimZeros(s), dp: s.length + e2 };
}

/** Rounds to nd digits, half to even on the exact value (Go's decimal.Round). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  const { d, dp } = a;
  if (nd < 0 || nd >= d.length) return a;
  const c = d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 && nd + 1 === d.length) up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c > 53 || c === 53;
  if (!up) return { d: trimZeros(d.slice(0, nd)), dp };
  let i = nd - 1;
  while (i >= 0 && d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: "1", dp: dp + 1 };
  return { d: d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1), dp };
}

/** Shortest digits that read back as the same float (Go's Ryu shortest). */
function shortestDecimal(abs: number, bitSize: 32 | 64): Decimal {
  if (abs === 0) return { d: "", dp: 0 };
  if (bitSize === 32) {
    // Fewest digits that read back as the same float32, rounded half to even from the
    // exact value (toExponential would round a tie away from zero).
    const s = splitFloat(abs, F32);
    const exact = exactDecimal(s.mant, s.exp - F32.mantbits);
    for (let p = 1; p < 10; p++) {
      const d = roundDecimal(exact, p);
      if (Math.fround(Number(`${d.d}e${d.dp - d.d.length}`)) === abs) return d;
    }
    return exact;
  }
  // An integer below 1e21 prints exactly in JS, digit for digit.
  if (abs < 1e21 && Number.isInteger(abs)) {
    const s = String(abs);
    return { d: trimZeros(s), dp: s.length };
  }
  // JS picks the same shortest, closest digits as Go for float64.
  return parseExponential(abs.toExponential());
}

function parseExponential(s: string): Decimal {
  const e = s.indexOf("e");
  const m = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
  return { d: trimZeros(m), dp: Number(s.slice(e + 1)) + 1 };
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? "-" : "";
  out += d.d.length === 0 ? "0" : d.d[0];
  if (prec > 0) {
    out += ".";
    const m = Math.min(d.d.length, prec + 1);
    let i = 1;
    if (i < m) {
      out += d.d.slice(1, m);
      i = m;
    }
    if (i <= prec) out += "0".repeat(prec - i + 1);
  }
  out += fmt;
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  return out + (exp < 10 ? `0${exp}` : String(exp));
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? "-" : "";
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m);
    if (m < d.dp) out += "0".repeat(d.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    // Digits d.dp .. d.dp+prec-1 of the expansion, zeros outside the digit string.
    const start = d.dp;
    const end = d.dp + prec;
    const lead = Math.min(Math.max(-start, 0), prec);
    if (lead > 0) out += "0".repeat(lead);
    const from = Math.max(start, 0);
    const to = Math.min(end, d.d.length);
    if (to > from) out += d.d.slice(from, to);
    const written = lead + Math.max(to - from, 0);
    if (written < prec) out += "0".repeat(prec - written);
  }
  return out;
}

function formatDigits(shortest: boolean, neg: boolean, digs: Decimal, prec: number, fmt: string): string {
  switch (fmt) {
    case "e":
    case "E":
      return fmtE(neg, digs, prec, fmt);
    case "f":
      return fmtF(neg, digs, prec);
  }
  // g, G
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  // Shortest %g (and %v) switches to an exponent from 1e+06 on.
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return fmtE(neg, digs, prec - 1, fmt === "g" ? "e" : "E");
  }
  if (prec > digs.dp) prec = nd;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

export type FloatFormat = "e" | "E" | "f" | "g" | "G" | "b" | "x" | "X";

/** strconv.FormatFloat: prec −1 means the shortest digits that read back exactly. */
export function formatFloat(f: number, fmt: FloatFormat, prec: number, bitSize: 32 | 64 = 64): string {
  const flt = bitSize === 32 ? F32 : F64;
  if (bitSize === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return "NaN";
  if (f === Number.POSITIVE_INFINITY) return "+Inf";
  if (f === Number.NEGATIVE_INFINITY) return "-Inf";
  const neg = f < 0 || Object.is(f, -0);
  const abs = Math.abs(f);
  if (fmt === "b") return fmtB(f, flt);
  if (fmt === "x" || fmt === "X") return fmtX(f, prec, fmt, flt);
  if (prec < 0) {
    // Shortest %g without an exponent is JS's own shortest form.
    if ((fmt === "g" || fmt === "G") && bitSize === 64 && abs >= 1e-4 && abs < 1e6) return String(f);
    const digs = shortestDecimal(abs, bitSize);
    const nd = digs.d.length;
    if (fmt === "e" || fmt === "E") prec = Math.max(nd - 1, 0);
    else if (fmt === "f") prec = Math.max(nd - digs.dp, 0);
    else prec = nd;
    return formatDigits(true, neg, digs, prec, fmt);
  }
  if (
    fmt === "f" &&
    bitSize === 64 &&
    prec <= 100 &&
    abs < 1e21 &&
    binaryFractionBits(abs, prec + 1) !== prec + 1
  ) {
    // toFixed is exact except that it rounds ties away from zero, and a tie needs
    // exactly prec+1 fractional digits (as many as binary fraction bits).
    return (neg ? "-" : "") + abs.toFixed(prec);
  }
  const s = splitFloat(f, flt);
  const exact = exactDecimal(s.mant, s.exp - flt.mantbits);
  let digs: Decimal;
  if (fmt === "e" || fmt === "E") digs = roundDecimal(exact, prec + 1);
  else if (fmt === "f") digs = roundDecimal(exact, exact.dp + prec);
  else {
    if (prec === 0) prec = 1;
    digs = roundDecimal(exact, prec);
  }
  return formatDigits(false, neg, digs, prec, fmt);
}

/** Number of binary fraction bits of x (so of decimal fraction digits), counting at most to limit+1. */
function binaryFractionBits(x: number, limit: number): number {
  let k = 0;
  while (!Number.isInteger(x) && k <= limit) {
    x *= 2;
    k++;
  }
  return k;
}

/** %b: decimal mantissa "p" binary exponent, e.g. 4503599627370496p-52. */
function fmtB(f: number, flt: FloatInfo): string {
  const s = splitFloat(f, flt);
  const exp = s.exp - flt.mantbits;
  return `${s.neg ? "-" : ""}${s.mant}p${exp >= 0 ? "+" : ""}${exp}`;
}

const MASK64 = (1n << 64n) - 1n;

/** %x: -0x1.yyyp±dd, hexadecimal mantissa and binary exponent. */
function fmtX(f: number, prec: number, fmt: "x" | "X", flt: FloatInfo): string {
  const s = splitFloat(f, flt);
  let { mant, exp } = s;
  if (mant === 0n) exp = 0;
  // Shift so that a leading 1 (if any) sits at bit 60.
  mant <<= BigInt(60 - flt.mantbits);
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === "X" ? "0123456789ABCDEF" : "0123456789abcdef";
  let out = `${s.neg ? "-" : ""}0${fmt}${Number((mant >> 60n) & 1n)}`;
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  out += fmt === "X" ? "P" : "p";
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  return out + (exp < 10 ? `0${exp}` : String(exp));
}

/** strconv.FormatInt / FormatUint (lower-case digits, base 2..36). */
export function formatInt(v: bigint, base = 10): string {
  return v.toString(base);
}

// ---- quoting ----

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space, per Go's Unicode tables. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  // Binary search over the [first, last] pairs.
  let lo = 0;
  let hi = PRINT_RANGES.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (PRINT_RANGES[2 * mid + 1]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo < PRINT_RANGES.length / 2 && PRINT_RANGES[2 * lo]! <= r;
}

function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff);
}

const HEX = "0123456789abcdef";

function hexDigits(r: number, n: number): string {
  let s = "";
  for (let sh = (n - 1) * 4; sh >= 0; sh -= 4) s += HEX[Math.floor(r / 2 ** sh) & 15];
  return s;
}

function escapedRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 92) return `\\${String.fromCodePoint(r)}`;
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return `\\x${hexDigits(r, 2)}`;
  if (!validRune(r)) r = 0xfffd;
  if (r < 0x10000) return `\\u${hexDigits(r, 4)}`;
  return `\\U${hexDigits(r, 8)}`;
}

/** Decodes one rune of UTF-8 as Go's utf8.DecodeRune: invalid input gives (0xFFFD, 1). */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c0 = b[i]!;
  if (c0 < 0x80) return [c0, 1];
  const n = b.length - i;
  const cont = (k: number) => k < n && (b[i + k]! & 0xc0) === 0x80;
  if (c0 >= 0xc2 && c0 < 0xe0) {
    if (cont(1)) return [((c0 & 0x1f) << 6) | (b[i + 1]! & 0x3f), 2];
  } else if (c0 >= 0xe0 && c0 < 0xf0) {
    if (cont(1) && cont(2)) {
      const r = ((c0 & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      if (r >= 0x800 && (r < 0xd800 || r > 0xdfff)) return [r, 3];
    }
  } else if (c0 >= 0xf0 && c0 < 0xf5) {
    if (cont(1) && cont(2) && cont(3)) {
      const r =
        ((c0 & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
      if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
    }
  }
  return [0xfffd, 1];
}

// Strings that quote as themselves: printable ASCII without `"` or `\`.
const PLAIN_DOUBLE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quoteWith(s: string | Uint8Array, quote: number, asciiOnly: boolean): string {
  // Fast path: nothing to escape (the rune loop below gives the same text).
  if (quote === 34 && typeof s === "string" && PLAIN_DOUBLE.test(s)) return `"${s}"`;
  const q = String.fromCharCode(quote);
  let out = q;
  if (typeof s === "string") {
    for (const ch of s) {
      const r = ch.codePointAt(0)!;
      // U+DC80..U+DCFF hold bytes that are not UTF-8 (see gostring.ts): Go quotes them as \xNN.
      if (r >= 0xdc80 && r <= 0xdcff) out += `\\x${hexDigits(r - 0xdc00, 2)}`;
      else out += escapedRune(r >= 0xd800 && r < 0xe000 ? 0xfffd : r, quote, asciiOnly);
    }
  } else {
    for (let i = 0; i < s.length; ) {
      const [r, w] = decodeRune(s, i);
      out += w === 1 && r === 0xfffd ? `\\x${hexDigits(s[i]!, 2)}` : escapedRune(r, quote, asciiOnly);
      i += w;
    }
  }
  return out + q;
}

/** strconv.Quote: a double-quoted Go string literal with Go's escapes. */
export function quote(s: string | Uint8Array): string {
  return quoteWith(s, 34, false);
}

/** strconv.QuoteToASCII: like quote, escaping every non-ASCII rune. */
export function quoteToASCII(s: string | Uint8Array): string {
  return quoteWith(s, 34, true);
}

/** strconv.QuoteRune: a single-quoted Go character literal. */
export function quoteRune(r: number): string {
  return `'${escapedRune(validRune(r) ? r : 0xfffd, 39, false)}'`;
}

/** strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(r: number): string {
  return `'${escapedRune(validRune(r) ? r : 0xfffd, 39, true)}'`;
}

/** strconv.CanBackquote: whether s can be written as a raw `...` literal. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfeff) return false;
    if (r >= 0xd800 && r < 0xe000) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

// ---- parsing ----

/** A parse result with Go's *NumError text, e.g. `strconv.ParseInt: parsing "x": invalid syntax`. */
export interface ParseResult<T> {
  value: T;
  err: string | null;
}

function numError(fn: string, s: string, msg: string): string {
  return `strconv.${fn}: parsing ${quote(s)}: ${msg}`;
}

function lower(c: string): string {
  return c.toLowerCase();
}

/** Go's underscoreOK: underscores only between digits or after a base prefix. */
export function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "box".includes(lower(s[1]!))) {
    i = 2;
    saw = "0";
    hex = lower(s[1]!) === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hex && lower(c) >= "a" && lower(c) <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** strconv.ParseUint; bitSize 0 means 64. */
export function parseUint(s: string, base = 10, bitSize = 64, fn = "ParseUint"): ParseResult<bigint> {
  const s0 = s;
  if (s === "") return { value: 0n, err: numError(fn, s0, "invalid syntax") };
  const base0 = base === 0;
  if (base === 0) {
    base = 10;
    if (s[0] === "0") {
      const c = s.length >= 3 ? lower(s[1]!) : "";
      if (c === "b") [base, s] = [2, s.slice(2)];
      else if (c === "o") [base, s] = [8, s.slice(2)];
      else if (c === "x") [base, s] = [16, s.slice(2)];
      else [base, s] = [8, s.slice(1)];
    }
  } else if (base < 2 || base > 36) return { value: 0n, err: numError(fn, s0, `invalid base ${base}`) };
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64)
    return { value: 0n, err: numError(fn, s0, `invalid bit size ${bitSize}`) };
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let underscores = false;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 95 && base0) {
      underscores = true;
      continue;
    }
    if (c >= 48 && c <= 57) d = c - 48;
    else if ((c | 32) >= 97 && (c | 32) <= 122) d = (c | 32) - 97 + 10;
    else return { value: 0n, err: numError(fn, s0, "invalid syntax") };
    if (d >= base) return { value: 0n, err: numError(fn, s0, "invalid syntax") };
    n = n * b + BigInt(d);
    if (n > maxVal) return { value: maxVal, err: numError(fn, s0, "value out of range") };
  }
  if (underscores && !underscoreOK(s0)) return { value: 0n, err: numError(fn, s0, "invalid syntax") };
  return { value: n, err: null };
}

/** strconv.ParseInt; bitSize 0 means 64 (Go's int on 64-bit platforms). */
export function parseGoInt(s: string, base = 10, bitSize = 64, fn = "ParseInt"): ParseResult<bigint> {
  if (s === "") return { value: 0n, err: numError(fn, s, "invalid syntax") };
  const s0 = s;
  let neg = false;
  if (s[0] === "+") s = s.slice(1);
  else if (s[0] === "-") {
    neg = true;
    s = s.slice(1);
  }
  const u = parseUint(s, base, bitSize, fn);
  if (u.err !== null && !u.err.endsWith("value out of range"))
    return { value: 0n, err: u.err.replace(quote(s), quote(s0)) };
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && u.value >= cutoff) return { value: cutoff - 1n, err: numError(fn, s0, "value out of range") };
  if (neg && u.value > cutoff) return { value: -cutoff, err: numError(fn, s0, "value out of range") };
  return { value: neg ? -u.value : u.value, err: null };
}

/** strconv.Atoi. */
export function atoi(s: string): ParseResult<bigint> {
  return parseGoInt(s, 10, 0, "Atoi");
}

const DEC_FLOAT = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;

/** strconv.ParseFloat: decimal and hexadecimal forms, inf/infinity/nan, Go's range errors. */
export function parseGoFloat(s: string, bitSize: 32 | 64 = 64): ParseResult<number> {
  const fn = "ParseFloat";
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return { value: special[1] === "-" ? -Infinity : Infinity, err: null };
  if (/^nan$/i.test(s)) return { value: Number.NaN, err: null };
  let v: number;
  const hex = HEX_FLOAT.exec(s);
  if (hex) {
    const [, sign, ip = "", fp = "", ep = ""] = hex;
    if (ip.replaceAll("_", "") + fp.replaceAll("_", "") === "" || (s.includes("_") && !underscoreOK(s)))
      return { value: 0, err: numError(fn, s, "invalid syntax") };
    const digits = (ip + fp).replaceAll("_", "");
    const m = BigInt(`0x${digits}`);
    const e = Number(ep.replaceAll("_", "")) - 4 * fp.replaceAll("_", "").length;
    v = Number(m) * 2 ** e;
    if (!Number.isFinite(v) && m !== 0n) v = Infinity;
    if (sign === "-") v = -v;
  } else {
    if (!DEC_FLOAT.test(s) || !/[0-9]/.test(s.split(/[eE]/)[0]!))
      return { value: 0, err: numError(fn, s, "invalid syntax") };
    if (s.includes("_") && !underscoreOK(s)) return { value: 0, err: numError(fn, s, "invalid syntax") };
    v = Number(s.replaceAll("_", ""));
  }
  if (bitSize === 32) v = Math.fround(v);
  if (!Number.isFinite(v)) return { value: v, err: numError(fn, s, "value out of range") };
  return { value: v, err: null };
}

// Go's names, for callers that import them as strconv.ParseFloat / ParseInt.
export { parseGoFloat as parseFloat, parseGoInt as parseInt };
