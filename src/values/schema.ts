// values.schema.json validation with helm 4's wording. helm uses
// santhosh-tekuri/jsonschema v6; we validate with ajv and rebuild v6's error
// tree: causes grouped per (instance, subschema), a group with several causes
// printed as "validation failed" with its causes indented below.
import Ajv, { type ErrorObject } from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import Ajv2020 from "ajv/dist/2020.js";
import draft07Meta from "ajv/dist/refs/json-schema-draft-07.json" with { type: "json" };
import { RE2JS } from "re2js";
import { goString } from "../go/bytestring.ts";
import { goSprintV } from "./go-fmt.ts";
import { goQuote, goTypeName } from "./go-text.ts";
import { goJSONSyntaxError } from "./json-syntax-error.ts";
import { V6_FORMATS } from "./schema-formats.ts";
import { isTable, type Table } from "./tables.ts";

/** The part of a chart schema validation needs. */
export interface SchemaChart {
  name(): string;
  schema: Uint8Array | null;
  dependencies(): SchemaChart[];
}

export class SchemaValidationError extends Error {
  override name = "SchemaValidationError";
}

type AjvLike = { compile(s: unknown): ((d: unknown) => boolean) & { errors?: ErrorObject[] | null } };
// v6 compiles pattern and patternProperties with Go's regexp (RE2: (?i), \\A, [[:alpha:]] ...).
const re2Engine = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(pattern);
    // ajv keys its pattern cache by toString().
    return { test: (s: string) => re.test(s), toString: () => `/${pattern}/` };
  },
  { code: "re2" },
);

const cache = new Map<string, AjvLike>();
function validatorFor(draft: string): AjvLike {
  let a = cache.get(draft);
  if (!a) {
    const opts = {
      allErrors: true,
      // v6 divides exact rationals: 0.07 is a multiple of 0.01 there.
      multipleOfPrecision: 9,
      verbose: true,
      strict: false,
      // v6 asserts formats up to draft-07 only; unknown formats pass.
      validateFormats: draft === "07",
      validateSchema: false,
      logger: false,
      code: { regExp: re2Engine },
      // Given at construction: the metaschema compiles then and checks "regex" too.
      formats: Object.fromEntries(
        Object.entries(V6_FORMATS).map(([n, check]) => [
          n,
          { type: "string", validate: (x: string) => check(x) === "" },
        ]),
      ),
    } as const;
    const Ctor = (draft === "2020" ? Ajv2020 : draft === "2019" ? Ajv2019 : Ajv) as unknown as new (
      o: object,
    ) => AjvLike;
    a = new Ctor(opts);
    cache.set(draft, a);
  }
  return a;
}

// Go values to plain JSON data for ajv.
function toJSONData(v: unknown): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v)
      Object.defineProperty(o, k, {
        value: toJSONData(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return o;
  }
  if (Array.isArray(v)) return v.map(toJSONData);
  if (typeof v === "bigint") return Number(v);
  if (v !== null && typeof v === "object" && "v" in v && typeof (v as { v: unknown }).v === "bigint")
    return Number((v as { v: bigint }).v);
  if (v !== null && typeof v === "object" && "v" in v && typeof (v as { v: unknown }).v === "number")
    return (v as { v: number }).v;
  return v;
}

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return "number";
  if (typeof v === "object") return "object";
  return typeof v;
}

// v6's quote: Go's %q with bare double quotes and escaped single quotes, in single quotes.
function v6Quote(s: string): string {
  const q = goQuote(s).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${q.slice(1, -1)}'`;
}

// How v6 prints a JSON value inside a message.
function fmtValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v6Quote(v);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const isComposite = (v: unknown) => v !== null && typeof v === "object";

function quoteList(xs: string[]): string {
  return xs.map(v6Quote).join(", ");
}

interface Item {
  at: string;
  msg: string;
  children: Item[];
  /** A "validation failed" made by a $ref (v6's Reference error), not by a group of causes. */
  ref?: boolean;
  /** A "validation failed" of a subschema with several causes (v6's Group error). */
  group?: boolean;
}

// The order v6 lists the types of a "want" in.
const TYPE_ORDER = ["null", "boolean", "number", "integer", "string", "array", "object"];

// v6 prints numbers with an English message printer: %v of the Go value, then
// digit grouping (70,000) and exponents as ×10 with superscript digits (1×10⁰⁶).
const SUPER: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "-": "⁻",
};
export function localizedNumber(n: unknown): string {
  const text = typeof n === "number" ? goSprintV(n) : String(n);
  const m = /^(-?)(\d+)(\.\d+)?(?:e([+-])(\d+))?$/.exec(text);
  if (!m) return text;
  const int = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let out = `${m[1]}${int}${m[3] ?? ""}`;
  if (m[4]) out += `×10${m[4] === "-" ? SUPER["-"] : ""}${[...m[5]!].map((d) => SUPER[d]).join("")}`;
  return out;
}

const COUNT_KEYWORDS: Record<string, (d: unknown) => number> = {
  minLength: (d) => [...String(d)].length,
  maxLength: (d) => [...String(d)].length,
  minItems: (d) => (d as unknown[]).length,
  maxItems: (d) => (d as unknown[]).length,
  minProperties: (d) => Object.keys(d as object).length,
  maxProperties: (d) => Object.keys(d as object).length,
};

function leafMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type": {
      const want = Array.isArray(p.type) ? (p.type as string[]) : String(p.type).split(",");
      return `got ${jsonType(e.data)}, want ${[...want].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)).join(" or ")}`;
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
      return `${e.keyword}: got ${localizedNumber(e.data)}, want ${localizedNumber(p.limit ?? p.multipleOf)}`;
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems":
    case "minProperties":
    case "maxProperties":
      return `${e.keyword}: got ${localizedNumber(COUNT_KEYWORDS[e.keyword]!(e.data))}, want ${localizedNumber(p.limit)}`;
    case "pattern":
      return `${v6Quote(String(e.data))} does not match pattern ${v6Quote(String(p.pattern))}`;
    case "enum": {
      const vals = (p.allowedValues as unknown[]) ?? [];
      if (vals.some(isComposite)) return "'enum' failed";
      return vals.length === 1
        ? `value must be ${fmtValue(vals[0])}`
        : `value must be one of ${vals.map(fmtValue).join(", ")}`;
    }
    case "const":
      return isComposite(p.allowedValue) ? "'const' failed" : `value must be ${fmtValue(p.allowedValue)}`;
    case "uniqueItems":
      return `items at ${Math.min(Number(p.i), Number(p.j))} and ${Math.max(Number(p.i), Number(p.j))} are equal`;
    case "dependentRequired":
    case "dependencies":
      return `properties ${quoteList([String(p.missingProperty)])} required, if '${p.property}' exists`;
    case "format": {
      const name = String(p.format);
      const reason = V6_FORMATS[name]?.(String(e.data)) ?? "";
      return `${fmtValue(e.data)} is not valid ${name}: ${reason}`;
    }
    case "not":
      return "'not' failed";
    case "false schema":
      return "false schema";
    default:
      return e.message ?? e.keyword;
  }
}

// A node of the evaluation tree: one subschema applied at one instance location.
class Node {
  children = new Map<string, Node>();
  /** rank: where v6 checks the keyword among its schema's others (see causes). */
  leaves: { order: number; item: Item; rank?: number }[] = [];
  required: string[] = [];
  additional: string[] = [];
  order = Number.POSITIVE_INFINITY;
  /** A combinator's own message when it is not the usual one. */
  msg?: string;
  /** contains with minContains: the array and the minimum, to name the matched items. */
  minContains?: { data: unknown[]; min: number };
  deps = new Map<string, string[]>();
  instanceAt?: string;
  constructor(
    readonly at: string,
    public combinator?: string,
    readonly key = "",
  ) {}
  /** Keeps this node no later than a cause hung below it. */
  parentOrder(order: number) {
    this.order = Math.min(this.order, order);
  }
  child(key: string, at: string, combinator?: string): Node {
    let c = this.children.get(key);
    if (!c) this.children.set(key, (c = new Node(at, combinator, key)));
    c.combinator ??= combinator;
    return c;
  }
}

const COMBINATOR_MSG: Record<string, string> = {
  anyOf: "'anyOf' failed",
  oneOf: "'oneOf' failed, none matched",
  allOf: "'allOf' failed",
  contains: "no items match contains schema",
};

function splitPointer(p: string): string[] {
  return p === "" ? [] : p.slice(1).split("/");
}

// How many instance path segments a schema path walks down (as place() does).
function instanceSegments(segs: string[]): number {
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s === "properties" || s === "patternProperties") {
      n++;
      i++;
    } else if (
      s === "items" ||
      s === "prefixItems" ||
      s === "additionalItems" ||
      s === "additionalProperties"
    ) {
      n++;
      if (/^\d+$/.test(segs[i + 1] ?? "") && i + 1 < segs.length) i++;
    } else if (s === "contains")
      n++; // its causes are at the items
    else if (s === "definitions" || s === "$defs") return 0;
  }
  return n;
}

const isProperPrefix = (a: string, b: string) => b.startsWith(`${a}/`) || (a === "" && b !== "");

/**
 * ajv names a $ref target's errors from the definition on, so place() hangs
 * every $ref node from the root; v6 nests a $ref error inside the error of the
 * schema that applied it. Move each $ref node under the deepest other $ref
 * node whose instance location contains its own (the way it was reached),
 * then down that node's existing children to its instance location.
 */
type JSONObj = Record<string, unknown>;
const asObj = (x: unknown): JSONObj | undefined =>
  x !== null && typeof x === "object" && !Array.isArray(x) ? (x as JSONObj) : undefined;

/**
 * The $ref steps the schema takes down to an instance location: [where, definition name].
 * Follows properties, items and additionalProperties through local $defs/definitions refs.
 */
function refSteps(root: JSONObj, at: string): [string, string][] {
  const steps: [string, string][] = [];
  let cur: JSONObj | undefined = root;
  let here = "";
  const segs = splitPointer(at);
  for (let i = 0; cur; i++) {
    for (let hops = 0; typeof cur?.$ref === "string" && hops < 32; hops++) {
      const m = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(cur.$ref as string);
      if (!m) return steps;
      steps.push([here, m[1]!]);
      const defs = asObj(root[(cur.$ref as string).startsWith("#/$defs/") ? "$defs" : "definitions"]);
      const next: JSONObj | undefined = asObj(defs?.[m[1]!]);
      if (!next) return steps;
      if (asObj(cur.properties)?.[segs[i] ?? ""] !== undefined) break;
      cur = next;
    }
    if (i >= segs.length || !cur) break;
    const seg = segs[i]!;
    cur =
      asObj(asObj(cur.properties)?.[seg]) ??
      (/^\d+$/.test(seg) ? asObj(cur.items) : undefined) ??
      asObj(cur.additionalProperties);
    here += `/${seg}`;
  }
  return steps;
}

/**
 * A $ref with no failing keyword of its own leaves no ajv error, yet v6 still
 * wraps the causes below it: add the $ref nodes on the way to each root-level
 * $ref node, so nestRefs can hang the chain together.
 */
function addRefChains(root: Node, schema: JSONObj | undefined) {
  if (!schema) return;
  for (const [key, r] of [...root.children]) {
    if (!key.startsWith("$ref:")) continue;
    for (const [where, name] of refSteps(schema, r.at)) {
      if (!isProperPrefix(where, r.at)) continue;
      const c = root.child(`$ref:${name}@${where}`, where);
      c.order = Math.min(c.order, r.order, minOrder(r));
    }
  }
}

