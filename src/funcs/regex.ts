// Sprig's regular expression functions (regex.go) with Go's regexp semantics:
// RE2 syntax through re2js, Go's match iteration (FindAll, Split), Go's
// template expansion ($1, ${1}, ${name}) and Go's error and panic texts.
import { RE2JS } from "re2js";
import { GoError, type GoFunc, type Value } from "../template/value.ts";
import { intArg, stringSlice } from "./goargs.ts";
import { backquoteOrQuote } from "./goquote.ts";
import { nilOf } from "./util.ts";

/** The Go-like engine re2js keeps inside each compiled pattern. */
interface RE2Engine {
  findAllIndex(s: string, n: number): number[][] | null;
  findAllSubmatchIndex(s: string, n: number): number[][] | null;
  findIndex(s: string): number[] | null;
  namedGroups: Record<string, number>;
}

interface Compiled {
  engine: RE2Engine;
  /** Sub-expression names by group index ("" for unnamed), as Regexp.SubexpNames. */
  names: string[];
}

const cache = new Map<string, Compiled | GoError>();

const DUP = "_capstan_dup";

/**
 * Go accepts repeated capture group names (re2js does not): give repeats a
 * unique internal name, remembering the name Go reports for each group.
 */
function renameDuplicateGroups(expr: string): string {
  const seen = new Map<string, number>();
  let out = "";
  let inClass = false;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]!;
    if (ch === "\\") {
      if (expr[i + 1] === "Q") {
        const end = expr.indexOf("\\E", i + 2);
        const stop = end < 0 ? expr.length : end + 2;
        out += expr.slice(i, stop);
        i = stop - 1;
        continue;
      }
      out += expr.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      // A "]" right after "[" or "[^" is a literal.
      let j = i + 1;
      if (expr[j] === "^") j++;
      if (expr[j] === "]") j++;
      out += expr.slice(i, j);
      i = j - 1;
      continue;
    }
    const m = ch === "(" ? /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i)) : null;
    if (m) {
      const n = seen.get(m[1]!) ?? 0;
      seen.set(m[1]!, n + 1);
      out += n === 0 ? m[0] : m[0].replace(`<${m[1]}>`, `<${m[1]}${DUP}${n}>`);
      i += m[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** regexp.Compile: the compiled pattern, or Go's error. */
function compile(expr: string): Compiled {
  let c = cache.get(expr);
  if (c === undefined) {
    try {
      const re = RE2JS.compile(renameDuplicateGroups(expr));
      const engine = (re as unknown as { re2Input: RE2Engine }).re2Input;
      const names: string[] = new Array(re.groupCount() + 1).fill("");
      for (const [name, i] of Object.entries(engine.namedGroups))
        names[i] = name.replace(/_capstan_dup\d+$/, "");
      c = { engine, names };
    } catch (e) {
      // Go always appends ": `expr`", even when the offending text is empty.
      const msg = (e as Error).message.replace(/_capstan_dup\d+/g, "");
      c = new GoError(msg.endsWith("`") ? msg : `${msg}: \`\``);
    }
    if (cache.size > 1000) cache.clear();
    cache.set(expr, c);
  }
  if (c instanceof GoError) throw c;
  return c;
}

/** regexp.MustCompile: panics with Go's text on a bad pattern. */
function mustCompile(expr: string): Compiled {
  try {
    return compile(expr);
  } catch (e) {
    throw new GoError(`regexp: Compile(${backquoteOrQuote(expr)}): ${(e as Error).message}`);
  }
}

function findAll(c: Compiled, s: string, n: number): string[] {
  if (n < 0) n = s.length + 1;
  const m = n === 0 ? null : c.engine.findAllIndex(s, n);
  return (m ?? []).map(([a, b]) => s.slice(a, b));
}

/** FindAllString's result: nil (null in toJson) when nothing matched. */
function findAllSlice(c: Compiled, s: string, n: number) {
  const found = findAll(c, s, n);
  return found.length === 0 ? nilOf(stringSlice([])) : stringSlice(found);
}

/** Split's result: nil for n == 0, else a (possibly empty) slice. */
function splitSlice(c: Compiled, expr: string, s: string, n: number) {
  return n === 0 ? nilOf(stringSlice([])) : stringSlice(split(c, expr, s, n));
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{Nd}_]/u.test(ch);
}

/** Go's regexp expand: $$, $name, ${name}, $1, ${1}; malformed `$` stays literal. */
function expand(c: Compiled, template: string, src: string, match: number[]): string {
  let out = "";
  let t = template;
  for (;;) {
    const i = t.indexOf("$");
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith("$")) {
      out += "$";
      t = t.slice(1);
      continue;
    }
    const ext = extractName(t);
    if (!ext) {
      out += "$";
      continue;
    }
    t = ext.rest;
    const group = (g: number) => {
      if (2 * g + 1 < match.length && match[2 * g]! >= 0) out += src.slice(match[2 * g], match[2 * g + 1]);
    };
    if (ext.num >= 0) group(ext.num);
    else {
      // The first group of that name that took part in the match.
      const g = c.names.findIndex((n, i) => n === ext.name && 2 * i + 1 < match.length && match[2 * i]! >= 0);
      if (g > 0) group(g);
    }
  }
  return out + t;
}

