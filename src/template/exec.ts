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
import { sortGoStrings, sprint, sprintTemplateValue } from "./fmt.ts";
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

// The running execution's state lives in module variables rather than in
// State's fields: the executor runs cold (a few hundred calls per function,
// interpreted or baseline code), where each field load or store is an inline
// cache call and a method call first loads the method, while a module
// variable or function is reached directly. State.walk swaps these in and
// out, so an execution re-entered through include gets its own.
let env: ExecEnv = { lookup: () => undefined, func: () => undefined, missingKey: "default" };
let tmplName = "";
/** The node being evaluated, for error context. */
let curNode: Node | null = null;
let vars: Variable[] = [];
let depth = 0;
/** Whether the last evalField result came from an interface{} slot. */
let lastIface = false;
let out: string[] = [];
let size = 0;
let limit = MAX_OUTPUT;

/** One execution: Go's `state`. Re-entrant use (include) creates a new one. */
export class State {
  readonly out: string[] = [];
  private readonly vars: Variable[];
  private readonly limit: number;

  constructor(
    private readonly env: ExecEnv,
    private readonly tmplName: string,
    dot: RV,
  ) {
    this.vars = [{ name: "$", value: dot }];
    this.limit = env.maxOutput ?? MAX_OUTPUT;
  }

  /** An error before execution starts (no node to point at). */
  errorf(msg: string, cause?: unknown): never {
    const name = this.tmplName;
    throw new TemplateExecError(`template: ${name}: ${msg}`, name, undefined, undefined, msg, cause);
  }

  /** Runs the tree at root with this state, then gives the module variables back to the caller's. */
  walk(dot: XV, root: Node): Flow {
    const saved = [env, tmplName, curNode, vars, depth, lastIface, out, size, limit] as const;
    env = this.env;
    tmplName = this.tmplName;
    curNode = null;
    vars = this.vars;
    depth = 0;
    lastIface = false;
    out = this.out;
    size = 0;
    limit = this.limit;
    try {
      return walkNode(dot, root);
    } finally {
      [env, tmplName, curNode, vars, depth, lastIface, out, size, limit] = saved;
    }
  }
}

function fail(msg: string, cause?: unknown): never {
  const name = tmplName;
  if (curNode === null) {
    throw new TemplateExecError(`template: ${name}: ${msg}`, name, undefined, undefined, msg, cause);
  }
  const [location, context] = errorContext(curNode);
  throw new TemplateExecError(
    `template: ${location}: executing ${quote(name)} at <${context}>: ${msg}`,
    name,
    location,
    context,
    msg,
    cause,
  );
}

function write(s: string): void {
  size += s.length;
  if (size > limit) fail(`template output exceeds the limit of ${limit} characters`);
  out.push(s);
}

// ---- variables ----

function setVar(name: string, value: XV): void {
  for (let i = vars.length - 1; i >= 0; i--) {
    if (vars[i]!.name === name) {
      vars[i]!.value = value;
      return;
    }
  }
  fail(`undefined variable: ${name}`);
}

function setTopVar(n: number, value: XV): void {
  vars[vars.length - n]!.value = value;
}

function varValue(name: string): XV {
  for (let i = vars.length - 1; i >= 0; i--) {
    if (vars[i]!.name === name) return vars[i]!.value;
  }
  return fail(`undefined variable: ${name}`);
}

// ---- walking ----

function walkNode(dot: XV, node: Node): Flow {
  curNode = node;
  switch (node.type) {
    case N.Action: {
      const val = evalPipeline(dot, node.pipe);
      if (node.pipe.decl.length === 0) printValue(node, val);
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
      return walkIfOrWith(dot, node);
    case N.List: {
      // Inlined (not a helper call): one frame less per nesting level keeps
      // deep include/template recursion within JavaScript's stack.
      const nodes = node.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const f = walkNode(dot, nodes[i]!);
        if (f !== NORMAL) return f;
      }
      return NORMAL;
    }
    case N.Range:
      return walkRange(dot, node);
    case N.Template:
      walkTemplate(dot, node);
      return NORMAL;
    case N.Text:
      write(node.text);
      return NORMAL;
  }
  return fail(`unknown node: ${node.str()}`);
}

function walkIfOrWith(dot: XV, node: BranchNode): Flow {
  const mark = vars.length;
  const val = evalPipeline(dot, node.pipe);
  let f: Flow = NORMAL;
  if (isTrue(val)) f = walkNode(node.type === N.With ? val : dot, node.list);
  else if (node.elseList !== null) f = walkNode(dot, node.elseList);
  popVars(mark);
  return f;
}

