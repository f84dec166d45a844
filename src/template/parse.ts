// Parser for Go's text/template (mirrors text/template/parse/parse.go): builds
// one Tree per template (the top-level text and each define/block) into a tree
// set, applying Go's redefinition rule within one parse.
import { TemplateParseError } from "./errors.ts";
import { type Item, itemString, Lexer, T } from "./lexer.ts";
import {
  parseGoFloat,
  parseGoInteger,
  SyntaxError_,
  unquoteCharConstant,
  unquoteString,
} from "./literals.ts";
import {
  ActionNode,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  CommentNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  isEmptyTree,
  ListNode,
  N,
  NilNode,
  type Node,
  NumberNode,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  type TreeInfo,
  VariableNode,
} from "./nodes.ts";
import {
  FAST_CONTROL,
  type FastHost,
  fastAction,
  fastDefineDelim,
  fastDefineName,
  fastDelimLine,
  fastDelimPos,
  fastPipeline,
  fastText,
  NO_TEXT,
} from "./parse-fast.ts";
import { quote } from "./strconv.ts";

const MAX_STACK_DEPTH = 10000;

/** A parsed template: its name, the top-level name it came from, and its root. */
export class Tree implements TreeInfo {
  root: ListNode | null = null;
  parseName: string;
  text = "";
  constructor(public name: string) {
    this.parseName = name;
  }
}

/** Parses `text` as template `name`; returns every tree it defines (name → tree). */
export function parseTemplate(
  name: string,
  text: string,
  hasFunction: (name: string) => boolean,
): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const t = new Tree(name);
  t.text = text;
  const lexer = new Lexer(name, text, "{{", "}}", {
    emitComment: false,
    breakOK: !hasFunction("break"),
    continueOK: !hasFunction("continue"),
  });
  const p = new Parser(t, lexer, treeSet, hasFunction);
  p.parse();
  p.add();
  return treeSet;
}

/** One parser per tree; define/block bodies get their own, sharing the lexer. */
// Fields are declared and assigned in the constructor (see nodes.ts: class
// field definitions cost more in cold code; a parser is made per file).
class Parser implements FastHost {
  declare token: Item[];
  declare peekCount: number;
  declare readonly vars: string[];
  declare private actionLine: number;
  /** The {{end}} or {{else}} that ended the last itemList. */
  declare private listEnd: Node;
  declare private rangeDepth: number;
  declare private stackDepth: number;
  declare readonly t: Tree;
  declare readonly lex: Lexer;
  declare readonly treeSet: Map<string, Tree>;
  declare readonly hasFunction: (name: string) => boolean;

