// A fast path for helm's per-document check in SortManifests: it unmarshals
// every rendered document into a SimpleHead, which both validates the YAML and
// reads kind, name and annotations. Rendered manifests are nearly always plain
// block YAML, so this scanner reads the head straight from the lines, without
// building the document's values. It accepts only what the fast block reader
// (src/yaml/fast-block.ts) accepts, with more refusals (non-ASCII, flow
// collections, odd keys, odd head fields); on anything else it returns
// undefined and the caller runs the full reader, which also gives helm's exact
// error texts.
//
// The CLI runs this code cold (interpreted, a few hundred documents), so each
// line is cut up by one native regular expression match and block scalars are
// skipped by one search, rather than by loops over characters.
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

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", "0": "\0" };
// Anything but printable ASCII and newlines (tabs, CR, unicode) goes to the full reader.
const NOT_SIMPLE = /[^\n\x20-\x7e]/;

/**
 * One line: indentation, an optional "- " item marker, an optional key (a
 * plain word, or a quoted string without escapes) with its ":", and the rest.
 * A key must be followed by a space or the line's end; otherwise the whole
 * text is the value (so "- http://x" is a scalar item). Lines of other shapes
 * (keys with spaces, "- - a", a bare "-") come out keyless and are refused.
 */
const LINE = /( *)(- +)?(?:([A-Za-z_/][\w./-]*|"[^"\\\n]*"|'[^'\n]*'):(?: +|(?=\n|$)))?([^\n]*)/y;

// A plain scalar go-yaml rejects, or reads as something else: an indicator
// first, "- " first, ": " inside or ":" last.
const PLAIN_BAD = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?: |$))|: |:$/;
const SIMPLE_DOUBLE = /^"[^"\\]*"$/;
const SIMPLE_SINGLE = /^'[^']*'$/;

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
  // Most quoted scalars hold no escapes: one native test proves it.
  if (s.charCodeAt(0) === 0x22 ? SIMPLE_DOUBLE.test(s) : SIMPLE_SINGLE.test(s)) return s.slice(1, -1);
  if (closingQuote(s) !== s.length - 1) bail();
  const inner = s.slice(1, -1);
  if (s.charCodeAt(0) === 0x27) return inner.replaceAll("''", "'");
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

// First letters of the YAML 1.1 words (booleans, null) a plain key may spell;
// none is longer than five letters.
const MAYBE_WORD = "tTfFnNyYoO";
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

// Where a block scalar's text starts: empty lines, then its first line's indentation.
// A line of spaces before the text, or no text at all, is refused (go-yaml
// takes the indentation from such lines).
const BLOCK_FIRST = /\n*( *)([^ \n])?/y;
// Per indentation n: the next line that has text indented less than n.
const dedents: RegExp[] = [];
function dedent(n: number): RegExp {
  let re = dedents[n];
  if (re === undefined) dedents[n] = re = new RegExp(`\\n {0,${n - 1}}(?=[^ \\n])`, "g");
  return re;
}

/**
 * Skips a block scalar's lines after its header (in a mapping at column col);
 * returns where the structure resumes.
 */
function skipBlockScalar(doc: string, start: number, col: number): number {
  BLOCK_FIRST.lastIndex = start;
  const m = BLOCK_FIRST.exec(doc);
  if (m === null || m[2] === undefined) bail();
  const indent = m![1]!.length;
  if (indent <= col) bail();
  const re = dedent(indent);
  re.lastIndex = BLOCK_FIRST.lastIndex;
  const next = re.exec(doc);
  return next === null ? doc.length + 1 : next.index + 1;
}

/** A scalar the head does not keep: only its validity (and JSON-ability) matters. */
function checkScalar(s: string): void {
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
  if (PLAIN_BAD.test(s)) bail();
  checkNumber(s);
}

