// helm's --set grammar (pkg/strvals): name1=value1,name2=value2 with dotted
// names, list indexes a[0].b, {a,b} lists, backslash escapes, and type
// inference (int64 as bigint, true/false, null). The parser mirrors helm's
// structure closely because its quirks (what an error leaves behind, which
// Go panic a wrong shape raises) are visible to users.
import { goQuote, goQuoteRunes, goTypeName } from "./go-text.ts";
import { decodeJSONPrefix } from "./json-read.ts";

export type Table = Map<string, unknown>;

/** Largest list index --set accepts (helm's MaxIndex). */
export const MAX_INDEX = 65536;
/** Deepest name nesting --set accepts (helm's MaxNestedNameLevel). */
export const MAX_NESTED_NAME_LEVEL = 30;

/** An error of the --set grammar, with helm's text. */
export class StrvalsError extends Error {
  override name = "StrvalsError";
}

// io.EOF and ErrNotList travel as values, as in Go.
const EOF = new StrvalsError("EOF");
const NOT_LIST = new StrvalsError("not a list");
// A Go panic inside key(), recovered there as "unable to parse key: ...".
class Panic extends Error {}

type Err = StrvalsError | null;
/** Turns the runes of a value into the value to store; may throw StrvalsError (e.g. a file that cannot be read). */
export type RunesReader = (runes: string[]) => unknown;

function assertList(v: unknown): unknown[] {
  if (!Array.isArray(v))
    throw new Panic(`interface conversion: interface {} is ${goTypeName(v)}, not []interface {}`);
  return v;
}
function assertTable(v: unknown): Table {
  if (!(v instanceof Map))
    throw new Panic(`interface conversion: interface {} is ${goTypeName(v)}, not map[string]interface {}`);
  return v as Table;
}

function set(data: Table, key: string, val: unknown) {
  if (key.length === 0) return;
  data.set(key, val);
}

