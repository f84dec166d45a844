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

abstract class Base {
  constructor(
    readonly tr: TreeInfo,
    readonly pos: number,
  ) {}
  abstract str(): string;
}

export class ListNode extends Base {
  readonly type = N.List;
  nodes: Node[] = [];
  str(): string {
    return this.nodes.map((n) => n.str()).join("");
  }
}

export class TextNode extends Base {
  readonly type = N.Text;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly text: string,
  ) {
    super(tr, pos);
  }
  str(): string {
    return this.text;
  }
}

export class CommentNode extends Base {
  readonly type = N.Comment;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly text: string,
  ) {
    super(tr, pos);
  }
  str(): string {
    return `{{${this.text}}}`;
  }
}

export class PipeNode extends Base {
  readonly type = N.Pipe;
  isAssign = false;
  decl: VariableNode[] = [];
  cmds: CommandNode[] = [];
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly line: number,
  ) {
    super(tr, pos);
  }
  str(): string {
    let s = "";
    if (this.decl.length > 0) {
      s = this.decl.map((v) => v.str()).join(", ") + (this.isAssign ? " = " : " := ");
    }
    return s + this.cmds.map((c) => c.str()).join(" | ");
  }
}

export class ActionNode extends Base {
  readonly type = N.Action;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
  ) {
    super(tr, pos);
  }
  str(): string {
    return `{{${this.pipe.str()}}}`;
  }
}

export class CommandNode extends Base {
  readonly type = N.Command;
  args: Node[] = [];
  str(): string {
    return this.args.map((a) => (a.type === N.Pipe ? `(${a.str()})` : a.str())).join(" ");
  }
}

export class IdentifierNode extends Base {
  readonly type = N.Identifier;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly ident: string,
  ) {
    super(tr, pos);
  }
  str(): string {
    return this.ident;
  }
}

export class VariableNode extends Base {
  readonly type = N.Variable;
  readonly ident: string[];
  constructor(tr: TreeInfo, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.split(".");
  }
  str(): string {
    return this.ident.join(".");
  }
}

export class DotNode extends Base {
  readonly type = N.Dot;
  str(): string {
    return ".";
  }
}

export class NilNode extends Base {
  readonly type = N.Nil;
  str(): string {
    return "nil";
  }
}

export class FieldNode extends Base {
  readonly type = N.Field;
  readonly ident: string[];
  constructor(tr: TreeInfo, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.slice(1).split(".");
  }
  str(): string {
    return this.ident.map((id) => `.${id}`).join("");
  }
}

export class ChainNode extends Base {
  readonly type = N.Chain;
  field: string[] = [];
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly node: Node,
  ) {
    super(tr, pos);
  }
  add(field: string): void {
    this.field.push(field.slice(1));
  }
  str(): string {
    const head = this.node.type === N.Pipe ? `(${this.node.str()})` : this.node.str();
    return head + this.field.map((f) => `.${f}`).join("");
  }
}

export class BoolNode extends Base {
  readonly type = N.Bool;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly value: boolean,
  ) {
    super(tr, pos);
  }
  str(): string {
    return this.value ? "true" : "false";
  }
}

/** A numeric constant with every interpretation Go's parser found valid. */
export class NumberNode extends Base {
  readonly type = N.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly text: string,
  ) {
    super(tr, pos);
  }
  str(): string {
    return this.text;
  }
}

export class StringNode extends Base {
  readonly type = N.String;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly quoted: string,
    readonly text: string,
  ) {
    super(tr, pos);
  }
  str(): string {
    return this.quoted;
  }
}

export class EndNode extends Base {
  readonly type = N.End;
  str(): string {
    return "{{end}}";
  }
}

export class ElseNode extends Base {
  readonly type = N.Else;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly line: number,
  ) {
    super(tr, pos);
  }
  str(): string {
    return "{{else}}";
  }
}

const BRANCH_NAMES = { [N.If]: "if", [N.Range]: "range", [N.With]: "with" } as const;

/** if, range and with share one shape. */
export class BranchNode extends Base {
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly type: N.If | N.Range | N.With,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | null,
  ) {
    super(tr, pos);
  }
  str(): string {
    let s = `{{${BRANCH_NAMES[this.type]} ${this.pipe.str()}}}${this.list.str()}`;
    if (this.elseList) s += `{{else}}${this.elseList.str()}`;
    return `${s}{{end}}`;
  }
}

export class BreakNode extends Base {
  readonly type = N.Break;
  str(): string {
    return "{{break}}";
  }
}

export class ContinueNode extends Base {
  readonly type = N.Continue;
  str(): string {
    return "{{continue}}";
  }
}

export class TemplateNode extends Base {
  readonly type = N.Template;
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly line: number,
    readonly name: string,
    readonly pipe: PipeNode | null,
  ) {
    super(tr, pos);
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
