// A fast path for helm's per-document check in SortManifests: it unmarshals
// every rendered document into a SimpleHead, which both validates the YAML and
// reads kind, name and annotations. Rendered manifests are nearly always plain
// block YAML, so this scanner reads the head straight from the lines, without
// building the document's values. It accepts only what the fast block reader
// (src/yaml/fast-block.ts) accepts, with more refusals (non-ASCII, flow
// collections, quoted or non-string keys, odd head fields); on anything else it
// returns undefined and the caller runs the full reader, which also gives
// helm's exact error texts.
import { resolvePlain } from "../yaml/resolve.ts";
import type { SimpleHead } from "./manifests.ts";

class Bail extends Error {}
const BAIL = new Bail();
const bail = (): never => {
  throw BAIL;
};

// Where a mapping sits, for the fields the head keeps.
const OTHER = 0;
const TOP = 1;
const META = 2;
const ANNOTATIONS = 3;
// Which head field a key's value fills.
const NONE = 0;
const API_VERSION = 1;
const KIND = 2;
const METADATA = 3;
const NAME = 4;
const ANNOTATION_MAP = 5;
const ANNOTATION = 6;
// What a key with an empty value turned out to hold.
const NULL = 0;
const MAP = 1;
const SEQ = 2;

const PLAIN_START_BAD = "?:,[]{}#&*!|>'\"%@`";
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", "0": "\0" };
// Anything but printable ASCII and newlines (tabs, CR, unicode) goes to the full reader.
const NOT_SIMPLE = /[^\n\x20-\x7e]/;

function isItem(t: string): boolean {
  return t === "-" || (t.charCodeAt(0) === 0x2d && t.charCodeAt(1) === 0x20);
}

/** Index of the closing quote of the quoted scalar starting at s[0], or -1. */
function closingQuote(s: string): number {
  const q = s.charCodeAt(0);
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q === 0x27) {
      if (c === 0x27) {
        if (s.charCodeAt(i + 1) === 0x27) {
          i++;
          continue;
        }
        return i;
      }
    } else if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

/** The text of a one-line quoted scalar (bails when it is not exactly one). */
function quoted(s: string): string {
  if (closingQuote(s) !== s.length - 1) bail();
  const inner = s.slice(1, -1);
  if (s.charCodeAt(0) === 0x27) return inner.includes("'") ? inner.replaceAll("''", "'") : inner;
  if (!inner.includes("\\")) return inner;
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = SIMPLE_ESCAPES[inner[++i]!];
    if (e === undefined) bail();
    out += e;
  }
  return out;
}

/** Index of the ":" after a quoted key at s[0] (followed by a space or the end), else bails. */
function quotedKeyEnd(s: string): number {
  const close = closingQuote(s);
  if (close < 0 || s.charCodeAt(close + 1) !== 0x3a) bail();
  if (close + 2 < s.length && s.charCodeAt(close + 2) !== 0x20) bail();
  return close + 1;
}

// First characters of the plain words go-yaml may resolve to something other
// than a string (numbers, YAML 1.1 booleans, null, .inf, the merge key).
const MAYBE_NOT_STRING = "0123456789+-.~<tTfFnNyYoO";
// A plain word inside a one-line flow sequence (the fast block reader's set).
const FLOW_WORD = /^[A-Za-z0-9_./+=~-][A-Za-z0-9_./+=~ -]*$/;

/** A one-line flow sequence of quoted strings and simple plain words: "['a', b, 80]". */
function checkFlowSequence(s: string): void {
  const end = s.length - 1;
  if (s.charCodeAt(end) !== 0x5d) bail();
  let i = 1;
  for (;;) {
    while (s.charCodeAt(i) === 0x20) i++;
    if (i >= end) bail();
    const c = s.charCodeAt(i);
    let j: number;
    if (c === 0x27 || c === 0x22) {
      const close = closingQuote(s.slice(i, end));
      if (close < 0) bail();
      j = i + close + 1;
      quoted(s.slice(i, j));
    } else {
      j = s.indexOf(",", i);
      if (j < 0 || j > end) j = end;
      let e = j;
      while (s.charCodeAt(e - 1) === 0x20) e--;
      const word = s.slice(i, e);
      if (!FLOW_WORD.test(word) || (word[0] === "-" && (word.length === 1 || word[1] === " "))) bail();
      checkNumber(word);
    }
    while (s.charCodeAt(j) === 0x20) j++;
    if (j === end) return;
    if (s.charCodeAt(j) !== 0x2c) bail();
    i = j + 1;
  }
}

