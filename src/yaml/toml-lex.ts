// BurntSushi/toml v1's lexer (lex.go) and the part of its parser that names
// the "last key", for one purpose: the text of a syntax error, as
// `toml: line 1 (last key "a"): unexpected EOF; expected value`. Values and
// semantic checks stay with smol-toml; toml.ts asks this only when smol-toml
// refuses the document too.

const EOF = -1;

type State = ((lx: Lexer) => State) | null;

const I = {
  ERROR: 0,
  EOF: 1,
  TEXT: 2,
  STRING: 3,
  STRING_ESC: 4,
  RAW_STRING: 5,
  ML_STRING: 6,
  RAW_ML_STRING: 7,
  BOOL: 8,
  INTEGER: 9,
  FLOAT: 10,
  DATETIME: 11,
  ARRAY: 12,
  ARRAY_END: 13,
  TABLE_START: 14,
  TABLE_END: 15,
  ARRAY_TABLE_START: 16,
  ARRAY_TABLE_END: 17,
  KEY_START: 18,
  KEY_END: 19,
  COMMENT_START: 20,
  INLINE_TABLE_START: 21,
  INLINE_TABLE_END: 22,
} as const;

interface Item {
  type: number;
  val: string;
  line: number;
  err?: string;
}

/** Go's %q of a rune. */
function quoteRune(r: number): string {
  if (r === EOF) return "'\\x00'";
  if (r === 0x27) return "'\\''";
  return `'${quoteInner(String.fromCodePoint(r), "'")}'`;
}

/** Go's %q of a string. */
export function quoteGoString(s: string): string {
  return `"${quoteInner(s, '"')}"`;
}

function quoteInner(s: string, q: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad || c === 0xfeff)
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out;
}

const isWhitespace = (r: number) => r === 0x09 || r === 0x20;
const isNL = (r: number) => r === 0x0a || r === 0x0d;
const isDigit = (r: number) => r >= 0x30 && r <= 0x39;
const isHex = (r: number) => isDigit(r) || ((r | 0x20) >= 0x61 && (r | 0x20) <= 0x66);
const isBinary = (r: number) => r === 0x30 || r === 0x31;
const isOctal = (r: number) => r >= 0x30 && r <= 0x37;
const isBareKeyChar = (r: number) =>
  (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a) || isDigit(r) || r === 0x5f || r === 0x2d;
const isControl = (r: number) =>
  r !== 0x09 && r !== 0x0d && r !== 0x0a && ((r >= 0 && r <= 0x1f) || r === 0x7f);
const isLetter = (r: number) => r >= 0 && /\p{L}/u.test(String.fromCodePoint(r));
const ch = (c: string) => c.charCodeAt(0);

class Lexer {
  start = 0;
  pos = 0;
  line = 1;
  state: State = lexTop;
  readonly items: Item[] = [];
  readonly stack: State[] = [];
  private prevWidths: number[] = [0, 0, 0, 0];
  private nprev = 0;
  atEOF = false;

  constructor(readonly input: string) {}

  nextItem(): Item {
    while (this.items.length === 0) {
      if (!this.state) return { type: I.EOF, val: "", line: this.line };
      this.state = this.state(this);
    }
    return this.items.shift()!;
  }

  push(s: State): void {
    this.stack.push(s);
  }
  pop(): State {
    return this.stack.pop() ?? null;
  }
  current(): string {
    return this.input.slice(this.start, this.pos);
  }
  emit(type: number): void {
    this.items.push({ type, val: this.current(), line: this.line });
    this.start = this.pos;
  }
  emitTrim(type: number): void {
    this.items.push({ type, val: this.current().trim(), line: this.line });
    this.start = this.pos;
  }

