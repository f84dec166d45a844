// The escapers behind the html, js and urlquery built-ins
// (template.HTMLEscapeString, JSEscapeString, url.QueryEscape).
import { goBytes } from "./gostring.ts";
import { isPrint } from "./strconv.ts";

const HTML_ESC: Record<string, string> = {
  "\0": "\uFFFD",
  '"': "&#34;",
  "'": "&#39;",
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
};

export function escapeHTML(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESC[c]!);
}

const JS_ESC: Record<string, string> = {
  "\\": "\\\\",
  "'": "\\'",
  '"': '\\"',
  "<": "\\u003C",
  ">": "\\u003E",
  "&": "\\u0026",
  "=": "\\u003D",
};

export function escapeJS(s: string): string {
  if (!/[\\'"<>&=\x00-\x1f\u0080-\uffff]/.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r < 0x80) {
      const e = JS_ESC[ch];
      if (e !== undefined) out += e;
      else if (r < 0x20) out += `\\u00${r.toString(16).toUpperCase().padStart(2, "0")}`;
      else out += ch;
    } else if (isPrint(r)) {
      out += ch;
    } else {
      out += `\\u${r.toString(16).toUpperCase().padStart(4, "0")}`;
    }
  }
  return out;
}

/** url.QueryEscape: unreserved bytes kept, space as '+', everything else %XX. */
export function queryEscape(s: string): string {
  let out = "";
  for (const b of goBytes(s)) {
    if (
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x5f ||
      b === 0x2e ||
      b === 0x7e
    ) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += "+";
    } else {
      out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}
