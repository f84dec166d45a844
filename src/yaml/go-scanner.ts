// go-yaml v2's scanner (scannerc.go, readerc.go: a port of libyaml): tokens
// with marks, anchor names, tag handles and scalar values folded as libyaml
// folds them. It works on the Go bytes of the text (go/bytestring.ts's
// convention for bytes that are not UTF-8), so columns, the 1024-character
// simple-key limit and the reader's 512-byte chunks (a bad byte or control
// character is reported when its chunk is decoded, which can be before an
// earlier syntax error is reached) match byte for byte.

import { goBytes } from "../go/bytestring.ts";

export const T = {
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;

export interface Mark {
  index: number;
  line: number;
  column: number;
}

export interface Token {
  type: number;
  start: Mark;
  /** Anchor/alias name, tag or %TAG handle. */
  value?: string;
  /** Tag suffix or %TAG prefix. */
  suffix?: string;
  major?: number;
  minor?: number;
  /** Scalars: 1 plain, 2 single-quoted, 3 double-quoted, 4 literal, 5 folded. */
  style?: number;
}

export const STYLE = { PLAIN: 1, SINGLE: 2, DOUBLE: 3, LITERAL: 4, FOLDED: 5 } as const;

/** A growable byte string (scalar values are built in UTF-8, as Go does). */
class Bytes {
  a = new Uint8Array(64);
  n = 0;
  push(c: number): void {
    if (this.n === this.a.length) this.grow(1);
    this.a[this.n++] = c;
  }
  pushRange(src: Uint8Array, start: number, end: number): void {
    const k = end - start;
    if (this.n + k > this.a.length) this.grow(k);
    this.a.set(src.subarray(start, end), this.n);
    this.n += k;
  }
  append(o: Bytes): void {
    this.pushRange(o.a, 0, o.n);
  }
  private grow(k: number): void {
    const b = new Uint8Array(Math.max(this.a.length * 2, this.n + k));
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  toString(): string {
    const a = this.a;
    const n = this.n;
    if (n > 48) return DECODER.decode(a.subarray(0, n));
    let out = "";
    for (let i = 0; i < n; i++) {
      const c = a[i]!;
      if (c >= 0x80) return DECODER.decode(a.subarray(0, n));
      out += String.fromCharCode(c);
    }
    return out;
  }
}

// ignoreBOM: a value may start with U+FEFF ("\uFEFF" in a quoted scalar).
const DECODER = new TextDecoder("utf-8", { ignoreBOM: true });

/** A libyaml error: its kind decides how go-yaml prints the line. */
export class GoYAMLSyntaxError extends Error {
  constructor(
    readonly kind: "reader" | "scanner" | "parser",
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly contextMark: Mark | undefined,
  ) {
    super(problem);
  }

  /** go-yaml's (*parser).fail text, without sigs.k8s.io/yaml's prefix. */
  goMessage(): string {
    let line = 0;
    if (this.problemMark && this.problemMark.line !== 0) {
      line = this.problemMark.line;
      // Scanner errors are reported one line lower than parser errors.
      if (this.kind === "scanner") line++;
    } else if (this.contextMark && this.contextMark.line !== 0) {
      line = this.contextMark.line;
    }
    return `yaml: ${line !== 0 ? `line ${line}: ` : ""}${this.problem}`;
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const RAW_CHUNK = 512;
const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

const CONTROL = "control characters are not allowed";

function width(c: number): number {
  if ((c & 0x80) === 0) return 1;
  if ((c & 0xe0) === 0xc0) return 2;
  if ((c & 0xf0) === 0xe0) return 3;
  if ((c & 0xf8) === 0xf0) return 4;
  return 0;
}

function isAlpha(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === 0x2d
  );
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function asHex(c: number): number {
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x30;
}

const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map((c) => c.charCodeAt(0)));
// Characters after an anchor or alias name that end it.
const ANCHOR_END = new Set([..."?:,]}%@`"].map((c) => c.charCodeAt(0)));
// Characters that cannot start a plain scalar.
const NOT_PLAIN = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

// Double-quoted escapes: the bytes they stand for, or how many hex digits follow.
const ESCAPES: Record<number, number[] | number> = {
  48: [0],
  97: [7],
  98: [8],
  116: [9],
  9: [9],
  110: [10],
  118: [11],
  102: [12],
  114: [13],
  101: [0x1b],
  32: [0x20],
  34: [0x22],
  39: [0x27],
  92: [0x5c],
  78: [0xc2, 0x85],
  95: [0xc2, 0xa0],
  76: [0xe2, 0x80, 0xa8],
  80: [0xe2, 0x80, 0xa9],
  120: 2,
  117: 4,
  85: 8,
};

function pushRune(s: Bytes, v: number): void {
  if (v <= 0x7f) s.push(v);
  else if (v <= 0x7ff) {
    s.push(0xc0 + (v >> 6));
    s.push(0x80 + (v & 0x3f));
  } else if (v <= 0xffff) {
    s.push(0xe0 + (v >> 12));
    s.push(0x80 + ((v >> 6) & 0x3f));
    s.push(0x80 + (v & 0x3f));
  } else {
    s.push(0xf0 + (v >> 18));
    s.push(0x80 + ((v >> 12) & 0x3f));
    s.push(0x80 + ((v >> 6) & 0x3f));
    s.push(0x80 + (v & 0x3f));
  }
}

export class Scanner {
  private readonly b: Uint8Array;
  private readonly len: number;
  private pos = 0;
  private readonly mark: Mark = { index: 0, line: 0, column: 0 };
  // Reader emulation: how many decoded characters are ahead of pos, where
  // decoding stopped, where Go's buffer starts (for its is_bom quirk).
  private unread = 0;
  private decodedEnd = 0;
  private rawEnd = 0;
  private eof = false;
  private bufStart = 0;

  private readonly tokens: Token[] = [];
  private head = 0;
  tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  streamEndProduced = false;

  private flowLevel = 0;
  private indent = 0;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByTok = new Map<number, number>();
  // Scalars never nest, so one set of buffers serves them all.
  private readonly bufS = new Bytes();
  private readonly bufLeading = new Bytes();
  private readonly bufTrailing = new Bytes();
  private readonly bufSpaces = new Bytes();

  /** The scalar buffers, emptied. */
  private buffers(): [Bytes, Bytes, Bytes, Bytes] {
    this.bufS.n = 0;
    this.bufLeading.n = 0;
    this.bufTrailing.n = 0;
    this.bufSpaces.n = 0;
    return [this.bufS, this.bufLeading, this.bufTrailing, this.bufSpaces];
  }

  constructor(text: string) {
    if (text.length === 0) text = "\n";
    let bytes = goBytes(text);
    // The reader drops a leading UTF-8 byte order mark.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    this.len = bytes.length;
    this.b = new Uint8Array(bytes.length + 8);
    this.b.set(bytes);
  }

  // ---- reader ----------------------------------------------------------

  private cache(n: number): void {
    if (this.unread < n) this.fill(n);
  }

  /**
   * yaml_parser_update_buffer: decode 512-byte raw chunks until n characters
   * are ahead, checking each character as readerc.go does.
   */
  private fill(n: number): void {
    this.bufStart = this.pos;
    let first = true;
    while (this.unread < n) {
      if (!first || this.decodedEnd === this.rawEnd) {
        if (this.rawEnd === this.len) this.eof = true;
        else this.rawEnd = Math.min(this.decodedEnd + RAW_CHUNK, this.len);
      }
      first = false;
      const b = this.b;
      let p = this.decodedEnd;
      const end = this.rawEnd;
      while (p < end) {
        const c = b[p]!;
        if (c < 0x80) {
          if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) this.readerError(CONTROL);
          p++;
          this.unread++;
          continue;
        }
        const w = width(c);
        if (w === 0) this.readerError("invalid leading UTF-8 octet");
        if (w > end - p) {
          if (this.eof) this.readerError("incomplete UTF-8 octet sequence");
          break;
        }
        let value = w === 2 ? c & 0x1f : w === 3 ? c & 0x0f : c & 0x07;
        for (let k = 1; k < w; k++) {
          const t = b[p + k]!;
          if ((t & 0xc0) !== 0x80) this.readerError("invalid trailing UTF-8 octet");
          value = (value << 6) + (t & 0x3f);
        }
        if (!(w === 2 ? value >= 0x80 : w === 3 ? value >= 0x800 : value >= 0x10000))
          this.readerError("invalid length of a UTF-8 sequence");
        if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
          this.readerError("invalid Unicode character");
        if (
          !(
            value === 0x85 ||
            (value >= 0xa0 && value <= 0xd7ff) ||
            (value >= 0xe000 && value <= 0xfffd) ||
            value >= 0x10000
          )
        )
          this.readerError(CONTROL);
        p += w;
        this.unread++;
      }
      this.decodedEnd = p;
      if (this.eof) {
        this.unread++; // the NUL that marks the end
        break;
      }
    }
  }

  private readerError(problem: string): never {
    throw new GoYAMLSyntaxError("reader", problem, undefined, undefined);
  }

  private c(off = 0): number {
    return this.b[this.pos + off]!;
  }

  private isBlank(off = 0): boolean {
    const c = this.b[this.pos + off];
    return c === 0x20 || c === 0x09;
  }

  private isBreak(off = 0): boolean {
    const b = this.b;
    const i = this.pos + off;
    const c = b[i];
    return (
      c === 0x0d ||
      c === 0x0a ||
      (c === 0xc2 && b[i + 1] === 0x85) ||
      (c === 0xe2 && b[i + 1] === 0x80 && (b[i + 2] === 0xa8 || b[i + 2] === 0xa9))
    );
  }

  private isBreakz(off = 0): boolean {
    return this.b[this.pos + off] === 0 || this.isBreak(off);
  }

  private isBlankz(off = 0): boolean {
    return this.isBlank(off) || this.isBreakz(off);
  }

  private skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.unread--;
    this.pos += width(this.b[this.pos]!) || 1;
  }

  private skipLine(): void {
    if (this.c() === 0x0d && this.c(1) === 0x0a) {
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
      this.unread -= 2;
      this.pos += 2;
    } else if (this.isBreak()) {
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
      this.unread--;
      this.pos += width(this.b[this.pos]!);
    }
  }

  /** read: the current character's bytes onto s. */
  private read(s: Bytes): void {
    const b = this.b;
    const c = b[this.pos]!;
    const w = width(c) || 1;
    s.push(c);
    for (let k = 1; k < w; k++) s.push(b[this.pos + k]!);
    this.mark.index++;
    this.mark.column++;
    this.unread--;
    this.pos += w;
  }

  /** read_line: a line break onto s (CR, LF, CRLF and NEL as "\n"; LS and PS kept). */
  private readLine(s: Bytes): void {
    const b = this.b;
    const p = this.pos;
    if (b[p] === 0x0d && b[p + 1] === 0x0a) {
      s.push(0x0a);
      this.pos += 2;
      this.mark.index++;
      this.unread--;
    } else if (b[p] === 0x0d || b[p] === 0x0a) {
      s.push(0x0a);
      this.pos += 1;
    } else if (b[p] === 0xc2 && b[p + 1] === 0x85) {
      s.push(0x0a);
      this.pos += 2;
    } else if (b[p] === 0xe2 && b[p + 1] === 0x80 && (b[p + 2] === 0xa8 || b[p + 2] === 0xa9)) {
      s.pushRange(b, p, p + 3);
      this.pos += 3;
    } else return;
    this.mark.index++;
    this.mark.column = 0;
    this.mark.line++;
    this.unread--;
  }

  private here(): Mark {
    return { index: this.mark.index, line: this.mark.line, column: this.mark.column };
  }

  private error(problem: string, context?: Mark): never {
    throw new GoYAMLSyntaxError("scanner", problem, this.here(), context);
  }

  // ---- token queue -------------------------------------------------------

  /** peek_token: the next token, scanning more as needed. */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }

  /** skip_token */
  next(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head]!.type === T.STREAM_END;
    this.head++;
    // Drop consumed tokens now and then so the queue stays small.
    if (this.head > 256 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  private insert(pos: number, t: Token): void {
    if (pos < 0) this.tokens.push(t);
    else this.tokens.splice(this.head + pos, 0, t);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const i = this.simpleKeysByTok.get(this.tokensParsed);
        if (i === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[i]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    this.cache(4);
    const c = this.c();
    if (c === 0) {
      this.fetchStreamEnd();
      return;
    }
    const col0 = this.mark.column === 0;
    if (col0 && c === 0x25) {
      this.fetchDirective();
      return;
    }
    if (col0 && c === 0x2d && this.c(1) === 0x2d && this.c(2) === 0x2d && this.isBlankz(3)) {
      this.fetchDocumentIndicator(T.DOCUMENT_START);
      return;
    }
    if (col0 && c === 0x2e && this.c(1) === 0x2e && this.c(2) === 0x2e && this.isBlankz(3)) {
      this.fetchDocumentIndicator(T.DOCUMENT_END);
      return;
    }
    if (c === 0x5b) {
      this.fetchFlowCollectionStart(T.FLOW_SEQUENCE_START);
      return;
    }
    if (c === 0x7b) {
      this.fetchFlowCollectionStart(T.FLOW_MAPPING_START);
      return;
    }
    if (c === 0x5d) {
      this.fetchFlowCollectionEnd(T.FLOW_SEQUENCE_END);
      return;
    }
    if (c === 0x7d) {
      this.fetchFlowCollectionEnd(T.FLOW_MAPPING_END);
      return;
    }
    if (c === 0x2c) {
      this.fetchFlowEntry();
      return;
    }
    if (c === 0x2d && this.isBlankz(1)) {
      this.fetchBlockEntry();
      return;
    }
    if (c === 0x3f && (this.flowLevel > 0 || this.isBlankz(1))) {
      this.fetchKey();
      return;
    }
    if (c === 0x3a && (this.flowLevel > 0 || this.isBlankz(1))) {
      this.fetchValue();
      return;
    }
    if (c === 0x2a) {
      this.fetchAnchor(T.ALIAS);
      return;
    }
    if (c === 0x26) {
      this.fetchAnchor(T.ANCHOR);
      return;
    }
    if (c === 0x21) {
      this.fetchTag();
      return;
    }
    if (c === 0x7c && this.flowLevel === 0) {
      this.fetchBlockScalar(true);
      return;
    }
    if (c === 0x3e && this.flowLevel === 0) {
      this.fetchBlockScalar(false);
      return;
    }
    if (c === 0x27) {
      this.fetchFlowScalar(true);
      return;
    }
    if (c === 0x22) {
      this.fetchFlowScalar(false);
      return;
    }
    if (
      !(this.isBlankz() || NOT_PLAIN.has(c)) ||
      (c === 0x2d && !this.isBlank(1)) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !this.isBlankz(1))
    ) {
      this.fetchPlainScalar();
      return;
    }
    this.error("found character that cannot start any token", this.here());
  }

  // ---- simple keys ---------------------------------------------------------

  private simpleKeyIsValid(k: SimpleKey): boolean {
    if (!k.possible) return false;
    if (k.mark.line < this.mark.line || k.mark.index + 1024 < this.mark.index) {
      if (k.required) this.error("could not find expected ':'", k.mark);
      k.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const k: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        mark: this.here(),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = k;
      this.simpleKeysByTok.set(k.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (k.possible) {
      if (k.required) this.error("could not find expected ':'", k.mark);
      k.possible = false;
      this.simpleKeysByTok.delete(k.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    const k: SimpleKey = {
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.here(),
    };
    this.simpleKeys.push(k);
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) this.error(`exceeded max depth of ${MAX_FLOW_LEVEL}`, k.mark);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const k = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(k.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: number, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS)
        this.error(`exceeded max depth of ${MAX_INDENTS}`, this.simpleKeys[this.simpleKeys.length - 1]!.mark);
      this.insert(number > -1 ? number - this.tokensParsed : -1, { type, start: mark });
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insert(-1, { type: T.BLOCK_END, start: this.here() });
      this.indent = this.indents.pop()!;
    }
  }

  // ---- fetchers ------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insert(-1, { type: T.STREAM_START, start: this.here() });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, { type: T.STREAM_END, start: this.here() });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: number): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    this.skip();
    this.skip();
    this.insert(-1, { type, start });
  }

  private fetchFlowCollectionStart(type: number): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    this.insert(-1, { type, start });
  }

  private fetchFlowCollectionEnd(type: number): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    this.insert(-1, { type, start });
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    this.insert(-1, { type: T.FLOW_ENTRY, start });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed)
        this.error("block sequence entries are not allowed in this context", this.here());
      this.rollIndent(this.mark.column, -1, T.BLOCK_SEQUENCE_START, this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    this.insert(-1, { type: T.BLOCK_ENTRY, start });
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error("mapping keys are not allowed in this context", this.here());
      this.rollIndent(this.mark.column, -1, T.BLOCK_MAPPING_START, this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.here();
    this.skip();
    this.insert(-1, { type: T.KEY, start });
  }

  private fetchValue(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(k)) {
      this.insert(k.tokenNumber - this.tokensParsed, { type: T.KEY, start: k.mark });
      this.rollIndent(k.mark.column, k.tokenNumber, T.BLOCK_MAPPING_START, k.mark);
      k.possible = false;
      this.simpleKeysByTok.delete(k.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.error("mapping values are not allowed in this context", this.here());
        this.rollIndent(this.mark.column, -1, T.BLOCK_MAPPING_START, this.here());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.here();
    this.skip();
    this.insert(-1, { type: T.VALUE, start });
  }

  private fetchAnchor(type: number): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insert(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(-1, this.scanPlainScalar());
  }

  // ---- scanners ------------------------------------------------------------

  private scanToNextToken(): void {
    for (;;) {
      this.cache(1);
      if (this.mark.column === 0 && this.isBomAtBufferStart()) this.skip();
      this.cache(1);
      while (this.c() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.c() === 0x09)) {
        this.skip();
        this.cache(1);
      }
      if (this.c() === 0x23) {
        while (!this.isBreakz()) {
          this.skip();
          this.cache(1);
        }
      }
      if (this.isBreak()) {
        this.cache(2);
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else break;
    }
  }

  /** Go's is_bom looks at the start of its buffer, not at the current position. */
  private isBomAtBufferStart(): boolean {
    const b = this.b;
    const i = this.bufStart;
    return b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf;
  }

  private skipBlanks(): void {
    this.cache(1);
    while (this.isBlank()) {
      this.skip();
      this.cache(1);
    }
  }

  private skipComment(): void {
    if (this.c() === 0x23) {
      while (!this.isBreakz()) {
        this.skip();
        this.cache(1);
      }
    }
  }

  private scanDirective(): Token {
    const start = this.here();
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === "YAML") {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = { type: T.VERSION_DIRECTIVE, start, major, minor };
    } else if (name === "TAG") {
      const [handle, prefix] = this.scanTagDirectiveValue(start);
      token = { type: T.TAG_DIRECTIVE, start, value: handle, suffix: prefix };
    } else {
      this.error("found unknown directive name", start);
    }
    this.skipBlanks();
    this.skipComment();
    if (!this.isBreakz()) this.error("did not find expected comment or line break", start);
    if (this.isBreak()) {
      this.cache(2);
      this.skipLine();
    }
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    this.cache(1);
    let s = "";
    while (isAlpha(this.c())) {
      s += String.fromCharCode(this.c());
      this.skip();
      this.cache(1);
    }
    if (s.length === 0) this.error("could not find expected directive name", start);
    if (!this.isBlankz()) this.error("found unexpected non-alphabetical character", start);
    return s;
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    this.skipBlanks();
    const major = this.scanVersionDirectiveNumber(start);
    if (this.c() !== 0x2e) this.error("did not find expected digit or '.' character", start);
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    this.cache(1);
    let value = 0;
    let length = 0;
    while (this.c() >= 0x30 && this.c() <= 0x39) {
      length++;
      if (length > 2) this.error("found extremely long version number", start);
      value = value * 10 + (this.c() - 0x30);
      this.skip();
      this.cache(1);
    }
    if (length === 0) this.error("did not find expected version number", start);
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    this.skipBlanks();
    const handle = this.scanTagHandle(true, start);
    this.cache(1);
    if (!this.isBlank()) this.error("did not find expected whitespace", start);
    this.skipBlanks();
    const prefix = this.scanTagURI(true, "", start);
    this.cache(1);
    if (!this.isBlankz()) this.error("did not find expected whitespace or line break", start);
    return [handle, prefix];
  }

  private scanAnchor(type: number): Token {
    const start = this.here();
    this.skip();
    this.cache(1);
    let s = "";
    while (isAlpha(this.c())) {
      s += String.fromCharCode(this.c());
      this.skip();
      this.cache(1);
    }
    if (s.length === 0 || !(this.isBlankz() || ANCHOR_END.has(this.c()))) {
      this.error("did not find expected alphabetic or numeric character", start);
    }
    return { type, start, value: s };
  }

  private scanTag(): Token {
    const start = this.here();
    this.cache(2);
    let handle: string;
    let suffix: string;
    if (this.c(1) === 0x3c) {
      handle = "";
      this.skip();
      this.skip();
      suffix = this.scanTagURI(false, "", start);
      if (this.c() !== 0x3e) this.error("did not find the expected '>'", start);
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle[0] === "!" && handle.length > 1 && handle[handle.length - 1] === "!") {
        suffix = this.scanTagURI(false, "", start);
      } else {
        suffix = this.scanTagURI(false, handle, start);
        handle = "!";
        if (suffix.length === 0) [handle, suffix] = [suffix, handle];
      }
    }
    this.cache(1);
    if (!this.isBlankz()) this.error("did not find expected whitespace or line break", start);
    return { type: T.TAG, start, value: handle, suffix };
  }

  private scanTagHandle(_directive: boolean, start: Mark): string {
    this.cache(1);
    if (this.c() !== 0x21) this.error("did not find expected '!'", start);
    let s = "!";
    this.skip();
    this.cache(1);
    while (isAlpha(this.c())) {
      s += String.fromCharCode(this.c());
      this.skip();
      this.cache(1);
    }
    if (this.c() === 0x21) {
      s += "!";
      this.skip();
    } else if (_directive && s !== "!") {
      this.error("did not find expected '!'", start);
    }
    return s;
  }

  private scanTagURI(directive: boolean, head: string, start: Mark): string {
    let hasTag = head.length > 0;
    let s = head.length > 1 ? head.slice(1) : "";
    this.cache(1);
    for (;;) {
      const c = this.c();
      if (!(isAlpha(c) || URI_CHARS.has(c))) break;
      if (c === 0x25) s += this.scanURIEscapes(directive, start);
      else {
        s += String.fromCharCode(c);
        this.skip();
      }
      this.cache(1);
      hasTag = true;
    }
    if (!hasTag) this.error("did not find expected tag URI", start);
    return s;
  }

  private scanURIEscapes(_directive: boolean, start: Mark): string {
    let w = 1024;
    let s = "";
    while (w > 0) {
      this.cache(3);
      if (!(this.c() === 0x25 && isHex(this.c(1)) && isHex(this.c(2))))
        this.error("did not find URI escaped octet", start);
      const octet = (asHex(this.c(1)) << 4) + asHex(this.c(2));
      if (w === 1024) {
        w = width(octet);
        if (w === 0) this.error("found an incorrect leading UTF-8 octet", start);
      } else if ((octet & 0xc0) !== 0x80) {
        this.error("found an incorrect trailing UTF-8 octet", start);
      }
      s += "%";
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    return s;
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.here();
    this.skip();
    this.cache(1);
    let increment = 0;
    let chomping = 0;
    const isDigit = () => this.c() >= 0x30 && this.c() <= 0x39;
    if (this.c() === 0x2b || this.c() === 0x2d) {
      chomping = this.c() === 0x2b ? 1 : -1;
      this.skip();
      this.cache(1);
      if (isDigit()) {
        if (this.c() === 0x30) this.error("found an indentation indicator equal to 0", start);
        increment = this.c() - 0x30;
        this.skip();
      }
    } else if (isDigit()) {
      if (this.c() === 0x30) this.error("found an indentation indicator equal to 0", start);
      increment = this.c() - 0x30;
      this.skip();
      this.cache(1);
      if (this.c() === 0x2b || this.c() === 0x2d) {
        chomping = this.c() === 0x2b ? 1 : -1;
        this.skip();
      }
    }
    this.skipBlanks();
    this.skipComment();
    if (!this.isBreakz()) this.error("did not find expected comment or line break", start);
    if (this.isBreak()) {
      this.cache(2);
      this.skipLine();
    }
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;
    const [s, leadingBreak, trailingBreaks] = this.buffers();
    indent = this.scanBlockScalarBreaks(indent, trailingBreaks, start);
    this.cache(1);
    let leadingBlank = false;
    while (this.mark.column === indent && this.c() !== 0) {
      const trailingBlank = this.isBlank();
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.n > 0 && leadingBreak.a[0] === 0x0a) {
        if (trailingBreaks.n === 0) s.push(0x20);
      } else s.append(leadingBreak);
      leadingBreak.n = 0;
      s.append(trailingBreaks);
      trailingBreaks.n = 0;
      leadingBlank = this.isBlank();
      const from = this.pos;
      while (!this.isBreakz()) {
        this.skip();
        this.cache(1);
      }
      s.pushRange(this.b, from, this.pos);
      this.cache(2);
      this.readLine(leadingBreak);
      indent = this.scanBlockScalarBreaks(indent, trailingBreaks, start);
    }
    if (chomping !== -1) s.append(leadingBreak);
    if (chomping === 1) s.append(trailingBreaks);
    return { type: T.SCALAR, start, value: s.toString(), style: literal ? STYLE.LITERAL : STYLE.FOLDED };
  }

  private scanBlockScalarBreaks(indent: number, breaks: Bytes, start: Mark): number {
    let maxIndent = 0;
    for (;;) {
      this.cache(1);
      while ((indent === 0 || this.mark.column < indent) && this.c() === 0x20) {
        this.skip();
        this.cache(1);
      }
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((indent === 0 || this.mark.column < indent) && this.c() === 0x09)
        this.error("found a tab character where an indentation space is expected", start);
      if (!this.isBreak()) break;
      this.cache(2);
      this.readLine(breaks);
    }
    if (indent === 0) {
      indent = maxIndent;
      if (indent < this.indent + 1) indent = this.indent + 1;
      if (indent < 1) indent = 1;
    }
    return indent;
  }

  private atDocumentIndicator(): boolean {
    const c = this.c();
    return (
      this.mark.column === 0 &&
      ((c === 0x2d && this.c(1) === 0x2d && this.c(2) === 0x2d) ||
        (c === 0x2e && this.c(1) === 0x2e && this.c(2) === 0x2e)) &&
      this.isBlankz(3)
    );
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.here();
    this.skip();
    const [s, leadingBreak, trailingBreaks, whitespaces] = this.buffers();
    for (;;) {
      this.cache(4);
      if (this.atDocumentIndicator()) this.error("found unexpected document indicator", start);
      if (this.c() === 0) this.error("found unexpected end of stream", start);
      let leadingBlanks = false;
      while (!this.isBlankz()) {
        const c = this.c();
        if (single && c === 0x27 && this.c(1) === 0x27) {
          s.push(0x27);
          this.skip();
          this.skip();
        } else if (single && c === 0x27) break;
        else if (!single && c === 0x22) break;
        else if (!single && c === 0x5c && this.isBreak(1)) {
          this.cache(3);
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === 0x5c) {
          let codeLength = 0;
          const e = ESCAPES[this.c(1)];
          if (e !== undefined) {
            if (typeof e === "number") codeLength = e;
            else for (const x of e) s.push(x);
          } else this.error("found unknown escape character", start);
          this.skip();
          this.skip();
          if (codeLength > 0) {
            this.cache(codeLength);
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              if (!isHex(this.c(k))) this.error("did not find expected hexdecimal number", start);
              value = value * 16 + asHex(this.c(k));
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
              this.error("found invalid Unicode character escape code", start);
            pushRune(s, value);
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else {
          this.read(s);
        }
        this.cache(2);
      }
      this.cache(1);
      if (this.c() === (single ? 0x27 : 0x22)) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces.n = 0;
            this.readLine(leadingBreak);
            leadingBlanks = true;
          } else this.readLine(trailingBreaks);
        }
        this.cache(1);
      }
      if (leadingBlanks) {
        if (leadingBreak.n > 0 && leadingBreak.a[0] === 0x0a) {
          if (trailingBreaks.n === 0) s.push(0x20);
          else s.append(trailingBreaks);
        } else {
          s.append(leadingBreak);
          s.append(trailingBreaks);
        }
        trailingBreaks.n = 0;
        leadingBreak.n = 0;
      } else {
        s.append(whitespaces);
        whitespaces.n = 0;
      }
    }
    this.skip();
    return { type: T.SCALAR, start, value: s.toString(), style: single ? STYLE.SINGLE : STYLE.DOUBLE };
  }

  private scanPlainScalar(): Token {
    const [s, leadingBreak, trailingBreaks, whitespaces] = this.buffers();
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = this.here();
    for (;;) {
      this.cache(4);
      if (this.atDocumentIndicator()) break;
      if (this.c() === 0x23) break;
      while (!this.isBlankz()) {
        const c = this.c();
        if (
          (c === 0x3a && this.isBlankz(1)) ||
          (this.flowLevel > 0 &&
            (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
        )
          break;
        if (leadingBlanks || whitespaces.n > 0) {
          if (leadingBlanks) {
            if (leadingBreak.a[0] === 0x0a) {
              if (trailingBreaks.n === 0) s.push(0x20);
              else s.append(trailingBreaks);
            } else {
              s.append(leadingBreak);
              s.append(trailingBreaks);
            }
            trailingBreaks.n = 0;
            leadingBreak.n = 0;
            leadingBlanks = false;
          } else {
            s.append(whitespaces);
            whitespaces.n = 0;
          }
        }
        this.read(s);
        this.cache(2);
      }
      if (!(this.isBlank() || this.isBreak())) break;
      this.cache(1);
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.mark.column < indent && this.c() === 0x09)
            this.error("found a tab character that violates indentation", start);
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces.n = 0;
            this.readLine(leadingBreak);
            leadingBlanks = true;
          } else this.readLine(trailingBreaks);
        }
        this.cache(1);
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: T.SCALAR, start, value: s.toString(), style: STYLE.PLAIN };
  }
}
