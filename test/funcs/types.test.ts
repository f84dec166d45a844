// Reflection, defaults, paths, URLs and flow functions against helm 4.
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const values = [
  "1",
  "1.5",
  '"s"',
  '""',
  "nil",
  "true",
  "false",
  "0",
  "0.0",
  "(list)",
  "(list 1)",
  "(dict)",
  '(dict "a" 1)',
  "(add 1 2)",
  "(until 2)",
  '(splitList "," "a")',
  '(split "," "a")',
  '(atoi "3")',
  '(semver "1.2.3")',
  '(b64enc "x")',
  ".Values.int",
  ".Values.float",
  ".Values.zero",
  ".Values.empty",
  ".Values.nil",
  ".Values.missing",
  ".Values.list",
  ".Values.emptyList",
  ".Values.map",
  ".Values.emptyMap",
  ".Values.yes",
  ".Values.no",
  ".Values",
  "(toStrings (list))",
  '(fromYaml "a: 1")',
  '(fromJsonArray "[]")',
];

const cases: string[] = [];
for (const v of values) {
  cases.push(
    `{{ typeOf ${v} }}|{{ kindOf ${v} }}|{{ empty ${v} }}|{{ typeIs "int" ${v} }}|{{ kindIs "map" ${v} }}`,
    `{{ default "D" ${v} }}|{{ coalesce ${v} "C" }}|{{ all ${v} }}|{{ any ${v} }}|{{ ternary "T" "F" (empty ${v}) }}`,
    `{{ deepEqual ${v} ${v} }}|{{ typeIsLike "semver.Version" ${v} }}`,
  );
}
cases.push(
  `{{ default "x" }}`,
  `{{ default }}`,
  `{{ default "d" "" "later" }}`,
  `{{ "" | default "fallback" }} {{ "set" | default "fallback" }}`,
  `{{ coalesce }} {{ coalesce nil "" 0 }} {{ typeOf (coalesce nil) }}`,
  `{{ all }} {{ any }} {{ all 1 "a" true }} {{ any 0 "" nil }}`,
  `{{ ternary 1 2 true }} {{ ternary 1 2 false }}`,
  `{{ ternary 1 2 "true" }}`,
  `{{ ternary 1 2 nil }}`,
  `{{ deepEqual 1 1.0 }} {{ deepEqual (list 1) (list 1) }} {{ deepEqual (dict "a" (list 1)) (dict "a" (list 1)) }}`,
  `{{ deepEqual (list) (splitList "," "") }} {{ deepEqual nil nil }} {{ deepEqual (add 1 1) 2 }} {{ deepEqual .Values.int 42.0 }}`,
  `{{ deepEqual (semver "1.0.0") (semver "1.0.0") }}`,
  `{{ typeIsLike "int" 1 }} {{ typeIs "float64" .Values.int }}`,
  // paths
  ...[
    "",
    "/",
    "a",
    "/a/b/",
    "a/b/c.tar.gz",
    "a//b/../c/.",
    "../../x",
    "/..",
    "./a/./b",
    ".hidden",
    "a/.b.c",
    "x/",
  ].map(
    (p) =>
      `{{ base ${JSON.stringify(p)} }}|{{ dir ${JSON.stringify(p)} }}|{{ clean ${JSON.stringify(p)} }}|{{ ext ${JSON.stringify(p)} }}|{{ isAbs ${JSON.stringify(p)} }}|{{ osBase ${JSON.stringify(p)} }}|{{ osDir ${JSON.stringify(p)} }}|{{ osClean ${JSON.stringify(p)} }}|{{ osExt ${JSON.stringify(p)} }}|{{ osIsAbs ${JSON.stringify(p)} }}`,
  ),
  // urls
  ...[
    "https://user:pa%20ss@example.com:8080/p/a%2Fth?q=1&x=%20#frag%20ment",
    "http://example.com",
    "mailto:someone@example.com",
    "/relative/path?x",
    "relative/path",
    "//host/path",
    "https://[::1]:443/x",
    "https://host:port/",
    "http://a b.com/",
    "%zz",
    "http://example.com/%zz",
    ":foo",
    "a:b/c",
    "HTTP://Example.COM/Path",
    "http://example.com/?",
    "http://x@y@z/",
    "",
    "*",
    "file:///etc/hosts",
    "https://例え.jp/パス?q=値#フラグ",
    "http://host/a b",
  ].map((u) => `{{ urlParse ${JSON.stringify(u)} | toJson }}`),
  `{{ urlJoin (dict "scheme" "https" "host" "example.com" "path" "/a b" "query" "x=1" "fragment" "f g") }}`,
  `{{ urlJoin (dict "scheme" "mailto" "opaque" "x@y.z") }}`,
  `{{ urlJoin (dict "host" "h" "path" "rel") }}`,
  `{{ urlJoin (dict "path" "a:b") }}`,
  `{{ urlJoin (dict "scheme" "http" "userinfo" "us er:p@ss" "host" "h") }}`,
  `{{ urlJoin (dict "scheme" "http" "userinfo" "u:p" "host" "h") }}`,
  `{{ urlJoin (dict) }}`,
  `{{ urlJoin (dict "host" 5) }}`,
  `{{ urlJoin (dict "host" nil) }}`,
  `{{ urlJoin (urlParse "https://u:p@h:1/a%2Fb?q#f") }}`,
  `{{ urlJoin nil }}`,
  // helm placeholders (fail, required, include, tpl are bound by the engine: see test/engine)
  `{{ getHostByName "localhost" }}`,
  `{{ lookup "v1" "Pod" "ns" "name" }} {{ typeOf (lookup "v1" "Pod" "" "") }}`,
);

test("reflection, defaults, paths and url functions match helm", async () => {
  await assertNoDiffs(cases);
});
