// Just enough of encoding/json's decoder for --set-json: one JSON value read
// from the front of a string (as json.Decoder.Decode does, reporting how far
// it read), objects as Map, numbers as float64. Any syntax error is thrown;
// helm replaces the text with its own message, so only success matters.

export class JSONSyntaxError extends Error {
  override name = "JSONSyntaxError";
}

const WS = new Set([" ", "\t", "\n", "\r"]);

class Scanner {
  constructor(
    readonly s: string[],
    public i: number,
  ) {}
  peek(): string | undefined {
    return this.s[this.i];
  }
  ws() {
    while (this.i < this.s.length && WS.has(this.s[this.i]!)) this.i++;
  }
  fail(): never {
    throw new JSONSyntaxError(`invalid character at offset ${this.i}`);
  }
  expect(word: string) {
    for (const ch of word) {
      if (this.s[this.i] !== ch) this.fail();
      this.i++;
    }
  }
  value(): unknown {
    this.ws();
    const c = this.peek();
    switch (c) {
      case "{":
        return this.object();
      case "[":
        return this.array();
      case '"':
        return this.string();
      case "t":
        this.expect("true");
        return true;
      case "f":
        this.expect("false");
        return false;
      case "n":
        this.expect("null");
        return null;
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        return this.fail();
    }
  }
  object(): Map<string, unknown> {
    const m = new Map<string, unknown>();
    this.i++;
    this.ws();
    if (this.peek() === "}") {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      if (this.peek() !== '"') this.fail();
      const k = this.string();
      this.ws();
      this.expect(":");
      m.set(k, this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === "}") return m;
      if (c !== ",") this.fail();
    }
  }
  array(): unknown[] {
    const a: unknown[] = [];
    this.i++;
    this.ws();
    if (this.peek() === "]") {
      this.i++;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === "]") return a;
      if (c !== ",") this.fail();
    }
  }
  string(): string {
    this.i++;
    let out = "";
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) this.fail();
      if (c === '"') return out;
      if (c.codePointAt(0)! < 0x20) this.fail();
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
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
      if (e !== undefined && e in simple) {
        out += simple[e];
        continue;
      }
      if (e !== "u") this.fail();
      let hex = "";
      for (let k = 0; k < 4; k++) hex += this.s[this.i++] ?? "";
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
      // A lone surrogate becomes U+FFFD, as Go's decoder does.
      let cp = Number.parseInt(hex, 16);
      if (cp >= 0xd800 && cp < 0xdc00 && this.s[this.i] === "\\" && this.s[this.i + 1] === "u") {
        const lo = Number.parseInt(this.s.slice(this.i + 2, this.i + 6).join(""), 16);
        if (lo >= 0xdc00 && lo < 0xe000) {
          this.i += 6;
          out += String.fromCodePoint(0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00));
          continue;
        }
      }
      if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
      out += String.fromCodePoint(cp);
    }
  }
  number(): number {
    const start = this.i;
    const digits = () => {
      const b = this.i;
      while (this.peek() !== undefined && this.peek()! >= "0" && this.peek()! <= "9") this.i++;
      if (this.i === b) this.fail();
    };
    if (this.peek() === "-") this.i++;
    if (this.peek() === "0") this.i++;
    else digits();
    if (this.peek() === ".") {
      this.i++;
      digits();
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.i++;
      if (this.peek() === "+" || this.peek() === "-") this.i++;
      digits();
    }
    const n = Number(this.s.slice(start, this.i).join(""));
    if (!Number.isFinite(n)) this.fail();
    return n;
  }
}

/** Decodes one JSON value starting at runes[start]; returns it and the offset just past it. */
export function decodeJSONPrefix(runes: string[], start: number): [unknown, number] {
  const sc = new Scanner(runes, start);
  const v = sc.value();
  return [v, sc.i];
}

/** json.Unmarshal of a whole text (trailing whitespace only). */
export function parseJSONDocument(text: string): unknown {
  const runes = Array.from(text);
  const sc = new Scanner(runes, 0);
  const v = sc.value();
  sc.ws();
  if (sc.i !== runes.length) sc.fail();
  return v;
}
