import { test } from "node:test";
import { goInt } from "../../src/funcs/goargs.ts";
import { regexFuncs } from "../../src/funcs/regex.ts";
import type { Value } from "../../src/template/value.ts";
import { assertSameAsHelm, type DirectCase, goQuote } from "./oracle-b.ts";

/** %v of a string, bool or []string result. */
function show(v: Value): string {
  if (Array.isArray(v)) return `[${v.join(" ")}]`;
  return String(v);
}

function call(name: string, ...args: (string | number)[]): DirectCase {
  const tplArgs = args.map((a) => (typeof a === "number" ? String(a) : goQuote(a))).join(" ");
  return {
    template: `{{ ${name} ${tplArgs} }}`,
    ours: () => show(regexFuncs[name]!.fn(...args.map((a) => (typeof a === "number" ? goInt(a) : a)))),
  };
}

const bad = [
  "(a",
  "a)",
  "[a",
  "*a",
  "a**",
  "\\8",
  "x{1001}",
  "a{2,1}",
  "(?i",
  "[z-a]",
  "\\",
  "(?<=a)b",
  "(?=a)",
  "\\Z",
  "a\n(",
  "`(",
  "\\p{Foo}",
];

test("regexMatch and mustRegexMatch match helm", async () => {
  const cases: DirectCase[] = [];
  const pairs: [string, string][] = [
    ["^[a-z]+\\[[0-9]+\\]$", "adam[23]"],
    ["^[a-z]+\\[[0-9]+\\]$", "Adam[23]"],
    ["", ""],
    ["a|b", "xyz"],
    ["(?i)HELLO", "say hello"],
    ["\\bfoo\\b", "a foo b"],
    ["^\\p{Greek}+$", "αβγ"],
    ["(?s)a.b", "a\nb"],
    ["a.b", "a\nb"],
    ["(?m)^b$", "a\nb\nc"],
    ["[[:alpha:]]+", "123"],
    ["\\d+", "१२३"],
    ["\\pL", "é"],
  ];
  for (const [re, s] of pairs) cases.push(call("regexMatch", re, s), call("mustRegexMatch", re, s));
  for (const re of bad) cases.push(call("regexMatch", re, "x"), call("mustRegexMatch", re, "x"));
  await assertSameAsHelm(cases);
});

test("regexFind, regexFindAll and their must forms match helm", async () => {
  const cases: DirectCase[] = [];
  const inputs: [string, string][] = [
    ["a*", "baaacaa"],
    ["", "héllo"],
    ["[0-9]+", "abc 123 def 45 6"],
    ["x*", ""],
    ["(a)(b)?", "ab a ab"],
    ["é+", "ééé e é"],
    ["🚀|b", "a🚀b🚀"],
    ["a|ab", "ab"],
    ["(?U)a+", "aaa"],
    ["\\s+", " \t\n x  y "],
  ];
  for (const [re, s] of inputs) {
    cases.push(call("regexFind", re, s), call("mustRegexFind", re, s));
    for (const n of [-1, 0, 1, 2, 100]) {
      cases.push(call("regexFindAll", re, s, n), call("mustRegexFindAll", re, s, n));
    }
  }
  for (const re of bad) {
    cases.push(call("regexFind", re, "x"), call("mustRegexFind", re, "x"));
    cases.push(call("regexFindAll", re, "x", -1), call("mustRegexFindAll", re, "x", -1));
  }
  await assertSameAsHelm(cases);
});

test("regexReplaceAll expands like Go; regexReplaceAllLiteral does not", async () => {
  const cases: DirectCase[] = [];
  const repls = [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
    "${1}",
    "$1",
    "$1W",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
    "${1}W",
    "$2",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
    "${name}",
    "$name",
    "$nameX",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
    "${nope}",
    "$$",
    "$",
    "${",
    "${1",
    "$01",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
    "${01}",
    "$10",
    "[$0]",
    "x$-y",
    "$é",
    "$1$2$3",
    "",
  ];
  const pats: [string, string][] = [
    ["a(x*)b", "-ab-axxb-"],
    ["(?P<name>\\w+)@(\\w+)", "bob@example alice@test"],
    ["(?<name>[a-z])", "abc"],
    ["x*", "abc"],
    ["", "héllo"],
    ["a*", "baaacaa"],
  ];
  for (const [re, s] of pats) {
    for (const r of repls) {
      cases.push(call("regexReplaceAll", re, s, r), call("mustRegexReplaceAll", re, s, r));
      cases.push(call("regexReplaceAllLiteral", re, s, r), call("mustRegexReplaceAllLiteral", re, s, r));
    }
  }
  for (const re of bad) {
    cases.push(call("regexReplaceAll", re, "x", "y"), call("mustRegexReplaceAll", re, "x", "y"));
    cases.push(
      call("regexReplaceAllLiteral", re, "x", "y"),
      call("mustRegexReplaceAllLiteral", re, "x", "y"),
    );
  }
  await assertSameAsHelm(cases);
});

test("regexSplit and regexQuoteMeta match helm", async () => {
  const cases: DirectCase[] = [];
  const inputs: [string, string][] = [
    ["z+", "pizza"],
    ["a", "banana"],
    ["", "abc"],
    ["a*", "baaacaa"],
    ["x", ""],
    ["", ""],
    [",\\s*", "a, b,c,   d,"],
    ["^", "abc"],
    ["$", "abc"],
    ["é", "aébéc"],
  ];
  for (const [re, s] of inputs) {
    for (const n of [-1, 0, 1, 2, 3, 50]) {
      cases.push(call("regexSplit", re, s, n), call("mustRegexSplit", re, s, n));
    }
  }
  for (const re of bad) cases.push(call("regexSplit", re, "x", -1), call("mustRegexSplit", re, "x", -1));
  for (const s of ["", "a.b+c", "\\.+*?()|[]{}^$", "1.5-2.0?", "héllo*", "plain"]) {
    cases.push(call("regexQuoteMeta", s));
  }
  await assertSameAsHelm(cases);
});