function walkRange(dot: XV, r: BranchNode): Flow {
  curNode = r;
  const outer = vars.length;
  const val = evalPipeline(dot, r.pipe);
  const mark = vars.length;
  let ran = false;
  // The index is a value only when a second variable takes it.
  const wantIndex = r.pipe.decl.length > 1;
  // A named integer type (time.Month) ranges like its integer; elements keep the named type.
  const named = val instanceof GoObject && val.withUnderlying !== undefined ? val : undefined;
  const num = named !== undefined ? basicValue(named) : val;
  if (num instanceof GoInt || typeof num === "bigint") {
    if (r.pipe.decl.length > 1)
      fail(`can't use ${sprint([val as Value])} to iterate over more than one variable`);
    const n = typeof num === "bigint" ? num : num.v;
    for (let i = 0n; i < n; i++) {
      ran = true;
      const e: Value = typeof num === "bigint" ? i : new GoInt(i, num.kind);
      if (iterate(r, mark, undefined, named !== undefined ? named.withUnderlying!(e) : e)) break;
    }
  } else if (Array.isArray(val)) {
    const iface = elemTypeOf(val) === "interface {}";
    for (let i = 0; i < val.length; i++) {
      ran = true;
      const e = val[i]!;
      const index = wantIndex ? new GoInt(BigInt(i)) : undefined;
      if (iterate(r, mark, index, iface && e !== null ? new Iface(e) : e)) break;
    }
  } else if (val instanceof Uint8Array) {
    for (let i = 0; i < val.length; i++) {
      ran = true;
      const index = wantIndex ? new GoInt(BigInt(i)) : undefined;
      if (iterate(r, mark, index, new GoInt(BigInt(val[i]!), "uint8"))) break;
    }
  } else if (val instanceof Map) {
    const iface = elemTypeOf(val) === "interface {}";
    const keys = sortGoStrings([...val.keys()]);
    for (let i = 0; i < keys.length; i++) {
      ran = true;
      const e = val.get(keys[i]!)!;
      if (iterate(r, mark, keys[i]!, iface && e !== null ? new Iface(e) : e)) break;
    }
  } else if (val !== undefined) {
    return fail(`range can't iterate over ${sprint([val])}`);
  }
  let f: Flow = NORMAL;
  if (!ran && r.elseList !== null) f = walkNode(dot, r.elseList);
  popVars(outer);
  return f;
}

/** One iteration of range (Go's oneIteration); true when the body executed {{break}}. */
function iterate(r: BranchNode, mark: number, index: XV, el: XV): boolean {
  const decl = r.pipe.decl;
  if (decl.length > 0) {
    if (r.pipe.isAssign) setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : el);
    else setTopVar(1, el);
  }
  if (decl.length > 1) {
    if (r.pipe.isAssign) setVar(decl[1]!.ident[0]!, el);
    else setTopVar(2, index);
  }
  const f = walkNode(el, r.list);
  popVars(mark);
  return f === BREAK;
}

/** Drops variables declared since `mark` (pop, which V8 does faster than setting length). */
function popVars(mark: number): void {
  const vs = vars;
  while (vs.length > mark) vs.pop();
}

