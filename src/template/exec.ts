// The executor (mirrors text/template/exec.go): walks a tree with one state
// object. Values are our Go value model plus two executor-only states:
//   undefined — Go's invalid reflect.Value (a missing value, "<no value>")
//   null      — a nil interface{} (a map entry holding nil, Zero(interface{}))
// and values read out of interface{} slots (map/slice elements) remember that
// their static type is interface {}, which Go shows in field errors
// ("nil pointer evaluating interface {}.b", "can't evaluate field x in type interface {}").
// break/continue are return codes, not exceptions.
import { BUILTINS } from "./builtins.ts";
import { TemplateExecError, TemplateParseError } from "./errors.ts";
import { compareGoStrings, sprint, sprintTemplateValue } from "./fmt.ts";
import {
  assignableTo,
  canBeNil,
  elemTypeOf,
  keyTypeOf,
  REFLECT_VALUE,
  taggedMethod,
  typeKind,
  zeroValue,
} from "./gotypes.ts";
import {
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  N,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from "./nodes.ts";
import type { Tree } from "./parse.ts";
import { quote } from "./strconv.ts";
import { goTypeName } from "./types.ts";
import {
  basicValue,
  GO_METHODS,
  GO_TYPE,
  GoError,
  GoFloat32,
  type GoFunc,
  GoInt,
  type GoMap,
  GoObject,
  type Value,
} from "./value.ts";

const ANY = "interface {}";

/** A value, or Go's invalid reflect.Value. */
export type RV = Value | undefined;

/** A non-nil value held in an interface{} slot (range elements); see the header. */
class Iface {
  declare readonly v: Value;
  constructor(v: Value) {
    this.v = v;
  }
}
type XV = RV | Iface;

/** Go's missingVal: "no final value passed down the pipeline". */
const MISSING: unique symbol = Symbol("missing");
type Final = XV | typeof MISSING;

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
type Flow = typeof NORMAL | typeof BREAK | typeof CONTINUE;

export type MissingKey = "default" | "zero" | "error";

const MAX_EXEC_DEPTH = 100000;
/** Output cap: a runaway template ends with an error instead of exhausting memory. */
export const MAX_OUTPUT = 256 * 1024 * 1024;

/** What the executor needs from the template set. */
export interface ExecEnv {
  lookup(name: string): Tree | undefined;
  func(name: string): GoFunc | undefined;
  missingKey: MissingKey;
  /** Output size limit in UTF-16 units (default MAX_OUTPUT). */
  maxOutput?: number;
}

interface Variable {
  name: string;
  value: XV;
}

function unwrap(x: XV): RV {
  return x instanceof Iface ? x.v : x;
}

/** Go's indirectInterface + Elem as evalPipeline applies it: a nil interface becomes invalid. */
function elem(x: XV): RV {
  if (x instanceof Iface) return x.v;
  return x === null ? undefined : x;
}

/** Go's isTrue on an indirected value; nil/invalid are false. */
export function isTrue(v: RV): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "string":
      return v.length > 0;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
  }
  if (v instanceof GoInt) return v.v !== 0n;
  if (v instanceof GoFloat32) return v.v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoObject) return v.truth();
  return true;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Go's Tree.ErrorContext: "parseName:line:byteColumn" and the node's text. */
export function errorContext(n: Node): [string, string] {
  const text = n.tr.text.slice(0, n.pos);
  const nl = text.lastIndexOf("\n");
  const col = nl === -1 ? utf8Length(text) : utf8Length(text.slice(nl + 1));
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
  return [`${n.tr.parseName}:${line}:${col}`, n.str()];
}

/** One execution: Go's `state`. Re-entrant use (include) creates a new one. */
export class State {
  private node: Node | null = null;
  private vars: Variable[];
  private depth = 0;
  private lastIface = false;
  readonly out: string[] = [];
  private size = 0;
  private readonly limit: number;

  constructor(
    private readonly env: ExecEnv,
    private tmplName: string,
    dot: RV,
  ) {
    this.vars = [{ name: "$", value: dot }];
    this.limit = env.maxOutput ?? MAX_OUTPUT;
  }

  errorf(msg: string, cause?: unknown): never {
    const name = this.tmplName;
    if (this.node === null) {
      throw new TemplateExecError(`template: ${name}: ${msg}`, name, undefined, undefined, msg, cause);
    }
    const [location, context] = errorContext(this.node);
    throw new TemplateExecError(
      `template: ${location}: executing ${quote(name)} at <${context}>: ${msg}`,
      name,
      location,
      context,
      msg,
      cause,
    );
  }