/** Digits, signs and dots may resolve to numbers; .inf and .nan cannot become JSON. */
function checkNumber(s: string): void {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
    const r = resolvePlain(s, 2);
    if (r.tag === "float" && !Number.isFinite(r.value)) bail();
  }
}

// Stands for a block scalar's value once its lines are skipped (NOT_SIMPLE keeps NUL out of documents).
const BLOCK_SCALAR = "\0";
const HEADERS = new Set(["|", "|-", "|+", ">", ">-", ">+"]);

/**
 * Where the value starts when a mapping line's value is a block scalar header
 * ("key: |-"), else 0. Only lines of a mapping (no "- " items) qualify.
 */
function blockScalarHeader(text: string, c: number): number {
  const last = text.charCodeAt(text.length - 1);
  if (last !== 0x7c && last !== 0x3e && last !== 0x2d && last !== 0x2b) return 0;
  if (c === 0x2d && (text.length === 1 || text.charCodeAt(1) === 0x20)) return 0;
  const colon = c === 0x27 || c === 0x22 ? quotedKeyEnd(text) : text.indexOf(": ");
  if (colon < 0) return 0;
  let v = colon + 1;
  while (text.charCodeAt(v) === 0x20) v++;
  return HEADERS.has(text.slice(v)) ? v : 0;
}

/**
 * Skips a block scalar's lines after its header (in a mapping at column col);
 * returns where the structure resumes. Bails on the doubtful shapes: an empty
 * scalar, or blank lines with spaces before the first line of text (go-yaml
 * takes its indentation from them).
 */
function skipBlockScalar(doc: string, start: number, col: number): number {
  let indent = -1;
  while (start < doc.length) {
    let end = doc.indexOf("\n", start);
    if (end < 0) end = doc.length;
    let sp = start;
    while (doc.charCodeAt(sp) === 0x20) sp++;
    const n = sp - start;
    if (sp === end) {
      if (indent < 0 && n > 0) bail();
    } else if (indent < 0) {
      if (n <= col) bail();
      indent = n;
    } else if (n < indent) return start;
    start = end + 1;
  }
  if (indent < 0) bail();
  return start;
}

/** Checks a plain scalar the way the fast block reader does. */
function checkPlain(s: string): void {
  if (PLAIN_START_BAD.includes(s[0]!) || (s.charCodeAt(0) === 0x2d && (s.length === 1 || s[1] === " ")))
    bail();
  if (s.includes(": ") || s.endsWith(":")) bail();
}

/** A scalar the head does not keep: only its validity (and JSON-ability) matters. */
function checkScalar(s: string): void {
  if (s === BLOCK_SCALAR) return;
  const c = s.charCodeAt(0);
  if (c === 0x7b || c === 0x5b) {
    if (s === "{}" || s === "[]") return;
    if (c === 0x5b) checkFlowSequence(s);
    else bail();
    return;
  }
  if (c === 0x27 || c === 0x22) {
    quoted(s);
    return;
  }
  checkPlain(s);
  checkNumber(s);
}

/** A scalar the head keeps, as sigs.k8s.io/yaml then encoding/json put it into a string field. */
function headString(s: string): string {
  if (s === BLOCK_SCALAR) bail();
  const c = s.charCodeAt(0);
  if (c === 0x27 || c === 0x22) return quoted(s);
  if (c === 0x7b || c === 0x5b) bail();
  checkPlain(s);
  const r = resolvePlain(s, 2);
  switch (r.tag) {
    case "str":
    case "timestamp":
    case "merge":
      return s;
    case "null":
      return "";
    case "bool":
      return r.value ? "true" : "false";
    case "int":
      if (!r.unsigned && Number.isSafeInteger(Number(r.value))) return r.value.toString();
      return bail();
    default:
      return bail();
  }
}