const unescapeToken = (t: string) => t.replaceAll("~1", "/").replaceAll("~0", "~");

/** The instance value at a JSON pointer (undefined when the path leaves the data). */
function dataAt(data: unknown, at: string): unknown {
  let d = data;
  for (const seg of splitPointer(at).map(unescapeToken)) {
    if (Array.isArray(d)) d = d[Number(seg)];
    else if (asObj(d)) d = (d as JSONObj)[seg];
    else return undefined;
  }
  return d;
}

function minOrder(n: Node): number {
  let o = n.order;
  for (const l of n.leaves) o = Math.min(o, l.order);
  for (const c of n.children.values()) o = Math.min(o, minOrder(c));
  return o;
}

/** The schema a "$ref:NAME@at" node's errors come from: the definition, or the root for "#". */
function refTarget(schema: JSONObj, key: string): JSONObj | undefined {
  const name = key.slice(5, key.indexOf("@", 5));
  if (name === "#") return schema;
  const n = unescapeToken(name);
  return asObj(asObj(schema.$defs)?.[n]) ?? asObj(asObj(schema.definitions)?.[n]);
}

/**
 * One step of v6's evaluation from schema `sch` at instance `data` into its
 * member `seg`: the keyword that applies there (properties, one matching
 * patternProperties, additionalProperties, prefixItems, items,
 * additionalItems) and the subschema. Undefined when the step is not one
 * plain subschema (several patterns match, a boolean or missing schema).
 */
function memberStep(
  sch: JSONObj,
  data: unknown,
  seg: string,
): { kw: string; name: string; sub: JSONObj; tuple: number } | undefined {
  let kw: string;
  let name = seg;
  let sub: unknown;
  let tuple = 0;
  if (Array.isArray(data)) {
    if (!/^\d+$/.test(seg)) return undefined;
    const i = Number(seg);
    const prefix = Array.isArray(sch.prefixItems) ? "prefixItems" : Array.isArray(sch.items) ? "items" : "";
    const list = prefix === "" ? [] : (sch[prefix] as unknown[]);
    if (i < list.length) [kw, sub] = [prefix, list[i]];
    else {
      [kw, sub] = prefix === "items" ? ["additionalItems", sch.additionalItems] : ["items", sch.items];
      tuple = list.length;
    }
  } else if (asObj(data)) {
    const props = asObj(sch.properties);
    const patterns = Object.keys(asObj(sch.patternProperties) ?? {}).filter((p) => {
      try {
        return RE2JS.compile(p).matcher(seg).find();
      } catch {
        return false;
      }
    });
    const named = props !== undefined && Object.hasOwn(props, seg);
    if (named && patterns.length === 0) [kw, sub] = ["properties", props[seg]];
    else if (!named && patterns.length === 1) {
      [kw, name] = ["patternProperties", patterns[0]!];
      sub = asObj(sch.patternProperties)![name];
    } else if (!named && patterns.length === 0)
      [kw, sub] = ["additionalProperties", sch.additionalProperties];
    else return undefined;
  } else return undefined;
  const o = asObj(sub);
  return o === undefined ? undefined : { kw, name, sub: o, tuple };
}

/** The local definition a {"$ref": "#/$defs/x"} (or "#") names. */
function localRef(schema: JSONObj, ref: string): JSONObj | undefined {
  if (ref === "#") return schema;
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  return m ? asObj(asObj(schema[m[1]!])?.[unescapeToken(m[2]!)]) : undefined;
}

/**
 * The instance location as helm's v6 prints it: an item checked by
 * additionalItems, or by 2020's items after prefixItems, is named by its
 * index among those items ('/t/2' after a 2-item tuple shows as '/t/0'),
 * and so is everything below it.
 */
function v6Location(schema: JSONObj | undefined, data: unknown, at: string): string {
  if (!schema || !at.includes("/")) return at;
  let sch: JSONObj | undefined = schema;
  let d = data;
  let out = "";
  for (const seg of splitPointer(at)) {
    const member = unescapeToken(seg);
    let step: ReturnType<typeof memberStep>;
    for (let hops = 0; sch && hops < 32; hops++) {
      step = memberStep(sch, d, member) ?? memberStep(combinatorBranch(sch, d, member)?.sub ?? {}, d, member);
      if (step || typeof sch.$ref !== "string") break;
      sch = localRef(schema, sch.$ref);
    }
    out += `/${step && step.tuple > 0 ? String(Number(member) - step.tuple) : seg}`;
    sch = step?.sub;
    d = Array.isArray(d) ? d[Number(member)] : asObj(d)?.[member];
  }
  return out;
}

/**
 * Hangs $ref node r below `from` along the schema's own path to r's instance
 * location, making the nodes of that path where no error made them: v6 groups
 * the errors of every subschema it applies on the way (several failing entries
 * of an additionalProperties $ref map group under the map). Returns the node
 * reached; stops where the path is not plain (a $ref on the way, combinators).
 */
