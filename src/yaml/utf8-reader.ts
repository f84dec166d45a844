// go-yaml's reader decodes its input as UTF-8 before scanning and stops at the
// first bad sequence with one of these texts (readerc.go). Only strings that
// hold bytes that are not UTF-8 (go/bytestring.ts) can fail here.
import { goBytes, hasInvalidUTF8 } from "../go/bytestring.ts";

/** The reader's error for s, or undefined when s is valid UTF-8. */
export function utf8ReaderError(s: string): string | undefined {
  if (!hasInvalidUTF8(s)) return undefined;
  const b = goBytes(s);
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const width =
      (c & 0x80) === 0 ? 1 : (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return "invalid leading UTF-8 octet";
    if (i + width > b.length) return "incomplete UTF-8 octet sequence";
    let value = width === 1 ? c & 0x7f : width === 2 ? c & 0x1f : width === 3 ? c & 0x0f : c & 0x07;
    for (let k = 1; k < width; k++) {
      const t = b[i + k]!;
      if ((t & 0xc0) !== 0x80) return "invalid trailing UTF-8 octet";
      value = (value << 6) + (t & 0x3f);
    }
    const min = [0, 0, 0x80, 0x800, 0x10000][width]!;
    if (value < min) return "invalid length of a UTF-8 sequence";
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return "invalid Unicode character";
    i += width;
  }
  return undefined;
}
