// Parse tree nodes (mirrors text/template/parse/node.go). `str()` reproduces
// Go's Node.String(), which appears verbatim in execution errors (`at <...>`).
import { quote } from "./strconv.ts";

export enum N {
  Text,
  Action,
  Bool,
  Chain,
  Command,
  Dot,
  Else,
  End,
  Field,
  Identifier,
  If,
  List,
  Nil,
  Number,
  Pipe,
  Range,
  String,
  Template,
  Variable,
  With,
  Comment,
  Break,
  Continue,
}

/** The tree a node belongs to: enough for error locations. */
export interface TreeInfo {
  name: string;
  parseName: string;
  text: string;
}

export type Node =
  | TextNode
  | ActionNode
  | BoolNode
  | ChainNode
  | CommandNode
  | DotNode
  | ElseNode
  | EndNode
  | FieldNode
  | IdentifierNode
  | BranchNode
  | ListNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | TemplateNode
  | VariableNode
  | CommentNode
  | BreakNode
  | ContinueNode;

// Fields are declared with `declare` and assigned in constructors: class
// field definitions cost a property define per node in V8, plain assignments
// do not (parsing builds many nodes). No common base class either: a derived
// constructor's super() call is a second frame per node in V8's interpreter,
// where a cold parse runs. Every node has tr, pos and type, assigned first.
export class ListNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.List;
  declare nodes: Node[];
  constructor(tr: TreeInfo, pos: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.List;
    this.nodes = [];
  }
  str(): string {
    return this.nodes.map((n) => n.str()).join("");
  }
}

export class TextNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Text;
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, text: string) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Text;
    this.text = text;
  }
  str(): string {
    return this.text;
  }
}

export class CommentNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Comment;
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, text: string) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Comment;
    this.text = text;
  }
  str(): string {
    return `{{${this.text}}}`;
  }
}

export class PipeNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Pipe;
  declare readonly line: number;
  declare isAssign: boolean;
  declare decl: VariableNode[];
  declare cmds: CommandNode[];
  constructor(tr: TreeInfo, pos: number, line: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Pipe;
    this.line = line;
    this.isAssign = false;
    this.decl = [];
    this.cmds = [];
  }
  str(): string {
    let s = "";
    if (this.decl.length > 0) {
      s = this.decl.map((v) => v.str()).join(", ") + (this.isAssign ? " = " : " := ");
    }
    return s + this.cmds.map((c) => c.str()).join(" | ");
  }
}

export class ActionNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Action;
  declare readonly line: number;
  declare readonly pipe: PipeNode;
  constructor(tr: TreeInfo, pos: number, line: number, pipe: PipeNode) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Action;
    this.line = line;
    this.pipe = pipe;
  }
  str(): string {
    return `{{${this.pipe.str()}}}`;
  }
}

export class CommandNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Command;
  declare args: Node[];
  constructor(tr: TreeInfo, pos: number, args?: Node[]) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Command;
    this.args = args ?? [];
  }
  str(): string {
    return this.args.map((a) => (a.type === N.Pipe ? `(${a.str()})` : a.str())).join(" ");
  }
}

export class IdentifierNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Identifier;
  declare readonly ident: string;
  constructor(tr: TreeInfo, pos: number, ident: string) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Identifier;
    this.ident = ident;
  }
  str(): string {
    return this.ident;
  }
}

export class VariableNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Variable;
  declare readonly ident: string[];
  /** ident: the variable's text ("$x.a") or its parts (["$x", "a"]). */
  constructor(tr: TreeInfo, pos: number, ident: string | string[]) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Variable;
    this.ident = typeof ident === "string" ? ident.split(".") : ident;
  }
  str(): string {
    return this.ident.join(".");
  }
}

export class DotNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Dot;
  constructor(tr: TreeInfo, pos: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Dot;
  }
  str(): string {
    return ".";
  }
}

export class NilNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Nil;
  constructor(tr: TreeInfo, pos: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Nil;
  }
  str(): string {
    return "nil";
  }
}

export class FieldNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Field;
  declare readonly ident: string[];
  /** ident: the field's text (".a.b") or its parts (["a", "b"]). */
  constructor(tr: TreeInfo, pos: number, ident: string | string[]) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Field;
    this.ident = typeof ident === "string" ? ident.slice(1).split(".") : ident;
  }
  str(): string {
    return this.ident.map((id) => `.${id}`).join("");
  }
}

