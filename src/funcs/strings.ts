// Sprig's string functions (strings.go, functions.go) plus the goutils helpers
// they wrap. Go strings are bytes: functions that index bytes in Go (trunc,
// substr, abbrev, wrap, initials, nospace) work on UTF-8 bytes here too.

import { isASCII } from "../go/bytestring.ts";
import { compareGoStrings, sprint } from "../template/fmt.ts";

export { compareGoStrings };

import { quote as goQuote } from "../template/strconv.ts";
import { GO_TYPE, GoError, type GoFunc, type Value } from "../template/value.ts";
import { camelCaseToLowerCase, swapCase, title, toPascalCase, uncapitalize } from "./textcase.ts";
import { fromRunes, isSpace, mapRunes, runes, toLower, toUpper } from "./unicode.ts";
import {
  def,
  goKindName,
  intNum,
  isListKind,
  listItems,
  stringSlice,
  strval,
  tag,
  utf8Bytes,
  utf8String,
} from "./util.ts";

const S = "string";
const I = "int";
const ANY = "interface {}";

/** A byte slice of s decoded back to a string, as Go's s[a:b]. */
function byteSlice(b: Uint8Array, start: number, end = b.length): string {
  return utf8String(b.subarray(start, end));
}

function sliceBoundsError(msg: string): GoError {
  return new GoError(`runtime error: slice bounds out of range ${msg}`);
}

/** strings.Repeat with its panics. */
export function repeat(s: string, count: number): string {
  if (count < 0) throw new GoError("strings: negative Repeat count");
  if (s.length * count > 256 * 1024 * 1024) throw new GoError("strings: Repeat output length overflow");
  return s.repeat(count);
}

function trimSpace(s: string): string {
  const rs = runes(s);
  let a = 0;
  let b = rs.length;
  while (a < b && isSpace(rs[a]!)) a++;
  while (b > a && isSpace(rs[b - 1]!)) b--;
  return fromRunes(rs.slice(a, b));
}

/** strings.Trim(s, cutset). */
function trimCutset(s: string, cutset: string): string {
  if (s === "" || cutset === "") return s;
  const cut = new Set(runes(cutset));
  const rs = runes(s);
  let a = 0;
  let b = rs.length;
  while (a < b && cut.has(rs[a]!)) a++;
  while (b > a && cut.has(rs[b - 1]!)) b--;
  return fromRunes(rs.slice(a, b));
}

/** strings.Replace(s, old, new, -1), including the empty-old case (insert at every rune boundary). */
export function replaceAll(s: string, old: string, nw: string): string {
  if (old === "") {
    const rs = Array.from(s);
    return nw + rs.map((r) => r + nw).join("");
  }
  return s.split(old).join(nw);
}

/** strings.Split(s, sep): an empty sep splits into runes. */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === "") {
    const rs = Array.from(s);
    if (n < 0 || n > rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0 || n >= parts.length) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function splitMap(parts: string[]): Map<string, Value> {
  const m = new Map<string, Value>();
  parts.forEach((p, i) => {
    m.set(`_${i}`, p);
  });
  return tag(m, "map[string]string");
}

/** goutils.AbbreviateFull on bytes; errors (Sprig ignores them) give "". */
function abbreviateBytes(b: Uint8Array, offset0: number, maxWidth: number): Uint8Array {
  const len = b.length;
  const empty = new Uint8Array(0);
  if (len === 0 || maxWidth < 4) return empty;
  if (len <= maxWidth) return b;
  let offset = offset0;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return concatBytes(b.subarray(0, maxWidth - 3), DOTS);
  if (maxWidth < 7) return empty;
  if (offset + maxWidth - 3 < len)
    return concatBytes(DOTS, abbreviateBytes(b.subarray(offset), 0, maxWidth - 3));
  return concatBytes(DOTS, b.subarray(len - (maxWidth - 3)));
}

const DOTS = utf8Bytes("...");

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  return utf8String(abbreviateBytes(utf8Bytes(str), offset, maxWidth));
}

// goutils works on bytes and writes each byte back as a rune: non-ASCII bytes
// come out as Latin-1 characters, exactly as Go's rune(str[i]) does.
function latin1(b: number): string {
  return String.fromCharCode(b);
}

