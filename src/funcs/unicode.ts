// Go's unicode package predicates and single-rune case mappings over code points,
// answered by the JS engine's tables and corrected to Go's Unicode 15.0 where they differ.
// JS case mapping can expand one character into several ("ß" → "SS"); Go's
// unicode.ToUpper never does, so such mappings leave the rune unchanged.

import { goFlips, goToLower, goToTitle, goToUpper } from "./unicode-go.ts";

// Compiled on first use: a \p{...} class costs V8 real work to build, and
// every CLI run would otherwise pay for all eight at start-up.
const PROPS = {
  upper: "Lu",
  lower: "Ll",
  title: "Lt",
  letter: "L",
  digit: "Nd",
  number: "N",
  punct: "P",
  space: "White_Space",
} as const;
type Prop = keyof typeof PROPS;
const regexes: Partial<Record<Prop, RegExp>> = {};

/** Whether the one-character string c has the Unicode property (JS engine tables). */
function has(prop: Prop, c: string): boolean {
  let re = regexes[prop];
  if (re === undefined) {
    re = new RegExp(`^\\p{${PROPS[prop]}}$`, "u");
    regexes[prop] = re;
  }
  return re.test(c);
}

const ch = (r: number) => String.fromCodePoint(r);
const go = (pred: string, r: number, js: boolean) => (goFlips(pred, r) ? !js : js);

/** unicode.IsSpace */
export function isSpace(r: number): boolean {
  if (r <= 0xff) {
    return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  }
  return go("space", r, has("space", ch(r)));
}

// Answers for the Basic Multilingual Plane are computed once per code point and
// kept as bit flags: the regex tests are slow, and case conversion asks often.
const UPPER = 1;
const LOWER = 2;
const TITLE_F = 4;
const LETTER = 8;
const DIGIT = 16;
const NUMBER = 32;
const PUNCT = 64;
const KNOWN = 128;
const bmp = new Uint8Array(0x10000);

function flagsOf(r: number): number {
  const c = ch(r);
  let f = KNOWN;
  if (go("upper", r, has("upper", c))) f |= UPPER;
  if (go("lower", r, has("lower", c))) f |= LOWER;
  if (go("title", r, has("title", c))) f |= TITLE_F;
  if (go("letter", r, has("letter", c))) f |= LETTER;
  if (go("digit", r, has("digit", c))) f |= DIGIT;
  if (go("number", r, has("number", c))) f |= NUMBER;
  if (go("punct", r, has("punct", c))) f |= PUNCT;
  return f;
}

function flags(r: number): number {
  if (r >= 0x10000) return flagsOf(r);
  let f = bmp[r]!;
  if (f === 0) {
    f = flagsOf(r);
    bmp[r] = f;
  }
  return f;
}

export const isUpper = (r: number) => (flags(r) & UPPER) !== 0;
export const isLower = (r: number) => (flags(r) & LOWER) !== 0;
export const isTitle = (r: number) => (flags(r) & TITLE_F) !== 0;
export const isLetter = (r: number) => (flags(r) & LETTER) !== 0;
export const isDigit = (r: number) => (flags(r) & DIGIT) !== 0;
export const isNumber = (r: number) => (flags(r) & NUMBER) !== 0;
export const isPunct = (r: number) => (flags(r) & PUNCT) !== 0;

function single(s: string, r: number): number {
  const cps = Array.from(s);
  return cps.length === 1 ? cps[0]!.codePointAt(0)! : r;
}

/** unicode.ToUpper */
export function toUpper(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  return goToUpper.get(r) ?? single(ch(r).toUpperCase(), r);
}

/** unicode.ToLower */
export function toLower(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // JS gives "i̇" (two runes); Go's simple mapping is "i"
  return goToLower.get(r) ?? single(ch(r).toLowerCase(), r);
}

// Title case differs from upper case only for the Latin digraphs.
const TITLE: Record<number, number> = {
  452: 0x1c5,
  453: 0x1c5,
  454: 0x1c5,
  455: 0x1c8,
  456: 0x1c8,
  457: 0x1c8,
  458: 0x1cb,
  459: 0x1cb,
  460: 0x1cb,
  497: 0x1f2,
  498: 0x1f2,
  499: 0x1f2,
};

/** unicode.ToTitle */
export function toTitle(r: number): number {
  return TITLE[r] ?? goToTitle.get(r) ?? toUpper(r);
}

/** The runes of a string; a byte that is not UTF-8 stays its lone surrogate (template/gostring.ts). */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(c.codePointAt(0)!);
  return out;
}

export function fromRunes(rs: number[]): string {
  let s = "";
  for (let i = 0; i < rs.length; i += 4096) s += String.fromCodePoint(...rs.slice(i, i + 4096));
  return s;
}

/** strings.Map with a rune function: Go hands it U+FFFD for a byte that is not UTF-8. */
export function mapRunes(s: string, f: (r: number) => number): string {
  return fromRunes(runes(s).map((r) => f(r >= 0xd800 && r <= 0xdfff ? 0xfffd : r)));
}