  next(): number {
    if (this.atEOF) throw new Error("BUG in lexer: next called after EOF");
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    if (this.input.charCodeAt(this.pos) === 0x0a) this.line++;
    this.prevWidths = [0, this.prevWidths[0]!, this.prevWidths[1]!, this.prevWidths[2]!];
    if (this.nprev < 4) this.nprev++;
    const r = this.input.codePointAt(this.pos)!;
    const w = r > 0xffff ? 2 : 1;
    if (isControl(r) || (r === 0x0d && this.input.charCodeAt(this.pos + 1) !== 0x0a)) {
      this.errorControlChar(r);
      return 0xfffd;
    }
    this.prevWidths[0] = w;
    this.pos += w;
    return r;
  }
  ignore(): void {
    this.start = this.pos;
  }
  backup(): void {
    if (this.atEOF) {
      this.atEOF = false;
      return;
    }
    const w = this.prevWidths[0]!;
    this.prevWidths = [this.prevWidths[1]!, this.prevWidths[2]!, this.prevWidths[3]!, 0];
    this.nprev--;
    this.pos -= w;
    if (this.pos < this.input.length && this.input.charCodeAt(this.pos) === 0x0a) this.line--;
  }
  accept(valid: number): boolean {
    if (this.next() === valid) return true;
    this.backup();
    return false;
  }
  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }
  skip(pred: (r: number) => boolean): void {
    for (;;) {
      const r = this.next();
      if (pred(r)) continue;
      this.backup();
      this.ignore();
      return;
    }
  }
  error(err: string): State {
    if (this.atEOF) return this.errorPrevLine(err);
    this.items.push({ type: I.ERROR, val: "", line: this.line, err });
    return null;
  }
  errorPrevLine(err: string): State {
    this.items.push({ type: I.ERROR, val: "", line: this.line - 1, err });
    return null;
  }
  errorf(msg: string): State {
    if (this.atEOF) {
      let line = this.line;
      if (this.pos >= 1 && this.input.charCodeAt(this.pos - 1) === 0x0a) line--;
      this.items.push({ type: I.ERROR, val: "", line, err: msg });
      return null;
    }
    this.items.push({ type: I.ERROR, val: "", line: this.line, err: msg });
    return null;
  }
  errorControlChar(r: number): State {
    const err = `TOML files cannot contain control characters: '0x${r.toString(16).padStart(2, "0")}'`;
    this.items.push({ type: I.ERROR, val: "", line: this.line, err });
    this.state = null;
    return null;
  }
}

const lexSkip = (lx: Lexer, next: State): State => {
  lx.ignore();
  return next;
};
const runeOrEOF = (r: number) => (r === EOF ? "end of file" : `'${String.fromCodePoint(r)}'`);

function lexTop(lx: Lexer): State {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexTop);
  switch (r) {
    case ch("#"):
      lx.push(lexTop);
      return lexCommentStart;
    case ch("["):
      return lexTableStart;
    case EOF:
      if (lx.pos > lx.start) return lx.errorf("unexpected EOF");
      lx.emit(I.EOF);
      return null;
  }
  lx.backup();
  lx.push(lexTopEnd);
  return lexKeyStart;
}

function lexTopEnd(lx: Lexer): State {
  const r = lx.next();
  if (r === ch("#")) {
    lx.push(lexTop);
    return lexCommentStart;
  }
  if (isWhitespace(r)) return lexTopEnd;
  if (isNL(r)) {
    lx.ignore();
    return lexTop;
  }
  if (r === EOF) {
    lx.emit(I.EOF);
    return null;
  }
  return lx.errorf(
    `expected a top-level item to end with a newline, comment, or EOF, but got ${quoteRune(r)} instead`,
  );
}

function lexTableStart(lx: Lexer): State {
  if (lx.peek() === ch("[")) {
    lx.next();
    lx.emit(I.ARRAY_TABLE_START);
    lx.push(lexArrayTableEnd);
  } else {
    lx.emit(I.TABLE_START);
    lx.push(lexTableEnd);
  }
  return lexTableNameStart;
}

function lexTableEnd(lx: Lexer): State {
  lx.emit(I.TABLE_END);
  return lexTopEnd;
}

function lexArrayTableEnd(lx: Lexer): State {
  const r = lx.next();
  if (r !== ch("]"))
    return lx.errorf(`expected end of table array name delimiter ']', but got ${quoteRune(r)} instead`);
  lx.emit(I.ARRAY_TABLE_END);
  return lexTopEnd;
}

function lexTableNameStart(lx: Lexer): State {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === ch("]") || r === EOF)
    return lx.errorf("unexpected end of table name (table names cannot be empty)");
  if (r === ch(".")) return lx.errorf("unexpected table separator (table names cannot be empty)");
  if (r === ch('"') || r === ch("'")) {
    lx.ignore();
    lx.push(lexTableNameEnd);
    return lexQuotedName;
  }
  lx.push(lexTableNameEnd);
  return lexBareName;
}

