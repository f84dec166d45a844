// Lexer for Go's text/template (mirrors text/template/parse/lex.go): a state
// machine that hands the parser one item at a time. Positions are indexes into
// the JS string; error columns are converted to UTF-8 bytes where Go prints them.
import { isPrint, quote } from "./strconv.ts";

export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword, // delimits the keywords below
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: T;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, T> = {
  ".": T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

/** An item as Go's item.String() prints it inside parse errors. */
export function itemString(i: Item): string {
  if (i.typ === T.EOF) return "EOF";
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (runes.length > 10) return `${quote(runes.slice(0, 10).join(""))}...`;
  return quote(i.val);
}

const EOF = -1;
// The item a lexer holds before its first (never handed out).
const EOF_ITEM: Item = { typ: T.EOF, pos: 0, val: "EOF", line: 1 };
const LEFT_COMMENT = "/*";
const RIGHT_COMMENT = "*/";

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
export function isAlphaNumeric(r: number): boolean {
  if (r < 0x80) {
    return r === 0x5f || (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  }
  return r !== EOF && LETTER_OR_DIGIT.test(String.fromCodePoint(r));
}

function isSpaceCode(s: string, i: number): boolean {
  return isSpace(s.charCodeAt(i));
}
function hasLeftTrimMarker(s: string, i: number): boolean {
  return s.length - i >= 2 && s.charCodeAt(i) === 0x2d && isSpaceCode(s, i + 1);
}
function hasRightTrimMarker(s: string, i: number): boolean {
  return s.length - i >= 2 && isSpaceCode(s, i) && s.charCodeAt(i + 1) === 0x2d;
}
function trimRightLength(s: string, from: number, to: number): number {
  let j = to;
  while (j > from && isSpaceCode(s, j - 1)) j--;
  return to - j;
}
function trimLeftLength(s: string, from: number): number {
  let j = from;
  while (j < s.length && isSpaceCode(s, j)) j++;
  return j - from;
}
function countNewlines(s: string, from: number, to: number): number {
  // indexOf runs natively: a per-character loop is slow until V8 optimises it.
  let n = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

type StateFn = ((l: Lexer) => StateFn) | null;

export interface LexOptions {
  emitComment: boolean;
  breakOK: boolean;
  continueOK: boolean;
}

// Fields are declared and assigned in the constructor: class field
// definitions cost a property define each in V8's cold code (one lexer per file).
export class Lexer {
  declare pos: number;
  declare start: number;
  declare atEOF: boolean;
  declare parenDepth: number;
  declare line: number;
  declare startLine: number;
  declare item: Item;
  declare insideAction: boolean;
  declare options: LexOptions;
  declare readonly name: string;
  declare input: string;
  declare readonly leftDelim: string;
  declare readonly rightDelim: string;

  constructor(name: string, input: string, leftDelim = "{{", rightDelim = "}}", options?: LexOptions) {
    this.name = name;
    this.input = input;
    this.leftDelim = leftDelim;
    this.rightDelim = rightDelim;
    this.pos = 0;
    this.start = 0;
    this.atEOF = false;
    this.parenDepth = 0;
    this.line = 1;
    this.startLine = 1;
    this.item = EOF_ITEM;
    this.insideAction = false;
    this.options = options ?? { emitComment: false, breakOK: true, continueOK: true };
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    const w = r > 0xffff ? 2 : 1;
    this.pos += w;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    if (this.pos >= this.input.length) return EOF;
    return this.input.codePointAt(this.pos)!;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      // The rune before pos: a low surrogate means a two-unit rune.
      const c = this.input.charCodeAt(this.pos - 1);
      const w = c >= 0xdc00 && c <= 0xdfff && this.pos >= 2 ? 2 : 1;
      this.pos -= w;
      if (c === 0x0a) this.line--;
    }
  }

  thisItem(t: T): Item {
    const i: Item = {
      typ: t,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.startLine,
    };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(t: T): StateFn {
    this.item = this.thisItem(t);
    return null;
  }

  emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.item = { typ: T.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = "";
    return null;
  }

  nextItem(): Item {
    // Every state that stops the loop has set this.item (emit, emitItem, errorf).
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  /** Whether `word` follows pos after spaces (a cheap "might be a define" test for the parser). */
  atWord(word: string): boolean {
    const s = this.input;
    let p = this.pos;
    while (isSpaceCode(s, p)) p++;
    return s.startsWith(word, p);
  }

  /** At a right delimiter: 0 no, 1 plain, 2 with a trim marker (" -}}"). */
  atRightDelim(): number {
    const s = this.input;
    if (hasRightTrimMarker(s, this.pos) && s.startsWith(this.rightDelim, this.pos + 2)) return 2;
    if (s.startsWith(this.rightDelim, this.pos)) return 1;
    return 0;
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }

  scanNumber(): boolean {
    this.accept("+-");
    let digits = "0123456789_";
    if (this.accept("0")) {
      if (this.accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (this.accept("oO")) digits = "01234567_";
      else if (this.accept("bB")) digits = "01_";
    }
    this.acceptRun(digits);
    if (this.accept(".")) this.acceptRun(digits);
    if (digits.length === 11 && this.accept("eE")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    if (digits.length === 23 && this.accept("pP")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    this.accept("i");
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

/** %#U of a rune, as Go's lexer errors print it: U+0023 '#'. */
export function runeDebug(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex}${isPrint(r) ? ` '${String.fromCodePoint(r)}'` : ""}`;
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + l.leftDelim.length;
      if (hasLeftTrimMarker(l.input, delimEnd)) trimLength = trimRightLength(l.input, l.start, l.pos);
      l.pos -= trimLength;
      l.line += countNewlines(l.input, l.start, l.pos);
      const i = l.thisItem(T.Text);
      l.pos += trimLength;
      l.ignore();
      if (i.val.length > 0) return l.emitItem(i);
    }
    return lexLeftDelim(l);
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    return l.emit(T.Text);
  }
  return l.emit(T.EOF);
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? 2 : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem(T.LeftDelim);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(i);
}

function lexComment(l: Lexer): StateFn {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf("unclosed comment");
  l.pos = x + RIGHT_COMMENT.length;
  const delim = l.atRightDelim();
  const trimSpace = delim === 2;
  if (delim === 0) return l.errorf("comment ends before closing delimiter");
  l.line += countNewlines(l.input, l.start, l.pos);
  const i = l.thisItem(T.Comment);
  if (trimSpace) l.pos += 2;
  l.pos += l.rightDelim.length;
  if (trimSpace) l.pos += trimLeftLength(l.input, l.pos);
  l.ignore();
  if (l.options.emitComment) return l.emitItem(i);
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const trimSpace = l.atRightDelim() === 2;
  if (trimSpace) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  const i = l.thisItem(T.RightDelim);
  if (trimSpace) {
    l.pos += trimLeftLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(i);
}

function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim() !== 0) {
    if (l.parenDepth === 0) return lexRightDelim(l);
    return l.errorf("unclosed left paren");
  }
  const r = l.next();
  if (r === EOF) return l.errorf("unclosed action");
  if (isSpace(r)) {
    l.backup(); // put space back in case we have " -}}"
    return lexSpace(l);
  }
  switch (r) {
    case 0x3d: // =
      return l.emit(T.Assign);
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf("expected :=");
      return l.emit(T.Declare);
    case 0x7c:
      return l.emit(T.Pipe);
    case 0x22:
      return lexQuote(l);
    case 0x60:
      return lexRawQuote(l);
    case 0x24:
      return lexVariable(l);
    case 0x27:
      return lexChar(l);
    case 0x2e: {
      // '.' starts a field unless a digit follows (then a number).
      if (l.pos < l.input.length) {
        const c = l.input.charCodeAt(l.pos);
        if (c < 0x30 || c > 0x39) return lexField(l);
      }
      l.backup();
      return lexNumber(l);
    }
    case 0x28:
      l.parenDepth++;
      return l.emit(T.LeftParen);
    case 0x29:
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf("unexpected right paren");
      return l.emit(T.RightParen);
  }
  if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber(l);
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier(l);
  }
  if (r <= 0x7f && r >= 0x20 && r < 0x7f) return l.emit(T.Char);
  return l.errorf(`unrecognized character in action: ${runeDebug(r)}`);
}

function lexSpace(l: Lexer): StateFn {
  const s = l.input;
  const start = l.pos;
  let p = start;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === 0x0a) l.line++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
  }
  l.pos = p;
  const numSpaces = p - start;
  // Be careful about a trim-marked closing delimiter, which starts with a space.
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos - 1 + 2)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(T.Space);
}

/** Skips ASCII letters, digits and "_" (the common case of isAlphaNumeric) without a call per character. */
function skipASCIIWord(l: Lexer): void {
  const s = l.input;
  let p = l.pos;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (!(c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)))
      break;
  }
  l.pos = p;
  // next() would have returned EOF here, which marks the lexer at its end.
  if (p >= s.length) l.atEOF = true;
}

function lexIdentifier(l: Lexer): StateFn {
  skipASCIIWord(l);
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${runeDebug(r)}`);
    const kw = KEYWORDS[word];
    if (kw !== undefined && Object.hasOwn(KEYWORDS, word)) {
      if ((kw === T.Break && !l.options.breakOK) || (kw === T.Continue && !l.options.continueOK)) {
        return l.emit(T.Identifier);
      }
      return l.emit(kw);
    }
    if (word[0] === ".") return l.emit(T.Field);
    if (word === "true" || word === "false") return l.emit(T.Bool);
    return l.emit(T.Identifier);
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, T.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit(T.Variable);
  return lexFieldOrVariable(l, T.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: T): StateFn {
  if (l.atTerminator()) return l.emit(typ === T.Variable ? T.Variable : T.Dot);
  let r: number;
  skipASCIIWord(l);
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeDebug(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
      return l.errorf("unterminated character constant");
    }
    if (r === EOF || r === 0x0a) return l.errorf("unterminated character constant");
    if (r === 0x27) break;
  }
  return l.emit(T.CharConstant);
}

function lexNumber(l: Lexer): StateFn {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!l.scanNumber() || l.input[l.pos - 1] !== "i") {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit(T.Complex);
  }
  return l.emit(T.Number);
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
      return l.errorf("unterminated quoted string");
    }
    if (r === EOF || r === 0x0a) return l.errorf("unterminated quoted string");
    if (r === 0x22) break;
  }
  return l.emit(T.String);
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf("unterminated raw quoted string");
    if (r === 0x60) break;
  }
  return l.emit(T.RawString);
}
