// go-yaml's map key order (sorter.go keyList.Less) for string keys: letters
// compare by code point, a letter sorts after a non-letter, and runs of
// digits compare as numbers ("a2" < "a10"). v3 adds one twist: after a
// shared digit, a letter sorts before a non-letter.

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const letterCache = new Map<number, boolean>();

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  let r = letterCache.get(c);
  if (r === undefined) letterCache.set(c, (r = LETTER.test(String.fromCodePoint(c))));
  return r;
}

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DIGIT.test(String.fromCodePoint(c));
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string, version: 2 | 3): boolean {
  // Common case: the keys differ at an ASCII letter pair before any digit.
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) {
      if (x >= 0x80 || (x >= 0x30 && x <= 0x39)) break;
      continue;
    }
    const xl = (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a);
    const yl = (y >= 0x41 && y <= 0x5a) || (y >= 0x61 && y <= 0x7a);
    if (xl && yl) return x < y;
    break;
  }
  const ar = runes(a);
  const br = runes(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]!);
      continue;
    }
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return version === 3 && digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    // Go accumulates in int64 (wrapping); BigInt.asIntN keeps that behaviour.
    for (; ai < ar.length && isDigit(ar[ai]!); ai++)
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    for (; bi < br.length && isDigit(br[bi]!); bi++)
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

/** Sorts string keys as go-yaml's encoder does. */
export function sortYAMLKeys(keys: string[], version: 2 | 3): string[] {
  return keys.sort((a, b) => (yamlKeyLess(a, b, version) ? -1 : yamlKeyLess(b, a, version) ? 1 : 0));
}