function walkTemplate(dot: XV, t: TemplateNode): void {
  curNode = t;
  const tree = env.lookup(t.name);
  if (tree === undefined) fail(`template ${quote(t.name)} not defined`);
  if (depth === MAX_EXEC_DEPTH) fail(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  const newDot = evalPipeline(dot, t.pipe);
  const saved = [tmplName, vars, depth] as const;
  tmplName = tree.name;
  vars = [{ name: "$", value: newDot }];
  depth++;
  walkNode(newDot, tree.root!);
  [tmplName, vars, depth] = saved;
}

// ---- evaluation ----

function evalPipeline(dot: XV, pipe: PipeNode | null): RV {
  if (pipe === null) return undefined;
  curNode = pipe;
  let value: Final = MISSING;
  const cmds = pipe.cmds;
  for (let i = 0; i < cmds.length; i++) {
    // elem(), inline: this runs for every command.
    const x = evalCommand(dot, cmds[i]!, value);
    value = x instanceof Iface ? x.v : x === null ? undefined : x;
  }
  const v = value as RV;
  const decl = pipe.decl;
  for (let i = 0; i < decl.length; i++) {
    const name = decl[i]!.ident[0]!;
    if (pipe.isAssign) setVar(name, v);
    else vars.push({ name, value: v });
  }
  return v;
}

function notAFunction(args: Node[] | null, final: Final): void {
  if ((args !== null && args.length > 1) || final !== MISSING) {
    fail(`can't give argument to non-function ${args![0]!.str()}`);
  }
}

function evalCommand(dot: XV, cmd: CommandNode, final: Final): XV {
  const first = cmd.args[0]!;
  switch (first.type) {
    case N.Field:
      curNode = first;
      return evalFieldChain(dot, dot, first, first.ident, 0, cmd.args, final);
    case N.Chain:
      return evalChainNode(dot, first, cmd.args, final);
    case N.Identifier:
      return evalFunction(dot, first, cmd, cmd.args, final);
    case N.Pipe:
      notAFunction(cmd.args, final);
      return evalPipeline(dot, first);
    case N.Variable:
      return evalVariableNode(dot, first, cmd.args, final);
  }
  curNode = first;
  notAFunction(cmd.args, final);
  switch (first.type) {
    case N.Bool:
      return first.value;
    case N.Dot:
      return dot;
    case N.Nil:
      return fail("nil is not a command");
    case N.Number:
      return idealConstant(first);
    case N.String:
      return first.text;
  }
  return fail(`can't evaluate command ${quote(first.str())}`);
}

function idealConstant(c: NumberNode): RV {
  curNode = c;
  if (c.isComplex) fail(`complex constant ${c.text} is not supported`);
  if (c.isFloat && isFloatText(c.text)) return c.float64;
  if (c.isInt) return new GoInt(c.int64);
  if (c.isUint) fail(`${c.text} overflows int`);
  return undefined;
}

function evalFieldNode(dot: XV, field: FieldNode, args: Node[] | null, final: Final): XV {
  curNode = field;
  return evalFieldChain(dot, dot, field, field.ident, 0, args, final);
}

function evalChainNode(dot: XV, chain: ChainNode, args: Node[] | null, final: Final): XV {
  curNode = chain;
  if (chain.node.type === N.Nil) fail(`indirection through explicit nil in ${chain.str()}`);
  const pipe = evalArg(dot, null, chain.node);
  return evalFieldChain(dot, pipe, chain, chain.field, 0, args, final);
}

function evalVariableNode(dot: XV, v: VariableNode, args: Node[] | null, final: Final): XV {
  curNode = v;
  const value = varValue(v.ident[0]!);
  if (v.ident.length === 1) {
    notAFunction(args, final);
    return value;
  }
  return evalFieldChain(dot, value, v, v.ident, 1, args, final);
}

function evalFieldChain(
  dot: XV,
  receiver: XV,
  node: Node,
  ident: string[],
  start: number,
  args: Node[] | null,
  final: Final,
): XV {
  let iface = receiver instanceof Iface;
  let recv = iface ? (receiver as Iface).v : (receiver as RV);
  const n = ident.length;
  for (let i = start; i < n - 1; i++) {
    const name = ident[i]!;
    // A key present in a plain map[string]interface {} (most of .Values):
    // what evalField's plainMapField answers, without the calls; a missing
    // key, a typed map or anything else takes evalField.
    if (
      recv instanceof Map &&
      (recv as GoMap)[GO_TYPE] === undefined &&
      (recv as GoMap)[GO_METHODS] === undefined
    ) {
      const x = recv.get(name);
      if (x !== undefined) {
        recv = x;
        iface = true;
        continue;
      }
    }
    recv = evalField(dot, name, node, null, MISSING, recv, iface);
    iface = lastIface;
  }
  return evalField(dot, ident[n - 1]!, node, args, final, recv, iface);
}

function evalFunction(dot: XV, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): XV {
  curNode = node;
  const name = node.ident;
  const user = env.func(name);
  if (user !== undefined) return evalCall(dot, user, false, cmd, name, args, final);
  const builtin = BUILTINS[name];
  if (builtin === undefined || !Object.hasOwn(BUILTINS, name)) {
    return fail(`${quote(name)} is not a defined function`);
  }
  return evalCall(dot, builtin, true, cmd, name, args, final);
}

function evalField(
  dot: XV,
  fieldName: string,
  node: Node,
  args: Node[] | null,
  final: Final,
  receiver: RV,
  recvIface: boolean,
): RV {
  lastIface = false;
  if (receiver === undefined) {
    if (env.missingKey === "error") fail(`nil data; no entry for key ${quote(fieldName)}`);
    return undefined;
  }
  if (receiver === null) fail(`nil pointer evaluating interface {}.${fieldName}`);
  if (receiver instanceof Map && (receiver as GoMap)[GO_TYPE] === undefined) {
    // Fast path for a plain map[string]interface {} (most of .Values): no
    // methods unless some are bound to it; otherwise the general path below.
    if ((receiver as GoMap)[GO_METHODS] === undefined) return plainMapField(fieldName, args, final, receiver);
  }
  // Go looks methods up before fields and map keys.
  const method = methodOf(receiver, fieldName);
  if (method !== undefined) return evalCall(dot, method, false, node, fieldName, args, final);
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  if (receiver instanceof Map) {
    if (keyTypeOf(receiver) === "string") {
      if (hasArgs) fail(`${fieldName} is not a method but has arguments`);
      const result = receiver.get(fieldName);
      const et = elemTypeOf(receiver);
      if (result === undefined) {
        switch (env.missingKey) {
          case "default":
            return undefined;
          case "zero":
            lastIface = et === "interface {}";
            return zeroValue(et);
          case "error":
            return fail(`map has no entry for key ${quote(fieldName)}`);
        }
      }
      lastIface = et === "interface {}";
      return result;
    }
  } else if (receiver instanceof GoObject) {
    const f = receiver.field(fieldName);
    if (f !== undefined) {
      if (hasArgs) fail(`${fieldName} has arguments but cannot be invoked as function`);
      return f;
    }
  }
  const typ = recvIface ? "interface {}" : goTypeName(receiver);
  return fail(`can't evaluate field ${fieldName} in type ${typ}`);
}

/** evalField on an untagged map[string]interface {} without bound methods. */
function plainMapField(fieldName: string, args: Node[] | null, final: Final, receiver: GoMap): RV {
  if ((args !== null && args.length > 1) || final !== MISSING) {
    fail(`${fieldName} is not a method but has arguments`);
  }
  const result = receiver.get(fieldName);
  lastIface = true;
  if (result !== undefined) return result;
  switch (env.missingKey) {
    case "zero":
      return null;
    case "error":
      lastIface = false;
      return fail(`map has no entry for key ${quote(fieldName)}`);
  }
  lastIface = false;
  return undefined;
}

function evalCall(
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
      return fail(`wrong number of args for ${name}: want at least ${params.length} got ${nargs}`);
    }
  } else if (numIn !== params.length) {
    return fail(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
  }
  if (fun.results !== undefined) fail(badResults(name, fun.results));

  if (isBuiltin && (name === "and" || name === "or")) {
    // Short-circuit: return the first argument that decides, unevaluated past it.
    let v: RV;
    for (let j = 1; j <= nargs; j++) {
      v = evalArg(dot, REFLECT_VALUE, args![j]!);
      if (isTrue(elem(v)) === (name === "or")) return v;
    }
    if (final !== MISSING) v = validateType(final, REFLECT_VALUE);
    return v;
  }

  const argv: RV[] = new Array(numIn);
  let i = 0;
  for (; i < numFixed && i < nargs; i++) argv[i] = evalArg(dot, params[i]!, args![i + 1]!);
  if (fun.variadic !== undefined) {
    for (; i < nargs; i++) argv[i] = evalArg(dot, fun.variadic, args![i + 1]!);
  }
  if (final !== MISSING) {
    let t: string;
    if (fun.variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1]! : fun.variadic;
    else t = params[params.length - 1]!;
    argv[i] = validateType(final, t);
  }

  if (isBuiltin && name === "call") {
    const calleeName = nargs === 0 ? sprint([unwrap(final as XV) ?? null]) : args![1]!.str();
    argv.unshift(calleeName);
  }

  return invoke(fun, argv as Value[], isBuiltin, node, name);
}

