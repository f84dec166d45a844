// strconv.Quote and the backquote-or-quote choice regexp.MustCompile uses in
// its panic text.

function isPrint(cp: number): boolean {
  // Close enough to unicode.IsPrint for error texts: controls, surrogates and
  // the BOM/format characters are not printable.
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
  if (cp === 0xad || cp === 0xfeff || (cp >= 0x200b && cp <= 0x200f)) return false;
  if (cp >= 0x2028 && cp <= 0x202e) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return true;
}

/** strconv.Quote. */
export function strconvQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (isPrint(cp)) out += ch;
    else if (ch === "\x07") out += "\\a";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\v") out += "\\v";
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === "`" || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if ((cp < 0x20 && ch !== "\t") || cp === 0x7f) return false;
  }
  return true;
}

/** regexp's quote(): backquoted when possible, else strconv.Quote. */
export function backquoteOrQuote(s: string): string {
  return canBackquote(s) ? `\`${s}\`` : strconvQuote(s);
}