function schemaPathTo(from: Node, sch: JSONObj | undefined, data: unknown, r: Node): Node {
  let node = from;
  let at = from.at;
  const segs = splitPointer(r.at).slice(splitPointer(at).length);
  const order = minOrder(r);
  for (const seg of segs) {
    if (!sch || (typeof sch.$ref === "string" && node !== from)) break;
    const member = unescapeToken(seg);
    let step = memberStep(sch, data, member);
    // An item reached through contains: v6 lists the failing items under the contains error.
    if (
      Array.isArray(data) &&
      at + `/${seg}` === r.at &&
      refersTo(asObj(sch.contains), r.key) &&
      !refersTo(step?.sub, r.key)
    ) {
      const c = node.child("contains", at, "contains");
      c.parentOrder(order);
      return c;
    }
    if (!step) {
      // Through allOf/anyOf/oneOf: the first branch that goes on to the member.
      const branch = combinatorBranch(sch, data, member);
      if (!branch) break;
      node = combinatorChild(node, branch.kw, branch.index, order);
      sch = branch.sub;
      step = memberStep(sch, data, member)!;
    }
    at += `/${seg}`;
    const sep = step.kw === "properties" || step.kw === "patternProperties" ? "/" : "@";
    const found = [...node.children.values()].find(
      (c) => c.at === at && !c.combinator && c.key.startsWith(`${step.kw}${sep}`),
    );
    node = found ?? node.child(`${step.kw}${sep}${sep === "/" ? step.name : seg}`, at);
    node.parentOrder(order);
    sch = step.sub;
    data = Array.isArray(data) ? data[Number(member)] : (data as JSONObj)[member];
  }
  // At its own place the $ref may be one branch of an allOf/anyOf/oneOf.
  if (at === r.at && sch && !refersTo(sch, r.key)) {
    for (const kw of COMBINATORS) {
      const list = sch[kw];
      const index = Array.isArray(list) ? list.findIndex((b) => refersTo(asObj(b), r.key)) : -1;
      if (index >= 0) return combinatorChild(node, kw, index, order);
    }
    for (const kw of CONDITIONALS)
      if (refersTo(asObj(sch[kw]), r.key)) return combinatorChild(node, kw, -1, order);
    if (refersTo(asObj(sch.propertyNames), r.key)) {
      // ajv does not say which name failed through the $ref: clear only when one did.
      const names = [...node.children.values()].filter((c) => c.combinator === "propertyNames");
      if (names.length === 1) return names[0]!;
    }
  }
  return node;
}

/** The node of branch `index` of combinator `kw` (or of then/else) below `node`, as place() names them. */
function combinatorChild(node: Node, kw: string, index: number, order: number): Node {
  if (index < 0) {
    const t = node.child(kw, node.at);
    t.parentOrder(order);
    return t;
  }
  const c = node.child(kw, node.at, kw);
  c.parentOrder(order);
  const b = c.child(`${kw}/${index}`, node.at);
  b.parentOrder(order);
  return b;
}

/** Whether an allOf/anyOf/oneOf branch or then/else of `sch` is a $ref to the target of node key `key`. */
function leadsTo(sch: JSONObj | undefined, key: string): boolean {
  if (!sch) return false;
  for (const kw of COMBINATORS) {
    const list = sch[kw];
    if (Array.isArray(list) && list.some((b) => refersTo(asObj(b), key))) return true;
  }
  return CONDITIONALS.some((kw) => refersTo(asObj(sch[kw]), key));
}

/** Whether schema `sch` is a $ref to the target of a "$ref:NAME@at" node. */
function refersTo(sch: JSONObj | undefined, key: string): boolean {
  const ref = sch?.$ref;
  if (typeof ref !== "string") return false;
  const name = key.slice(5, key.indexOf("@", 5));
  return name === "#" ? ref === "#" : ref === `#/$defs/${name}` || ref === `#/definitions/${name}`;
}

const COMBINATORS = ["allOf", "anyOf", "oneOf"] as const;

/** The first allOf/anyOf/oneOf branch of `sch` from which memberStep goes on into `seg`. */
function combinatorBranch(sch: JSONObj, data: unknown, seg: string) {
  for (const kw of COMBINATORS) {
    const list = sch[kw];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const sub = asObj(list[index]);
      if (sub && typeof sub.$ref !== "string" && memberStep(sub, data, seg)) return { kw, index, sub };
    }
  }
  // then/else (which one applied is not known here: then first).
  for (const kw of CONDITIONALS) {
    const sub = asObj(sch[kw]);
    if (sub && typeof sub.$ref !== "string" && memberStep(sub, data, seg)) return { kw, index: -1, sub };
  }
  return undefined;
}

const CONDITIONALS = ["then", "else"] as const;

function nestRefs(root: Node, schema?: JSONObj, data?: unknown) {
  const refs = [...root.children].filter(([k]) => k.startsWith("$ref:"));
  const moves: [string, Node, Node][] = [];
  for (const [key, r] of refs) {
    let parent = root;
    for (const [, o] of refs) {
      if (o === r) continue;
      // A definition that reaches r at its own place (an anyOf of $refs) holds it too.
      const same = o.at === r.at && schema !== undefined && leadsTo(refTarget(schema, o.key), r.key);
      if (!same && !isProperPrefix(o.at, r.at)) continue;
      if (parent === root || o.at.length > parent.at.length || (same && o.at.length === parent.at.length))
        parent = o;
    }
    let target = parent;
    if (schema !== undefined) {
      const from = parent === root ? schema : refTarget(schema, parent.key);
      target = schemaPathTo(parent, from, dataAt(data, parent.at), r);
    }
    for (;;) {
      const next = [...target.children.values()].find(
        (c) =>
          c !== r &&
          !c.combinator &&
          !c.key.startsWith("$ref:") &&
          (c.at === r.at || isProperPrefix(c.at, r.at)),
      );
      if (!next) break;
      target = next;
    }
    if (target !== root) moves.push([key, r, target]);
  }
  for (const [key, r, target] of moves) {
    root.children.delete(key);
    target.children.set(key, r);
  }
}