  private write(s: string): void {
    this.size += s.length;
    if (this.size > this.limit) this.errorf(`template output exceeds the limit of ${this.limit} characters`);
    this.out.push(s);
  }

  // ---- variables ----

  private setVar(name: string, value: XV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: XV): void {
    this.vars[this.vars.length - n]!.value = value;
  }

  private varValue(name: string): XV {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----

  walk(dot: XV, node: Node): Flow {
    this.node = node;
    switch (node.type) {
      case N.Action: {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return NORMAL;
      }
      case N.Break:
        return BREAK;
      case N.Continue:
        return CONTINUE;
      case N.Comment:
        return NORMAL;
      case N.If:
      case N.With:
        return this.walkIfOrWith(dot, node);
      case N.List: {
        // Inlined (not a helper call): one frame less per nesting level keeps
        // deep include/template recursion within JavaScript's stack.
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) {
          const f = this.walk(dot, nodes[i]!);
          if (f !== NORMAL) return f;
        }
        return NORMAL;
      }
      case N.Range:
        return this.walkRange(dot, node);
      case N.Template:
        this.walkTemplate(dot, node);
        return NORMAL;
      case N.Text:
        this.write(node.text);
        return NORMAL;
    }
    return this.errorf(`unknown node: ${node.str()}`);
  }

