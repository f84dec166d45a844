// A fast path for the action shapes that make up most of real charts
// ({{ .Values.a.b }}, {{- include "x" . | nindent 4 }}, {{ .Values.x | quote }},
// the pipelines of if/with/range, {{- end }}, {{- else }}): one scan over the
// action's characters builds the nodes the general lexer and parser would build
// (same positions, same lines) without making a token per word. Anything it is
// not sure of (parentheses, declarations, escapes, keywords, non-ASCII words,
// newlines, unknown functions, every error) makes it return null having changed
// nothing, and the general parser takes the action from the same place.
import { type Item, type Lexer, T } from "./lexer.ts";
import {
  BoolNode,
  CommandNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  N,
  type Node,
  NumberNode,
  PipeNode,
  StringNode,
  TextNode,
  type TreeInfo,
  VariableNode,
} from "./nodes.ts";

/** What the scan needs from the parser. */
export interface FastHost {
  readonly lex: Lexer;
  readonly t: TreeInfo;
  hasFunction(name: string): boolean;
  /** Variables in scope ($ first). */
  readonly vars: string[];
}

/** Switch for tests that compare the fast path against the general parser. */
export const fastParse = { enabled: true };

// Words the lexer turns into keywords (or bools): the general parser handles them.
const KEYWORD_WORDS = new Set([
  "block",
  "break",
  "continue",
  "define",
  "else",
  "end",
  "if",
  "range",
  "nil",
  "template",
  "with",
]);

function isWordChar(c: number): boolean {
  return c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isLetter(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// Runs of characters are scanned by sticky regular expressions: one native
// call per word instead of a call per character in V8's interpreter, where a
// cold parse runs.
const SPACES = /[ \t\r]*/y;
const WORD = /[A-Za-z0-9_]*/y;
const CHAIN = /(?:\.[A-Za-z_][A-Za-z0-9_]*)+/y;
const STRING = /"[^"\\\n]*"/y;

/** Skips the spaces the lexer folds into one Space item; a newline is left to the general path (line counting). */
function isFlatSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
function skipFlatSpaces(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return i;
  SPACES.lastIndex = i + 1;
  SPACES.test(s);
  return SPACES.lastIndex;
}
function skipWord(s: string, i: number): number {
  WORD.lastIndex = i;
  WORD.test(s);
  return WORD.lastIndex;
}

/**
 * The index of the right delimiter's "}}" if the action ends at i (after its
 * spaces were skipped from `spaceStart`), else -1. " -}}" needs the space
 * before the marker, as the lexer's trim rule does.
 */
function closeAt(s: string, spaceStart: number, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x7d) return s.charCodeAt(i + 1) === 0x7d ? i : -1;
  if (c === 0x2d && i > spaceStart && s.charCodeAt(i + 1) === 0x7d && s.charCodeAt(i + 2) === 0x7d)
    return i + 1;
  return -1;
}

/** Returns the "}}" index closing a keyword-only action ({{- end }}) starting at i, or -1. */
function closeAfterSpaces(s: string, i: number): number {
  return closeAt(s, i, skipFlatSpaces(s, i));
}

/**
 * Moves the lexer past the right delimiter whose "}}" is at `close` (and past
 * the spaces a " -}}" trims), as lexRightDelim leaves it.
 */
function finishAction(lex: Lexer, close: number): void {
  const s = lex.input;
  let p = close + 2;
  if (s.charCodeAt(close - 1) === 0x2d) {
    while (p < s.length) {
      const c = s.charCodeAt(p);
      if (c === 0x0a) lex.line++;
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
      p++;
    }
  }
  lex.pos = p;
  lex.start = p;
  lex.startLine = lex.line;
  lex.insideAction = false;
}

/**
 * Result of a fast scan: the node, and the item the general parser would have
 * read last (its line goes into parse errors), or, when `pending`, the item it
 * would have peeked at and not yet taken.
 */
export interface FastResult {
  node: Node;
  item: Item;
  pending: boolean;
}

function rightDelim(close: number, line: number): Item {
  return { typ: T.RightDelim, pos: close, val: "}}", line };
}

function usable(lex: Lexer): boolean {
  return (
    fastParse.enabled &&
    lex.insideAction &&
    lex.parenDepth === 0 &&
    lex.start === lex.pos &&
    lex.rightDelim === "}}" &&
    lex.leftDelim === "{{"
  );
}

// "if", "with" and "range" (the control words a fast scan takes), and the item types they lex as.
const CONTROL = /(if|with|range)[ \t\r]/y;
const CONTROL_TYPE: Record<string, T> = { if: T.If, with: T.With, range: T.Range };