function place(root: Node, e: ErrorObject, order: number) {
  const segs = splitPointer(e.schemaPath.replace(/^#/, ""));
  const inst = splitPointer(e.instancePath);
  let node = root;
  let at = "";
  let ii = 0;
  let i = 0;
  const keyword = segs[segs.length - 1]!;
  // ajv gives paths from the last $ref target (a definition, or "#" again for
  // recursive schemas), so the path ends where the instance does: align it there.
  if (segs[0] !== "definitions" && segs[0] !== "$defs") {
    ii = Math.max(0, inst.length - instanceSegments(segs.slice(0, -1)));
    if (ii > 0) {
      at = inst
        .slice(0, ii)
        .map((x) => `/${x}`)
        .join("");
      node = root.child(`$ref:#@${at}`, at);
    }
  }
  while (i < segs.length - 1) {
    const s = segs[i]!;
    if (s === "properties" || s === "patternProperties") {
      const prop = inst[ii] ?? segs[i + 1]!;
      at += `/${prop}`;
      ii++;
      node = node.child(`${s}/${segs[i + 1]}`, at);
      i += 2;
    } else if (
      s === "items" ||
      s === "prefixItems" ||
      s === "additionalItems" ||
      s === "additionalProperties"
    ) {
      const numbered = /^\d+$/.test(segs[i + 1] ?? "") && i + 1 < segs.length - 1;
      const el = inst[ii] ?? "";
      at += `/${el}`;
      ii++;
      node = node.child(`${s}@${el}`, at);
      i += numbered ? 2 : 1;
    } else if (s === "anyOf" || s === "oneOf" || s === "allOf") {
      node = node.child(s, at, s).child(`${s}/${segs[i + 1]}`, at);
      i += 2;
    } else if (s === "definitions" || s === "$defs") {
      // A $ref target: its path does not show where it was applied, so one
      // definition used at several places gets a node per instance location.
      const consumed = instanceSegments(segs.slice(i + 2, -1));
      ii = Math.max(0, inst.length - consumed);
      at = inst
        .slice(0, ii)
        .map((x) => `/${x}`)
        .join("");
      node = node.child(`$ref:${segs[i + 1]}@${at}`, at);
      i += 2;
    } else if (s === "propertyNames") {
      node = node.child(`${s}@${e.propertyName}`, at, s);
      i += 1;
    } else {
      node = node.child(s, at, s === "contains" ? s : undefined);
      i += 1;
    }
  }
  node.order = Math.min(node.order, order);
  const params = e.params as Record<string, unknown>;
  // Through a $ref the node path says nothing of the instance: keep where the error is.
  if (keyword === "required" || keyword === "additionalProperties") node.instanceAt = e.instancePath;
  if (keyword === "required") node.required.push(String(params.missingProperty));
  else if (keyword === "dependencies" || keyword === "dependentRequired") {
    // ajv reports each missing property; v6 lists them all in one cause per property.
    const prop = String(params.property);
    const first = !node.deps.has(prop);
    if (first) node.deps.set(prop, []);
    node.deps.get(prop)!.push(String(params.missingProperty));
    if (first)
      node.leaves.push({
        order,
        item: {
          at: e.instancePath,
          get msg() {
            return `properties ${quoteList(node.deps.get(prop)!)} required, if ${v6Quote(prop)} exists`;
          },
          children: [],
        },
      });
  } else if (keyword === "unevaluatedProperties" && params.unevaluatedProperty !== undefined)
    node.leaves.push({
      order,
      item: { at: `${e.instancePath}/${params.unevaluatedProperty}`, msg: "false schema", children: [] },
    });
  else if (keyword === "propertyNames") {
    const c = node.child(`propertyNames@${params.propertyName}`, at, keyword);
    c.msg = `invalid propertyName ${v6Quote(String(params.propertyName))}`;
    c.order = Math.min(c.order, order);
  } else if (keyword === "oneOf" && Array.isArray(params.passingSchemas)) {
    const [a, b] = params.passingSchemas as number[];
    const c = node.child(keyword, at, keyword);
    c.msg = `'oneOf' failed, subschemas ${a}, ${b} matched`;
    c.order = Math.min(c.order, order);
  } else if (
    keyword === "contains" &&
    (e.parentSchema as { minContains?: unknown } | undefined)?.minContains !== undefined &&
    Array.isArray(e.data)
  ) {
    const c = node.child(keyword, at, keyword);
    c.minContains = { data: e.data, min: Number(params.minContains) };
    c.order = Math.min(c.order, order);
  } else if (keyword === "additionalProperties")
    node.additional.push(String((e.params as { additionalProperty: string }).additionalProperty));
  else if (keyword === "if") return;
  else if (["anyOf", "oneOf", "allOf", "contains"].includes(keyword)) {
    const c = node.child(keyword, at, keyword);
    c.order = Math.min(c.order, order);
  } else {
    const rank =
      keyword === "minProperties"
        ? RANK.minProperties
        : keyword === "maxProperties"
          ? RANK.maxProperties
          : undefined;
    node.leaves.push({ order, rank, item: { at: e.instancePath, msg: leafMessage(e), children: [] } });
  }
}

/**
 * v6's order among the errors of one schema: its $ref (2019-09 on; before
 * that a $ref hides its siblings), minProperties, maxProperties, required,
 * then the rest in ajv's order, additionalProperties last.
 */
const RANK = { ref: 0, minProperties: 1, maxProperties: 2, required: 3, other: 4, additional: 5 };

// The causes of a node, in evaluation order, each group of several printed as "validation failed".
function causes(n: Node): Item[] {
  const out: { rank: number; order: number; item: Item; index?: number }[] = [];
  if (n.required.length > 0)
    out.push({
      rank: RANK.required,
      order: 0,
      item: {
        at: n.instanceAt ?? n.at,
        msg: `missing propert${n.required.length === 1 ? "y" : "ies"} ${quoteList(n.required)}`,
        children: [],
      },
    });
  for (const l of n.leaves) out.push({ rank: l.rank ?? RANK.other, order: l.order, item: l.item });
  for (const c of n.children.values()) {
    const cs = causes(c);
    const isRef = c.key.startsWith("$ref:");
    const rank = isRef && c.at === n.at ? RANK.ref : RANK.other;
    const order = c.order;
    if (c.combinator === "propertyNames") {
      // v6 validates a property name as an instance of its own: the error and its causes show at ''.
      out.push({ rank, order, item: { at: "", msg: c.msg ?? "", children: cs.map(atRoot) } });
    } else if (c.combinator) {
      const msg =
        c.msg ?? minContainsMessage(c, cs) ?? COMBINATOR_MSG[c.combinator] ?? `'${c.combinator}' failed`;
      out.push({ rank, order, item: { at: c.at, msg, children: cs } });
    } else if (isRef && cs.length === 1 && cs[0]!.group) {
      // A Reference whose target fails with one Group takes that group's causes, at its own place.
      out.push({
        rank,
        order,
        item: { at: c.at, msg: "validation failed", children: cs[0]!.children, ref: true },
      });
    } else if (cs.length === 1) {
      // Items under contains come in index order too.
      const index = itemIndex(c.key) ?? (n.combinator === "contains" && isRef ? lastIndex(c.at) : undefined);
      out.push({ rank, order, item: cs[0]!, index });
    } else if (cs.length > 1)
      out.push({
        rank,
        order,
        item: { at: c.at, msg: "validation failed", children: cs, ref: isRef, group: !isRef },
        index: itemIndex(c.key),
      });
  }
  if (n.additional.length > 0)
    out.push({
      rank: RANK.additional,
      order: 0,
      item: {
        at: n.instanceAt ?? n.at,
        msg: `additional properties ${quoteList(n.additional)} not allowed`,
        children: [],
      },
    });
  out.sort((a, b) => a.rank - b.rank || a.order - b.order);
  // v6 checks an array's items in index order (ajv: additionalItems before items).
  const slots = out.flatMap((x, i) => (x.index === undefined ? [] : [i]));
  const items = slots.map((i) => out[i]!).sort((a, b) => a.index! - b.index!);
  slots.forEach((slot, k) => {
    out[slot] = items[k]!;
  });
  return out.map((x) => x.item);
}

function atRoot(it: Item): Item {
  return { ...it, at: "", children: it.children.map(atRoot) };
}

function lastIndex(at: string): number | undefined {
  const m = /\/(\d+)$/.exec(at);
  return m ? Number(m[1]) : undefined;
}

/** The array index of an items/prefixItems/additionalItems node ("items@3"). */
function itemIndex(key: string): number | undefined {
  const m = /^(?:items|prefixItems|additionalItems)@(\d+)$/.exec(key);
  return m ? Number(m[1]) : undefined;
}

// v6's message when fewer items than minContains match: the matched indexes.
function minContainsMessage(c: Node, cs: Item[]): string | undefined {
  if (!c.minContains) return undefined;
  const failed = new Set(cs.map((it) => it.at.slice(it.at.lastIndexOf("/") + 1)));
  const matched = c.minContains.data.map((_, i) => String(i)).filter((i) => !failed.has(i));
  const want = c.minContains.min;
  return matched.length === 0
    ? `min ${want} items required to match contains schema, but none matched`
    : `min ${want} items required to match contains schema, but matched ${matched.length} items at ${matched.join(" ")}`;
}

function render(items: Item[], indent: string, location = (at: string) => at): string {
  let s = "";
  for (const it of items) {
    s += `${indent}- at '${location(it.at)}': ${it.msg}\n`;
    if (it.children.length > 0) s += render(it.children, `${indent}  `, location);
  }
  return s;
}

// v6 stops evaluating a subschema at its first failing type, const, enum or format
// keyword (in that order); ajv with allErrors goes on, so drop what v6 never reaches.
const BLOCKING: Record<string, number> = { type: 0, const: 1, enum: 2, format: 3 };

function pruneAfterBlocking(errors: ErrorObject[]): ErrorObject[] {
  const blockers = new Map<string, ErrorObject>();
  for (const e of errors) {
    const rank = BLOCKING[e.keyword];
    if (rank === undefined) continue;
    const key = `${e.schemaPath.slice(0, -(e.keyword.length + 1))}\0${e.instancePath}`;
    const prev = blockers.get(key);
    if (!prev || rank < BLOCKING[prev.keyword]!) blockers.set(key, e);
  }
  if (blockers.size === 0) return errors;
  return errors.filter((e) => {
    for (const [key, b] of blockers) {
      if (e === b) continue;
      const [schemaPrefix, inst] = key.split("\0") as [string, string];
      const underSchema = e.schemaPath.startsWith(`${schemaPrefix}/`);
      const underInstance = e.instancePath === inst || e.instancePath.startsWith(`${inst}/`);
      if (underSchema && underInstance) return false;
    }
    return true;
  });
}

// Up to draft-07, v6 loads nothing but $ref from a schema object holding one
// (its siblings, even type, never apply); ajv applies them. Definitions and
// ids stay so that pointers into them still resolve.
const REF_KEEP = new Set(["$ref", "definitions", "$defs", "$id", "id", "$schema"]);
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples"]);

// OpenAPI's nullable is no JSON Schema keyword (v6 ignores it) but ajv lets null through.
// Keywords whose value maps names to schemas (a property may be called "nullable").
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"]);

function normalizeSchema(s: unknown, refHidesSiblings: boolean, namesMap = false): unknown {
  if (Array.isArray(s)) return s.map((x) => normalizeSchema(x, refHidesSiblings));
  if (s === null || typeof s !== "object") return s;
  const o = s as Record<string, unknown>;
  const hasRef = !namesMap && refHidesSiblings && typeof o.$ref === "string";
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (hasRef && !REF_KEEP.has(k)) continue;
    if (!namesMap && k === "nullable" && typeof v === "boolean") continue;
    out[k] =
      !namesMap && DATA_KEYWORDS.has(k)
        ? v
        : normalizeSchema(v, refHidesSiblings, !namesMap && SCHEMA_MAPS.has(k));
  }
  if (!namesMap) draft04Exclusive(out);
  return out;
}

// Draft-04's boolean exclusiveMinimum/exclusiveMaximum qualify minimum/maximum;
// ajv knows only the numeric form of later drafts.
function draft04Exclusive(o: Record<string, unknown>) {
  for (const [ex, lim] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof o[ex] !== "boolean") continue;
    if (o[ex] === true && typeof o[lim] === "number") {
      o[ex] = o[lim];
      delete o[lim];
    } else delete o[ex];
  }
}

