// A port of the parts of libyaml's emitter (as go-yaml v2 and v3 carry it)
// that block-style documents use: scalar analysis, style selection, plain /
// single / double quoted / literal writers with their folding at best_width,
// block and empty flow collections, simple and complex keys. The writer keeps
// libyaml's column / whitespace / indention flags because the exact output
// (line breaks, folding points, "- " placement) depends on them.

export type ScalarStyle = "plain" | "single" | "double" | "literal";

export type YNode =
  | { kind: "scalar"; value: string; style: ScalarStyle }
  | { kind: "seq"; items: YNode[] }
  | { kind: "map"; pairs: [YNode, YNode][] };

export interface EmitterOptions {
  /** go-yaml major version whose emitter quirks to follow. */
  version: 2 | 3;
  /** best_indent (2 for both v2 Marshal and helm's v3 encoder). */
  indent: number;
  /** best_width: 80 in v2; v3 does not fold (-1 → unlimited). */
  width: number;
}

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const isSpace = (c: number | undefined) => c === 0x20;
const isBreak = (c: number | undefined) =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
const isBlankz = (c: number | undefined) => isBlank(c) || isBreak(c) || c === 0 || c === undefined;
function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** Code points of a string (lone surrogates kept as themselves). */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** UTF-8 byte length. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function analyze(v: number[], version: 2 | 3): Analysis {
  if (v.length === 0) {
    return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  }
  let blockInd = false;
  let flowInd = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  if (
    v.length >= 3 &&
    ((v[0] === 0x2d && v[1] === 0x2d && v[2] === 0x2d) || (v[0] === 0x2e && v[1] === 0x2e && v[2] === 0x2e))
  ) {
    blockInd = true;
    flowInd = true;
  }
  let precededByWS = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    const followedByWS = i + 1 >= v.length || isBlank(v[i + 1]);
    if (i === 0) {
      switch (c) {
        case 0x23: // # , [ ] { } & * ! | > ' " % @ `
        case 0x2c:
        case 0x5b:
        case 0x5d:
        case 0x7b:
        case 0x7d:
        case 0x26:
        case 0x2a:
        case 0x21:
        case 0x7c:
        case 0x3e:
        case 0x27:
        case 0x22:
        case 0x25:
        case 0x40:
        case 0x60:
          flowInd = true;
          blockInd = true;
          break;
        case 0x3f: // ? :
        case 0x3a:
          flowInd = true;
          if (followedByWS) blockInd = true;
          break;
        case 0x2d: // -
          if (followedByWS) {
            flowInd = true;
            blockInd = true;
          }
          break;
      }
    } else {
      switch (c) {
        case 0x2c:
        case 0x3f:
        case 0x5b:
        case 0x5d:
        case 0x7b:
        case 0x7d:
          flowInd = true;
          break;
        case 0x3a:
          flowInd = true;
          if (followedByWS) blockInd = true;
          break;
        case 0x23:
          if (precededByWS) {
            flowInd = true;
            blockInd = true;
          }
          break;
      }
    }
    if (version === 3 && c === 0x09) tabs = true;
    else if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWS = isBlankz(c);
  }
  const a: Analysis = {
    multiline: lineBreaks,
    flowPlain: true,
    blockPlain: true,
    singleQuoted: true,
    block: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (trailingSpace) a.block = false;
  if (breakSpace) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.singleQuoted = false;
  }
  if (spaceBreak || tabs || special) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.singleQuoted = false;
  }
  if (spaceBreak || special) a.block = false;
  if (lineBreaks) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

const HEX = "0123456789ABCDEF";
// Plain-safe ASCII text: no indicators, no leading "-" or blanks, no trailing
// blank, nothing go-yaml would quote — its analysis allows every style.
const SAFE_PLAIN = /^[A-Za-z0-9_/](?:[A-Za-z0-9_./ -]*[A-Za-z0-9_./-])?$/;

const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/** A scalar's code points and analysis, computed once (keys are looked at twice). */
const analyses = new WeakMap<YNode, { v: number[]; a2: Analysis | undefined; a3: Analysis | undefined }>();
function scalarInfo(n: YNode & { kind: "scalar" }, version: 2 | 3): { v: number[]; a: Analysis } {
  let e = analyses.get(n);
  if (!e) analyses.set(n, (e = { v: codePoints(n.value), a2: undefined, a3: undefined }));
  if (version === 2) return { v: e.v, a: (e.a2 ??= analyze(e.v, 2)) };
  return { v: e.v, a: (e.a3 ??= analyze(e.v, 3)) };
}