/**
 * `{{- end }}`, `{{ else }}` and `{{ else if ...`/`{{ else with ...`, with the
 * lexer just after the left delimiter. end and else carry the position of the
 * closing delimiter, as the general parser's expect(RightDelim) gives them; an
 * else-if carries its "if", left pending for the parser as elseControl leaves it.
 */
export function fastEndOrElse(h: FastHost): FastResult | null {
  const lex = h.lex;
  if (!usable(lex)) return null;
  const s = lex.input;
  const i = skipFlatSpaces(s, lex.pos);
  const line = lex.line;
  let close = -1;
  if (s.startsWith("end", i)) {
    close = closeAfterSpaces(s, i + 3);
    if (close < 0) return null;
    finishAction(lex, close);
    return { node: new EndNode(h.t, close), item: rightDelim(close, line), pending: false };
  }
  if (!s.startsWith("else", i)) return null;
  close = closeAfterSpaces(s, i + 4);
  if (close >= 0) {
    finishAction(lex, close);
    return { node: new ElseNode(h.t, close, line), item: rightDelim(close, line), pending: false };
  }
  const k = skipFlatSpaces(s, i + 4);
  if (k === i + 4) return null;
  CONTROL.lastIndex = k;
  if (!CONTROL.test(s)) return null;
  const end = CONTROL.lastIndex - 1;
  const word = s.slice(k, end);
  if (word === "range") return null;
  lex.pos = end;
  lex.start = end;
  return {
    node: new ElseNode(h.t, k, line),
    item: { typ: CONTROL_TYPE[word]!, pos: k, val: word, line },
    pending: true,
  };
}

/** What fastText took: the text before an action (if any) and the line of its "{{". */
export interface FastText {
  text: TextNode | null;
  /** Position of the first item taken (the text, else the "{{"), for a list that starts there. */
  pos: number;
  delimLine: number;
}

function isSpaceChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/**
 * Text up to the next action and its left delimiter (with its trim marker),
 * as lexText and lexLeftDelim take them, without making their items: leaves
 * the lexer inside the action. Returns null, having changed nothing, at the
 * end of the input, before a comment, and (when `top`) before what may be a
 * define, whose lookahead the general parser needs.
 */
export function fastText(h: FastHost, top: boolean): FastText | null {
  const lex = h.lex;
  if (!fastParse.enabled || lex.insideAction || lex.start !== lex.pos || lex.leftDelim !== "{{") return null;
  const s = lex.input;
  const p = lex.pos;
  const x = s.indexOf("{{", p);
  if (x < 0) return null;
  let after = x + 2;
  const trim = s.charCodeAt(after) === 0x2d && isSpaceChar(s.charCodeAt(after + 1));
  if (trim) after += 2;
  if (s.charCodeAt(after) === 0x2f && s.charCodeAt(after + 1) === 0x2a) return null;
  if (top) {
    let k = after;
    while (isSpaceChar(s.charCodeAt(k))) k++;
    if (s.startsWith("define", k)) return null;
  }
  let textEnd = x;
  if (trim) while (textEnd > p && isSpaceChar(s.charCodeAt(textEnd - 1))) textEnd--;
  const text = textEnd > p ? new TextNode(h.t, p, s.slice(p, textEnd)) : null;
  // Lines: the delimiter's is after the text's newlines; a marker "-\n" adds one more for what follows.
  let delimLine = lex.line;
  for (let i = s.indexOf("\n", p); i >= 0 && i < x; i = s.indexOf("\n", i + 1)) delimLine++;
  lex.line = delimLine + (trim && s.charCodeAt(after - 1) === 0x0a ? 1 : 0);
  lex.pos = after;
  lex.start = after;
  lex.startLine = lex.line;
  lex.insideAction = true;
  lex.parenDepth = 0;
  return { text, pos: text !== null ? p : x, delimLine };
}

/**
 * `{{ if `, `{{- with `, `{{ range ` with the lexer just after the left
 * delimiter: takes the word as the lexer would and returns its item (the
 * parser then parses the clause, its pipeline through fastPipeline).
 */
export function fastControl(h: FastHost): Item | null {
  const lex = h.lex;
  if (!usable(lex)) return null;
  const s = lex.input;
  const i = skipFlatSpaces(s, lex.pos);
  CONTROL.lastIndex = i;
  if (!CONTROL.test(s)) return null;
  const end = CONTROL.lastIndex - 1;
  const word = s.slice(i, end);
  lex.pos = end;
  lex.start = end;
  return { typ: CONTROL_TYPE[word]!, pos: i, val: word, line: lex.line };
}

