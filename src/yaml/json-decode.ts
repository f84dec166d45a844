// encoding/json's Unmarshal into interface{}: objects → Map<string, V> (a
// repeated key: the last wins), numbers → float64 (or, with useNumber,
// integers keep every digit as bigint), and Go's syntax error texts.
import { YAMLError } from "./errors.ts";

export interface ReadJSONOptions {
  /** Decoder.UseNumber: integer literals become bigint instead of float64. */
  useNumber?: boolean;
}

/**
 * Go's quoteChar for error messages. encoding/json scans bytes, so a
 * non-ASCII character shows as the rune of its first UTF-8 byte ('Ã' for é).
 */
export function quoteJSONChar(cp: number): string {
  let b = cp;
  if (cp >= 0x80) b = cp < 0x800 ? 0xc0 | (cp >> 6) : cp < 0x10000 ? 0xe0 | (cp >> 12) : 0xf0 | (cp >> 18);
  if (b === 0x27) return "'\\''";
  if (b === 0x22) return "'\"'";
  return `'${quoteRuneInner(b)}'`;
}

const NAMED: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
};

/** strconv.Quote of one rune below 0x100, without the quotes. */
function quoteRuneInner(b: number): string {
  if (b === 0x5c) return "\\\\";
  if (NAMED[b]) return NAMED[b]!;
  if (b < 0x20 || b === 0x7f) return `\\x${b.toString(16).padStart(2, "0")}`;
  // Latin-1 runes that strconv.IsPrint refuses: C1 controls, NBSP, soft hyphen.
  if ((b >= 0x80 && b < 0xa1) || b === 0xad) return `\\u00${b.toString(16).padStart(2, "0")}`;
  return String.fromCharCode(b);
}

class JSONParser {
  i = 0;
  /** A number out of float64's range: Go reports it after checking all the syntax. */
  rangeError: YAMLError | undefined;
  constructor(
    readonly s: string,
    readonly useNumber: boolean,
  ) {}

  /**
   * The scanner's error at i. At the end of input Go feeds its scanner a
   * space, so inside a literal, number or escape the text names ' '.
   */
  fail(context: string, spaceAtEOF = false): never {
    if (this.i >= this.s.length) {
      if (spaceAtEOF) throw new YAMLError(`invalid character ' ' ${context}`);
      throw new YAMLError("unexpected end of JSON input");
    }
    throw new YAMLError(`invalid character ${quoteJSONChar(this.s.codePointAt(this.i)!)} ${context}`);
  }

  ws(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  value(depth: number): unknown {
    if (depth > 10000) throw new YAMLError("exceeded max depth");
    this.ws();
    const c = this.s[this.i];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    return this.fail("looking for beginning of value");
  }

  literal(word: string, v: unknown): unknown {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.s[this.i] !== word[k]) {
        if (k === 0) this.fail("looking for beginning of value");
        this.fail(`in literal ${word} (expecting ${quoteJSONChar(word.charCodeAt(k))})`, true);
      }
    }
    return v;
  }

  number(): unknown {
    const start = this.i;
    const s = this.s;
    if (s[this.i] === "-") this.i++;
    if (s[this.i] === "0") this.i++;
    else if (s[this.i] !== undefined && s[this.i]! >= "1" && s[this.i]! <= "9") {
      while (/[0-9]/.test(s[this.i] ?? "")) this.i++;
    } else this.fail("in numeric literal", true);
    let integer = true;
    if (s[this.i] === ".") {
      integer = false;
      this.i++;
      if (!/[0-9]/.test(s[this.i] ?? "")) this.fail("after decimal point in numeric literal", true);
      while (/[0-9]/.test(s[this.i] ?? "")) this.i++;
    }
    if (s[this.i] === "e" || s[this.i] === "E") {
      integer = false;
      this.i++;
      if (s[this.i] === "+" || s[this.i] === "-") this.i++;
      if (!/[0-9]/.test(s[this.i] ?? "")) this.fail("in exponent of numeric literal", true);
      while (/[0-9]/.test(s[this.i] ?? "")) this.i++;
    }
    const text = s.slice(start, this.i);
    if (this.useNumber && integer) return BigInt(text);
    const v = Number(text);
    if (!Number.isFinite(v)) {
      this.rangeError ??= new YAMLError(
        `json: cannot unmarshal number ${text} into Go value of type float64`,
      );
      return null;
    }
    return v;
  }

  string(): string {
    this.i++;
    let out = "";
    let start = this.i;
    const s = this.s;
    for (;;) {
      if (this.i >= s.length) throw new YAMLError("unexpected end of JSON input");
      const c = s.charCodeAt(this.i);
      if (c === 0x22) {
        out += s.slice(start, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail("in string literal");
      if (c === 0x5c) {
        out += s.slice(start, this.i);
        this.i++;
        const e = s[this.i];
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.i++;
        } else if (e === "u") {
          const hex = s.slice(this.i + 1, this.i + 5);
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(hex[k] ?? "")) {
              this.i += 1 + k;
              this.fail("in \\u hexadecimal character escape", true);
            }
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 5;
        } else this.fail("in string escape code", true);
        start = this.i;
        continue;
      }
      this.i++;
    }
  }

  object(depth: number): Map<string, unknown> {
    this.i++;
    const m = new Map<string, unknown>();
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail("looking for beginning of object key string");
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ":") this.fail("after object key");
      this.i++;
      m.set(k, this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ",") {
        this.i++;
        continue;
      }
      if (this.s[this.i] === "}") {
        this.i++;
        return m;
      }
      this.fail("after object key:value pair");
    }
  }

  array(depth: number): unknown[] {
    this.i++;
    const a: unknown[] = [];
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return a;
    }
    for (;;) {
      a.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ",") {
        this.i++;
        continue;
      }
      if (this.s[this.i] === "]") {
        this.i++;
        return a;
      }
      this.fail("after array element");
    }
  }
}

/** json.Unmarshal(text, &v) with v interface{}; throws YAMLError with Go's message. */
export function readJSON(text: string, opts: ReadJSONOptions = {}): unknown {
  const p = new JSONParser(text, opts.useNumber ?? false);
  const v = p.value(0);
  p.ws();
  if (p.i < text.length) p.fail("after top-level value");
  if (p.rangeError) throw p.rangeError;
  return v;
}