/** goutils.Initials with whitespace delimiters. */
function initials(s: string): string {
  if (s === "") return s;
  let out = "";
  let lastWasGap = true;
  for (const c of utf8Bytes(s)) {
    if (isSpace(c)) lastWasGap = true;
    else if (lastWasGap) {
      out += latin1(c);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace. */
function deleteWhiteSpace(s: string): string {
  if (s === "") return s;
  const b = utf8Bytes(s);
  let out = "";
  let count = 0;
  for (const c of b) {
    if (!isSpace(c)) {
      out += latin1(c);
      count++;
    }
  }
  return count === b.length ? s : out;
}

/** goutils.WrapCustom. */
function wrapCustom(str: string, wrapLength0: number, newLineStr0: string, wrapLongWords: boolean): string {
  if (str === "") return "";
  const newLineStr = newLineStr0 === "" ? "\n" : newLineStr0;
  const wrapLength = Math.max(1, wrapLength0);
  const b = utf8Bytes(str);
  const len = b.length;
  let offset = 0;
  const out: string[] = [];
  const lastIndexSpace = (from: number, to: number): number => {
    for (let i = to - 1; i >= from; i--) if (b[i] === 0x20) return i - from;
    return -1;
  };
  const indexSpace = (from: number): number => {
    for (let i = from; i < len; i++) if (b[i] === 0x20) return i - from;
    return -1;
  };
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    const spaceToWrapAt = lastIndexSpace(offset, end) + offset;
    if (spaceToWrapAt >= offset) {
      out.push(byteSlice(b, offset, spaceToWrapAt), newLineStr);
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out.push(byteSlice(b, offset, wrapLength + offset), newLineStr);
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const index = indexSpace(e);
      if (index === -1) {
        out.push(byteSlice(b, offset));
        offset = len;
      } else {
        const at = index + e;
        out.push(byteSlice(b, offset, at), newLineStr);
        offset = at + 1;
      }
    }
  }
  out.push(byteSlice(b, offset));
  return out.join("");
}

function indent(spaces: number, v: string): string {
  const pad = repeat(" ", spaces);
  // replaceAll is split/join without the array.
  return pad + v.replaceAll("\n", `\n${pad}`);
}

/** Sprig's strslice (toStrings, join, sortAlpha). */
export function strslice(v: Value): string[] {
  if (Array.isArray(v) && (v as any)[GO_TYPE] === "[]string") return v as string[];
  if (Array.isArray(v) && (v as any)[GO_TYPE] === undefined) {
    return v.filter((x) => x !== null).map(strval);
  }
  if (v !== null && isListKind(v)) {
    return listItems(v)
      .filter((x) => x !== null)
      .map(strval);
  }
  if (v === null) return [];
  return [strval(v)];
}

function substring(start: number, end: number, s: string): string {
  const b = utf8Bytes(s);
  const len = b.length;
  if (start < 0) {
    if (end < 0) throw sliceBoundsError(`[:${end}]`);
    if (end > len) throw sliceBoundsError(`[:${end}] with length ${len}`);
    return byteSlice(b, 0, end);
  }
  if (end < 0 || end > len) {
    if (start > len) throw sliceBoundsError(`[${start}:${len}]`);
    return byteSlice(b, start);
  }
  if (start > end) throw sliceBoundsError(`[${start}:${end}]`);
  return byteSlice(b, start, end);
}

function trunc(c: number, s: string): string {
  if (isASCII(s)) {
    // One byte per char: slice the string itself, as the byte path below would.
    if (c < 0 && s.length + c > 0) return s.slice(s.length + c);
    if (c >= 0 && s.length > c) return s.slice(0, c);
    return s;
  }
  const b = utf8Bytes(s);
  if (c < 0 && b.length + c > 0) return byteSlice(b, b.length + c);
  if (c >= 0 && b.length > c) return byteSlice(b, 0, c);
  return s;
}

export const stringFuncs: Record<string, GoFunc> = {
  hello: def([], S, () => "Hello!"),
  abbrev: def([I, S], S, (w, s) => (intNum(w) < 4 ? s : abbreviateFull(s, 0, intNum(w)))),
  abbrevboth: def([I, I, S], S, (l, r, s) => {
    const left = intNum(l);
    const right = intNum(r);
    if (right < 4 || (left > 0 && right < 7)) return s;
    return abbreviateFull(s, left, right);
  }),
  trunc: def([I, S], S, (c, s) => trunc(intNum(c), s)),
  trim: def([S], S, trimSpace),
  // On ASCII, JS case mapping changes a-z/A-Z only, as Go's does.
  upper: def([S], S, (s: string) => (isASCII(s) ? s.toUpperCase() : mapRunes(s, toUpper))),
  lower: def([S], S, (s: string) => (isASCII(s) ? s.toLowerCase() : mapRunes(s, toLower))),
  title: def([S], S, title),
  untitle: def([S], S, uncapitalize),
  substr: def([I, I, S], S, (a, b, s) => substring(intNum(a), intNum(b), s)),
  repeat: def([I, S], S, (c, s) => repeat(s, intNum(c))),
  trimall: def([S, S], S, (a, b) => trimCutset(b, a)),
  trimAll: def([S, S], S, (a, b) => trimCutset(b, a)),
  trimSuffix: def([S, S], S, (a: string, b: string) =>
    a !== "" && b.endsWith(a) ? b.slice(0, -a.length) : b,
  ),
  trimPrefix: def([S, S], S, (a: string, b: string) => (b.startsWith(a) ? b.slice(a.length) : b)),
  nospace: def([S], S, deleteWhiteSpace),
  initials: def([S], S, initials),
  swapcase: def([S], S, swapCase),
  snakecase: def([S], S, (s: string) => camelCaseToLowerCase(s, 0x5f)),
  camelcase: def([S], S, toPascalCase),
  kebabcase: def([S], S, (s: string) => camelCaseToLowerCase(s, 0x2d)),
  wrap: def([I, S], S, (l, s) => wrapCustom(s, intNum(l), "", false)),
  wrapWith: def([I, S, S], S, (l, sep, s) => wrapCustom(s, intNum(l), sep, true)),
  contains: def([S, S], "bool", (sub: string, s: string) => s.includes(sub)),
  hasPrefix: def([S, S], "bool", (p: string, s: string) => s.startsWith(p)),
  hasSuffix: def([S, S], "bool", (p: string, s: string) => s.endsWith(p)),
  quote: def(
    [],
    S,
    (...xs: Value[]) => {
      // One argument (`x | quote`) is the common case: no intermediate arrays.
      if (xs.length === 1) return xs[0] === null ? "" : goQuote(strval(xs[0]!));
      return xs
        .filter((x) => x !== null)
        .map((x) => goQuote(strval(x)))
        .join(" ");
    },
    { variadic: ANY },
  ),
  squote: def(
    [],
    S,
    (...xs: Value[]) =>
      xs
        .filter((x) => x !== null)
        .map((x) => `'${sprint([x])}'`)
        .join(" "),
    { variadic: ANY },
  ),
  cat: def(
    [],
    S,
    (...xs: Value[]) =>
      xs
        .filter((x) => x !== null)
        .map((x) => sprint([x]))
        .join(" "),
    { variadic: ANY },
  ),
  indent: def([I, S], S, (n, v) => indent(intNum(n), v)),
  nindent: def([I, S], S, (n, v) => `\n${indent(intNum(n), v)}`),
  replace: def([S, S, S], S, (o, n, s) => replaceAll(s, o, n)),
  plural: def([S, S, I], S, (one, many, c) => (intNum(c) === 1 ? one : many)),
  toString: def([ANY], S, strval),
  split: def([S, S], "map[string]string", (sep, s) => splitMap(goSplit(s, sep))),
  splitList: def([S, S], "[]string", (sep, s) => stringSlice(goSplit(s, sep))),
  splitn: def([S, I, S], "map[string]string", (sep, n, s) => splitMap(goSplit(s, sep, intNum(n)))),
  toStrings: def([ANY], "[]string", (v) => stringSlice([...strslice(v)])),
  join: def([S, ANY], S, (sep: string, v) => strslice(v).join(sep)),
  sortAlpha: def([ANY], "[]string", (v: Value) => {
    const k = v === null ? "invalid" : goKindName(v);
    if (k === "slice" || k === "array") return stringSlice([...strslice(v)].sort(compareGoStrings));
    return stringSlice([strval(v)]);
  }),
};
