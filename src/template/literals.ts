// Literal decoding as Go's parser does it: strconv.Unquote for strings and
// character constants, and strconv.ParseInt/ParseUint/ParseFloat (base 0, Go
// syntax with underscores) for numbers. Errors carry Go's messages.
import { goBytes, goString } from "./gostring.ts";

export class SyntaxError_ extends Error {}

const INVALID = "invalid syntax";

const SIMPLE_ESC: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  "\\": 92,
};

function hexVal(c: string): number {
  const n = Number.parseInt(c, 16);
  return Number.isNaN(n) || !/^[0-9a-fA-F]$/.test(c) ? -1 : n;
}

/**
 * One (possibly escaped) character of a quoted literal, as strconv.UnquoteChar.
 * Returns the code point, whether it is a raw byte (\x, octal), and the next index.
 */
function unquoteChar(s: string, i: number, quote: string): [number, boolean, number] {
  const c = s[i]!;
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError_(INVALID);
  if (c !== "\\") {
    const cp = s.codePointAt(i)!;
    return [cp, false, i + (cp > 0xffff ? 2 : 1)];
  }
  if (i + 1 >= s.length) throw new SyntaxError_(INVALID);
  const e = s[i + 1]!;
  i += 2;
  const simple = SIMPLE_ESC[e];
  if (simple !== undefined) return [simple, false, i];
  switch (e) {
    case "x":
    case "u":
    case "U": {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      if (i + n > s.length) throw new SyntaxError_(INVALID);
      let v = 0;
      for (let j = 0; j < n; j++) {
        const d = hexVal(s[i + j]!);
        if (d < 0) throw new SyntaxError_(INVALID);
        v = v * 16 + d;
      }
      i += n;
      if (e === "x") return [v, true, i];
      if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new SyntaxError_(INVALID);
      return [v, false, i];
    }
    case "0":
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
    case "6":
    case "7": {
      let v = e.charCodeAt(0) - 48;
      if (i + 2 > s.length) throw new SyntaxError_(INVALID);
      for (let j = 0; j < 2; j++) {
        const d = s.charCodeAt(i + j) - 48;
        if (d < 0 || d > 7) throw new SyntaxError_(INVALID);
        v = v * 8 + d;
      }
      i += 2;
      if (v > 255) throw new SyntaxError_(INVALID);
      return [v, true, i];
    }
    case "'":
    case '"':
      if (e !== quote) throw new SyntaxError_(INVALID);
      return [e.charCodeAt(0), false, i];
  }
  throw new SyntaxError_(INVALID);
}

/** strconv.Unquote for a "..." or `...` literal (as the lexer delimited it). */
export function unquoteString(lit: string): string {
  if (lit.length < 2) throw new SyntaxError_(INVALID);
  const q = lit[0]!;
  if (q !== lit[lit.length - 1]) throw new SyntaxError_(INVALID);
  const body = lit.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) throw new SyntaxError_(INVALID);
    return body.replaceAll("\r", "");
  }
  if (q !== '"') throw new SyntaxError_(INVALID);
  if (!body.includes("\\") && !body.includes('"')) return body;
  // Escapes may produce raw bytes (\xff): collect UTF-8 bytes, decode once.
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const [v, isByte, next] = unquoteChar(body, i, q);
    i = next;
    if (isByte || v < 0x80) bytes.push(v);
    else for (const b of goBytes(String.fromCodePoint(v))) bytes.push(b);
  }
  return goString(new Uint8Array(bytes));
}

/** A character constant's code point, as the parser's newNumber computes it. */
export function unquoteCharConstant(lit: string): number {
  const [v, , next] = unquoteChar(lit, 1, "'");
  if (lit.slice(next) !== "'") throw new SyntaxError_(`malformed character constant: ${lit}`);
  return v;
}

// strconv's underscoreOK: underscores only between digits or after a base prefix.
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s[0] === "+" || s[0] === "-") s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1]!)) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
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

/** strconv.ParseUint(s, 0, 64) / ParseInt(s, 0, 64): undefined when invalid or out of range. */
export function parseGoInteger(s: string, signed: boolean): bigint | undefined {
  let t = s;
  let neg = false;
  if (t[0] === "+" || t[0] === "-") {
    if (!signed) return undefined;
    neg = t[0] === "-";
    t = t.slice(1);
  }
  let base = 10;
  let digits = t;
  if (t.length >= 2 && t[0] === "0") {
    const p = t[1]!.toLowerCase();
    if (p === "x") base = 16;
    else if (p === "o") base = 8;
    else if (p === "b") base = 2;
    else base = 8;
    digits = p === "x" || p === "o" || p === "b" ? t.slice(2) : t.slice(1);
  }
  if (digits.includes("_")) {
    if (!underscoreOK(s)) return undefined;
    digits = digits.replaceAll("_", "");
  }
  if (digits === "") return undefined;
  const valid =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  if (signed) {
    if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  } else if (v > 0xffffffffffffffffn) return undefined;
  return v;
}

/** strconv.ParseFloat(s, 64) for the forms the lexer admits; undefined when invalid. */
export function parseGoFloat(s: string): number | undefined {
  if (s.includes("_")) {
    if (!underscoreOK(s)) return undefined;
    s = s.replaceAll("_", "");
  }
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (m) {
    const [, sign, int = "", frac = "", exp] = m;
    if (int === "" && frac === "") return undefined;
    const mant = BigInt(`0x${int}${frac}` === "0x" ? "0" : `0x${int}${frac}`);
    const e = Number(exp) - 4 * frac.length;
    const v = Number(mant) * 2 ** e;
    return sign === "-" ? -v : v;
  }
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return undefined;
  const v = Number(s);
  if (!Number.isFinite(v)) return undefined; // Go: "value out of range"
  return v;
}