const compiled = new Map<string, ReturnType<AjvLike["compile"]> | string>();

const DRAFT2020 = "https://json-schema.org/draft/2020-12/schema#";
const SUBSCHEMA_ONE = new Set([
  "items",
  "additionalProperties",
  "additionalItems",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
]);
const SUBSCHEMA_NAMED = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "allOf",
  "anyOf",
  "oneOf",
  "prefixItems",
]);

// The schema objects above a location of a schema document: the 2020-12
// metaschema is an allOf of vocabularies, so v6 reports "'allOf' failed" at each.
function schemaAncestors(pointer: string): string[] {
  const segs = splitPointer(pointer);
  const out = [""];
  let i = 0;
  while (i < segs.length) {
    const k = segs[i]!;
    const step = SUBSCHEMA_ONE.has(k) ? 1 : SUBSCHEMA_NAMED.has(k) ? 2 : 0;
    if (step === 0 || i + step >= segs.length) break;
    i += step;
    out.push(
      segs
        .slice(0, i)
        .map((x) => `/${x}`)
        .join(""),
    );
  }
  return out;
}

let meta2020: AjvLike | undefined;

/** v6's metaschema check for 2020-12 schemas (the default draft), as far as ajv finds the same faults. */
function draft2020MetaschemaErrors(schema: unknown): string {
  if (schema === null || typeof schema !== "object") return "";
  const id = (schema as Record<string, unknown>).$schema;
  if (id !== undefined && id !== DRAFT2020 && id !== DRAFT2020.slice(0, -1)) return "";
  meta2020 ??= new (Ajv2020 as unknown as new (o: object) => AjvLike)({
    allErrors: true,
    verbose: true,
    strict: false,
    logger: false,
  });
  const m = meta2020 as unknown as { validateSchema(s: unknown): boolean; errors?: ErrorObject[] | null };
  if (m.validateSchema(schema)) return "";
  const root = new Node("");
  intoTypeAnyOf(pruneAfterBlocking(m.errors ?? [])).forEach((e, i) => {
    let node = root;
    for (const at of schemaAncestors(e.instancePath)) {
      node = node.child(`allOf@${at}`, at, "allOf");
      node.order = Math.min(node.order, i);
    }
    place(node, e, i);
  });
  const items = causes(root);
  const header = `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with '${DRAFT2020}'`;
  return `${header}\n${render(items, "").replace(/\n$/, "")}`;
}