function lexTableNameEnd(lx: Lexer): State {
  lx.skip(isWhitespace);
  const r = lx.next();
  if (r === ch(".")) {
    lx.ignore();
    return lexTableNameStart;
  }
  if (r === ch("]")) return lx.pop();
  return lx.errorf(`expected '.' or ']' to end table name, but got ${quoteRune(r)} instead`);
}

function lexBareName(lx: Lexer): State {
  const r = lx.next();
  if (isBareKeyChar(r)) return lexBareName;
  lx.backup();
  lx.emit(I.TEXT);
  return lx.pop();
}

function lexQuotedName(lx: Lexer): State {
  const r = lx.next();
  if (r === ch('"')) {
    lx.ignore();
    return lexString;
  }
  if (r === ch("'")) {
    lx.ignore();
    return lexRawString;
  }
  if (isWhitespace(r)) return lexSkip(lx, lexValue);
  if (r === EOF) return lx.errorf("unexpected EOF; expected value");
  return lx.errorf(`expected value but found ${quoteRune(r)} instead`);
}

function lexKeyStart(lx: Lexer): State {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === ch("=") || r === EOF) return lx.errorf("unexpected '=': key name appears blank");
  if (r === ch(".")) return lx.errorf("unexpected '.': keys cannot start with a '.'");
  if (r === ch('"') || r === ch("'")) lx.ignore();
  lx.emit(I.KEY_START);
  return lexKeyNameStart;
}

function lexKeyNameStart(lx: Lexer): State {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === ch('"') || r === ch("'")) {
    lx.ignore();
    lx.push(lexKeyEnd);
    return lexQuotedName;
  }
  if (r === ch("=") || r === EOF) return lx.errorf("unexpected '='");
  if (r === ch(".")) return lx.errorf("unexpected '.'");
  lx.push(lexKeyEnd);
  return lexBareName;
}

function lexKeyEnd(lx: Lexer): State {
  lx.skip(isWhitespace);
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexKeyEnd);
  if (r === EOF) return lx.errorf("unexpected EOF; expected key separator '='");
  if (r === ch(".")) {
    lx.ignore();
    return lexKeyNameStart;
  }
  if (r === ch("=")) {
    lx.emit(I.KEY_END);
    return lexSkip(lx, lexValue);
  }
  if (r === 0x0a) return lx.errorPrevLine(`expected '.' or '=', but got ${quoteRune(r)} instead`);
  return lx.errorf(`expected '.' or '=', but got ${quoteRune(r)} instead`);
}

function lexValue(lx: Lexer): State {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexValue);
  if (isDigit(r)) {
    lx.backup();
    return lexNumberOrDateStart;
  }
  switch (r) {
    case ch("["):
      lx.ignore();
      lx.emit(I.ARRAY);
      return lexArrayValue;
    case ch("{"):
      lx.ignore();
      lx.emit(I.INLINE_TABLE_START);
      return lexInlineTableValue;
    case ch('"'):
      if (lx.accept(ch('"'))) {
        if (lx.accept(ch('"'))) {
          lx.ignore();
          return lexMultilineString;
        }
        lx.backup();
      }
      lx.ignore();
      return lexString;
    case ch("'"):
      if (lx.accept(ch("'"))) {
        if (lx.accept(ch("'"))) {
          lx.ignore();
          return lexMultilineRawString;
        }
        lx.backup();
      }
      lx.ignore();
      return lexRawString;
    case ch("."):
      return lx.errorf("floats must start with a digit, not '.'");
    case ch("i"):
    case ch("n"):
      if ((lx.accept(ch("n")) && lx.accept(ch("f"))) || (lx.accept(ch("a")) && lx.accept(ch("n")))) {
        lx.emit(I.FLOAT);
        return lx.pop();
      }
      break;
    case ch("-"):
    case ch("+"):
      return lexDecimalNumberStart;
  }
  if (isLetter(r)) {
    lx.backup();
    return lexBool;
  }
  if (r === EOF) return lx.errorf("unexpected EOF; expected value");
  if (r === 0x0a) return lx.errorPrevLine(`expected value but found ${quoteRune(r)} instead`);
  return lx.errorf(`expected value but found ${quoteRune(r)} instead`);
}