export class ChainNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Chain;
  declare readonly node: Node;
  declare field: string[];
  constructor(tr: TreeInfo, pos: number, node: Node) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Chain;
    this.node = node;
    this.field = [];
  }
  add(field: string): void {
    this.field.push(field.slice(1));
  }
  str(): string {
    const head = this.node.type === N.Pipe ? `(${this.node.str()})` : this.node.str();
    return head + this.field.map((f) => `.${f}`).join("");
  }
}

export class BoolNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Bool;
  declare readonly value: boolean;
  constructor(tr: TreeInfo, pos: number, value: boolean) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Bool;
    this.value = value;
  }
  str(): string {
    return this.value ? "true" : "false";
  }
}

/** A numeric constant with every interpretation Go's parser found valid. */
export class NumberNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Number;
  declare readonly text: string;
  declare isInt: boolean;
  declare isUint: boolean;
  declare isFloat: boolean;
  declare isComplex: boolean;
  declare int64: bigint;
  declare uint64: bigint;
  declare float64: number;
  constructor(tr: TreeInfo, pos: number, text: string) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Number;
    this.text = text;
    this.isInt = false;
    this.isUint = false;
    this.isFloat = false;
    this.isComplex = false;
    this.int64 = 0n;
    this.uint64 = 0n;
    this.float64 = 0;
  }
  str(): string {
    return this.text;
  }
}

export class StringNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.String;
  declare readonly quoted: string;
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, quoted: string, text: string) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.String;
    this.quoted = quoted;
    this.text = text;
  }
  str(): string {
    return this.quoted;
  }
}

export class EndNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.End;
  constructor(tr: TreeInfo, pos: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.End;
  }
  str(): string {
    return "{{end}}";
  }
}

export class ElseNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Else;
  declare readonly line: number;
  constructor(tr: TreeInfo, pos: number, line: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Else;
    this.line = line;
  }
  str(): string {
    return "{{else}}";
  }
}

const BRANCH_NAMES = { [N.If]: "if", [N.Range]: "range", [N.With]: "with" } as const;

/** if, range and with share one shape. */
export class BranchNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.If | N.Range | N.With;
  declare readonly line: number;
  declare readonly pipe: PipeNode;
  declare readonly list: ListNode;
  declare readonly elseList: ListNode | null;
  constructor(
    tr: TreeInfo,
    pos: number,
    type: N.If | N.Range | N.With,
    line: number,
    pipe: PipeNode,
    list: ListNode,
    elseList: ListNode | null,
  ) {
    this.tr = tr;
    this.pos = pos;
    this.type = type;
    this.line = line;
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }
  str(): string {
    let s = `{{${BRANCH_NAMES[this.type]} ${this.pipe.str()}}}${this.list.str()}`;
    if (this.elseList) s += `{{else}}${this.elseList.str()}`;
    return `${s}{{end}}`;
  }
}

export class BreakNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Break;
  constructor(tr: TreeInfo, pos: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Break;
  }
  str(): string {
    return "{{break}}";
  }
}

export class ContinueNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Continue;
  constructor(tr: TreeInfo, pos: number) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Continue;
  }
  str(): string {
    return "{{continue}}";
  }
}

export class TemplateNode {
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  declare readonly type: N.Template;
  declare readonly line: number;
  declare readonly name: string;
  declare readonly pipe: PipeNode | null;
  constructor(tr: TreeInfo, pos: number, line: number, name: string, pipe: PipeNode | null) {
    this.tr = tr;
    this.pos = pos;
    this.type = N.Template;
    this.line = line;
    this.name = name;
    this.pipe = pipe;
  }
  str(): string {
    return `{{template ${quote(this.name)}${this.pipe ? ` ${this.pipe.str()}` : ""}}}`;
  }
}

// unicode.IsSpace, as bytes.TrimSpace uses it (JS's \s also matches U+FEFF).
const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** Go's parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case N.Comment:
      return true;
    case N.List:
      return n.nodes.every(isEmptyTree);
    case N.Text:
      return GO_SPACE_ONLY.test(n.text);
    default:
      return false;
  }
}