/** Calls fun; a Go error or panic becomes "error calling NAME: ...". */
function invoke(fun: GoFunc, argv: Value[], isBuiltin: boolean, node: Node, name: string): RV {
  let v: Value | undefined;
  try {
    v = fun.fn.apply(undefined, argv);
  } catch (e) {
    if (e instanceof GoError || e instanceof TemplateExecError || e instanceof TemplateParseError) {
      curNode = node;
      return fail(`error calling ${name}: ${e.message}`, e);
    }
    throw e;
  }
  if (v === undefined) return isBuiltin ? undefined : null;
  if (v === null && fun.result !== "interface {}" && !isBuiltin) return zeroValue(fun.result);
  return v;
}

/** Go's validateType: a computed value passed where type `typ` is expected (null typ: any). */
function validateType(x: XV, typ: string | null): RV {
  const value = x instanceof Iface ? x.v : x;
  // Fast paths for the common parameter types; the general rule below gives the same answers.
  if (typ === ANY) {
    if (value !== undefined) return value;
  } else if (typ === "string" && typeof value === "string") return value;
  if (value === undefined) {
    if (typ === null) return undefined;
    if (canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : null;
    return fail(`invalid value; expected ${typ}`);
  }
  if (typ === null || typ === REFLECT_VALUE) return value;
  if (value === null) {
    if (typeKind(typ) === "interface") return null;
    return fail(`wrong type for value; expected ${typ}; got interface {}`);
  }
  const vt = goTypeName(value);
  if (!assignableTo(vt, typ)) fail(`wrong type for value; expected ${typ}; got ${vt}`);
  return value;
}

function evalArg(dot: XV, typ: string | null, n: Node): RV {
  curNode = n;
  switch (n.type) {
    case N.Dot:
      return validateType(dot, typ);
    case N.Nil:
      if (typ !== null && canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : null;
      return fail(`cannot assign nil to ${typ}`);
    case N.Field:
      return validateType(evalFieldNode(dot, n, null, MISSING), typ);
    case N.Variable:
      return validateType(evalVariableNode(dot, n, null, MISSING), typ);
    case N.Pipe:
      return validateType(evalPipeline(dot, n), typ);
    case N.Identifier:
      return validateType(evalFunction(dot, n, n, null, MISSING), typ);
    case N.Chain:
      return validateType(evalChainNode(dot, n, null, MISSING), typ);
  }
  // A string literal for a string or interface {} parameter (the usual case).
  if (n.type === N.String && (typ === "string" || typ === ANY)) return n.text;
  const t = typ!;
  switch (typeKind(t)) {
    case "bool":
      if (n.type === N.Bool) return n.value;
      return fail(`expected bool; found ${n.str()}`);
    case "complex":
      return fail(`expected complex; found ${n.str()}`);
    case "float":
      if (n.type === N.Number && n.isFloat) return t === "float32" ? new GoFloat32(n.float64) : n.float64;
      return fail(`expected float; found ${n.str()}`);
    case "int":
      if (n.type === N.Number && n.isInt) {
        return t === "int64" ? n.int64 : new GoInt(BigInt.asIntN(intBits(t), n.int64), t as GoInt["kind"]);
      }
      return fail(`expected integer; found ${n.str()}`);
    case "interface":
    case "reflect":
      return evalEmptyInterface(dot, n);
    case "string":
      if (n.type === N.String) return n.text;
      return fail(`expected string; found ${n.str()}`);
    case "uint":
      if (n.type === N.Number && n.isUint) {
        return new GoInt(BigInt.asUintN(intBits(t), n.uint64), (t === "byte" ? "uint8" : t) as GoInt["kind"]);
      }
      return fail(`expected unsigned integer; found ${n.str()}`);
  }
  return fail(`can't handle ${n.str()} for arg of type ${t}`);
}

function evalEmptyInterface(dot: XV, n: Node): RV {
  curNode = n;
  switch (n.type) {
    case N.Bool:
      return n.value;
    case N.Dot:
      return unwrap(dot);
    case N.Field:
      return unwrap(evalFieldNode(dot, n, null, MISSING));
    case N.Identifier:
      return unwrap(evalFunction(dot, n, n, null, MISSING));
    case N.Nil:
      return fail("evalEmptyInterface: nil (can't happen)");
    case N.Number:
      return idealConstant(n);
    case N.String:
      return n.text;
    case N.Variable:
      return unwrap(evalVariableNode(dot, n, null, MISSING));
    case N.Pipe:
      return evalPipeline(dot, n);
  }
  return fail(`can't handle assignment of ${n.str()} to empty interface argument`);
}

function printValue(n: Node, v: RV): void {
  curNode = n;
  if (typeof v === "string") write(v);
  else write(v === undefined ? "<no value>" : sprintTemplateValue(v));
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