function setIndex(list: unknown[], index: number, val: unknown): [unknown[], Err] {
  if (index < 0) return [list, new StrvalsError(`negative ${index} index not allowed`)];
  if (index > MAX_INDEX)
    return [
      list,
      new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`),
    ];
  if (list.length <= index) {
    const grown = list.slice();
    while (grown.length <= index) grown.push(null);
    list = grown;
  }
  list[index] = val;
  return [list, null];
}

// strconv.Atoi as keyIndex uses it.
function atoi(s: string): [number, Err] {
  if (!/^[+-]?[0-9]+$/.test(s))
    return [0, new StrvalsError(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`)];
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n)
    return [0, new StrvalsError(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`)];
  return [Number(n), null];
}

/** typedVal: the type inference of --set (forced to string for --set-string). */
export function typedVal(runes: string[], forceString: boolean): unknown {
  const val = runes.join("");
  if (forceString) return val;
  const lower = val.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  if (val === "0") return 0n;
  if (val.length !== 0 && val[0] !== "0" && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n <= 9223372036854775807n && n >= -9223372036854775808n) return n;
  }
  return val;
}

type Mode = "typed" | "string" | "json" | "file" | "literal";

class Parser {
  private readonly s: string[];
  private i = 0;
  constructor(
    text: string,
    private readonly data: Table,
    private readonly mode: Mode,
    private readonly reader: RunesReader,
  ) {
    this.s = Array.from(text);
  }

  private readRune(): string | undefined {
    return this.i < this.s.length ? this.s[this.i++] : undefined;
  }
  private unreadRune() {
    this.i--;
  }

  // runesUntil: read until a stop rune; backslash escapes the next rune (not for --set-literal).
  private runesUntil(stop: string): [string[], string | undefined, Err] {
    const v: string[] = [];
    for (;;) {
      const r = this.readRune();
      if (r === undefined) return [v, undefined, EOF];
      if (stop.includes(r)) return [v, r, null];
      if (r === "\\" && this.mode !== "literal") {
        const next = this.readRune();
        if (next === undefined) return [v, undefined, EOF];
        v.push(next);
      } else v.push(r);
    }
  }

  parse(): Err {
    for (;;) {
      const err = this.key(this.data, 0);
      if (err === null) continue;
      if (err === EOF) return null;
      return err;
    }
  }

  private callReader(rs: string[]): [unknown, Err] {
    try {
      return [this.reader(rs), null];
    } catch (e) {
      if (e instanceof StrvalsError) return [null, e];
      throw e;
    }
  }

  private key(data: Table, nestedNameLevel: number): Err {
    try {
      return this.keyInner(data, nestedNameLevel);
    } catch (e) {
      if (e instanceof Panic) return new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: Table, level: number): Err {
    const literal = this.mode === "literal";
    const [k, last, err] = this.runesUntil(literal ? "=[." : "=[,.");
    const ks = k.join("");
    if (err !== null) {
      if (k.length === 0) return err;
      return new StrvalsError(`key ${goQuote(ks)} has no value`);
    }
    if (last === "[") {
      const [idx, ierr] = this.keyIndex();
      if (ierr) return new StrvalsError(`error parsing index: ${ierr.message}`);
      let list: unknown[] = [];
      if (data.has(ks)) list = assertList(data.get(ks));
      const [l2, lerr] = this.listItem(list, idx, level);
      set(data, ks, l2);
      return lerr;
    }
    if (last === "=") {
      if (literal) {
        const [v] = this.runesUntil("");
        set(data, ks, v.join(""));
        return null;
      }
      if (this.mode === "json") return this.jsonValue((v) => set(data, ks, v));
      const [vl, e] = this.valList();
      if (e === null) {
        set(data, ks, vl);
        return null;
      }
      if (e === EOF) {
        set(data, ks, "");
        return e;
      }
      if (e === NOT_LIST) {
        const [rs, , ve] = this.runesUntil(",");
        if (ve !== null && ve !== EOF) return ve;
        const [v, re] = this.callReader(rs);
        set(data, ks, v);
        return re;
      }
      return e;
    }
    if (last === ",") {
      set(data, ks, "");
      return new StrvalsError(`key ${goQuote(ks)} has no value (cannot end with ,)`);
    }
    // last === "."
    level++;
    if (level > MAX_NESTED_NAME_LEVEL)
      return new StrvalsError(
        `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
      );
    let inner: Table = new Map();
    if (data.has(ks)) inner = assertTable(data.get(ks));
    const e = this.key(inner, level);
    if (e === null && inner.size === 0) return new StrvalsError(`key map ${goQuote(ks)} has no value`);
    if (inner.size !== 0) set(data, ks, inner);
    return e;
  }

  // The JSON branch of key() and listItem(): an empty value is null, otherwise one JSON value.
  private jsonValue(store: (v: unknown) => Err | undefined | void): Err {
    if (this.emptyVal()) {
      return store(null) ?? null;
    }
    let v: unknown;
    let end: number;
    try {
      [v, end] = decodeJSONPrefix(this.s, this.i);
    } catch (e) {
      return new StrvalsError((e as Error).message);
    }
    const serr = store(v);
    if (serr) return serr;
    this.i = end;
    this.emptyVal();
    return null;
  }

  // Reads optional blanks up to a comma or the end (empty: true) or any other rune (left unread).
  private emptyVal(): boolean {
    for (;;) {
      const r = this.readRune();
      if (r === undefined || r === ",") return true;
      if (!/\s/u.test(r)) {
        this.unreadRune();
        return false;
      }
    }
  }

  private keyIndex(): [number, Err] {
    const [v, , err] = this.runesUntil("]");
    if (err) return [0, err];
    return atoi(v.join(""));
  }

  private listItem(list: unknown[], i: number, level: number): [unknown[], Err] {
    if (i < 0) return [list, new StrvalsError(`negative ${i} index not allowed`)];
    const [k, last, err] = this.runesUntil("[.=");
    if (k.length > 0)
      return [list, new StrvalsError(`unexpected data at end of array index: ${goQuoteRunes(k)}`)];
    if (err) return [list, err];
    if (last === "=") {
      if (this.mode === "literal") {
        const [v] = this.runesUntil("");
        return setIndex(list, i, v.join(""));
      }
      if (this.mode === "json") {
        let out: unknown[] = list;
        const e = this.jsonValue((v) => {
          const [l2, se] = setIndex(list, i, v);
          out = l2;
          return se;
        });
        return [out, e];
      }
      const [vl, e] = this.valList();
      if (e === null) return setIndex(list, i, vl);
      if (e === EOF) return setIndex(list, i, "");
      if (e === NOT_LIST) {
        const [rs, , ve] = this.runesUntil(",");
        if (ve !== null && ve !== EOF) return [list, ve];
        const [v, re] = this.callReader(rs);
        if (re) return [list, re];
        return setIndex(list, i, v);
      }
      return [list, e];
    }
    if (last === "[") {
      const [nextI, ierr] = this.keyIndex();
      if (ierr) return [list, new StrvalsError(`error parsing index: ${ierr.message}`)];
      let crt: unknown[] = [];
      if (list.length > i && list[i] !== null) crt = assertList(list[i]);
      const [l2, e] = this.listItem(crt, nextI, level);
      if (e) return [list, e];
      return setIndex(list, i, l2);
    }
    // last === "."
    let inner: Table = new Map();
    if (list.length > i) {
      const cur = list[i];
      if (cur instanceof Map) inner = cur as Table;
      else list[i] = inner;
    }
    const e = this.key(inner, level);
    if (e) return [list, e];
    return setIndex(list, i, inner);
  }

  private valList(): [unknown[], Err] {
    const r = this.readRune();
    if (r === undefined) return [[], EOF];
    if (r !== "{") {
      this.unreadRune();
      return [[], NOT_LIST];
    }
    const list: unknown[] = [];
    for (;;) {
      const [rs, last, err] = this.runesUntil(",}");
      if (err) return [list, err === EOF ? new StrvalsError("list must terminate with '}'") : err];
      if (last === "}") {
        const n = this.readRune();
        if (n !== undefined && n !== ",") this.unreadRune();
        const [v, e] = this.callReader(rs);
        list.push(v);
        return [list, e];
      }
      const [v, e] = this.callReader(rs);
      if (e) return [list, e];
      list.push(v);
    }
  }
}

