// A fast path for the action shapes that make up most of real charts
// ({{ .Values.a.b }}, {{- include "x" . | nindent 4 }}, {{ .Values.x | quote }},
// the pipelines of if/with/range, {{- end }}, {{- else }}, {{ template "x" . }},
// {{- define "x" -}}): one scan over the action's characters builds the nodes
// the general lexer and parser would build (same positions, same lines)
// without making a token per word. Anything it is not sure of (declarations
// of two variables, escapes, non-ASCII words, newlines inside an action,
// unknown functions, every error) makes it return null having changed
// nothing, and the general parser takes the action from the same place.
//
// The parse runs cold (a few thousand calls per function, in V8's
// interpreter and baseline code), where every call, builtin call and
// allocation counts: an action is taken by one call from the parser, results
// besides the node go through module state or straight into the parser's
// token slots, and String.prototype.split (a runtime call) is avoided.
import { type Item, type Lexer, T } from "./lexer.ts";
import { unquoteString } from "./literals.ts";
import {
  ActionNode,
  BoolNode,
  ChainNode,
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
  TemplateNode,
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
  /** The parser's lookahead: a fast scan leaves its last item in token[0], as if lexed. */
  token: Item[];
  peekCount: number;
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

// Runs of characters are scanned by sticky regular expressions: one native
// call per word instead of a call per character.
const SPACES = /[ \t\r]*/y;
const WORD = /[A-Za-z0-9_]*/y;
const CHAIN = /(?:\.[A-Za-z_][A-Za-z0-9_]*)+/y;
const STRING = /"[^"\\\n]*"/y;
// A quoted string as the lexer takes it (a backslash escapes any character but a newline).
const ESCAPED_STRING = /"(?:[^"\\\n]|\\[^\n])*"/y;
// "if", "with" and "range" followed by a space (the control words a fast scan takes).
const CONTROL = /(?:if|with|range)[ \t\r]/y;

