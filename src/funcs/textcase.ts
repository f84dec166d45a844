// Case conversions from huandu/xstrings v1.5.0 (snakecase, kebabcase, and
// ToPascalCase for Sprig's camelcase) and Masterminds/goutils v1.1.1
// (untitle, swapcase), ported rune by rune.
import {
  fromRunes,
  isLetter,
  isLower,
  isNumber,
  isPunct,
  isSpace,
  isTitle,
  isUpper,
  runes,
  toLower,
  toTitle,
  toUpper,
} from "./unicode.ts";

const RUNE_ERROR = 0xfffd;

function isConnector(r: number): boolean {
  return r === 0x2d || r === 0x5f || isSpace(r);
}

// xstrings' isAlphabet excludes the CJK ideograph blocks (kana are letters).
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** xstrings.ToPascalCase (Sprig's camelcase). */
export function toPascalCase(str: string): string {
  const rs = runes(str);
  if (rs.length === 0) return "";
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  let r1 = 0;
  let isFirstRuneUpper = false;
  let consumed = false;
  while (i < rs.length) {
    r0 = rs[i++]!;
    consumed = true;
    if (!isConnector(r0)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = toUpper(r0);
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // Go writes the last rune once more, even a connector already written.
    if (consumed) out.push(r0);
    return fromRunes(out);
  }
  while (i < rs.length) {
    r1 = r0;
    r0 = rs[i++]!;
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = toUpper(r0);
    } else {
      if (isFirstRuneUpper) {
        if (isUpper(r0)) r0 = toLower(r0);
        else isFirstRuneUpper = false;
      }
      out.push(r1);
    }
  }
  out.push(r0);
  return fromRunes(out);
}

enum W {
  invalid = 0,
  number = 1,
  upperCase = 2,
  alphabet = 3,
  connector = 4,
  punct = 5,
  other = 6,
}

interface Word {
  wt: W;
  word: number[];
  /** Index in the input where the rest starts. */
  next: number;
}

// Scanner state of nextWord, kept at module level: closures created per call
// are costly here (esbuild's keepNames wraps each one).
let scanAll: number[] = [];
let scanR = RUNE_ERROR;
let scanSize = 0;

/** nextValidRune: skip RuneErrors; with valid input only a literal U+FFFD is one. */
function nextValid(from: number, prev: number): void {
  scanSize = 0;
  for (let i = from; i < scanAll.length; i++) {
    scanSize++;
    if (scanAll[i] !== RUNE_ERROR) {
      scanR = scanAll[i]!;
      return;
    }
  }
  scanR = prev;
}

type Pred = 0 | 1 | 2 | 3 | 4 | 5;

function test(p: Pred, x: number): boolean {
  switch (p) {
    case 0:
      return isConnector(x);
    case 1:
      return isPunct(x);
    case 2:
      return isAlphabet(x) && !isUpper(x);
    case 3:
      return isNumber(x);
    default:
      return !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x));
  }
}

/** Extends a word while the predicate holds; returns [offset, index of the rest]. */
function run(p: Pred, offset0: number, ri0: number): [number, number] {
  let offset = offset0;
  let ri = ri0 + scanSize;
  while (ri < scanAll.length) {
    nextValid(ri, scanR);
    if (!test(p, scanR)) break;
    offset += scanSize;
    ri += scanSize;
  }
  return [offset, ri];
}

/** xstrings' nextWord over all[start:], by index (Go slices strings; we keep positions). */
function nextWord(all: number[], start: number): Word {
  const end = all.length;
  if (start >= end) return { wt: W.invalid, word: [], next: end };
  scanAll = all;
  nextValid(start, RUNE_ERROR);
  let offset = scanSize;
  let ri = start;
  const r = scanR;
  if (r === RUNE_ERROR)
    return { wt: W.invalid, word: all.slice(start, start + offset), next: start + offset };
  let wt: W;
  if (isConnector(r)) {
    wt = W.connector;
    [offset, ri] = run(0, offset, ri);
  } else if (isPunct(r)) {
    wt = W.punct;
    [offset, ri] = run(1, offset, ri);
  } else if (isUpper(r)) {
    wt = W.upperCase;
    ri += scanSize;
    if (ri < end) {
      nextValid(ri, r);
      if (isUpper(scanR)) {
        let prevSize = scanSize;
        offset += scanSize;
        ri += scanSize;
        while (ri < end) {
          nextValid(ri, scanR);
          if (!isUpper(scanR)) break;
          prevSize = scanSize;
          offset += scanSize;
          ri += scanSize;
        }
        if (ri < end && isAlphabet(scanR)) {
          offset -= prevSize;
          ri = start + offset;
        }
      } else if (isAlphabet(scanR)) {
        offset += scanSize;
        [offset, ri] = run(2, offset, ri);
      }
    }
  } else if (isAlphabet(r)) {
    wt = W.alphabet;
    [offset, ri] = run(2, offset, ri);
  } else if (isNumber(r)) {
    wt = W.number;
    [offset, ri] = run(3, offset, ri);
  } else {
    wt = W.other;
    [offset, ri] = run(5, offset, ri);
  }
  return { wt, word: all.slice(start, start + offset), next: ri };
}