  private walkIfOrWith(dot: XV, node: BranchNode): Flow {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, node.pipe);
    let f: Flow = NORMAL;
    if (isTrue(val)) f = this.walk(node.type === N.With ? val : dot, node.list);
    else if (node.elseList !== null) f = this.walk(dot, node.elseList);
    this.popVars(mark);
    return f;
  }

  private walkRange(dot: XV, r: BranchNode): Flow {
    this.node = r;
    const outer = this.vars.length;
    const val = this.evalPipeline(dot, r.pipe);
    const mark = this.vars.length;
    let ran = false;
    // The index is a value only when a second variable takes it.
    const wantIndex = r.pipe.decl.length > 1;
    // A named integer type (time.Month) ranges like its integer; elements keep the named type.
    const named = val instanceof GoObject && val.withUnderlying !== undefined ? val : undefined;
    const num = named !== undefined ? basicValue(named) : val;
    if (num instanceof GoInt || typeof num === "bigint") {
      if (r.pipe.decl.length > 1)
        this.errorf(`can't use ${sprint([val as Value])} to iterate over more than one variable`);
      const n = typeof num === "bigint" ? num : num.v;
      for (let i = 0n; i < n; i++) {
        ran = true;
        const e: Value = typeof num === "bigint" ? i : new GoInt(i, num.kind);
        if (this.iterate(r, mark, undefined, named !== undefined ? named.withUnderlying!(e) : e)) break;
      }
    } else if (Array.isArray(val)) {
      const iface = elemTypeOf(val) === "interface {}";
      for (let i = 0; i < val.length; i++) {
        ran = true;
        const e = val[i]!;
        const index = wantIndex ? new GoInt(BigInt(i)) : undefined;
        if (this.iterate(r, mark, index, iface && e !== null ? new Iface(e) : e)) break;
      }
    } else if (val instanceof Uint8Array) {
      for (let i = 0; i < val.length; i++) {
        ran = true;
        const index = wantIndex ? new GoInt(BigInt(i)) : undefined;
        if (this.iterate(r, mark, index, new GoInt(BigInt(val[i]!), "uint8"))) break;
      }
    } else if (val instanceof Map) {
      const iface = elemTypeOf(val) === "interface {}";
      const keys = [...val.keys()].sort(compareGoStrings);
      for (let i = 0; i < keys.length; i++) {
        ran = true;
        const e = val.get(keys[i]!)!;
        if (this.iterate(r, mark, keys[i]!, iface && e !== null ? new Iface(e) : e)) break;
      }
    } else if (val !== undefined) {
      return this.errorf(`range can't iterate over ${sprint([val])}`);
    }
    let f: Flow = NORMAL;
    if (!ran && r.elseList !== null) f = this.walk(dot, r.elseList);
    this.popVars(outer);
    return f;
  }

  /** One iteration of range (Go's oneIteration); true when the body executed {{break}}. */
  private iterate(r: BranchNode, mark: number, index: XV, el: XV): boolean {
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : el);
      else this.setTopVar(1, el);
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, el);
      else this.setTopVar(2, index);
    }
    const f = this.walk(el, r.list);
    this.popVars(mark);
    return f === BREAK;
  }

  /** Drops variables declared since `mark` (pop, which V8 does faster than setting length). */
  private popVars(mark: number): void {
    const vars = this.vars;
    while (vars.length > mark) vars.pop();
  }

  private walkTemplate(dot: XV, t: TemplateNode): void {
    this.node = t;
    const tree = this.env.lookup(t.name);
    if (tree === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = [this.tmplName, this.vars, this.depth] as const;
    this.tmplName = tree.name;
    this.vars = [{ name: "$", value: newDot }];
    this.depth++;
    this.walk(newDot, tree.root!);
    [this.tmplName, this.vars, this.depth] = saved;
  }

  // ---- evaluation ----

  evalPipeline(dot: XV, pipe: PipeNode | null): RV {
    if (pipe === null) return undefined;
    this.node = pipe;
    let value: Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = elem(this.evalCommand(dot, cmds[i]!, value));
    }
    const v = value as RV;
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      const name = decl[i]!.ident[0]!;
      if (pipe.isAssign) this.setVar(name, v);
      else this.vars.push({ name, value: v });
    }
    return v;
  }

  private notAFunction(args: Node[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${args![0]!.str()}`);
    }
  }

  private evalCommand(dot: XV, cmd: CommandNode, final: Final): XV {
    const first = cmd.args[0]!;
    switch (first.type) {
      case N.Field:
        return this.evalFieldNode(dot, first, cmd.args, final);
      case N.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case N.Identifier:
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case N.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case N.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case N.Bool:
        return first.value;
      case N.Dot:
        return dot;
      case N.Nil:
        return this.errorf("nil is not a command");
      case N.Number:
        return this.idealConstant(first);
      case N.String:
        return first.text;
    }
    return this.errorf(`can't evaluate command ${quote(first.str())}`);
  }

  private idealConstant(c: NumberNode): RV {
    this.node = c;
    if (c.isComplex) this.errorf(`complex constant ${c.text} is not supported`);
    if (c.isFloat && isFloatText(c.text)) return c.float64;
    if (c.isInt) return new GoInt(c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: XV, field: FieldNode, args: Node[] | null, final: Final): XV {
    this.node = field;
    return this.evalFieldChain(dot, dot, field, field.ident, 0, args, final);
  }

  private evalChainNode(dot: XV, chain: ChainNode, args: Node[] | null, final: Final): XV {
    this.node = chain;
    if (chain.node.type === N.Nil) this.errorf(`indirection through explicit nil in ${chain.str()}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, 0, args, final);
  }

  private evalVariableNode(dot: XV, v: VariableNode, args: Node[] | null, final: Final): XV {
    this.node = v;
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident, 1, args, final);
  }

  private evalFieldChain(
    dot: XV,
    receiver: XV,
    node: Node,
    ident: string[],
    start: number,
    args: Node[] | null,
    final: Final,
  ): XV {
    let iface = receiver instanceof Iface;
    let recv = unwrap(receiver);
    const n = ident.length;
    for (let i = start; i < n - 1; i++) {
      recv = this.evalField(dot, ident[i]!, node, null, MISSING, recv, iface);
      iface = this.lastIface;
    }
    return this.evalField(dot, ident[n - 1]!, node, args, final, recv, iface);
  }

  private evalFunction(dot: XV, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): XV {
    this.node = node;
    const name = node.ident;
    const user = this.env.func(name);
    if (user !== undefined) return this.evalCall(dot, user, false, cmd, name, args, final);
    const builtin = BUILTINS[name];
    if (builtin === undefined || !Object.hasOwn(BUILTINS, name)) {
      return this.errorf(`${quote(name)} is not a defined function`);
    }
    return this.evalCall(dot, builtin, true, cmd, name, args, final);
  }

  private evalField(
    dot: XV,
    fieldName: string,
    node: Node,
    args: Node[] | null,
    final: Final,
    receiver: RV,
    recvIface: boolean,
  ): RV {
    this.lastIface = false;
    if (receiver === undefined) {
      if (this.env.missingKey === "error") this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    if (receiver instanceof Map && (receiver as GoMap)[GO_TYPE] === undefined) {
      // Fast path for a plain map[string]interface {} (most of .Values): no
      // methods unless some are bound to it; otherwise the general path below.
      if ((receiver as GoMap)[GO_METHODS] === undefined)
        return this.plainMapField(fieldName, args, final, receiver);
    }
    // Go looks methods up before fields and map keys.
    const method = methodOf(receiver, fieldName);
    if (method !== undefined) return this.evalCall(dot, method, false, node, fieldName, args, final);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof Map) {
      if (keyTypeOf(receiver) === "string") {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        const result = receiver.get(fieldName);
        const et = elemTypeOf(receiver);
        if (result === undefined) {
          switch (this.env.missingKey) {
            case "default":
              return undefined;
            case "zero":
              this.lastIface = et === "interface {}";
              return zeroValue(et);
            case "error":
              return this.errorf(`map has no entry for key ${quote(fieldName)}`);
          }
        }
        this.lastIface = et === "interface {}";
        return result;
      }
    } else if (receiver instanceof GoObject) {
      const f = receiver.field(fieldName);
      if (f !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return f;
      }
    }
    const typ = recvIface ? "interface {}" : goTypeName(receiver);
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  /** evalField on an untagged map[string]interface {} without bound methods. */
  private plainMapField(fieldName: string, args: Node[] | null, final: Final, receiver: GoMap): RV {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`${fieldName} is not a method but has arguments`);
    }
    const result = receiver.get(fieldName);
    this.lastIface = true;
    if (result !== undefined) return result;
    switch (this.env.missingKey) {
      case "zero":
        return null;
      case "error":
        this.lastIface = false;
        return this.errorf(`map has no entry for key ${quote(fieldName)}`);
    }
    this.lastIface = false;
    return undefined;
  }

  private evalCall(
    dot: XV,
    fun: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    args: Node[] | null,
    final: Final,
  ): RV {
    // args[0] is the function's own node; the arguments follow (Go's args[1:]).
    const nargs = args !== null ? args.length - 1 : 0;
    const params = fun.params;
    const numIn = nargs + (final !== MISSING ? 1 : 0);
    let numFixed = nargs;
    if (fun.variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed) {
        return this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${nargs}`);
      }
    } else if (numIn !== params.length) {
      return this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (fun.results !== undefined) this.errorf(badResults(name, fun.results));

    if (isBuiltin && (name === "and" || name === "or")) {
      // Short-circuit: return the first argument that decides, unevaluated past it.
      let v: RV;
      for (let j = 1; j <= nargs; j++) {
        v = this.evalArg(dot, REFLECT_VALUE, args![j]!);
        if (isTrue(elem(v)) === (name === "or")) return v;
      }
      if (final !== MISSING) v = this.validateType(final, REFLECT_VALUE);
      return v;
    }

    const argv: RV[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < nargs; i++) argv[i] = this.evalArg(dot, params[i]!, args![i + 1]!);
    if (fun.variadic !== undefined) {
      for (; i < nargs; i++) argv[i] = this.evalArg(dot, fun.variadic, args![i + 1]!);
    }
    if (final !== MISSING) {
      let t: string;
      if (fun.variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1]! : fun.variadic;
      else t = params[params.length - 1]!;
      argv[i] = this.validateType(final, t);
    }

    if (isBuiltin && name === "call") {
      const calleeName = nargs === 0 ? sprint([unwrap(final as XV) ?? null]) : args![1]!.str();
      argv.unshift(calleeName);
    }

    return this.invoke(fun, argv as Value[], isBuiltin, node, name);
  }

  /** Calls fun; a Go error or panic becomes "error calling NAME: ...". */
  private invoke(fun: GoFunc, argv: Value[], isBuiltin: boolean, node: Node, name: string): RV {
    let v: Value | undefined;
    try {
      v = fun.fn.apply(undefined, argv);
    } catch (e) {
      if (e instanceof GoError || e instanceof TemplateExecError || e instanceof TemplateParseError) {
        this.node = node;
        return this.errorf(`error calling ${name}: ${e.message}`, e);
      }
      throw e;
    }
    if (v === undefined) return isBuiltin ? undefined : null;
    if (v === null && fun.result !== "interface {}" && !isBuiltin) return zeroValue(fun.result);
    return v;
  }

  /** Go's validateType: a computed value passed where type `typ` is expected (null typ: any). */
  private validateType(x: XV, typ: string | null): RV {
    const value = x instanceof Iface ? x.v : x;
    // Fast paths for the common parameter types; the general rule below gives the same answers.
    if (typ === ANY) {
      if (value !== undefined) return value;
    } else if (typ === "string" && typeof value === "string") return value;
    if (value === undefined) {
      if (typ === null) return undefined;
      if (canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : null;
      return this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === REFLECT_VALUE) return value;
    if (value === null) {
      if (typeKind(typ) === "interface") return null;
      return this.errorf(`wrong type for value; expected ${typ}; got interface {}`);
    }
    const vt = goTypeName(value);
    if (!assignableTo(vt, typ)) this.errorf(`wrong type for value; expected ${typ}; got ${vt}`);
    return value;
  }

  private evalArg(dot: XV, typ: string | null, n: Node): RV {
    this.node = n;
    switch (n.type) {
      case N.Dot:
        return this.validateType(dot, typ);
      case N.Nil:
        if (typ !== null && canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : null;
        return this.errorf(`cannot assign nil to ${typ}`);
      case N.Field:
        return this.validateType(this.evalFieldNode(dot, n, null, MISSING), typ);
      case N.Variable:
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case N.Pipe:
        return this.validateType(this.evalPipeline(dot, n), typ);
      case N.Identifier:
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case N.Chain:
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    // A string literal for a string or interface {} parameter (the usual case).
    if (n.type === N.String && (typ === "string" || typ === ANY)) return n.text;
    const t = typ!;
    switch (typeKind(t)) {
      case "bool":
        if (n.type === N.Bool) return n.value;
        return this.errorf(`expected bool; found ${n.str()}`);
      case "complex":
        return this.errorf(`expected complex; found ${n.str()}`);
      case "float":
        if (n.type === N.Number && n.isFloat) return t === "float32" ? new GoFloat32(n.float64) : n.float64;
        return this.errorf(`expected float; found ${n.str()}`);
      case "int":
        if (n.type === N.Number && n.isInt) {
          return t === "int64" ? n.int64 : new GoInt(BigInt.asIntN(intBits(t), n.int64), t as GoInt["kind"]);
        }
        return this.errorf(`expected integer; found ${n.str()}`);
      case "interface":
      case "reflect":
        return this.evalEmptyInterface(dot, n);
      case "string":
        if (n.type === N.String) return n.text;
        return this.errorf(`expected string; found ${n.str()}`);
      case "uint":
        if (n.type === N.Number && n.isUint) {
          return new GoInt(
            BigInt.asUintN(intBits(t), n.uint64),
            (t === "byte" ? "uint8" : t) as GoInt["kind"],
          );
        }
        return this.errorf(`expected unsigned integer; found ${n.str()}`);
    }
    return this.errorf(`can't handle ${n.str()} for arg of type ${t}`);
  }

  private evalEmptyInterface(dot: XV, n: Node): RV {
    this.node = n;
    switch (n.type) {
      case N.Bool:
        return n.value;
      case N.Dot:
        return unwrap(dot);
      case N.Field:
        return unwrap(this.evalFieldNode(dot, n, null, MISSING));
      case N.Identifier:
        return unwrap(this.evalFunction(dot, n, n, null, MISSING));
      case N.Nil:
        return this.errorf("evalEmptyInterface: nil (can't happen)");
      case N.Number:
        return this.idealConstant(n);
      case N.String:
        return n.text;
      case N.Variable:
        return unwrap(this.evalVariableNode(dot, n, null, MISSING));
      case N.Pipe:
        return this.evalPipeline(dot, n);
    }
    return this.errorf(`can't handle assignment of ${n.str()} to empty interface argument`);
  }

  private printValue(n: Node, v: RV): void {
    this.node = n;
    if (typeof v === "string") this.write(v);
    else this.write(v === undefined ? "<no value>" : sprintTemplateValue(v));
  }
}

/** Go's goodFunc error for a function whose results are not (T) or (T, error). */
function badResults(name: string, results: string[]): string {
  if (results.length === 2)
    return `invalid function signature for ${name}: second return value should be error; is ${results[1]}`;
  return `function ${name} has ${results.length} return values; should be 1 or 2`;
}

/**
 * A method of the receiver: a host object's, or a named map/slice type's —
 * bound to the value (GO_METHODS) or registered for its type (registerMethods).
 */
function methodOf(receiver: Value, name: string): GoFunc | undefined {
  if (receiver instanceof GoObject) return receiver.method(name);
  if (receiver instanceof Map || Array.isArray(receiver)) {
    const bound = (receiver as GoMap)[GO_METHODS];
    if (bound !== undefined && Object.hasOwn(bound, name)) return bound[name];
    return taggedMethod(receiver, name);
  }
  return undefined;
}

/**
 * Go's idealConstant test for a float: the text has one of ".eEpP" and is
 * neither a hex integer nor a rune literal. An integer literal such as `0` is
 * also IsFloat in Go's parser, so the cheap scan comes first.
 */
function isFloatText(t: string): boolean {
  let mark = false;
  let p = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x70 || c === 0x50) p = true; // p P
    if (c === 0x2e || c === 0x65 || c === 0x45 || p) mark = true; // . e E
  }
  if (!mark || t.charCodeAt(0) === 0x27) return false; // '
  const isHexInt = t.length > 2 && t[0] === "0" && (t[1] === "x" || t[1] === "X") && !p;
  return !isHexInt;
}

function intBits(t: string): number {
  const m = /(\d+)$/.exec(t);
  return m ? Number(m[1]) : 64;
}