/**
 * A pipeline ending at the right delimiter (an action's, or an if/with/range
 * clause's), with the lexer at its first character. Handles a leading
 * declaration or assignment of one variable, then commands separated by pipes
 * whose operands (separated by spaces) are fields, $ variables in scope (with
 * fields), dot, known functions, plain strings, small decimal numbers, bools
 * and parenthesized pipelines of the same kind.
 */
export function fastPipeline(h: FastHost): FastResult | null {
  const lex = h.lex;
  if (!usable(lex)) return null;
  const line = lex.line;
  const nvars = h.vars.length;
  const pipe = scanPipeline(h, lex.input, skipFlatSpaces(lex.input, lex.pos), 0);
  if (pipe === null) {
    h.vars.length = nvars; // a declaration seen before giving up
    return null;
  }
  finishAction(lex, scanClose);
  return { node: pipe, item: rightDelim(scanClose, line), pending: false };
}

// Where the last scanPipeline ended: the "}}" of an action, or just after a ")".
let scanClose = 0;
// Deeper parentheses go to the general parser (which has Go's depth limit).
const MAX_FAST_DEPTH = 50;

/** A pipeline from i (at its first token), inside `depth` parentheses; null when unsure. */
function scanPipeline(h: FastHost, s: string, i: number, depth: number): PipeNode | null {
  const t = h.t;
  const pipe = new PipeNode(t, i, h.lex.line);
  if (depth === 0 && s.charCodeAt(i) === 0x24) i = scanDecl(h, s, i, pipe);
  if (i < 0) return null;
  for (;;) {
    // One command: operands separated by spaces, up to "|" or the end.
    const cmdPos = i;
    const args: Node[] = [];
    let done = false;
    for (;;) {
      const start = i;
      const c = s.charCodeAt(i);
      let node: Node;
      if (c === 0x2e) {
        // "." alone is dot; ".a.b" one field node, positioned at its second part as Go's chain fold does.
        const c1 = s.charCodeAt(i + 1);
        if (isLetter(c1)) {
          i = scanChain(s, i);
          if (i < 0) return null;
          node = new FieldNode(t, chainPos, chainIdent);
        } else {
          i++;
          node = new DotNode(t, start);
        }
      } else if (c === 0x24) {
        // $ or $name, maybe with fields; other declarations go to the general parser.
        const nameEnd = skipWord(s, i + 1);
        if (s.charCodeAt(nameEnd) >= 0x80) return null;
        const name = s.slice(i, nameEnd);
        if (!h.vars.includes(name)) return null;
        if (pipe.cmds.length === 0 && args.length === 0 && looksLikeDecl(s, nameEnd)) return null;
        if (s.charCodeAt(nameEnd) === 0x2e) {
          if (!isLetter(s.charCodeAt(nameEnd + 1))) return null;
          i = scanChain(s, nameEnd);
          if (i < 0) return null;
          chainIdent.unshift(name);
          // Go positions a variable's folded fields at the first of them.
          node = new VariableNode(t, nameEnd, chainIdent);
        } else {
          i = nameEnd;
          node = new VariableNode(t, start, [name]);
        }
      } else if (c === 0x22) {
        // A string without escapes: its text is its body.
        STRING.lastIndex = i;
        if (!STRING.test(s)) return null;
        i = STRING.lastIndex;
        const quoted = s.slice(start, i);
        node = new StringNode(t, start, quoted, quoted.slice(1, -1));
      } else if (c >= 0x30 && c <= 0x39) {
        // Decimal integers that a double holds exactly; no leading zero (octal), no suffixes.
        const end = skipWord(s, i);
        if (end - i > 15 || (c === 0x30 && end - i > 1)) return null;
        for (let k = i; k < end; k++) {
          const d = s.charCodeAt(k);
          if (d < 0x30 || d > 0x39) return null;
        }
        if (s.charCodeAt(end) === 0x2e) return null;
        i = end;
        node = numberNode(t, start, s.slice(start, end));
      } else if (isLetter(c)) {
        const end = skipWord(s, i);
        const d = s.charCodeAt(end);
        if (d === 0x2e || d >= 0x80) return null;
        const word = s.slice(i, end);
        if (word === "true" || word === "false") {
          node = new BoolNode(t, start, word === "true");
        } else {
          if (KEYWORD_WORDS.has(word) || !h.hasFunction(word)) return null;
          node = new IdentifierNode(t, start, word);
        }
        i = end;
      } else if (c === 0x28) {
        // A parenthesized pipeline is an operand; one followed by ".field" is a chain (general path).
        if (depth >= MAX_FAST_DEPTH) return null;
        const inner = scanPipeline(h, s, skipFlatSpaces(s, i + 1), depth + 1);
        if (inner === null) return null;
        i = scanClose;
        if (s.charCodeAt(i) === 0x2e) return null;
        node = inner;
      } else {
        return null;
      }
      args.push(node);
      // After an operand: spaces, then another operand, "|" or the end.
      const spaceStart = i;
      i = skipFlatSpaces(s, i);
      const e = s.charCodeAt(i);
      if (e === 0x7c) {
        i = skipFlatSpaces(s, i + 1);
        break;
      }
      if (depth > 0) {
        if (e === 0x29) {
          scanClose = i + 1;
          done = true;
          break;
        }
      } else {
        const close = closeAt(s, spaceStart, i);
        if (close >= 0) {
          scanClose = close;
          done = true;
          break;
        }
      }
      if (i === spaceStart) return null; // operands must be separated by spaces
      if (e !== 0x2e && e !== 0x24 && e !== 0x22 && e !== 0x28 && !isWordChar(e)) return null;
    }
    if (pipe.cmds.length > 0 && nonExecutable(args[0]!)) return null;
    const cmd = new CommandNode(t, cmdPos);
    cmd.args = args;
    pipe.cmds.push(cmd);
    if (done) return pipe;
  }
}

