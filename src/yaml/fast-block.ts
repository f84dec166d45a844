// A fast reader for the plain block-style YAML most values files are made of
// (nested "key: value" maps, "- item" lists, one-line plain or quoted
// scalars, comments, {} and []). Anything else — anchors, tags, flow
// collections, block scalars, multi-line scalars, tabs, directives, odd
// indentation — returns undefined so the full parser (and its exact error
// texts) handles it. Results are the same GoYAML shapes the full decoder makes.

export type FastValue =
  | null
  | boolean
  | string
  | { int: bigint; unsigned?: boolean }
  | { float: number }
  | FastValue[]
  | { map: Map<string, [FastValue, FastValue]> };

interface Line {
  indent: number;
  /** Content after the indentation, comment and trailing spaces removed. */
  text: string;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

type Resolve = (plain: string) => FastValue;
type Key = (k: FastValue) => string;

const PLAIN_START_BAD = new Set([..."?:,[]{}#&*!|>'\"%@`"]);

function stripComment(s: string): string {
  // Quoted scalars may hold " #"; only handle comments outside quotes.
  if (s[0] === "'" || s[0] === '"') {
    const end = closingQuote(s);
    if (end < 0) bail();
    const rest = s.slice(end + 1);
    const m = /^ *(#.*)?$/.exec(rest);
    if (!m) bail();
    return s.slice(0, end + 1);
  }
  const i = s.search(/ #/);
  return (i >= 0 ? s.slice(0, i) : s).replace(/ +$/, "");
}

function closingQuote(s: string): number {
  const q = s[0];
  for (let i = 1; i < s.length; i++) {
    if (q === "'" && s[i] === "'") {
      if (s[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
    if (q === '"') {
      if (s[i] === "\\") {
        i++;
        continue;
      }
      if (s[i] === '"') return i;
    }
  }
  return -1;
}

function lines(text: string): Line[] {
  // Tabs, CR, BOM, YAML 1.1 line breaks and characters go-yaml's reader
  // refuses all go to the full parser.
  if (/[\t\r\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/.test(text))
    bail();
  if (
    /[\ud800-\udfff]/.test(text) &&
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
  )
    bail();
  const out: Line[] = [];
  for (const raw of text.split("\n")) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    const rest = raw.slice(indent);
    if (rest === "" || rest[0] === "#") continue;
    if (indent === 0 && (rest.startsWith("---") || rest.startsWith("...") || rest[0] === "%")) bail();
    out.push({ indent, text: stripComment(rest) });
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", "0": "\0" };

// One-line flow collections of simple plain words: "[80, 443]", "{cpu: 1, memory: 2Gi}".
const FLOW_WORD = /^[A-Za-z0-9_./+=~-][A-Za-z0-9_./+=~ -]*$/;

function flowWord(w: string, resolve: Resolve): FastValue {
  const t = w.replace(/^ +| +$/g, "");
  if (!FLOW_WORD.test(t) || t.endsWith(" ") || /^-( |$)/.test(t)) bail();
  return resolve(t);
}

/** Longer keys go to the full parser, which knows go-yaml's 1024-character simple-key limit. */
const MAX_KEY = 1000;

function flow(s: string, resolve: Resolve, keyOf: Key): FastValue {
  const inner = s.slice(1, -1);
  if (/[[\]{}'"#,]$/.test(inner.trim()) && inner.trim() !== "") bail();
  const parts = inner.trim() === "" ? [] : inner.split(",");
  if (s[0] === "[") return parts.map((p) => flowWord(p, resolve));
  const map = new Map<string, [FastValue, FastValue]>();
  for (const p of parts) {
    const m = /^ *([^:]+?): +(.*)$/.exec(p);
    if (!m || m[1]!.length > MAX_KEY) bail();
    const key = flowWord(m![1]!, resolve);
    map.set(keyOf(key), [key, flowWord(m![2]!, resolve)]);
  }
  return { map };
}

function scalar(s: string, resolve: Resolve, keyOf?: Key): FastValue {
  if (s === "{}") return { map: new Map() };
  if (s === "[]") return [];
  if (keyOf && ((s[0] === "[" && s.endsWith("]")) || (s[0] === "{" && s.endsWith("}")))) {
    return flow(s, resolve, keyOf);
  }
  const c = s[0]!;
  if (c === "'") {
    if (closingQuote(s) !== s.length - 1) bail();
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (c === '"') {
    if (closingQuote(s) !== s.length - 1) bail();
    return s.slice(1, -1).replace(/\\(.)/g, (_m, e: string) => SIMPLE_ESCAPES[e] ?? bail());
  }
  if (PLAIN_START_BAD.has(c) || (c === "-" && (s.length === 1 || s[1] === " "))) bail();
  if (/: |:$/.test(s)) bail();
  return resolve(s);
}

/** Splits "key: value" (or "key:"); undefined when the line is not a simple pair. */
function splitPair(s: string): [string, string] | undefined {
  if (s[0] === "'" || s[0] === '"') return undefined;
  const m = /: |:$/.exec(s);
  if (!m) return undefined;
  const key = s.slice(0, m.index);
  if (key === "" || / $/.test(key) || PLAIN_START_BAD.has(key[0]!) || key === "<<" || key[0] === "-") bail();
  // go-yaml drops a simple key that runs past 1024 characters (an error).
  if (key.length > MAX_KEY) bail();
  return [key, s.slice(m.index + 1).replace(/^ +/, "")];
}

class FastParser {
  i = 0;
  constructor(
    readonly ls: Line[],
    readonly resolve: Resolve,
    readonly keyOf: Key,
  ) {}

  /** A node whose first line is at index i with the given indentation. */
  block(indent: number): FastValue {
    const l = this.ls[this.i]!;
    if (l.text === "-" || l.text.startsWith("- ")) return this.sequence(indent, l.indent);
    return this.mapping(l.indent, undefined);
  }

  /** Value after "key:" or "-" with nothing on the line; a map value may be an indentless list. */
  emptyValue(col: number, indentless: boolean): FastValue {
    const next = this.ls[this.i];
    if (!next) return null;
    if (next.indent > col) return this.block(col);
    if (indentless && next.indent === col && (next.text === "-" || next.text.startsWith("- "))) {
      return this.sequence(col - 1, col);
    }
    return null;
  }

  mapping(col: number, first: string | undefined): FastValue {
    const map = new Map<string, [FastValue, FastValue]>();
    let text = first;
    for (;;) {
      if (text === undefined) {
        const l = this.ls[this.i];
        if (!l || l.indent < col) break;
        if (l.indent > col) bail();
        if (l.text === "-" || l.text.startsWith("- ")) break;
        text = l.text;
        this.i++;
      }
      const pair = splitPair(text);
      if (!pair) bail();
      const [k, v] = pair!;
      const key = this.resolve(k);
      if (key !== null && typeof key === "object" && !("int" in key) && !("float" in key)) bail();
      let value: FastValue;
      if (v === "") value = this.emptyValue(col, true);
      else {
        value = scalar(v, this.resolve, this.keyOf);
        const next = this.ls[this.i];
        if (next && next.indent > col) bail();
      }
      map.set(this.keyOf(key), [key, value]);
      text = undefined;
    }
    return { map };
  }

  sequence(_parent: number, col: number): FastValue {
    const items: FastValue[] = [];
    for (;;) {
      const l = this.ls[this.i];
      if (!l || l.indent < col) break;
      if (l.indent > col) bail();
      if (!(l.text === "-" || l.text.startsWith("- "))) break;
      this.i++;
      const rest = l.text === "-" ? "" : l.text.slice(2);
      const pad = rest.length - rest.replace(/^ +/, "").length;
      const content = rest.replace(/^ +/, "");
      if (content === "") {
        items.push(this.emptyValue(col, false));
      } else if (content === "-" || content.startsWith("- ")) {
        bail();
      } else if (splitPair(content)) {
        items.push(this.mapping(col + 2 + pad, content));
      } else {
        items.push(scalar(content, this.resolve, this.keyOf));
        const next = this.ls[this.i];
        if (next && next.indent > col) bail();
      }
    }
    return items;
  }
}

/** The document's value, or undefined when the input is outside the fast subset. */
export function readBlockFast(text: string, resolve: Resolve, keyOf: Key): FastValue | undefined {
  try {
    const ls = lines(text);
    if (ls.length === 0) return null;
    if (ls[0]!.indent !== 0) return undefined;
    const p = new FastParser(ls, resolve, keyOf);
    const first = ls[0]!;
    const isItem = first.text === "-" || first.text.startsWith("- ");
    const v = isItem ? p.sequence(-1, 0) : splitPair(first.text) ? p.mapping(0, undefined) : undefined;
    if (v === undefined || p.i !== ls.length) return undefined;
    return v;
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}
