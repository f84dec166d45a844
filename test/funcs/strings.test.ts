// Sprig string functions against helm 4.
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const samples = [
  "",
  "hello",
  "Hello World",
  "  padded  ",
  "HTTPServer_v2-name",
  "fooBarBaz",
  "ÉCOLE élan ǆungla",
  "日本語テキスト",
  "a\tb\nc",
  "x🚀y",
  "already_snake_case",
  "kebab-case-here",
  "123abc456DEF",
  "ABC",
  "__a__b",
  "ĳ ß ﬁ",
];

const q = (s: string) => JSON.stringify(s);

const unary = [
  "trim",
  "upper",
  "lower",
  "title",
  "untitle",
  "nospace",
  "initials",
  "swapcase",
  "snakecase",
  "camelcase",
  "kebabcase",
  "quote",
  "squote",
  "toString",
  "b64enc",
  "b32enc",
];

const cases: string[] = [];
for (const f of unary) for (const s of samples) cases.push(`{{ ${f} ${q(s)} }}`);

cases.push(
  // abbrev / abbrevboth / trunc / substr
  ...[-1, 0, 3, 4, 5, 10, 100].map((n) => `{{ abbrev ${n} "Now is the time for all good men" }}`),
  ...[
    [0, 10],
    [1, 10],
    [5, 10],
    [10, 10],
    [20, 10],
    [5, 6],
    [-5, 10],
    [3, 4],
  ].map(([l, r]) => `{{ abbrevboth ${l} ${r} "1234567890abcdefghijklmnopqrstuvwxyz" }}`),
  `{{ abbrev 5 "héllo wörld" }}`,
  ...[-100, -5, -1, 0, 1, 5, 100].map((n) => `{{ trunc ${n} "hello world" }}`),
  `{{ trunc 2 "日本" }}`,
  ...[
    [0, 5],
    [-1, 3],
    [2, -1],
    [2, 100],
    [1, 1],
    [4, 2],
    [-1, 100],
    [-1, -1],
    [100, 200],
  ].map(([a, b]) => `{{ substr ${a} ${b} "hello" }}`),
  // repeat, trim family
  `{{ repeat 3 "ab" }}`,
  `{{ repeat 0 "ab" }}`,
  `{{ repeat -1 "ab" }}`,
  `{{ "ab" | repeat 2 }}`,
  `{{ trimAll "$" "$$5.00$" }}`,
  `{{ trimall "ab" "abcba" }}`,
  `{{ trimAll "" "xx" }}`,
  `{{ trimSuffix "-" "hello-" }}`,
  `{{ trimSuffix "" "hello" }}`,
  `{{ trimPrefix "-" "-hello" }}`,
  `{{ trimPrefix "x" "hello" }}`,
  // wrap
  `{{ wrap 10 "The quick brown fox jumps over the lazy dog" }}`,
  `{{ wrap 0 "a b c" }}`,
  `{{ wrap 5 "averyveryverylongword and more" }}`,
  `{{ wrap 5 "  leading spaces here" }}`,
  `{{ wrapWith 5 "<br>" "Hello World and more" }}`,
  `{{ wrapWith 3 "|" "averyverylongword" }}`,
  `{{ wrapWith 10 "" "The quick brown fox" }}`,
  // contains & co
  `{{ contains "ell" "hello" }} {{ contains "" "" }} {{ contains "x" "hello" }}`,
  `{{ hasPrefix "he" "hello" }} {{ hasSuffix "lo" "hello" }} {{ hasPrefix "lo" "hello" }}`,
  // quote/squote/cat
  `{{ quote "a" 1 2.5 nil true .Values.list }}`,
  `{{ squote "a" 1 2.5 nil true .Values.map }}`,
  `{{ quote }}{{ squote }}`,
  `{{ quote "a\\"b\\n" "\\x00" "tab\\t" }}`,
  `{{ quote .Values.int .Values.big .Values.nil .Values.float }}`,
  `{{ cat "a" 1 nil "b" .Values.list .Values.map }}`,
  `{{ cat }}`,
  `{{ cat nil nil }}`,
  // indent
  `{{ indent 2 "a\\nb\\n" }}`,
  `{{ nindent 4 "a\\nb" }}`,
  `{{ indent 0 "x" }}`,
  `{{ indent -1 "x" }}`,
  `{{ "line1\\nline2" | indent 3 }}`,
  // replace, plural
  `{{ replace " " "-" "a b c" }}`,
  `{{ replace "" "-" "abc" }}`,
  `{{ replace "" "-" "" }}`,
  `{{ "I Am Henry" | replace "Henry" "Bob" }}`,
  `{{ plural "one" "many" 1 }} {{ plural "one" "many" 0 }} {{ plural "one" "many" 2 }}`,
  // split family
  `{{ split "$" "foo$bar$baz" }}`,
  `{{ (split "$" "foo$bar$baz")._1 }}`,
  `{{ split "" "abc" }}`,
  `{{ split "," "" }}`,
  `{{ typeOf (split "," "a,b") }}`,
  `{{ splitList "," "a,b,,c" }} {{ typeOf (splitList "," "a") }}`,
  `{{ splitList "" "héllo" }}`,
  `{{ splitList "x" "" }} {{ len (splitList "x" "") }}`,
  `{{ splitn "$" 2 "foo$bar$baz" }}`,
  `{{ splitn "$" 0 "foo$bar$baz" }}`,
  `{{ splitn "$" -1 "foo$bar$baz" }}`,
  `{{ splitn "" 2 "abc" }}`,
  `{{ splitn "$" 10 "a$b" }}`,
  // join, toStrings, sortAlpha
  `{{ join "," .Values.list }}`,
  `{{ join "-" .Values.strs }}`,
  `{{ join "," "abc" }}`,
  `{{ join "," nil }}`,
  `{{ join "," 5 }}`,
  `{{ join "," (list 1 2 nil 3) }}`,
  `{{ join "," (splitList "/" "a/b/c") }}`,
  `{{ join "," (until 3) }}`,
  `{{ toStrings .Values.list }} {{ typeOf (toStrings .Values.list) }}`,
  `{{ toStrings "x" }} {{ toStrings nil }} {{ len (toStrings nil) }}`,
  `{{ toStrings (until 3) }}`,
  `{{ toStrings .Values.map }}`,
  `{{ sortAlpha .Values.strs }} {{ typeOf (sortAlpha .Values.strs) }}`,
  `{{ sortAlpha (list "b" "A" "a" "é" "z" 10 2) }}`,
  `{{ sortAlpha "x" }} {{ sortAlpha nil }} {{ sortAlpha 5 }}`,
  `{{ sortAlpha .Values.map }}`,
  // toString of many types
  `{{ toString 1 }} {{ toString 1.5 }} {{ toString nil }} {{ toString true }} {{ toString .Values.big }}`,
  `{{ toString .Values.list }} {{ toString .Values.map }} {{ toString (list) }}`,
  `{{ hello }}`,
  // wrong argument types
  `{{ upper 1 }}`,
  `{{ trunc "a" "b" }}`,
  `{{ repeat 2 3 }}`,
  `{{ indent "2" "x" }}`,
  `{{ upper nil }}`,
  `{{ trim }}`,
  `{{ contains "a" }}`,
);

test("string functions match helm", async () => {
  await assertNoDiffs(cases);
});