class HeadScanner {
  i = 0;
  readonly indents: number[] = [];
  readonly texts: string[] = [];
  apiVersion = "";
  kind = "";
  hasMeta = false;
  name = "";
  annotations: Map<string, string> | undefined = undefined;

  constructor(doc: string) {
    let start = 0;
    while (start <= doc.length) {
      let end = doc.indexOf("\n", start);
      if (end < 0) end = doc.length;
      let indent = start;
      while (doc.charCodeAt(indent) === 0x20) indent++;
      if (indent < end && doc.charCodeAt(indent) !== 0x23) {
        let rest = doc.slice(indent, end);
        const c = rest.charCodeAt(0);
        if (indent === start && (rest.startsWith("---") || rest.startsWith("...") || c === 0x25)) bail();
        // A quoted key: comments are looked for after it only.
        const from = c === 0x27 || c === 0x22 ? quotedKeyEnd(rest) : 0;
        const hash = rest.indexOf(" #", from);
        if (hash >= 0) rest = rest.slice(0, hash);
        let e = rest.length;
        while (rest.charCodeAt(e - 1) === 0x20) e--;
        const text = e === rest.length ? rest : rest.slice(0, e);
        const col = indent - start;
        this.indents.push(col);
        const header = blockScalarHeader(text, c);
        if (header > 0) {
          // "key: |": the scalar's lines are content, not structure.
          this.texts.push(text.slice(0, header) + BLOCK_SCALAR);
          start = skipBlockScalar(doc, end + 1, col);
          continue;
        }
        this.texts.push(text);
      }
      start = end + 1;
    }
  }

  /** What a key whose value is empty on its line holds: a nested block, an indentless list, or null. */
  emptyValue(col: number, indentless: boolean, role: number): number {
    if (this.i >= this.texts.length) return NULL;
    const ind = this.indents[this.i]!;
    if (ind > col) {
      if (isItem(this.texts[this.i]!)) {
        this.sequence(ind);
        return SEQ;
      }
      this.mapping(ind, undefined, role);
      return MAP;
    }
    if (indentless && ind === col && isItem(this.texts[this.i]!)) {
      this.sequence(col);
      return SEQ;
    }
    return NULL;
  }

  mapping(col: number, first: string | undefined, role: number): void {
    let text = first;
    for (;;) {
      if (text === undefined) {
        if (this.i >= this.texts.length) return;
        const ind = this.indents[this.i]!;
        if (ind < col) return;
        if (ind > col) bail();
        const t = this.texts[this.i]!;
        if (isItem(t)) return;
        text = t;
        this.i++;
      }
      let colon: number;
      let key: string;
      const q = text.charCodeAt(0);
      if (q === 0x27 || q === 0x22) {
        colon = quotedKeyEnd(text);
        key = quoted(text.slice(0, colon));
      } else {
        colon = text.indexOf(": ");
        if (colon < 0) {
          if (!text.endsWith(":")) bail();
          colon = text.length - 1;
        }
        key = text.slice(0, colon);
        if (
          key === "" ||
          key.endsWith(" ") ||
          PLAIN_START_BAD.includes(key[0]!) ||
          key === "<<" ||
          key[0] === "-" ||
          (MAYBE_NOT_STRING.includes(key[0]!) && resolvePlain(key, 2).tag !== "str")
        )
          bail();
      }
      let value = text.slice(colon + 1);
      let sp = 0;
      while (value.charCodeAt(sp) === 0x20) sp++;
      if (sp > 0) value = value.slice(sp);
      const field = this.field(role, key);
      if (value === "") this.emptyField(col, field, key);
      else {
        this.scalarField(field, key, value);
        if (this.i < this.texts.length && this.indents[this.i]! > col) bail();
      }
      text = undefined;
    }
  }

