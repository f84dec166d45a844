// Sprig list and dict functions against helm 4.
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const lists = [
  "(list 1 2 3)",
  "(list)",
  ".Values.list",
  ".Values.strs",
  ".Values.emptyList",
  '(list "a" "a" 1 1 1.0 nil nil "")',
  "(until 4)",
  '(splitList "," "x,y,z")',
  "(list (list 1) (list 1) (dict) (dict))",
];
const notLists = ['"str"', "5", "nil", ".Values.map", ".Values.nil", "true"];

const one = ["first", "last", "rest", "initial", "reverse", "uniq", "compact"];
const cases: string[] = [];
for (const f of one) {
  for (const l of [...lists, ...notLists]) {
    cases.push(`{{ ${f} ${l} }}|{{ typeOf (${f} ${l}) }}`);
    const must = `must${f[0]!.toUpperCase()}${f.slice(1)}`;
    cases.push(`{{ ${must} ${l} }}`);
  }
}
for (const l of [...lists, ...notLists]) {
  cases.push(
    `{{ append ${l} 9 }}`,
    `{{ mustAppend ${l} 9 }}`,
    `{{ mustPush ${l} 9 }}`,
    `{{ push ${l} "x" }}`,
    `{{ prepend ${l} 0 }}`,
    `{{ mustPrepend ${l} 0 }}`,
    `{{ without ${l} 1 "a" }}`,
    `{{ mustWithout ${l} 1 nil }}`,
    `{{ has 1 ${l} }} {{ has "a" ${l} }} {{ has nil ${l} }}`,
    `{{ mustHas 1 ${l} }}`,
    `{{ chunk 2 ${l} }}`,
    `{{ mustChunk 1 ${l} }}`,
    `{{ slice ${l} }}`,
    `{{ slice ${l} 1 }}`,
    `{{ slice ${l} 1 2 }}|{{ typeOf (slice ${l} 1 2) }}`,
    `{{ mustSlice ${l} 0 10 }}`,
    `{{ concat ${l} (list 7) }}`,
    `{{ len ${l} }}`,
  );
}
cases.push(
  `{{ list }} {{ list 1 "a" nil 2.5 }} {{ typeOf (list) }}`,
  `{{ tuple 1 2 }}`,
  `{{ chunk 0 (list 1 2) }}`,
  `{{ chunk -1 (list 1 2) }}`,
  `{{ chunk 3 (list 1 2 3 4 5 6 7) }}`,
  `{{ chunk 2 (list) }}`,
  `{{ slice (list 1 2 3) 2 1 }}`,
  `{{ slice (list 1 2 3) -1 }}`,
  `{{ slice (list 1 2 3) "1" "2" }}`,
  `{{ slice (list 1 2 3) 1.7 }}`,
  `{{ slice "abc" 1 }}`,
  `{{ concat }} {{ concat (list) (list) }} {{ typeOf (concat) }}`,
  `{{ concat (list 1) 2 }}`,
  `{{ concat nil }}`,
  `{{ has 1 nil }}`,
  `{{ has 1.0 (list 1) }} {{ has 1 (list 1.0) }}`,
  `{{ has .Values.int (list 42) }} {{ has .Values.int (list 42.0) }}`,
  `{{ uniq (list 1 1.0 "1" .Values.int .Values.int) }}`,
  `{{ without (list 1 2 3 2) 2 }}`,
  `{{ compact (list 0 "" nil false true "x" (list) (dict) 1.5) }}`,
  `{{ reverse (list) }} {{ first (list) }} {{ last (list) }}`,
  `{{ first (list nil) }}`,
  `{{ rest (list 1) }}`,
  // dicts
  `{{ dict }} {{ dict "a" }} {{ dict "a" 1 "b" }} {{ dict 1 2 nil 3 true 4 }}`,
  `{{ dict "b" 2 "a" 1 }} {{ typeOf (dict) }}`,
  `{{ get (dict "a" 1) "a" }} {{ get (dict "a" 1) "b" }} {{ typeOf (get (dict) "x") }}`,
  `{{ get .Values.map "b" }} {{ get .Values.map "c" }}`,
  `{{ get nil "a" }}`,
  `{{ get "x" "a" }}`,
  `{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}`,
  `{{ set (dict) "k" "v" }}`,
  `{{ set nil "k" "v" }}`,
  `{{ $d := dict "a" 1 "b" 2 }}{{ $_ := unset $d "a" }}{{ $d }} {{ unset $d "zz" }}`,
  `{{ unset nil "a" }}`,
  `{{ hasKey (dict "a" nil) "a" }} {{ hasKey (dict) "a" }} {{ hasKey nil "a" }}`,
  `{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) }}`,
  `{{ pluck "a" }}`,
  `{{ keys (dict "b" 1 "a" 2) | sortAlpha }} {{ typeOf (keys (dict)) }}`,
  `{{ keys (dict "b" 1) (dict "a" 2) | sortAlpha }}`,
  `{{ keys }}`,
  `{{ keys .Values.map | sortAlpha }}`,
  `{{ pick (dict "a" 1 "b" 2 "c" 3) "a" "c" "z" }}`,
  `{{ pick (dict "a" 1) }}`,
  `{{ pick nil "a" }}`,
  `{{ omit (dict "a" 1 "b" 2 "c" 3) "a" "z" }}`,
  `{{ omit nil "a" }}`,
  `{{ values (dict "a" 1) }} {{ values (dict) }} {{ typeOf (values (dict)) }}`,
  `{{ values (dict "a" 1 "b" 1) }}`,
  `{{ values nil }}`,
  `{{ dig "a" "b" "def" (dict "a" (dict "b" 1)) }}`,
  `{{ dig "a" "x" "def" (dict "a" (dict "b" 1)) }}`,
  `{{ dig "a" "def" (dict) }}`,
  `{{ dig "a" "b" "def" (dict "a" 1) }}`,
  `{{ dig "a" "def" .Values.map }}`,
  `{{ dig "c" "d" "def" .Values.map }}`,
  `{{ dig "nested" "one" "two" "three" "def" .Values }}`,
  `{{ dig "a" "def" }}`,
  `{{ dig "a" "def" "notamap" }}`,
  `{{ dig 1 "def" (dict) }}`,
  `{{ dig "a" "def" nil }}`,
  `{{ dig "a" "b" "def" (dict "a" nil) }}`,
  // merge
  `{{ merge (dict "a" 1 "b" (dict "x" 1)) (dict "a" 2 "c" 3 "b" (dict "y" 2)) }}`,
  `{{ merge (dict "a" "" "b" 0 "c" false "d" nil) (dict "a" "x" "b" 5 "c" true "d" "y") }}`,
  `{{ mergeOverwrite (dict "a" 1 "b" (dict "x" 1)) (dict "a" 2 "c" 3 "b" (dict "y" 2)) }}`,
  `{{ mergeOverwrite (dict "a" 1 "b" 2 "c" 3) (dict "a" "" "b" 0 "c" nil) }}`,
  `{{ merge (dict "a" (list 1)) (dict "a" (list 2 3) "b" (list 4)) }}`,
  `{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list 2 3)) }}`,
  `{{ merge (dict "a" (list)) (dict "a" (list 2)) }}`,
  `{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list)) }}`,
  `{{ merge (dict "a" "str") (dict "a" (dict "x" 1)) }}`,
  `{{ mergeOverwrite (dict "a" "str") (dict "a" (dict "x" 1)) }}`,
  `{{ merge (dict "a" (dict "x" 1)) (dict "a" "str") }}`,
  `{{ mergeOverwrite (dict "a" (dict "x" 1)) (dict "a" "str") }}`,
  `{{ mergeOverwrite (dict "a" (dict "x" 1)) (dict "a" nil) }}`,
  `{{ merge (dict "a" (dict)) (dict "a" (dict "x" 1)) }}`,
  `{{ merge (dict) (dict "a" (list 1)) }}`,
  `{{ merge (dict "z" 1) (dict "a" (list 1)) }}`,
  `{{ merge (dict "a" 1) (dict "b" 2) (dict "a" 3 "c" 4) }}`,
  `{{ mergeOverwrite (dict "a" 1) (dict "b" 2) (dict "a" 3 "c" 4) }}`,
  `{{ $d := dict "a" 1 }}{{ $_ := merge $d (dict "b" 2) }}{{ $d }}`,
  `{{ merge nil (dict "a" 1) }}`,
  `{{ merge (dict "a" 1) nil }}`,
  `{{ merge (dict "a" 1) }}`,
  `{{ mustMerge (dict "a" 1) (dict "b" 2) }} {{ mustMergeOverwrite (dict "a" 1) (dict "a" 2) }}`,
  `{{ merge (dict "a" 1) "x" }}`,
  `{{ merge .Values.map (dict "a" 9 "z" 1) }}`,
  `{{ mergeOverwrite (dict "c" (dict "d" (list 9) "e" 1)) .Values.map }}`,
  `{{ merge (dict "a" (dict "b" (dict "c" 1))) (dict "a" (dict "b" (dict "d" 2))) }}`,
  // deepCopy
  `{{ deepCopy (dict "a" (list 1 2) "b" (dict "c" 1)) }}`,
  `{{ $a := dict "x" (list 1) }}{{ $b := deepCopy $a }}{{ $_ := set $b "y" 2 }}{{ $a }} {{ $b }}`,
  `{{ deepCopy 1 }} {{ deepCopy "s" }} {{ typeOf (deepCopy .Values.int) }}`,
  `{{ deepCopy nil }}`,
  `{{ mustDeepCopy nil }}`,
  `{{ typeOf (deepCopy (splitList "," "a")) }} {{ deepCopy (list) }}`,
  `{{ deepCopy .Values }}`,
);

test("list and dict functions match helm", async () => {
  await assertNoDiffs(cases);
});