/**
 * `$x := ` or `$x = ` at i: records the variable as the pipeline's declaration
 * (in scope from here on, as Go's parser has it) and returns where the
 * commands start; i unchanged when it is no declaration, -1 when unsure.
 */
function scanDecl(h: FastHost, s: string, i: number, pipe: PipeNode): number {
  const nameEnd = skipWord(s, i + 1);
  const k = skipFlatSpaces(s, nameEnd);
  const c = s.charCodeAt(k);
  if (c !== 0x3a && c !== 0x3d && c !== 0x2c) return i;
  if (c === 0x2c || nameEnd === i + 1 || s.charCodeAt(nameEnd) >= 0x80) return -1;
  const assign = c === 0x3d;
  if (!assign && s.charCodeAt(k + 1) !== 0x3d) return -1;
  const opEnd = assign ? k + 1 : k + 2;
  if (!isFlatSpace(s.charCodeAt(opEnd))) return -1;
  const name = s.slice(i, nameEnd);
  pipe.isAssign = assign;
  pipe.decl.push(new VariableNode(h.t, i, [name]));
  h.vars.push(name);
  return skipFlatSpaces(s, opEnd);
}

function nonExecutable(n: Node): boolean {
  switch (n.type) {
    case N.Bool:
    case N.Dot:
    case N.Nil:
    case N.Number:
    case N.String:
      return true;
  }
  return false;
}

/** After a variable: would the general parser see ":=", "=" or "," next? */
function looksLikeDecl(s: string, i: number): boolean {
  const c = s.charCodeAt(skipFlatSpaces(s, i));
  return c === 0x3a || c === 0x3d || c === 0x2c;
}

// scanChain's results besides the end (module state: no object per chain).
let chainIdent: string[] = [];
let chainPos = 0;

/**
 * ".a.b.c" from i (at the first "."): returns its end, or -1 when the general
 * path must decide (".a.", ".a.0", non-ASCII letters). Leaves the parts in
 * chainIdent, and in chainPos the position Go gives a folded chain (its second
 * part's, else the first's).
 */
function scanChain(s: string, i: number): number {
  CHAIN.lastIndex = i;
  if (!CHAIN.test(s)) return -1;
  const end = CHAIN.lastIndex;
  const c = s.charCodeAt(end);
  if (c === 0x2e || c >= 0x80) return -1;
  chainIdent = s.slice(i + 1, end).split(".");
  chainPos = chainIdent.length > 1 ? i + 1 + chainIdent[0]!.length : i;
  return end;
}

/** A decimal literal's node, with every interpretation the general parser finds for it. */
function numberNode(t: TreeInfo, pos: number, text: string): NumberNode {
  const n = new NumberNode(t, pos, text);
  const v = Number(text);
  const b = BigInt(v);
  n.isInt = n.isUint = n.isFloat = true;
  n.int64 = b;
  n.uint64 = b;
  n.float64 = v;
  return n;
}