function lexArrayValue(lx: Lexer): State {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexArrayValue);
  if (r === ch("#")) {
    lx.push(lexArrayValue);
    return lexCommentStart;
  }
  if (r === ch(",")) return lx.errorf("unexpected comma");
  if (r === ch("]")) return lexArrayEnd;
  lx.backup();
  lx.push(lexArrayValueEnd);
  return lexValue;
}

function lexArrayValueEnd(lx: Lexer): State {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexArrayValueEnd);
  if (r === ch("#")) {
    lx.push(lexArrayValueEnd);
    return lexCommentStart;
  }
  if (r === ch(",")) {
    lx.ignore();
    return lexArrayValue;
  }
  if (r === ch("]")) return lexArrayEnd;
  return lx.errorf(`expected a comma (',') or array terminator (']'), but got ${runeOrEOF(r)}`);
}

function lexArrayEnd(lx: Lexer): State {
  lx.ignore();
  lx.emit(I.ARRAY_END);
  return lx.pop();
}

function lexInlineTableValue(lx: Lexer): State {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexInlineTableValue);
  if (r === ch("#")) {
    lx.push(lexInlineTableValue);
    return lexCommentStart;
  }
  if (r === ch(",")) return lx.errorf("unexpected comma");
  if (r === ch("}")) return lexInlineTableEnd;
  lx.backup();
  lx.push(lexInlineTableValueEnd);
  return lexKeyStart;
}

function lexInlineTableValueEnd(lx: Lexer): State {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexInlineTableValueEnd);
  if (r === ch("#")) {
    lx.push(lexInlineTableValueEnd);
    return lexCommentStart;
  }
  if (r === ch(",")) {
    lx.ignore();
    lx.skip(isWhitespace);
    if (lx.peek() === ch("}")) return lexInlineTableValueEnd;
    return lexInlineTableValue;
  }
  if (r === ch("}")) return lexInlineTableEnd;
  return lx.errorf(`expected a comma or an inline table terminator '}', but got ${runeOrEOF(r)} instead`);
}

function lexInlineTableEnd(lx: Lexer): State {
  lx.ignore();
  lx.emit(I.INLINE_TABLE_END);
  return lx.pop();
}

let esc = false;

function lexString(lx: Lexer): State {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected '"'`);
  if (isNL(r)) return lx.errorPrevLine("strings cannot contain newlines");
  if (r === ch("\\")) {
    lx.push(lexString);
    return lexStringEscape;
  }
  if (r === ch('"')) {
    lx.backup();
    lx.emit(esc ? I.STRING_ESC : I.STRING);
    esc = false;
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return lexString;
}

function lexMultilineString(lx: Lexer): State {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected '"""'`);
  if (r === ch("\\")) return lexMultilineStringEscape;
  if (r === ch('"')) {
    if (lx.accept(ch('"'))) {
      if (lx.accept(ch('"'))) {
        if (lx.peek() === ch('"')) {
          const cur = lx.current();
          if (cur.endsWith('"""""') && !cur.endsWith('\\"""""')) return lx.errorf(`unexpected '""""""'`);
          lx.backup();
          lx.backup();
          return lexMultilineString;
        }
        lx.backup();
        lx.backup();
        lx.backup();
        esc = false;
        lx.emit(I.ML_STRING);
        lx.next();
        lx.next();
        lx.next();
        lx.ignore();
        return lx.pop();
      }
      lx.backup();
    }
  }
  return lexMultilineString;
}

function lexRawString(lx: Lexer): State {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected "'"`);
  if (isNL(r)) return lx.errorPrevLine("strings cannot contain newlines");
  if (r === ch("'")) {
    lx.backup();
    lx.emit(I.RAW_STRING);
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return lexRawString;
}

function lexMultilineRawString(lx: Lexer): State {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected "'''"`);
  if (r === ch("'")) {
    if (lx.accept(ch("'"))) {
      if (lx.accept(ch("'"))) {
        if (lx.peek() === ch("'")) {
          if (lx.current().endsWith("'''''")) return lx.errorf(`unexpected "''''''"`);
          lx.backup();
          lx.backup();
          return lexMultilineRawString;
        }
        lx.backup();
        lx.backup();
        lx.backup();
        lx.emit(I.RAW_ML_STRING);
        lx.next();
        lx.next();
        lx.next();
        lx.ignore();
        return lx.pop();
      }
      lx.backup();
    }
  }
  return lexMultilineRawString;
}

