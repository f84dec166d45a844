// Sprig's list functions (list.go). Each works on any slice or array through
// reflection in Go, so any slice kind is accepted; other kinds give the
// "Cannot ... on type KIND" errors (panics in the non-must forms), and nil
// panics with a nil dereference because Sprig calls reflect.TypeOf(nil).Kind().
import { GO_TYPE, GoError, type GoFunc, type GoSlice, type Value } from "../template/value.ts";
import { toInt } from "./cast.ts";
import { deepEqual, def, intNum, isEmpty, kindOrPanic, listItems, nilOf, tag } from "./util.ts";

const ANY = "interface {}";
const LIST = "[]interface {}";

type ListOp = (items: Value[], ...rest: Value[]) => Value;

/** The slice's items, or the Sprig error naming the kind. */
function itemsOf(v: Value, what: string): Value[] {
  const k = kindOrPanic(v);
  if (k !== "slice" && k !== "array") throw new GoError(`${what} ${k}`);
  return listItems(v);
}

/**
 * A Sprig list function and its must form: the plain one panics with the
 * error (the executor reports both the same way), the must one returns it.
 */
function pair(
  name: string,
  must: string,
  what: string,
  params: string[],
  result: string,
  listAt: number,
  op: ListOp,
  variadic?: string,
): Record<string, GoFunc> {
  const fn = (...args: Value[]) => {
    const items = itemsOf(args[listAt]!, what);
    const rest = args.filter((_, i) => i !== listAt);
    return op(items, ...rest);
  };
  const opts = variadic ? { variadic } : {};
  return {
    [name]: def(params, result, fn, opts),
    [must]: def(params, result, fn, { ...opts, returnsError: true }),
  };
}

/** Go's nil []interface{}: prints as [], marshals as null. */
function nilList(): GoSlice {
  return nilOf([]);
}

function inList(haystack: Value[], needle: Value): boolean {
  return haystack.some((h) => deepEqual(needle, h));
}

function chunk(items: Value[], sizeV: Value): Value {
  const size = intNum(sizeV);
  const l = items.length;
  // Sprig computes the count in float64: a zero or negative size gives an
  // infinite, NaN or negative length, and make() panics.
  const cs = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new GoError("runtime error: makeslice: len out of range");
  const out: GoSlice[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    const c: Value[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * size + j;
      if (ix >= l || ix < 0) throw new GoError(`reflect: slice index out of range`);
      c.push(items[ix]!);
    }
    out.push(c);
  }
  return tag(out as GoSlice, "[][]interface {}");
}

function sliceOp(list: Value, items: Value[], indices: Value[]): Value {
  const l = items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? Number(toInt(indices[0]!)) : 0;
  const end = indices.length < 2 ? l : Number(toInt(indices[1]!));
  // reflect checks against the capacity; a template's slices have cap == len.
  if (start < 0 || end < start || end > l)
    throw new GoError("reflect.Value.Slice: slice index out of bounds");
  if (list instanceof Uint8Array) return list.slice(start, end);
  const out = (list as GoSlice).slice(start, end) as GoSlice;
  const t = (list as any)[GO_TYPE];
  return t ? tag(out, t) : out;
}

export const listFuncs: Record<string, GoFunc> = {
  list: def([], LIST, (...xs: Value[]) => xs, { variadic: ANY }),
  tuple: def([], LIST, (...xs: Value[]) => xs, { variadic: ANY }),
  ...pair("append", "mustAppend", "Cannot push on type", [ANY, ANY], LIST, 0, (it, v) => [...it, v!]),
  ...pair("push", "mustPush", "Cannot push on type", [ANY, ANY], LIST, 0, (it, v) => [...it, v!]),
  ...pair("prepend", "mustPrepend", "Cannot prepend on type", [ANY, ANY], LIST, 0, (it, v) => [v!, ...it]),
  ...pair("chunk", "mustChunk", "Cannot chunk type", ["int", ANY], "[][]interface {}", 1, (it, size) =>
    chunk(it, size!),
  ),
  ...pair("last", "mustLast", "Cannot find last on type", [ANY], ANY, 0, (it) =>
    it.length === 0 ? null : it[it.length - 1]!,
  ),
  ...pair("first", "mustFirst", "Cannot find first on type", [ANY], ANY, 0, (it) =>
    it.length === 0 ? null : it[0]!,
  ),
  ...pair("rest", "mustRest", "Cannot find rest on type", [ANY], LIST, 0, (it) =>
    it.length === 0 ? nilList() : it.slice(1),
  ),
  ...pair("initial", "mustInitial", "Cannot find initial on type", [ANY], LIST, 0, (it) =>
    it.length === 0 ? nilList() : it.slice(0, -1),
  ),
  ...pair("reverse", "mustReverse", "Cannot find reverse on type", [ANY], LIST, 0, (it) => [...it].reverse()),
  ...pair("compact", "mustCompact", "Cannot compact on type", [ANY], LIST, 0, (it) =>
    it.filter((x) => !isEmpty(x)),
  ),
  ...pair("uniq", "mustUniq", "Cannot find uniq on type", [ANY], LIST, 0, (it) => {
    const dest: Value[] = [];
    for (const x of it) if (!inList(dest, x)) dest.push(x);
    return dest;
  }),
  ...pair(
    "without",
    "mustWithout",
    "Cannot find without on type",
    [ANY],
    LIST,
    0,
    (it, ...omit) => it.filter((x) => !inList(omit, x)),
    ANY,
  ),
  has: def([ANY, ANY], "bool", (needle, hay) => hasOp(needle, hay)),
  mustHas: def([ANY, ANY], "bool", (needle, hay) => hasOp(needle, hay), { returnsError: true }),
  slice: def([ANY], ANY, (list, ...idx) => sliceFn(list, idx, "list should be type of slice or array but"), {
    variadic: ANY,
  }),
  mustSlice: def(
    [ANY],
    ANY,
    (list, ...idx) => sliceFn(list, idx, "list should be type of slice or array but"),
    {
      variadic: ANY,
      returnsError: true,
    },
  ),
  concat: def(
    [],
    ANY,
    (...lists: Value[]) => {
      // Sprig appends to a nil slice: it stays nil (null in JSON) only when nothing was appended.
      const res: Value[] = [];
      for (const l of lists) {
        const k = kindOrPanic(l);
        if (k !== "slice" && k !== "array") throw new GoError(`Cannot concat type ${k} as list`);
        res.push(...listItems(l));
      }
      return res.length === 0 ? nilList() : res;
    },
    { variadic: ANY },
  ),
};

function hasOp(needle: Value, hay: Value): boolean {
  if (hay === null) return false;
  return inList(itemsOf(hay, "Cannot find has on type"), needle);
}

function sliceFn(list: Value, idx: Value[], what: string): Value {
  const items = itemsOf(list, what);
  return sliceOp(list, items, idx);
}