function run(text: string, dest: Table, mode: Mode, reader?: RunesReader) {
  const r: RunesReader = reader ?? ((rs) => typedVal(rs, mode === "string"));
  const err = new Parser(text, dest, mode, r).parse();
  if (err) throw err;
}

/** strvals.ParseInto (--set): merges `name=value,...` into dest; throws StrvalsError. */
export function parseInto(text: string, dest: Table): void {
  run(text, dest, "typed");
}
/** strvals.ParseIntoString (--set-string). */
export function parseIntoString(text: string, dest: Table): void {
  run(text, dest, "string");
}
/** strvals.ParseJSON (--set-json in its key=value form). */
export function parseJSONInto(text: string, dest: Table): void {
  run(text, dest, "json");
}
/** strvals.ParseIntoFile (--set-file): each value is a path that reader turns into the value. */
export function parseIntoFile(text: string, dest: Table, reader: RunesReader): void {
  run(text, dest, "file", reader);
}
/** strvals.ParseLiteralInto (--set-literal): the whole rest after `=` is one string. */
export function parseLiteralInto(text: string, dest: Table): void {
  run(text, dest, "literal");
}
/** strvals.Parse: a fresh table from a --set line. */
export function parseSet(text: string): Table {
  const m: Table = new Map();
  parseInto(text, m);
  return m;
}