/** A scalar the head keeps, as sigs.k8s.io/yaml then encoding/json put it into a string field. */
function headString(s: string): string {
  if (s === BLOCK_SCALAR) bail();
  const c = s.charCodeAt(0);
  if (c === 0x27 || c === 0x22) return quoted(s);
  if (c === 0x7b || c === 0x5b) bail();
  if (PLAIN_BAD.test(s)) bail();
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

// The scanner's state. It lives in module variables rather than in an object:
// cold code reads and writes these without property lookups, and one document
// is scanned at a time (nothing here calls out to other code).
let doc = "";
/** Where the next line starts. */
let pos = 0;
// The current structural line (blank and comment lines are skipped): the
// column of its first character (-1 past the end), the column of an item's
// content (-1 when it is no "- " item), its key (undefined: none) and its
// value ("" when empty, BLOCK_SCALAR for a skipped block scalar).
let ind = -1;
let item = -1;
let key: string | undefined;
let value = "";
// The head read so far.
let apiVersion = "";
let kind = "";
let hasMeta = false;
let name = "";
let annotations: Map<string, string> | undefined;

/** Moves to the next structural line. */
function next(): void {
  while (pos <= doc.length) {
    LINE.lastIndex = pos;
    const m = LINE.exec(doc)!;
    const end = LINE.lastIndex;
    pos = end + 1;
    const dash = m[2];
    let k = m[3];
    let v = m[4]!;
    // Comments: a whole line, or from " #" on (a quoted value holding " #" is then cut short and refused).
    if (v.charCodeAt(0) === 0x23) {
      if (dash === undefined && k === undefined) continue;
      v = "";
    } else if (v.includes(" #")) v = v.slice(0, v.indexOf(" #"));
    if (v.charCodeAt(v.length - 1) === 0x20) v = v.trimEnd();
    if (k !== undefined) {
      const q = k.charCodeAt(0);
      if (q === 0x22 || q === 0x27) k = k.slice(1, -1);
      else if (k.length <= 5 && MAYBE_WORD.includes(k[0]!) && resolvePlain(k, 2).tag !== "str") bail();
    } else if (dash === undefined) {
      // A blank line; any other keyless text outside an item is not a mapping entry ("---", "...", "%YAML" too).
      if (v === "") continue;
      bail();
    } else if (v === "") bail();
    const col = m[1]!.length;
    const c = v.charCodeAt(0);
    if ((c === 0x7c || c === 0x3e) && HEADERS.has(v)) {
      // "key: |": the scalar's lines are content, not structure. As an item ("- |", "- k: |") it is refused.
      if (dash !== undefined || k === undefined) bail();
      v = BLOCK_SCALAR;
      pos = skipBlockScalar(doc, end + 1, col);
    }
    ind = col;
    item = dash === undefined ? -1 : col + dash.length;
    key = k;
    value = v;
    return;
  }
  ind = -1;
}

/** What a key whose value is empty on its line holds: a nested block, an indentless list, or null. */
function emptyValue(col: number, role: number): number {
  if (ind > col) {
    if (item >= 0) {
      sequence(ind);
      return SEQ;
    }
    mapping(ind, false, role);
    return MAP;
  }
  if (ind === col && item >= 0) {
    sequence(col);
    return SEQ;
  }
  return NULL;
}

// Most lines of a rendered manifest are "key: scalar" entries of mappings the
// head does not read (under spec:, labels:, a list item's mapping). A run of
// such lines at one indentation is proven valid by one match instead of one
// next() and checkScalar() per line. A line qualifies only in the plainest
// shape, every part of which the per-line path accepts the same way: a plain
// key that cannot read as a YAML 1.1 bool or null (none of those is longer
// than five letters and all start with one of "tTfFnNyYoO"), then a value
// that is digits, a quoted string without escapes, or a plain scalar opening
// with a letter, "_" or "/" that has no "#", no ": ", no trailing ":" or
// space. Anything else ends the run and goes through next().
const RUN_KEY = "(?![tTfFnNyYoO][\\w./-]{0,4}:)[A-Za-z_/][\\w./-]*";
const RUN_VALUE = `(?:[0-9]+|"[^"\\\\\\n#]*"|'[^'\\n#]*'|[A-Za-z_/](?:[^\\n#:]|:(?! |$))*[^\\n#: ]|[A-Za-z_/])`;
// Per indentation n: a run of such lines indented by exactly n.
const runs: RegExp[] = [];
function runOf(n: number): RegExp {
  let re = runs[n];
  if (re === undefined) runs[n] = re = new RegExp(`(?: {${n}}${RUN_KEY}: +${RUN_VALUE}(?:\\n|$))+`, "y");
  return re;
}

/**
 * Skips the entries of the run that starts at pos, siblings at col of an
 * entry with a one-line value in a mapping the head does not read.
 */
function skipRun(col: number): void {
  const re = runOf(col);
  re.lastIndex = pos;
  if (re.test(doc)) pos = re.lastIndex;
}

// Per indentation n of "- " markers: the rest of a list of flat mappings, each
// item "- key: scalar" then its other entries at n + 2, all in run shape
// (the current item's remaining entries first). Every line is an entry of some
// item's mapping at n + 2, which the per-line path checks alike (their keys
// and values are not kept), so a line after the last skipped one checks the
// same against the current item's mapping as against the last item's.
const itemRuns: RegExp[] = [];
function itemRunOf(n: number): RegExp {
  let re = itemRuns[n];
  if (re === undefined) {
    const entry = `${RUN_KEY}: +${RUN_VALUE}(?:\\n|$)`;
    const rest = `(?: {${n + 2}}${entry})*`;
    itemRuns[n] = re = new RegExp(`${rest}(?: {${n}}- ${entry}${rest})*`, "y");
  }
  return re;
}

/** A block mapping at col; `inItem`: its first key is on the current "- " line. */
function mapping(col: number, inItem: boolean, role: number): void {
  for (;;) {
    if (!inItem) {
      if (ind < col) return;
      if (ind > col) bail();
      if (item >= 0) return;
    }
    inItem = false;
    if (key === undefined) bail();
    const k = key!;
    const v = value;
    if (role === OTHER && v !== "") skipRun(col);
    next();
    const field = role === OTHER ? NONE : fieldOf(role, k);
    if (v === "") emptyField(col, field, k);
    else {
      if (field === NONE) {
        if (v !== BLOCK_SCALAR) checkScalar(v);
      } else scalarField(field, k, v);
      if (ind > col) bail();
    }
  }
}

function fieldOf(role: number, k: string): number {
  switch (role) {
    case TOP:
      return k === "apiVersion" ? API_VERSION : k === "kind" ? KIND : k === "metadata" ? METADATA : NONE;
    case META:
      return k === "name" ? NAME : k === "annotations" ? ANNOTATION_MAP : NONE;
    case ANNOTATIONS:
      return ANNOTATION;
  }
  return NONE;
}

/** A key with nothing after the colon: null, or the block on the following lines. */
function emptyField(col: number, field: number, k: string): void {
  switch (field) {
    case METADATA: {
      // A repeated key replaces the earlier value entirely.
      name = "";
      annotations = undefined;
      const got = emptyValue(col, META);
      if (got === SEQ) bail();
      hasMeta = got === MAP;
      return;
    }
    case ANNOTATION_MAP: {
      annotations = new Map();
      const got = emptyValue(col, ANNOTATIONS);
      if (got === SEQ) bail();
      if (got === NULL) annotations = undefined;
      return;
    }
    case NONE:
      emptyValue(col, OTHER);
      return;
  }
  if (emptyValue(col, OTHER) !== NULL) bail();
  setString(field, k, "");
}

/** A one-line (or block) value of a head field. */
function scalarField(field: number, k: string, v: string): void {
  switch (field) {
    case METADATA:
      if (v !== "{}") bail();
      name = "";
      annotations = undefined;
      hasMeta = true;
      return;
    case ANNOTATION_MAP:
      if (v !== "{}") bail();
      annotations = new Map();
      return;
  }
  setString(field, k, headString(v));
}

function setString(field: number, k: string, s: string): void {
  if (field === API_VERSION) apiVersion = s;
  else if (field === KIND) kind = s;
  else if (field === NAME) name = s;
  else annotations!.set(k, s);
}

/** A block sequence whose "- " markers sit at col. */
function sequence(col: number): void {
  for (;;) {
    if (ind < col) return;
    if (ind > col) bail();
    if (item < 0) return;
    if (key !== undefined) {
      // "- key: scalar": whole items of the same flat shape that follow are proven by one match.
      if (item === col + 2 && value !== "") {
        const re = itemRunOf(col);
        re.lastIndex = pos;
        if (re.test(doc)) pos = re.lastIndex;
      }
      mapping(item, true, OTHER);
      continue;
    }
    const v = value;
    next();
    checkScalar(v);
    if (ind > col) bail();
  }
}

function head(): SimpleHead {
  const head: SimpleHead = { apiVersion, kind };
  if (!hasMeta) return head;
  head.metadata = { name };
  if (annotations !== undefined) {
    // The full path reads annotations from a JSON object, whose keys encoding/json sorted.
    const out: Record<string, string> = {};
    const keys = [...annotations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const k of keys) out[k] = annotations.get(k)!;
    head.metadata.annotations = out;
  }
  return head;
}

/**
 * The head of a rendered document when it is plain block YAML whose validity
 * is certain; undefined means: ask the full reader.
 */
export function fastSimpleHead(text: string): SimpleHead | undefined {
  if (NOT_SIMPLE.test(text)) return undefined;
  doc = text;
  pos = 0;
  apiVersion = kind = name = "";
  hasMeta = false;
  annotations = undefined;
  try {
    next();
    if (ind !== 0 || item >= 0) return undefined;
    mapping(0, false, TOP);
    if (ind >= 0) return undefined;
    return head();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  } finally {
    // Drop the references, so a big document is not kept alive.
    doc = "";
    key = undefined;
    value = "";
    annotations = undefined;
  }
}