function lowerWord(out: number[], wt: W, word: number[], connector: number): void {
  if (wt !== W.upperCase && wt !== W.connector) {
    out.push(...word);
    return;
  }
  for (const r of word) {
    if (isConnector(r)) out.push(connector);
    else if (isUpper(r)) out.push(toLower(r));
    else out.push(r);
  }
}

/** xstrings' camelCaseToLowerCase: snakecase ('_') and kebabcase ('-'). */
export function camelCaseToLowerCase(str: string, connector: number): string {
  const input = runes(str);
  if (input.length === 0) return "";
  const out: number[] = [];
  let { wt, word, next } = nextWord(input, 0);
  while (next < input.length) {
    if (wt !== W.connector) lowerWord(out, wt, word, connector);
    const prev = wt;
    const last = word;
    ({ wt, word, next } = nextWord(input, next));
    switch (prev) {
      case W.number:
        while (wt === W.alphabet || wt === W.number) {
          lowerWord(out, wt, word, connector);
          ({ wt, word, next } = nextWord(input, next));
        }
        if (wt !== W.invalid && wt !== W.punct && wt !== W.connector) out.push(connector);
        break;
      case W.connector:
        lowerWord(out, prev, last, connector);
        break;
      case W.punct:
        break;
      default: {
        if (wt !== W.number) {
          if (wt !== W.connector && wt !== W.punct) out.push(connector);
          break;
        }
        if (next >= input.length) break;
        const lastNum = word;
        ({ wt, word, next } = nextWord(input, next));
        if (wt !== W.alphabet) {
          lowerWord(out, W.number, lastNum, connector);
          if (wt !== W.connector && wt !== W.punct) out.push(connector);
          break;
        }
        out.push(connector);
        lowerWord(out, W.number, lastNum, connector);
        while (wt === W.alphabet || wt === W.number) {
          lowerWord(out, wt, word, connector);
          ({ wt, word, next } = nextWord(input, next));
        }
        if (wt !== W.invalid && wt !== W.connector && wt !== W.punct) out.push(connector);
      }
    }
  }
  lowerWord(out, wt, word, connector);
  return fromRunes(out);
}

/** goutils.Uncapitalize with whitespace delimiters (Sprig's untitle). */
export function uncapitalize(str: string): string {
  if (str === "") return str;
  const rs = runes(str);
  let next = true;
  for (let i = 0; i < rs.length; i++) {
    const c = rs[i]!;
    if (isSpace(c)) next = true;
    else if (next) {
      rs[i] = toLower(c);
      next = false;
    }
  }
  return fromRunes(rs);
}

/** goutils.SwapCase: lower-case letters after whitespace become title case. */
export function swapCase(str: string): string {
  if (str === "") return str;
  const rs = runes(str);
  let whitespace = true;
  for (let i = 0; i < rs.length; i++) {
    const c = rs[i]!;
    if (isUpper(c) || isTitle(c)) {
      rs[i] = toLower(c);
      whitespace = false;
    } else if (isLower(c)) {
      rs[i] = whitespace ? toTitle(c) : toUpper(c);
      whitespace = false;
    } else {
      whitespace = isSpace(c);
    }
  }
  return fromRunes(rs);
}

/** strings.Title (deprecated in Go, still Sprig's title). */
export function title(s: string): string {
  const isSeparator = (r: number): boolean => {
    if (r <= 0x7f) {
      if ((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f) {
        return false;
      }
      return true;
    }
    if (isLetter(r) || isDigitRune(r)) return false;
    return isSpace(r);
  };
  let prev = 0x20;
  return fromRunes(
    runes(s).map((r) => {
      const sep = isSeparator(prev);
      prev = r;
      return sep ? toTitle(r) : r;
    }),
  );
}

function isDigitRune(r: number): boolean {
  return /^\p{Nd}$/u.test(String.fromCodePoint(r));
}
