// Go's unicode package predicates and single-rune case mappings over code points,
// answered by the JS engine's tables and corrected to Go's Unicode 15.0 where they differ.
// JS case mapping can expand one character into several ("ß" → "SS"); Go's
// unicode.ToUpper never does, so such mappings leave the rune unchanged.

import { goFlips, goToLower, goToTitle, goToUpper } from "./unicode-go.ts";

const reUpper = /^\p{Lu}$/u;
const reLower = /^\p{Ll}$/u;
const reTitle = /^\p{Lt}$/u;
const reLetter = /^\p{L}$/u;
const reDigit = /^\p{Nd}$/u;
const reNumber = /^\p{N}$/u;
const rePunct = /^\p{P}$/u;
const reSpace = /^\p{White_Space}$/u;

const ch = (r: number) => String.fromCodePoint(r);
const go = (pred: string, r: number, js: boolean) => (goFlips(pred, r) ? !js : js);

/** unicode.IsSpace */
export function isSpace(r: number): boolean {
  if (r <= 0xff) {
    return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  }
  return go("space", r, reSpace.test(ch(r)));
}
export const isUpper = (r: number) => go("upper", r, reUpper.test(ch(r)));
export const isLower = (r: number) => go("lower", r, reLower.test(ch(r)));
export const isTitle = (r: number) => go("title", r, reTitle.test(ch(r)));
export const isLetter = (r: number) => go("letter", r, reLetter.test(ch(r)));
export const isDigit = (r: number) => go("digit", r, reDigit.test(ch(r)));
export const isNumber = (r: number) => go("number", r, reNumber.test(ch(r)));
export const isPunct = (r: number) => go("punct", r, rePunct.test(ch(r)));

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

/** The runes of a string (Go's []rune(s)). */
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

/** strings.Map with a rune function. */
export function mapRunes(s: string, f: (r: number) => number): string {
  return fromRunes(runes(s).map(f));
}