function lexMultilineStringEscape(lx: Lexer): State {
  if (isNL(lx.next())) return lexMultilineString;
  lx.backup();
  lx.push(lexMultilineString);
  return lexStringEscape(lx);
}

function lexStringEscape(lx: Lexer): State {
  esc = true;
  const r = lx.next();
  if ([...'ebtnfr" \t\\'].some((c) => ch(c) === r)) return lx.pop();
  if (r === ch("x")) return lexHexDigits(2, "two", "x");
  if (r === ch("u")) return lexHexDigits(4, "four", "u");
  if (r === ch("U")) return lexHexDigits(8, "eight", "U");
  return lx.error(`invalid escape in string '\\${r === EOF ? "\u0000" : String.fromCodePoint(r)}'`);
}

function lexHexDigits(n: number, word: string, letter: string): State {
  return (lx: Lexer) => {
    for (let i = 0; i < n; i++) {
      const r = lx.next();
      if (!isHex(r))
        return lx.errorf(
          `expected ${word} hexadecimal digits after '\\${letter}', but got ${quoteGoString(lx.current())} instead`,
        );
    }
    return lx.pop();
  };
}

function lexNumberOrDateStart(lx: Lexer): State {
  if (lx.next() === ch("0")) return lexBaseNumberOrDate;
  return lexNumberOrDate;
}

function lexNumberOrDate(lx: Lexer): State {
  const r = lx.next();
  if (isDigit(r)) return lexNumberOrDate;
  if (r === ch("-") || r === ch(":")) return lexDatetime;
  if (r === ch("_")) return lexDecimalNumber;
  if (r === ch(".") || r === ch("e") || r === ch("E")) return lexFloat;
  lx.backup();
  lx.emit(I.INTEGER);
  return lx.pop();
}

function lexDatetime(lx: Lexer): State {
  const r = lx.next();
  if (isDigit(r) || [..."-:Tt .Zz+"].some((c) => ch(c) === r)) return lexDatetime;
  lx.backup();
  lx.emitTrim(I.DATETIME);
  return lx.pop();
}

function lexDigits(pred: (r: number) => boolean): State {
  const self = (lx: Lexer): State => {
    const r = lx.next();
    if (pred(r) || r === ch("_")) return self;
    lx.backup();
    lx.emit(I.INTEGER);
    return lx.pop();
  };
  return self;
}

function lexDecimalNumber(lx: Lexer): State {
  const r = lx.next();
  if (isDigit(r) || r === ch("_")) return lexDecimalNumber;
  if (r === ch(".") || r === ch("e") || r === ch("E")) return lexFloat;
  lx.backup();
  lx.emit(I.INTEGER);
  return lx.pop();
}

function lexDecimalNumberStart(lx: Lexer): State {
  const r = lx.next();
  if (r === ch("i")) {
    if (!lx.accept(ch("n")) || !lx.accept(ch("f"))) return lx.errorf(`invalid float: '${lx.current()}'`);
    lx.emit(I.FLOAT);
    return lx.pop();
  }
  if (r === ch("n")) {
    if (!lx.accept(ch("a")) || !lx.accept(ch("n"))) return lx.errorf(`invalid float: '${lx.current()}'`);
    lx.emit(I.FLOAT);
    return lx.pop();
  }
  if (r === ch("0")) {
    const p = lx.peek();
    if (p === ch("b") || p === ch("o") || p === ch("x"))
      return lx.errorf(
        `cannot use sign with non-decimal numbers: '${lx.current()}${String.fromCodePoint(p)}'`,
      );
  }
  if (r === ch(".")) return lx.errorf("floats must start with a digit, not '.'");
  if (isDigit(r)) return lexDecimalNumber;
  return lx.errorf(`expected a digit but got ${quoteRune(r)}`);
}