class Emitter {
  private out = "";
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private indents: number[] = [];
  private flowLevel = 0;
  private readonly v3: boolean;
  private readonly bestIndent: number;
  private readonly bestWidth: number;

  constructor(opts: EmitterOptions) {
    this.v3 = opts.version === 3;
    this.bestIndent = opts.indent;
    this.bestWidth = opts.width < 0 ? 2 ** 31 - 1 : opts.width;
  }

  result(): string {
    return this.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
    // v3 sets indention at every line break instead of in the writers.
    if (this.v3) this.indention = true;
  }

  /** Writes code point c (a line break other than \n counts as a break). */
  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
      if (this.v3) this.indention = true;
    }
  }

  private writeCP(c: number): void {
    this.out += c < 0x80 ? ASCII[c]! : String.fromCodePoint(c);
    this.column++;
  }

  /** Writes a run of non-break code points in one go. */
  private writeRun(s: string, count: number): void {
    this.out += s;
    this.column += count;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    if (!this.v3) this.indention = true;
  }

  private writeIndicator(ind: string, needWS: boolean, isWS: boolean, isIndention: boolean): void {
    if (needWS && !this.whitespace) this.put(" ");
    for (const ch of ind) this.writeCP(ch.codePointAt(0)!);
    this.whitespace = isWS;
    this.indention = this.indention && isIndention;
  }

  /** increase_indent; inSeq tells v3 that the parent state is a block sequence item. */
  private increaseIndent(flow: boolean, indentless: boolean, inSeq: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      if (!this.v3) this.indent += this.bestIndent;
      else if (inSeq) this.indent += 2;
      else this.indent = this.bestIndent * Math.trunc((this.indent + this.bestIndent) / this.bestIndent);
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  document(root: YNode): void {
    this.node(root, { root: true, sequence: false, mapping: false, simpleKey: false, inSeq: false });
    // Document end (implicit). go-yaml clears open_ended before the stream
    // end, so no "..." follows a root plain scalar or a "|+" block.
    this.writeIndent();
  }

  private node(n: YNode, ctx: Ctx): void {
    if (n.kind === "scalar") this.scalar(n, ctx);
    else if (n.kind === "seq") {
      if (this.flowLevel > 0 || n.items.length === 0) this.emptyFlow("[", "]", ctx);
      else this.blockSequence(n.items, ctx);
    } else if (this.flowLevel > 0 || n.pairs.length === 0) this.emptyFlow("{", "}", ctx);
    else this.blockMapping(n.pairs, ctx);
  }

  private emptyFlow(open: string, close: string, ctx: Ctx): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false, ctx.inSeq);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: YNode[], ctx: Ctx): void {
    if (this.v3) this.increaseIndent(false, false, ctx.inSeq);
    else this.increaseIndent(false, ctx.mapping && !this.indention, ctx.inSeq);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false, inSeq: true });
    }
    this.popIndent();
  }

  private blockMapping(pairs: [YNode, YNode][], ctx: Ctx): void {
    this.increaseIndent(false, false, ctx.inSeq);
    for (const [k, v] of pairs) {
      this.writeIndent();
      const valueCtx = { root: false, sequence: false, mapping: true, simpleKey: false, inSeq: false };
      if (this.isSimpleKey(k)) {
        this.node(k, { root: false, sequence: false, mapping: true, simpleKey: true, inSeq: false });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(k, valueCtx);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(v, valueCtx);
    }
    this.popIndent();
  }

  private isSimpleKey(k: YNode): boolean {
    if (k.kind === "seq") return k.items.length === 0;
    if (k.kind === "map") return k.pairs.length === 0;
    if (SAFE_PLAIN.test(k.value)) return k.value.length <= 128;
    if (scalarInfo(k, this.v3 ? 3 : 2).a.multiline) return false;
    return utf8Length(k.value) <= 128;
  }

  private scalar(n: YNode & { kind: "scalar" }, ctx: Ctx): void {
    if (n.style === "plain" && this.flowLevel === 0 && SAFE_PLAIN.test(n.value)) {
      const len = n.value.length;
      if (ctx.simpleKey || this.column + 1 + len <= this.bestWidth || !n.value.includes(" ")) {
        this.increaseIndent(true, false, ctx.inSeq);
        if (!this.whitespace) this.put(" ");
        this.writeRun(n.value, len);
        this.whitespace = false;
        this.indention = false;
        this.popIndent();
        return;
      }
    }
    const { v, a } = scalarInfo(n, this.v3 ? 3 : 2);
    let style = n.style;
    if (ctx.simpleKey && a.multiline) style = "double";
    if (style === "plain") {
      if ((this.flowLevel > 0 && !a.flowPlain) || (this.flowLevel === 0 && !a.blockPlain)) style = "single";
      if (v.length === 0 && (this.flowLevel > 0 || ctx.simpleKey)) style = "single";
    }
    if (style === "single" && !a.singleQuoted) style = "double";
    if (style === "literal" && (!a.block || this.flowLevel > 0 || ctx.simpleKey)) style = "double";
    this.increaseIndent(true, false, ctx.inSeq);
    const allowBreaks = !ctx.simpleKey;
    if (style === "plain") this.writePlain(n.value, v, allowBreaks);
    else if (style === "single") this.writeSingle(v, allowBreaks);
    else if (style === "double") this.writeDouble(v, allowBreaks);
    else this.writeLiteral(v);
    this.popIndent();
  }

  private writePlain(value: string, v: number[], allowBreaks: boolean): void {
    if (!this.whitespace && (!this.v3 || v.length > 0)) this.put(" ");
    // Fast path: a plain scalar has no line breaks; without a space past the
    // fold column it is written as it is.
    if (!allowBreaks || this.column + v.length <= this.bestWidth || !value.includes(" ")) {
      this.writeRun(value, v.length);
      if (v.length > 0) this.indention = false;
      if (!this.v3 || v.length > 0) this.whitespace = false;
      this.indention = false;
      return;
    }
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && !isSpace(v[i + 1])) {
          this.writeIndent();
        } else this.writeCP(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        if (!this.v3) this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeCP(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (!this.v3 || v.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(v: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.bestWidth &&
          i > 0 &&
          i < v.length - 1 &&
          !isSpace(v[i + 1])
        ) {
          this.writeIndent();
        } else this.writeCP(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        if (!this.v3) this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.writeCP(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(v: number[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const bom = v[0] === 0xfeff;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put("\\");
        const simple: Record<number, string> = {
          0: "0",
          7: "a",
          8: "b",
          9: "t",
          10: "n",
          11: "v",
          12: "f",
          13: "r",
          27: "e",
          34: '"',
          92: "\\",
          133: "N",
          160: "_",
          8232: "L",
          8233: "P",
        };
        const e = simple[c];
        if (e !== undefined) this.put(e);
        else {
          const [p, w] = c <= 0xff ? ["x", 2] : c <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(p);
          for (let k = (w - 1) * 4; k >= 0; k -= 4) this.put(HEX[(c >> k) & 15]!);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (isSpace(v[i + 1])) this.put("\\");
        } else this.writeCP(c);
        spaces = true;
      } else {
        this.writeCP(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockHints(v: number[]): void {
    if (isSpace(v[0]) || isBreak(v[0])) {
      this.writeIndicator(String(this.bestIndent), false, false, false);
    }
    let chomp = "";
    if (v.length === 0) chomp = "-";
    else {
      const last = v.length - 1;
      if (!isBreak(v[last])) chomp = "-";
      else if (last === 0) {
        chomp = "+";
      } else if (isBreak(v[last - 1])) {
        chomp = "+";
      }
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(v: number[]): void {
    this.writeIndicator("|", true, false, false);
    this.writeBlockHints(v);
    this.putBreak();
    if (!this.v3) this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c);
        if (!this.v3) this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeCP(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

interface Ctx {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
  /** The parent is a block sequence (v3 indents its children by 2 past "- "). */
  inSeq: boolean;
}

/** Emits one document the way go-yaml's encoder does (implicit start, no "---"). */
export function emitDocument(root: YNode, opts: EmitterOptions): string {
  const e = new Emitter(opts);
  e.document(root);
  return e.result();
}