/** The validator for a schema text, or the error helm prints for it. */
function compileSchemaText(text: string): ReturnType<AjvLike["compile"]> | string {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    return goJSONSyntaxError(text);
  }
  const draft = draftOf(schema);
  const metaErr = draft === "2020" ? draft2020MetaschemaErrors(schema) : draft07MetaschemaErrors(schema);
  if (metaErr !== "") return metaErr;
  schema = normalizeSchema(schema, draft === "07");
  if (draft === "07" && schema !== null && typeof schema === "object" && "$schema" in schema) {
    schema = { ...(schema as object) };
    delete (schema as Record<string, unknown>).$schema;
  }
  try {
    return validatorFor(draft).compile(schema);
  } catch (e) {
    // A local pointer that leads nowhere: v6's loader words it so.
    const missing = /^can't resolve reference (#\S*) from id #$/.exec((e as Error).message);
    if (missing) return `json-pointer in "file:///values.schema.json${missing[1]}" not found`;
    // Two different schemas with one $id cannot share an ajv instance.
    if (!/already exists/.test((e as Error).message)) return (e as Error).message;
    cache.delete(draft);
    try {
      return validatorFor(draft).compile(schema);
    } catch (e2) {
      return (e2 as Error).message;
    }
  }
}

function draftOf(schema: unknown): string {
  const id =
    schema !== null && typeof schema === "object"
      ? String((schema as Record<string, unknown>).$schema ?? "")
      : "";
  if (id.includes("2019-09")) return "2019";
  if (/draft-0[4-7]/.test(id)) return "07";
  // v6 takes a schema without $schema as draft 2020-12.
  return "2020";
}

// The metaschemas check "type" with anyOf [{$ref simpleTypes}, {type: array ...}]:
// ajv names the first branch's error by the definition only; put it back in its anyOf.
function intoTypeAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Map<string, string>();
  for (const e of errors) if (e.keyword === "anyOf") anyOfAt.set(e.instancePath, e.schemaPath);
  return errors.map((e) =>
    /^#\/(definitions|\$defs)\/simpleTypes\//.test(e.schemaPath) && anyOfAt.has(e.instancePath)
      ? { ...e, schemaPath: `${anyOfAt.get(e.instancePath)}/0/${e.keyword}` }
      : e,
  );
}

const DRAFT07 = "http://json-schema.org/draft-07/schema#";
let metaValidate07: ReturnType<AjvLike["compile"]> | undefined;

/**
 * v6 first validates a schema against its metaschema. Done here for draft-07
 * schemas (the usual $schema of chart schemas), whose metaschema ajv ships;
 * other drafts fail later, at compile time, with ajv's words.
 */