function extractName(str: string): { name: string; num: number; rest: string } | undefined {
  let s = str;
  const brace = s.startsWith("{");
  if (brace) s = s.slice(1);
  let i = 0;
  for (const ch of s) {
    if (!isWordChar(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = s.slice(0, i);
  if (brace) {
    if (s[i] !== "}") return undefined;
    i++;
  }
  let num = 0;
  for (const ch of name) {
    if (ch < "0" || ch > "9" || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (ch.charCodeAt(0) - 48);
  }
  if (name[0] === "0" && name.length > 1) num = -1;
  return { name, num, rest: s.slice(i) };
}

function replaceAll(c: Compiled, src: string, repl: (m: number[]) => string): string {
  const matches = c.engine.findAllSubmatchIndex(src, src.length + 1) ?? [];
  let out = "";
  let last = 0;
  for (const m of matches) {
    out += src.slice(last, m[0]) + repl(m);
    last = m[1]!;
  }
  return out + src.slice(last);
}

/** Regexp.Split. */
function split(c: Compiled, expr: string, s: string, n: number): string[] {
  if (n === 0) return [];
  if (expr.length > 0 && s.length === 0) return [""];
  const matches = findAllIndexes(c, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const [a, b] of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = a;
    if (b !== 0) out.push(s.slice(beg, end));
    beg = b;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

function findAllIndexes(c: Compiled, s: string, n: number): number[][] {
  if (n < 0) n = s.length + 1;
  if (n === 0) return [];
  return (c.engine.findAllIndex(s, n) ?? []) as [number, number][];
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

function matchString(expr: string, s: string): boolean {
  return compile(expr).engine.findIndex(s) !== null;
}

const str = (v: Value) => v as string;

export const regexFuncs: Record<string, GoFunc> = {
  regexMatch: {
    params: ["string", "string"],
    result: "bool",
    fn: (re, s) => {
      try {
        return matchString(str(re), str(s));
      } catch {
        return false;
      }
    },
  },
  mustRegexMatch: {
    params: ["string", "string"],
    result: "bool",
    returnsError: true,
    fn: (re, s) => matchString(str(re), str(s)),
  },
  regexFindAll: {
    params: ["string", "string", "int"],
    result: "[]string",
    fn: (re, s, n) => findAllSlice(mustCompile(str(re)), str(s), intArg(n)),
  },
  mustRegexFindAll: {
    params: ["string", "string", "int"],
    result: "[]string",
    returnsError: true,
    fn: (re, s, n) => findAllSlice(compile(str(re)), str(s), intArg(n)),
  },
  regexFind: {
    params: ["string", "string"],
    result: "string",
    fn: (re, s) => findAll(mustCompile(str(re)), str(s), 1)[0] ?? "",
  },
  mustRegexFind: {
    params: ["string", "string"],
    result: "string",
    returnsError: true,
    fn: (re, s) => findAll(compile(str(re)), str(s), 1)[0] ?? "",
  },
  regexReplaceAll: {
    params: ["string", "string", "string"],
    result: "string",
    fn: (re, s, r) => {
      const c = mustCompile(str(re));
      return replaceAll(c, str(s), (m) => expand(c, str(r), str(s), m));
    },
  },
  mustRegexReplaceAll: {
    params: ["string", "string", "string"],
    result: "string",
    returnsError: true,
    fn: (re, s, r) => {
      const c = compile(str(re));
      return replaceAll(c, str(s), (m) => expand(c, str(r), str(s), m));
    },
  },
  regexReplaceAllLiteral: {
    params: ["string", "string", "string"],
    result: "string",
    fn: (re, s, r) => replaceAll(mustCompile(str(re)), str(s), () => str(r)),
  },
  mustRegexReplaceAllLiteral: {
    params: ["string", "string", "string"],
    result: "string",
    returnsError: true,
    fn: (re, s, r) => replaceAll(compile(str(re)), str(s), () => str(r)),
  },
  regexSplit: {
    params: ["string", "string", "int"],
    result: "[]string",
    fn: (re, s, n) => splitSlice(mustCompile(str(re)), str(re), str(s), intArg(n)),
  },
  mustRegexSplit: {
    params: ["string", "string", "int"],
    result: "[]string",
    returnsError: true,
    fn: (re, s, n) => splitSlice(compile(str(re)), str(re), str(s), intArg(n)),
  },
  regexQuoteMeta: { params: ["string"], result: "string", fn: (s) => quoteMeta(str(s)) },
};
