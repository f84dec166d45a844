// Go strings are byte strings; ours are JS strings. Valid UTF-8 maps to the same
// text. A byte that is not part of valid UTF-8 (a binary file read by
// .Files.Get, a "\xff" literal) is kept as the lone surrogate U+DC80+byte-0x80
// ("surrogateescape"), so b64enc, sha256sum, len and the written output give
// back the very bytes Go would hold. Valid UTF-8 never decodes to a lone
// surrogate, so the mapping is unambiguous.

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();
const SURROGATE = /[\uD800-\uDFFF]/;

/** string(b) in Go. */
export function goString(b: Uint8Array): string {
  try {
    return decoder.decode(b);
  } catch {
    return decodeEscaped(b);
  }
}

/** []byte(s) in Go. */
export function goBytes(s: string): Uint8Array {
  if (!SURROGATE.test(s)) return encoder.encode(s);
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // any other lone surrogate: Go's RuneError
    pushRune(out, cp);
  }
  return Uint8Array.from(out);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Whether s is pure ASCII: its UTF-8 bytes are then its char codes, one each (fast paths use this). */
export function isASCII(s: string): boolean {
  return !NON_ASCII.test(s);
}

/** len(s) in Go: the byte count. */
export function goLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xdc80 && c <= 0xdcff) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether s holds bytes that are not valid UTF-8 (escaped ones). */
export function hasInvalidUTF8(s: string): boolean {
  return SURROGATE.test(s) && /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/.test(s);
}

/** s with every invalid byte replaced by U+FFFD, as Go's `for range s`, strings.Map and encoders see it. */
export function goRunes(s: string): string {
  if (!SURROGATE.test(s)) return s;
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : "\uFFFD"));
}

function decodeEscaped(b: Uint8Array): string {
  let s = "";
  let i = 0;
  while (i < b.length) {
    const n = validSequenceLength(b, i);
    if (n === 0) {
      s += String.fromCharCode(0xdc00 + b[i]!);
      i++;
    } else {
      s += decoder.decode(b.subarray(i, i + n));
      i += n;
    }
  }
  return s;
}

// Length of the valid UTF-8 sequence at b[i] (Go's utf8.DecodeRune rules), 0 if invalid.
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function pushRune(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