function draft07MetaschemaErrors(schema: unknown): string {
  if (schema === null || typeof schema !== "object") return "";
  const id = (schema as Record<string, unknown>).$schema;
  if (id !== DRAFT07 && id !== DRAFT07.slice(0, -1)) return "";
  // ajv skips format checks in its own copy of the metaschema; compile ours.
  metaValidate07 ??= validatorFor("07").compile({ ...draft07Meta, $id: "capstan:draft-07-metaschema" });
  if (metaValidate07(schema)) return "";
  const root = new Node("");
  intoTypeAnyOf(pruneAfterBlocking(metaValidate07.errors ?? [])).forEach((e, i) => {
    place(root, e, i);
  });
  let items = causes(root);
  while (items.length === 1 && items[0]!.msg === "validation failed") items = items[0]!.children;
  const header = `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with '${DRAFT07}'`;
  return `${header}\n${render(items, "").replace(/\n$/, "")}`;
}

/** helm's slog.Debug lines of schema validation (shown with --debug). */
let debugLog: ((msg: string, attrs: [string, string][]) => void) | undefined;
const noLog = () => {};
export function setSchemaDebugHandler(
  fn: ((msg: string, attrs: [string, string][]) => void) | undefined,
): void {
  debugLog = fn;
}

/** ValidateAgainstSingleSchema: "" when values satisfy the schema, else v6's error list (ending in a newline). */
export function validateAgainstSingleSchema(values: Table, schemaBytes: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(schemaBytes);
  // helm logs the schema once it has parsed as JSON, before compiling it.
  if (debugLog && parsesAsJSON(text))
    debugLog("unmarshalled JSON schema", [["schema", goString(schemaBytes)]]);
  // Parsing, checking and compiling is the costly part; batch renders see the same schemas again and again.
  let validate = compiled.get(text);
  if (validate === undefined) {
    validate = compileSchemaText(text);
    if (compiled.size > 256) compiled.clear();
    compiled.set(text, validate);
  }
  // A schema that does not load fails every validation with the same text.
  if (typeof validate === "string") return validate;
  const data = toJSONData(values);
  if (validate(data)) return "";
  const root = new Node("");
  const ptrs = schemaPointers(validate);
  pruneAfterBlocking((validate.errors ?? []).map((e) => fullSchemaPath(e, ptrs))).forEach((e, i) => {
    place(root, e, i);
  });
  const schema = parseObject(text);
  addRefChains(root, schema);
  nestRefs(root, schema, data);
  // v6 returns the causes of a top-level group (several errors at the root)
  // in its place, but keeps a top-level $ref error ("at '/a': validation failed").
  let items = causes(root);
  while (items.length === 1 && items[0]!.msg === "validation failed" && !items[0]!.ref)
    items = items[0]!.children;
  return render(items, "", (at) => v6Location(schema, data, at));
}

const pointerCache = new WeakMap<object, Map<object, string>>();

/** Every object inside the schema a validator was compiled from, by its JSON pointer. */
function schemaPointers(validate: object): Map<object, string> {
  let m = pointerCache.get(validate);
  if (m) return m;
  const found = new Map<object, string>();
  const walk = (v: unknown, ptr: string) => {
    if (v === null || typeof v !== "object" || found.has(v)) return;
    found.set(v, ptr);
    for (const [k, x] of Object.entries(v))
      walk(x, `${ptr}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  walk((validate as { schema?: unknown }).schema, "");
  m = found;
  pointerCache.set(validate, m);
  return m;
}

/**
 * ajv names the errors of a $ref target it compiled on its own from that
 * target ("#/required" for a definition's required): put the definition's
 * place back in front, found from the failing keyword's schema object.
 */
function fullSchemaPath(e: ErrorObject, ptrs: Map<object, string>): ErrorObject {
  const parent = e.parentSchema;
  const ptr = parent !== null && typeof parent === "object" ? ptrs.get(parent) : undefined;
  if (ptr === undefined) return e;
  const old = e.schemaPath.replace(/^#/, "");
  const parentRel = old.slice(0, old.lastIndexOf("/"));
  if (ptr === parentRel || !ptr.endsWith(parentRel)) return e;
  const prefix = ptr.slice(0, ptr.length - parentRel.length);
  if (!/^\/(?:definitions|\$defs)\/[^/]+$/.test(prefix)) return e;
  return { ...e, schemaPath: `#${prefix}${old}` };
}

function parseObject(text: string): JSONObj | undefined {
  try {
    return asObj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function parsesAsJSON(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function collect(chart: SchemaChart, values: Table): string {
  const log = debugLog ?? noLog;
  let sb = "";
  if (chart.schema) {
    log("chart name", [["chart-name", chart.name()]]);
    const err = validateAgainstSingleSchema(values, chart.schema);
    if (err !== "") sb += `${chart.name()}:\n${err}`;
  }
  log("number of dependencies in the chart", [
    ["chart", chart.name()],
    ["dependencies", String(chart.dependencies().length)],
  ]);
  for (const sub of chart.dependencies()) {
    if (!values.has(sub.name())) continue;
    const raw = values.get(sub.name());
    if (raw === null) continue;
    if (!isTable(raw)) {
      sb += `${sub.name()}:\ninvalid type for values: expected object (map), got ${goTypeName(raw)}\n`;
      continue;
    }
    sb += collect(sub, raw);
  }
  return sb;
}

/** Validates coalesced values against the chart's and every subchart's schema; throws helm's error. */
export function validateValuesSchema(chart: SchemaChart, values: Map<string, unknown>): void {
  const sb = collect(chart, values as Table);
  if (sb.length > 0)
    throw new SchemaValidationError(
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${sb}`,
    );
}