function lexBaseNumberOrDate(lx: Lexer): State {
  const r = lx.next();
  if (isDigit(r)) return lexNumberOrDate;
  if (r === ch("_")) return lexDecimalNumber;
  if (r === ch(".") || r === ch("e") || r === ch("E")) return lexFloat;
  const base: [number, (r: number) => boolean, string][] = [
    [ch("b"), isBinary, "binary"],
    [ch("o"), isOctal, "octal"],
    [ch("x"), isHex, "hexadecimal"],
  ];
  for (const [c, pred, name] of base) {
    if (r !== c) continue;
    const p = lx.peek();
    // Go ignores this error's return value: the item is queued and lexing goes on.
    if (!pred(p))
      lx.errorf(
        `not a${name === "octal" ? "n" : ""} ${name} number: '${lx.current()}${p === EOF ? "\u0000" : String.fromCodePoint(p)}'`,
      );
    return lexDigits(pred);
  }
  lx.backup();
  lx.emit(I.INTEGER);
  return lx.pop();
}

function lexFloat(lx: Lexer): State {
  const r = lx.next();
  if (isDigit(r) || [..."_.-+eE"].some((c) => ch(c) === r)) return lexFloat;
  lx.backup();
  lx.emit(I.FLOAT);
  return lx.pop();
}

function lexBool(lx: Lexer): State {
  let s = "";
  for (;;) {
    const r = lx.next();
    if (!isLetter(r)) {
      lx.backup();
      break;
    }
    s += String.fromCodePoint(r);
  }
  if (s === "true" || s === "false") {
    lx.emit(I.BOOL);
    return lx.pop();
  }
  return lx.errorf(`expected value but found ${quoteGoString(s)} instead`);
}

function lexCommentStart(lx: Lexer): State {
  lx.ignore();
  lx.emit(I.COMMENT_START);
  return lexComment;
}

function lexComment(lx: Lexer): State {
  const r = lx.next();
  if (isNL(r) || r === EOF) {
    lx.backup();
    lx.emit(I.TEXT);
    return lx.pop();
  }
  return lexComment;
}

// ---- the parser's walk, for the "last key" ----------------------------------

class SyntaxFailure extends Error {}

class Walker {
  context: string[] = [];
  currentKey = "";
  constructor(readonly lx: Lexer) {}

  current(): string {
    const ctx = keyString(this.context);
    if (this.currentKey.length === 0) return ctx;
    if (this.context.length === 0) return this.currentKey;
    return `${ctx}.${this.currentKey}`;
  }

  next(): Item {
    const it = this.lx.nextItem();
    if (it.type === I.ERROR) {
      const last = this.current();
      const where = last === "" ? `line ${it.line}` : `line ${it.line} (last key ${quoteGoString(last)})`;
      throw new SyntaxFailure(`toml: ${where}: ${it.err}`);
    }
    return it;
  }

  run(): void {
    for (;;) {
      const it = this.next();
      if (it.type === I.EOF) return;
      this.topLevel(it);
    }
  }

  private keyParts(end: number): string[] {
    const key: string[] = [];
    for (let k = this.next(); k.type !== end && k.type !== I.EOF; k = this.next()) key.push(keyPart(k));
    return key;
  }

  private topLevel(it: Item): void {
    switch (it.type) {
      case I.COMMENT_START:
        this.next();
        return;
      case I.TABLE_START:
        this.context = this.keyParts(I.TABLE_END);
        return;
      case I.ARRAY_TABLE_START:
        this.context = this.keyParts(I.ARRAY_TABLE_END);
        return;
      case I.KEY_START: {
        const outer = this.context;
        this.keyValue();
        this.context = outer;
        this.currentKey = "";
        return;
      }
    }
  }

  private keyValue(): void {
    const key = this.keyParts(I.KEY_END);
    this.currentKey = key[key.length - 1] ?? "";
    for (const part of key.slice(0, -1)) this.context = [...this.context, part];
    this.value(this.next());
  }

  private fail(it: Item, msg: string): never {
    const last = this.current();
    const where = last === "" ? `line ${it.line}` : `line ${it.line} (last key ${quoteGoString(last)})`;
    throw new SyntaxFailure(`toml: ${where}: ${msg}`);
  }