  /** A parser for tree t; a define's or block's child starts with fresh lookahead (Go's), sharing the lexer. */
  constructor(t: Tree, lex: Lexer, treeSet: Map<string, Tree>, hasFunction: (name: string) => boolean) {
    this.t = t;
    this.lex = lex;
    this.treeSet = treeSet;
    this.hasFunction = hasFunction;
    this.token = [];
    this.peekCount = 0;
    this.vars = ["$"];
    this.actionLine = 0;
    this.listEnd = null as unknown as Node;
    this.rangeDepth = 0;
    this.stackDepth = 0;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === T.Space);
    return token;
  }
  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(msg: string): never {
    this.t.root = null;
    const line = this.token[0]?.line ?? 0;
    throw new TemplateParseError(this.t.parseName, line, msg);
  }

  private expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: T, e2: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.t.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      return this.errorf(`${itemString(token)}${extra}`);
    }
    return this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  /** Go's Tree.add: the first non-empty definition of a name in this parse wins; two are an error. */
  add(): void {
    const tree = this.treeSet.get(this.t.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.treeSet.set(this.t.name, this.t);
      return;
    }
    if (!isEmptyTree(this.t.root)) {
      this.errorf(`template: multiple definition of template ${quote(this.t.name)}`);
    }
  }

  private child(name: string): Parser {
    const nt = new Tree(name);
    nt.text = this.t.text;
    nt.parseName = this.t.parseName;
    return new Parser(nt, this.lex, this.treeSet, this.hasFunction);
  }

  parse(): void {
    // The list starts at the first item: the fast path's text or "{{" if it takes them.
    let f = fastText(this, true);
    const root = new ListNode(this.t, f === false ? this.peek().pos : f !== NO_TEXT ? f.pos : fastDelimPos);
    this.t.root = root;
    for (;;) {
      // Text and "{{" without items, when no lookahead is pending.
      if (f !== false) {
        // Indexed stores, not push: a builtin call each in cold code.
        if (f !== NO_TEXT) root.nodes[root.nodes.length] = f;
        if (fastDelimPos < 0) {
          // Text up to the end of the input.
        } else if (fastDefineName !== null) {
          // A whole "{{ define "name" }}" taken: its body is the child's.
          const nt = this.child("definition");
          nt.t.name = fastDefineName;
          nt.token[0] = fastDefineDelim;
          nt.definitionBody();
        } else {
          const n = this.actionAfter(fastDelimLine);
          if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${n.str()}`);
          root.nodes[root.nodes.length] = n;
        }
        f = this.peekCount === 0 ? fastText(this, true) : false;
        continue;
      }
      if (this.peek().typ === T.EOF) break;
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        // Most actions are not a define: skip the lookahead that would keep the fast path out.
        if (this.peekCount === 0 && !this.lex.atWord("define")) {
          const n = this.actionAfter(delim.line);
          if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${n.str()}`);
          this.t.root.nodes.push(n);
          continue;
        }
        if (this.nextNonSpace().typ === T.Define) {
          const nt = this.child("definition");
          nt.parseDefinition();
          f = this.peekCount === 0 ? fastText(this, true) : false;
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${n.str()}`);
      root.nodes.push(n);
      f = this.peekCount === 0 ? fastText(this, true) : false;
    }
  }

  private parseDefinition(): void {
    const context = "define clause";
    const name = this.expectOneOf(T.String, T.RawString, context);
    this.t.name = this.unquote(name.val);
    this.expect(T.RightDelim, context);
    this.definitionBody();
  }

  /** A define's list, its "}}" taken. */
  private definitionBody(): void {
    const list = this.itemList();
    this.t.root = list;
    const end = this.listEnd;
    if (end.type !== N.End) this.errorf(`unexpected ${end.str()} in define clause`);
    this.add();
  }

  private unquote(lit: string): string {
    try {
      return unquoteString(lit);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }

  /**
   * A list up to its {{end}} or {{else}}, which goes to listEnd (not a
   * returned pair: array destructuring runs the iterator protocol, slow in
   * the cold code a parse is).
   */
  private itemList(): ListNode {
    let list: ListNode | null = null;
    for (;;) {
      // Text and "{{" without items, when no lookahead is pending.
      const f = this.peekCount === 0 ? fastText(this, false) : false;
      if (f !== false) {
        list ??= new ListNode(this.t, f !== NO_TEXT ? f.pos : fastDelimPos);
        if (f !== NO_TEXT) list.nodes[list.nodes.length] = f; // not push (see parse)
        if (fastDelimPos < 0) continue; // text up to the end of the input
        const n = this.actionAfter(fastDelimLine);
        if (n.type === N.End || n.type === N.Else) {
          this.listEnd = n;
          return list;
        }
        list.nodes[list.nodes.length] = n;
        continue;
      }
      list ??= new ListNode(this.t, this.peekNonSpace().pos);
      if (this.peekNonSpace().typ === T.EOF) break;
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) {
        this.listEnd = n;
        return list;
      }
      list.nodes.push(n);
    }
    return this.errorf("unexpected EOF");
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return new TextNode(this.t, token.pos, token.val);
      case T.LeftDelim:
        return this.actionAfter(token.line);
      case T.Comment:
        return new CommentNode(this.t, token.pos, token.val);
    }
    this.unexpected(token, "input");
  }

  /** An action, its "{{" (on line `delimLine`) taken. */
  private actionAfter(delimLine: number): Node {
    // The fast path takes whole actions (it never fails with an error, so it needs no action line).
    const n = this.peekCount === 0 ? fastAction(this) : null;
    if (n !== null && n !== FAST_CONTROL) return n;
    this.actionLine = delimLine;
    try {
      if (n === FAST_CONTROL) {
        // The keyword is taken (token[0]): its clause follows.
        const typ = this.token[0]!.typ;
        return typ === T.If ? this.ifControl() : this.parseControl(typ === T.With ? "with" : "range");
      }
      return this.action();
    } finally {
      this.actionLine = 0;
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
        return this.breakControl(token.pos, "break");
      case T.Continue:
        return this.breakControl(token.pos, "continue");
      case T.Else:
        return this.elseControl();
      case T.End:
        return this.endControl();
      case T.If:
        return this.ifControl();
      case T.Range:
        return this.parseControl("range");
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.parseControl("with");
    }
    this.backup();
    const tok = this.peek();
    return new ActionNode(this.t, tok.pos, tok.line, this.pipeline("command", T.RightDelim));
  }

  private breakControl(pos: number, word: "break" | "continue"): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return word === "break" ? new BreakNode(this.t, pos) : new ContinueNode(this.t, pos);
  }

  private pipeline(context: string, end: T): PipeNode {
    if (end === T.RightDelim && this.peekCount === 0) {
      const pipe = fastPipeline(this, context === "range");
      if (pipe !== null) return pipe;
    }
    const token = this.peekNonSpace();
    const pipe = new PipeNode(this.t, token.pos, token.line);
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      // Remember the token after the variable: a space means the variable is a command.
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.t, v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.t, v.pos, v.val));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const pk = this.peekNonSpace().typ;
          if (pk === T.Variable || pk === T.RightDelim || pk === T.RightParen) continue;
          return this.errorf("range can only initialize variables");
        }
        return this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i]!.args[0]!.type) {
        case N.Bool:
        case N.Dot:
        case N.Nil:
        case N.Number:
        case N.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(context: "if" | "range" | "with"): BranchNode {
    const nvars = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === "range") this.rangeDepth++;
      const list = this.itemList();
      let next = this.listEnd;
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === N.Else) {
        if (context === "if" && this.peek().typ === T.If) {
          this.next();
          elseList = new ListNode(this.t, next.pos);
          elseList.nodes.push(this.parseControl("if"));
        } else if (context === "with" && this.peek().typ === T.With) {
          this.next();
          elseList = new ListNode(this.t, next.pos);
          elseList.nodes.push(this.parseControl("with"));
        } else {
          elseList = this.itemList();
          next = this.listEnd;
          if (next.type !== N.End) this.errorf(`expected end; found ${next.str()}`);
        }
      }
      const type = context === "if" ? N.If : context === "range" ? N.Range : N.With;
      return new BranchNode(this.t, pipe.pos, type, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = nvars;
    }
  }

  private ifControl(): Node {
    return this.parseControl("if");
  }

  private endControl(): Node {
    return new EndNode(this.t, this.expect(T.RightDelim, "end").pos);
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    // "else if" / "else with": the else is followed by the control keyword.
    if (peek.typ === T.If || peek.typ === T.With) return new ElseNode(this.t, peek.pos, peek.line);
    const token = this.expect(T.RightDelim, "else");
    return new ElseNode(this.t, token.pos, token.line);
  }

  private blockControl(): Node {
    const context = "block clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = this.child(name);
    const list = block.itemList();
    const end = block.listEnd;
    block.t.root = list;
    if (end.type !== N.End) this.errorf(`unexpected ${end.str()} in ${context}`);
    block.add();
    return new TemplateNode(this.t, token.pos, token.line, name, pipe);
  }

  private templateControl(): Node {
    const context = "template clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return new TemplateNode(this.t, token.pos, token.line, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) return this.unquote(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this.t, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace(); // skip leading spaces
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  private operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === T.Field && (node.type === N.Field || node.type === N.Variable)) {
      // Go folds a field chain on a field or variable into one node (via the
      // chain's text); building the parts directly gives the same node.
      const pos = this.peek().pos;
      const ident = node.ident.slice();
      while (this.peek().typ === T.Field) ident.push(this.next().val.slice(1));
      return node.type === N.Field ? new FieldNode(this.t, pos, ident) : new VariableNode(this.t, pos, ident);
    }
    if (this.peek().typ === T.Field) {
      const chain = new ChainNode(this.t, this.peek().pos, node);
      while (this.peek().typ === T.Field) chain.add(this.next().val);
      // Fold field chains on fields and variables into one node, as Go does.
      switch (node.type) {
        case N.Field:
          node = new FieldNode(this.t, chain.pos, chain.str());
          break;
        case N.Variable:
          node = new VariableNode(this.t, chain.pos, chain.str());
          break;
        case N.Bool:
        case N.String:
        case N.Number:
        case N.Nil:
        case N.Dot:
          return this.errorf(`unexpected . after term ${quote(node.str())}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(this.t, token.pos, token.val);
      case T.Dot:
        return new DotNode(this.t, token.pos);
      case T.Nil:
        return new NilNode(this.t, token.pos);
      case T.Variable:
        return this.useVar(token.pos, token.val);
      case T.Field:
        return new FieldNode(this.t, token.pos, token.val);
      case T.Bool:
        return new BoolNode(this.t, token.pos, token.val === "true");
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return this.newNumber(token);
      case T.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf("max expression depth exceeded");
        this.stackDepth++;
        try {
          return this.pipeline("parenthesized pipeline", T.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case T.String:
      case T.RawString:
        return new StringNode(this.t, token.pos, token.val, this.unquote(token.val));
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): Node {
    const v = new VariableNode(this.t, pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }

  private newNumber(token: Item): NumberNode {
    const text = token.val;
    const n = new NumberNode(this.t, token.pos, text);
    if (token.typ === T.CharConstant) {
      let r: number;
      try {
        r = unquoteCharConstant(text);
      } catch (e) {
        if (e instanceof SyntaxError_) this.errorf(e.message);
        throw e;
      }
      n.int64 = BigInt(r);
      n.uint64 = n.int64;
      n.float64 = r;
      n.isInt = n.isUint = n.isFloat = true;
      return n;
    }
    if (token.typ === T.Complex || text.endsWith("i")) {
      // Complex constants: Go accepts them; no chart uses them. Reduce to the
      // real value when the imaginary part is zero, as simplifyComplex does.
      const f = token.typ === T.Complex ? undefined : parseGoFloat(text.slice(0, -1));
      if (token.typ === T.Complex || f !== undefined) {
        n.isComplex = true;
        if (f === 0) this.simplifyZero(n);
        return n;
      }
    }
    const u = parseGoInteger(text, false);
    if (u !== undefined) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = parseGoInteger(text, true);
    if (i !== undefined) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseGoFloat(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quote(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quote(text)}`);
    return n;
  }

  private simplifyZero(n: NumberNode): void {
    n.isFloat = true;
    n.float64 = 0;
    n.isInt = n.isUint = true;
  }
}
