// Small pieces of Go's formatting that error messages of the values layer show:
// strconv.Quote (%q of a string), %q of a []rune, and the Go type name of a
// value as a failed interface conversion prints it.

const ESC: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
};

function quoteRune(ch: string, quote: string): string {
  if (ch === quote) return `\\${quote}`;
  const e = ESC[ch];
  if (e) return e;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, "0")}`;
  // Go keeps printable non-ASCII as is; invisible formatting runes are escaped.
  if (
    /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u.test(ch) ||
    (cp >= 0x80 && /\p{Z}/u.test(ch) && cp !== 0xa0)
  ) {
    return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  }
  return ch;
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch, '"');
  return `${out}"`;
}

/** fmt's %q of a []rune: ['a' 'b']. */
export function goQuoteRunes(runes: string[]): string {
  return `[${runes.map((r) => `'${quoteRune(r, "'")}'`).join(" ")}]`;
}

/** The dynamic Go type of a value of the values model, as reflect prints it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "float64";
    case "bigint":
      return "int64";
    case "boolean":
      return "bool";
  }
  if (v instanceof Map) return "map[string]interface {}";
  if (Array.isArray(v)) return "[]interface {}";
  if (v instanceof Uint8Array) return "[]uint8";
  return "interface {}";
}