  private value(it: Item): void {
    if (it.type === I.INTEGER || it.type === I.FLOAT) {
      const msg = numberError(it);
      if (msg) this.fail(it, msg);
    }
    if (it.type === I.ARRAY) {
      for (let x = this.next(); x.type !== I.ARRAY_END; x = this.next()) {
        if (x.type === I.COMMENT_START) this.next();
        else this.value(x);
      }
    } else if (it.type === I.INLINE_TABLE_START) {
      const outerContext = this.context;
      const outerKey = this.currentKey;
      this.context = [...this.context, this.currentKey];
      const prev = this.context;
      this.currentKey = "";
      for (let x = this.next(); x.type !== I.INLINE_TABLE_END; x = this.next()) {
        if (x.type === I.COMMENT_START) {
          this.next();
          continue;
        }
        this.keyValue();
        this.context = prev;
      }
      this.context = outerContext;
      this.currentKey = outerKey;
    }
  }
}

// parse.go's checks of number items (valueInteger, valueFloat).
function numHasLeadingZero(s: string): boolean {
  if (s.length > 1 && s[0] === "0" && !(s[1] === "b" || s[1] === "o" || s[1] === "x")) return true;
  return s.length > 2 && (s[0] === "-" || s[0] === "+") && s[1] === "0";
}

function numUnderscoresOK(s: string): boolean {
  if (["nan", "+nan", "-nan", "inf", "-inf", "+inf"].includes(s)) return true;
  let accept = false;
  for (const c of s) {
    if (c === "_" && !accept) return false;
    accept = isHex(c.codePointAt(0)!);
  }
  return accept;
}

function numPeriodsOK(s: string): boolean {
  let period = false;
  for (const c of s) {
    if (period && !isDigit(c.codePointAt(0)!)) return false;
    period = c === ".";
  }
  return !period;
}

function numberError(it: Item): string | undefined {
  const v = it.val;
  const q = quoteGoString(v);
  if (it.type === I.INTEGER) {
    if (!numUnderscoresOK(v)) return `Invalid integer ${q}: underscores must be surrounded by digits`;
    if (numHasLeadingZero(v)) return `Invalid integer ${q}: cannot have leading zeroes`;
    const m = /^([+-]?)(0[xob])?(.*)$/.exec(v.replace(/_/g, ""))!;
    const digits = m[2] ? `${m[2]}${m[3]}` : m[3]!;
    try {
      const n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
      if (n > 9223372036854775807n || n < -9223372036854775808n) return `${v} is out of range for int64`;
    } catch {
      return undefined;
    }
    return undefined;
  }
  const parts = v.split(/[.eE]/).filter((p) => p !== "");
  for (const part of parts) {
    if (!numUnderscoresOK(part)) return `Invalid float ${q}: underscores must be surrounded by digits`;
  }
  if (parts.length > 0 && numHasLeadingZero(parts[0]!))
    return `Invalid float ${q}: cannot have leading zeroes`;
  if (!numPeriodsOK(v)) return `Invalid float ${q}: '.' must be followed by one or more digits`;
  const val = v.replace(/_/g, "");
  if (/^[+-]?(inf|nan)$/.test(val)) return undefined;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(val)) return `Invalid float value: ${q}`;
  if (!Number.isFinite(Number(val))) return `${v} is out of range for float64`;
  return undefined;
}

function keyPart(it: Item): string {
  if (it.type === I.STRING_ESC) return unescapeKey(it.val);
  return it.val;
}

function unescapeKey(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (_m, e: string) => {
    const simple: Record<string, string> = {
      b: "\b",
      t: "\t",
      n: "\n",
      f: "\f",
      r: "\r",
      e: "\x1b",
      '"': '"',
      "\\": "\\",
    };
    if (e.length > 1) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
    return simple[e] ?? e;
  });
}

/** BurntSushi's Key.String: bare parts as they are, others double-quoted. */
function keyString(k: string[]): string {
  return k
    .map((p) => {
      if (p === "") return '""';
      if (/^[A-Za-z0-9_-]+$/.test(p)) return p;
      return `"${p.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
    })
    .join(".");
}

/** BurntSushi/toml's text for a document its lexer refuses, or undefined. */
export function tomlSyntaxError(text: string): string | undefined {
  esc = false;
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const head = text.slice(0, 6);
  if (head.includes("\u0000"))
    return "toml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8";
  try {
    new Walker(new Lexer(text)).run();
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}