  field(role: number, key: string): number {
    switch (role) {
      case TOP:
        return key === "apiVersion"
          ? API_VERSION
          : key === "kind"
            ? KIND
            : key === "metadata"
              ? METADATA
              : NONE;
      case META:
        return key === "name" ? NAME : key === "annotations" ? ANNOTATION_MAP : NONE;
      case ANNOTATIONS:
        return ANNOTATION;
    }
    return NONE;
  }

  /** A key with nothing after the colon: null, or the block on the following lines. */
  emptyField(col: number, field: number, key: string): void {
    switch (field) {
      case METADATA: {
        // A repeated key replaces the earlier value entirely.
        this.name = "";
        this.annotations = undefined;
        const got = this.emptyValue(col, true, META);
        if (got === SEQ) bail();
        this.hasMeta = got === MAP;
        return;
      }
      case ANNOTATION_MAP: {
        this.annotations = new Map();
        const got = this.emptyValue(col, true, ANNOTATIONS);
        if (got === SEQ) bail();
        if (got === NULL) this.annotations = undefined;
        return;
      }
      case NONE:
        this.emptyValue(col, true, OTHER);
        return;
    }
    if (this.emptyValue(col, true, OTHER) !== NULL) bail();
    this.setString(field, key, "");
  }

  scalarField(field: number, key: string, value: string): void {
    switch (field) {
      case NONE:
        checkScalar(value);
        return;
      case METADATA:
        if (value !== "{}") bail();
        this.name = "";
        this.annotations = undefined;
        this.hasMeta = true;
        return;
      case ANNOTATION_MAP:
        if (value !== "{}") bail();
        this.annotations = new Map();
        return;
    }
    this.setString(field, key, headString(value));
  }

  setString(field: number, key: string, s: string): void {
    if (field === API_VERSION) this.apiVersion = s;
    else if (field === KIND) this.kind = s;
    else if (field === NAME) this.name = s;
    else this.annotations!.set(key, s);
  }

  sequence(col: number): void {
    for (;;) {
      if (this.i >= this.texts.length) return;
      const ind = this.indents[this.i]!;
      if (ind < col) return;
      if (ind > col) bail();
      const t = this.texts[this.i]!;
      if (!isItem(t)) return;
      this.i++;
      let pad = 2;
      while (t.charCodeAt(pad) === 0x20) pad++;
      const content = t.length > pad ? t.slice(pad) : "";
      if (content === "") {
        this.emptyValue(col, false, OTHER);
        continue;
      }
      if (isItem(content)) bail();
      const c = content.charCodeAt(0);
      if (c !== 0x27 && c !== 0x22 && (content.includes(": ") || content.endsWith(":"))) {
        this.mapping(col + pad, content, OTHER);
        continue;
      }
      checkScalar(content);
      if (this.i < this.texts.length && this.indents[this.i]! > col) bail();
    }
  }

  head(): SimpleHead {
    const head: SimpleHead = { apiVersion: this.apiVersion, kind: this.kind };
    if (!this.hasMeta) return head;
    head.metadata = { name: this.name };
    if (this.annotations !== undefined) {
      // The full path reads annotations from a JSON object, whose keys encoding/json sorted.
      const out: Record<string, string> = {};
      const keys = [...this.annotations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const k of keys) out[k] = this.annotations.get(k)!;
      head.metadata.annotations = out;
    }
    return head;
  }
}

/**
 * The head of a rendered document when it is plain block YAML whose validity
 * is certain; undefined means: ask the full reader.
 */
export function fastSimpleHead(doc: string): SimpleHead | undefined {
  if (NOT_SIMPLE.test(doc)) return undefined;
  try {
    const s = new HeadScanner(doc);
    if (s.texts.length === 0 || s.indents[0] !== 0 || isItem(s.texts[0]!)) return undefined;
    s.mapping(0, undefined, TOP);
    if (s.i !== s.texts.length) return undefined;
    return s.head();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}