function isLetter(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isSpaceChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** Skips the spaces the lexer folds into one Space item; a newline is left to the general path (line counting). */
function skipFlatSpaces(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return i;
  SPACES.lastIndex = i + 1;
  SPACES.test(s);
  return SPACES.lastIndex;
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

/**
 * Moves the lexer past the right delimiter whose "}}" is at `close` (and past
 * the spaces a " -}}" trims), as lexRightDelim leaves it, and makes that
 * delimiter (on line `line`) the parser's last item.
 */
function finishAction(h: FastHost, close: number, line: number): void {
  const lex = h.lex;
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
  h.token[0] = { typ: T.RightDelim, pos: close, val: "}}", line };
  h.peekCount = 0;
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

// What fastText took besides the text node: the "{{" position (-1 at the end of the input) and line.
export let fastDelimPos = 0;
export let fastDelimLine = 0;
/** fastText's result when it took a delimiter with no text before it. */
export const NO_TEXT = null;
/** The name of the define fastText took (its "}}" taken too), else null. */
export let fastDefineName: string | null = null;

/**
 * Text up to the next action and its left delimiter (with its trim marker),
 * as lexText and lexLeftDelim take them, without making their items: leaves
 * the lexer inside the action, and returns the text node (NO_TEXT if none);
 * after the last action or before a comment, the text (fastDelimPos -1).
 * False, having changed nothing, at the end of the input. At the top level (`top`), a define is taken whole when it is
 * `{{ define "name" }}` on one line (fastDefineName), else left to the
 * general parser, whose lookahead decides it.
 */
export function fastText(h: FastHost, top: boolean): TextNode | null | false {
  const lex = h.lex;
  if (!fastParse.enabled || lex.insideAction || lex.start !== lex.pos || lex.leftDelim !== "{{") return false;
  const s = lex.input;
  const p = lex.pos;
  const x = s.indexOf("{{", p);
  if (x < 0) return fastTail(h, s, p);
  let after = x + 2;
  const trim = s.charCodeAt(after) === 0x2d && isSpaceChar(s.charCodeAt(after + 1));
  if (trim) after += 2;
  if (s.charCodeAt(after) === 0x2f && s.charCodeAt(after + 1) === 0x2a) {
    return fastComment(h, top, s, p, x, after, trim);
  }
  fastDefineName = null;
  let defineClose = -1;
  if (top) {
    let k = after;
    let c = s.charCodeAt(k);
    while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) c = s.charCodeAt(++k);
    if (c === 0x64 && s.startsWith("define", k)) {
      defineClose = scanDefine(s, after);
      if (defineClose < 0) return false;
    }
  }
  let textEnd = x;
  if (trim) {
    let c = s.charCodeAt(textEnd - 1);
    while (textEnd > p && (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d))
      c = s.charCodeAt(--textEnd - 1);
  }
  const text = textEnd > p ? new TextNode(h.t, p, s.slice(p, textEnd)) : NO_TEXT;
  // Lines: the delimiter's is after the text's newlines; a marker "-\n" adds one more for what follows.
  let line = lex.line;
  for (let i = s.indexOf("\n", p); i >= 0 && i < x; i = s.indexOf("\n", i + 1)) line++;
  fastDelimPos = x;
  fastDelimLine = line;
  lex.line = line + (trim && s.charCodeAt(after - 1) === 0x0a ? 1 : 0);
  lex.pos = after;
  lex.start = after;
  lex.startLine = lex.line;
  lex.insideAction = true;
  lex.parenDepth = 0;
  if (defineClose >= 0) {
    // The general parser's last items: the child's is the "}}", the parent's the keyword.
    const defineLine = lex.line;
    finishAction(h, defineClose, defineLine);
    fastDefineDelim = h.token[0]!;
    h.token[0] = { typ: T.Define, pos: definePos, val: "define", line: defineLine };
    fastDefineName = defineName;
  }
  return text;
}

/**
 * A comment at x ({{/* ... *\/}}, its body at `after`), which the lexer drops:
 * returns the text before it (fastDelimPos -1: no action follows), or when
 * there is none, what follows it. False, having changed nothing, when it is
 * no well-formed comment (the general lexer's errors).
 */
function fastComment(
  h: FastHost,
  top: boolean,
  s: string,
  p: number,
  x: number,
  after: number,
  trim: boolean,
): TextNode | null | false {
  const lex = h.lex;
  if (lex.options.emitComment) return false;
  const close = s.indexOf("*/", after + 2);
  if (close < 0) return false;
  let q = close + 2;
  const c = s.charCodeAt(q);
  const trimAfter = (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) && s.charCodeAt(q + 1) === 0x2d;
  if (trimAfter) q += 2;
  if (s.charCodeAt(q) !== 0x7d || s.charCodeAt(q + 1) !== 0x7d) return false;
  q += 2;
  if (trimAfter) {
    let d = s.charCodeAt(q);
    while (d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d) d = s.charCodeAt(++q);
  }
  let textEnd = x;
  if (trim) {
    let d = s.charCodeAt(textEnd - 1);
    while (textEnd > p && (d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d))
      d = s.charCodeAt(--textEnd - 1);
  }
  let line = lex.line;
  for (let i = s.indexOf("\n", p); i >= 0 && i < q; i = s.indexOf("\n", i + 1)) line++;
  lex.line = line;
  lex.startLine = line;
  lex.pos = q;
  lex.start = q;
  if (textEnd > p) {
    fastDelimPos = -1;
    fastDefineName = null;
    return new TextNode(h.t, p, s.slice(p, textEnd));
  }
  return fastText(h, top);
}

/** The text after the last action, as lexText takes it (fastDelimPos -1: no action follows). */
function fastTail(h: FastHost, s: string, p: number): TextNode | false {
  if (p >= s.length) return false;
  const lex = h.lex;
  let line = lex.line;
  for (let i = s.indexOf("\n", p); i >= 0; i = s.indexOf("\n", i + 1)) line++;
  lex.line = line;
  lex.startLine = line;
  lex.pos = s.length;
  lex.start = s.length;
  fastDelimPos = -1;
  fastDefineName = null;
  return new TextNode(h.t, p, s.slice(p));
}

// scanDefine's results besides the "}}" index.
let defineName = "";
let definePos = 0;
/** The "}}" item of the define fastText took: the last item of the define's own parser. */
export let fastDefineDelim: Item = { typ: T.EOF, pos: 0, val: "", line: 0 };

/** `define "name" }}` from i (after the "{{" and its marker): the "}}" index, or -1. */
function scanDefine(s: string, i: number): number {
  i = skipFlatSpaces(s, i);
  if (!s.startsWith("define", i)) return -1;
  const k = skipFlatSpaces(s, i + 6);
  if (k === i + 6) return -1;
  STRING.lastIndex = k;
  if (!STRING.test(s)) return -1;
  const end = STRING.lastIndex;
  const e = skipFlatSpaces(s, end);
  const close = closeAt(s, end, e);
  if (close < 0) return -1;
  defineName = s.slice(k + 1, end - 1);
  definePos = i;
  return close;
}

/** fastAction's result for an if/with/range keyword taken (its item is the parser's token[0]). */
export const FAST_CONTROL: unique symbol = Symbol("fast control");

/**
 * One action, with the lexer just after its left delimiter: `{{- end }}`,
 * `{{ else }}` and `{{ else if/with ...` (whose keyword is left pending, as
 * elseControl leaves it), a pipeline (an ActionNode), `{{ template "x" ... }}`,
 * or FAST_CONTROL when it took an "if", "with" or "range" whose clause the
 * parser parses next (its pipeline through fastPipeline). Null, having
 * changed nothing, for anything else.
 */
export function fastAction(h: FastHost): Node | typeof FAST_CONTROL | null {
  const lex = h.lex;
  // usable(), inline: this runs once per action.
  if (
    !fastParse.enabled ||
    !lex.insideAction ||
    lex.parenDepth !== 0 ||
    lex.start !== lex.pos ||
    lex.rightDelim !== "}}" ||
    lex.leftDelim !== "{{"
  )
    return null;
  const s = lex.input;
  let i = lex.pos;
  let c = s.charCodeAt(i);
  // Mostly one space after "{{".
  if (c === 0x20 || c === 0x09 || c === 0x0d) {
    c = s.charCodeAt(++i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) {
      i = skipFlatSpaces(s, i);
      c = s.charCodeAt(i);
    }
  }
  const line = lex.line;
  if (c === 0x65) {
    // end, else, else if, else with
    if (s.startsWith("end", i)) {
      const close = closeAt(s, i + 3, skipFlatSpaces(s, i + 3));
      if (close < 0) return null;
      finishAction(h, close, line);
      return new EndNode(h.t, close);
    }
    if (!s.startsWith("else", i)) return null;
    const k = skipFlatSpaces(s, i + 4);
    const close = closeAt(s, i + 4, k);
    if (close >= 0) {
      finishAction(h, close, line);
      return new ElseNode(h.t, close, line);
    }
    if (k === i + 4) return null;
    const typ = s.startsWith("if", k) ? T.If : s.startsWith("with", k) ? T.With : T.EOF;
    if (typ === T.EOF) return null;
    const end = k + (typ === T.If ? 2 : 4);
    const d = s.charCodeAt(end);
    if (d !== 0x20 && d !== 0x09 && d !== 0x0d) return null;
    lex.pos = end;
    lex.start = end;
    h.token[0] = { typ, pos: k, val: typ === T.If ? "if" : "with", line };
    h.peekCount = 1;
    return new ElseNode(h.t, k, line);
  }
  if (c === 0x69 || c === 0x77 || c === 0x72) {
    // if, with, range
    CONTROL.lastIndex = i;
    if (CONTROL.test(s)) {
      const end = CONTROL.lastIndex - 1;
      const typ = c === 0x69 ? T.If : c === 0x77 ? T.With : T.Range;
      lex.pos = end;
      lex.start = end;
      h.token[0] = { typ, pos: i, val: s.slice(i, end), line };
      h.peekCount = 0;
      return FAST_CONTROL;
    }
  } else if (c === 0x74 && s.startsWith("template", i)) {
    return fastTemplate(h, s, i + 8, line);
  }
  const nvars = h.vars.length;
  const pipe = scanPipeline(h, s, i, 0, false);
  if (pipe === null) {
    h.vars.length = nvars; // a declaration seen before giving up
    return null;
  }
  finishAction(h, scanClose, line);
  return new ActionNode(h.t, pipe.pos, line, pipe);
}

/** `{{ template "name" }}` or with a pipeline, from just after the keyword at `i`. */
function fastTemplate(h: FastHost, s: string, i: number, line: number): Node | null {
  const k = skipFlatSpaces(s, i);
  if (k === i) return null;
  STRING.lastIndex = k;
  if (!STRING.test(s)) return null;
  const end = STRING.lastIndex;
  const e = skipFlatSpaces(s, end);
  let pipe: PipeNode | null = null;
  let close = closeAt(s, end, e);
  if (close < 0) {
    if (e === end) return null;
    const nvars = h.vars.length;
    pipe = scanPipeline(h, s, e, 0, false);
    if (pipe === null) {
      h.vars.length = nvars;
      return null;
    }
    close = scanClose;
  }
  finishAction(h, close, line);
  return new TemplateNode(h.t, k, line, s.slice(k + 1, end - 1), pipe);
}

/**
 * A pipeline ending at the right delimiter (an if/with/range clause's, with
 * the lexer at its first character), as fastAction scans an action's.
 */
export function fastPipeline(h: FastHost, range: boolean): PipeNode | null {
  const lex = h.lex;
  if (!usable(lex)) return null;
  const line = lex.line;
  const nvars = h.vars.length;
  const pipe = scanPipeline(h, lex.input, skipFlatSpaces(lex.input, lex.pos), 0, range);
  if (pipe === null) {
    h.vars.length = nvars; // a declaration seen before giving up
    return null;
  }
  finishAction(h, scanClose, line);
  return pipe;
}

// Where the last scanPipeline ended: the "}}" of an action, or just after a ")".
let scanClose = 0;
// Deeper parentheses go to the general parser (which has Go's depth limit).
const MAX_FAST_DEPTH = 50;

/**
 * A pipeline from i (at its first token), inside `depth` parentheses; null
 * when unsure. Handles a leading declaration or assignment of one variable,
 * then commands separated by pipes whose operands (separated by spaces) are
 * fields, $ variables in scope (with fields), dot, known functions, plain
 * strings, small decimal numbers, bools and parenthesized pipelines of the
 * same kind (with fields after them: a chain).
 */
function scanPipeline(h: FastHost, s: string, i: number, depth: number, range: boolean): PipeNode | null {
  const t = h.t;
  const pipe = new PipeNode(t, i, h.lex.line);
  if (depth === 0 && s.charCodeAt(i) === 0x24) {
    i = scanDecl(h, s, i, pipe, range);
    if (i < 0) return null;
  }
  // The commands, and the current one's operands, are kept in locals and made
  // into array literals at their ends (see chainParts).
  let first: CommandNode | null = null;
  let cmds: CommandNode[] | null = null;
  let cmdPos = i;
  let n = 0;
  let a0: Node | null = null;
  let a1: Node | null = null;
  let a2: Node | null = null;
  let more: Node[] | null = null;
  for (;;) {
    // One operand.
    const start = i;
    const c = s.charCodeAt(i);
    let node: Node;
    if (c === 0x2e) {
      // "." alone is dot; ".a.b" one field node, positioned at its second part as Go's chain fold does.
      const d = s.charCodeAt(i + 1);
      if (d === 0x5f || (d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a)) {
        CHAIN.lastIndex = i;
        CHAIN.test(s);
        i = CHAIN.lastIndex;
        const d = s.charCodeAt(i);
        if (d === 0x2e || d >= 0x80) return null;
        const ident = chainParts(s, start, i, null);
        node = new FieldNode(t, ident.length > 1 ? start + 1 + ident[0]!.length : start, ident);
      } else {
        i++;
        node = new DotNode(t, start);
      }
    } else if (isLetter(c)) {
      WORD.lastIndex = i;
      WORD.test(s);
      const end = WORD.lastIndex;
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
    } else if (c === 0x22) {
      // A string: without escapes its text is its body, else Go's unquoting (an error: the general path's).
      STRING.lastIndex = i;
      if (STRING.test(s)) {
        i = STRING.lastIndex;
        node = new StringNode(t, start, s.slice(start, i), s.slice(start + 1, i - 1));
      } else {
        ESCAPED_STRING.lastIndex = i;
        if (!ESCAPED_STRING.test(s)) return null;
        i = ESCAPED_STRING.lastIndex;
        const quoted = s.slice(start, i);
        let text: string;
        try {
          text = unquoteString(quoted);
        } catch {
          return null;
        }
        node = new StringNode(t, start, quoted, text);
      }
    } else if (c === 0x24) {
      // $ or $name, maybe with fields; other declarations go to the general parser.
      WORD.lastIndex = i + 1;
      WORD.test(s);
      const nameEnd = WORD.lastIndex;
      const d = s.charCodeAt(nameEnd);
      if (d >= 0x80) return null;
      const name = s.slice(i, nameEnd);
      if (!h.vars.includes(name)) return null;
      if (first === null && n === 0 && looksLikeDecl(s, nameEnd)) return null;
      if (d === 0x2e) {
        if (!isLetter(s.charCodeAt(nameEnd + 1))) return null;
        CHAIN.lastIndex = nameEnd;
        CHAIN.test(s);
        i = CHAIN.lastIndex;
        const e = s.charCodeAt(i);
        if (e === 0x2e || e >= 0x80) return null;
        const ident = chainParts(s, nameEnd, i, name);
        // Go positions a variable's folded fields at the first of them.
        node = new VariableNode(t, nameEnd, ident);
      } else {
        i = nameEnd;
        node = new VariableNode(t, start, [name]);
      }
    } else if (c >= 0x30 && c <= 0x39) {
      // Decimal integers that a double holds exactly; no leading zero (octal), no suffixes.
      WORD.lastIndex = i;
      WORD.test(s);
      const end = WORD.lastIndex;
      if (end - i > 15 || (c === 0x30 && end - i > 1)) return null;
      for (let k = i; k < end; k++) {
        const d = s.charCodeAt(k);
        if (d < 0x30 || d > 0x39) return null;
      }
      if (s.charCodeAt(end) === 0x2e) return null;
      i = end;
      node = numberNode(t, start, s.slice(start, end));
    } else if (c === 0x28) {
      // A parenthesized pipeline is an operand; one followed by ".a.b" a chain node with those fields.
      if (depth >= MAX_FAST_DEPTH) return null;
      const inner = scanPipeline(h, s, skipFlatSpaces(s, i + 1), depth + 1, false);
      if (inner === null) return null;
      i = scanClose;
      if (s.charCodeAt(i) === 0x2e) {
        const d = s.charCodeAt(i + 1);
        if (!(d === 0x5f || (d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a))) return null;
        const from = i;
        CHAIN.lastIndex = i;
        CHAIN.test(s);
        i = CHAIN.lastIndex;
        const e = s.charCodeAt(i);
        if (e === 0x2e || e >= 0x80) return null;
        const chain = new ChainNode(t, from, inner);
        chain.field = chainParts(s, from, i, null);
        node = chain;
      } else {
        node = inner;
      }
    } else {
      return null;
    }
    if (n === 0) a0 = node;
    else if (n === 1) a1 = node;
    else if (n === 2) a2 = node;
    else if (n === 3) more = [a0!, a1!, a2!, node];
    else more!.push(node);
    n++;
    // After an operand: spaces (mostly one), then another operand, "|" or the end.
    const spaceStart = i;
    let e = s.charCodeAt(i);
    if (e === 0x20 || e === 0x09 || e === 0x0d) {
      e = s.charCodeAt(++i);
      if (e === 0x20 || e === 0x09 || e === 0x0d) {
        i = skipFlatSpaces(s, i);
        e = s.charCodeAt(i);
      }
    }
    // The command ends at "|", at the end of the pipeline, or goes on after spaces.
    let end = -1;
    if (e === 0x7c) end = i;
    else if (depth > 0) {
      if (e === 0x29) end = scanClose = i + 1;
    } else if (e === 0x7d) {
      if (s.charCodeAt(i + 1) === 0x7d) end = scanClose = i;
    } else if (e === 0x2d && i > spaceStart && s.charCodeAt(i + 1) === 0x7d && s.charCodeAt(i + 2) === 0x7d) {
      end = scanClose = i + 1; // " -}}"
    }
    if (end < 0) {
      if (i === spaceStart) return null; // operands must be separated by spaces
      continue;
    }
    // A constant after a pipe is Go's error "non executable command".
    if (first !== null && !executable(a0!)) return null;
    const cmd = new CommandNode(
      t,
      cmdPos,
      n === 1 ? [a0!] : n === 2 ? [a0!, a1!] : n === 3 ? [a0!, a1!, a2!] : more!,
    );
    if (first === null) first = cmd;
    else if (cmds === null) cmds = [first, cmd];
    else cmds.push(cmd);
    if (e !== 0x7c) {
      pipe.cmds = cmds ?? [first];
      return pipe;
    }
    i = skipFlatSpaces(s, i + 1);
    cmdPos = i;
    n = 0;
  }
}

function executable(n: Node): boolean {
  switch (n.type) {
    case N.Bool:
    case N.Dot:
    case N.Nil:
    case N.Number:
    case N.String:
      return false;
  }
  return true;
}

/**
 * The parts of the field chain ".a.b.c" at [from, end) (ASCII words, checked
 * by CHAIN), after `head` when given (a variable's name). Not split(), a
 * runtime call, and array literals: in cold code growing an array by push
 * costs several times more.
 */
function chainParts(s: string, from: number, end: number, head: string | null): string[] {
  const c = s.slice(from + 1, end);
  const d1 = c.indexOf(".");
  if (d1 < 0) return head === null ? [c] : [head, c];
  const p1 = c.slice(0, d1);
  const d2 = c.indexOf(".", d1 + 1);
  if (d2 < 0) {
    const p2 = c.slice(d1 + 1);
    return head === null ? [p1, p2] : [head, p1, p2];
  }
  const p2 = c.slice(d1 + 1, d2);
  const d3 = c.indexOf(".", d2 + 1);
  if (d3 < 0) {
    const p3 = c.slice(d2 + 1);
    return head === null ? [p1, p2, p3] : [head, p1, p2, p3];
  }
  const parts = head === null ? [p1, p2] : [head, p1, p2];
  for (let a = d2 + 1; ; ) {
    const d = c.indexOf(".", a);
    if (d < 0) {
      parts.push(c.slice(a));
      return parts;
    }
    parts.push(c.slice(a, d));
    a = d + 1;
  }
}

/**
 * `$x := ` or `$x = ` at i (in a range clause also `$k, $v := `): records the
 * variables as the pipeline's declarations (in scope from here on, as Go's
 * parser has it) and returns where the commands start; i unchanged when it
 * is no declaration, -1 when unsure.
 */
function scanDecl(h: FastHost, s: string, i: number, pipe: PipeNode, range: boolean): number {
  WORD.lastIndex = i + 1;
  WORD.test(s);
  let nameEnd = WORD.lastIndex;
  let k = skipFlatSpaces(s, nameEnd);
  let c = s.charCodeAt(k);
  if (c !== 0x3a && c !== 0x3d && c !== 0x2c) return i;
  if (nameEnd === i + 1 || s.charCodeAt(nameEnd) >= 0x80) return -1;
  if (c === 0x2c) {
    // Range's pair: the first variable, then the second with the operator.
    if (!range) return -1;
    const j = skipFlatSpaces(s, k + 1);
    if (s.charCodeAt(j) !== 0x24) return -1;
    const first = s.slice(i, nameEnd);
    pipe.decl.push(new VariableNode(h.t, i, [first]));
    h.vars.push(first);
    i = j;
    WORD.lastIndex = i + 1;
    WORD.test(s);
    nameEnd = WORD.lastIndex;
    k = skipFlatSpaces(s, nameEnd);
    c = s.charCodeAt(k);
    if (c !== 0x3a && c !== 0x3d) return -1;
    if (nameEnd === i + 1 || s.charCodeAt(nameEnd) >= 0x80) return -1;
  }
  const assign = c === 0x3d;
  if (!assign && s.charCodeAt(k + 1) !== 0x3d) return -1;
  const opEnd = assign ? k + 1 : k + 2;
  const d = s.charCodeAt(opEnd);
  if (d !== 0x20 && d !== 0x09 && d !== 0x0d) return -1;
  const name = s.slice(i, nameEnd);
  pipe.isAssign = assign;
  pipe.decl.push(new VariableNode(h.t, i, [name]));
  h.vars.push(name);
  return skipFlatSpaces(s, opEnd);
}

/** After a variable: would the general parser see ":=", "=" or "," next? */
function looksLikeDecl(s: string, i: number): boolean {
  const c = s.charCodeAt(skipFlatSpaces(s, i));
  return c === 0x3a || c === 0x3d || c === 0x2c;
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
