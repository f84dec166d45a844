// Functions taking map[string]interface {} receive helm's .Values (a named
// common.Values map): Go converts it at the call, so results are plain maps.
import { test } from "node:test";
import { assertNoDiffs, VALUES } from "./differential-a.ts";

const cases = [
  `{{ keys .Values | sortAlpha }}`,
  `{{ typeOf (merge .Values (dict "z" 1)) }} {{ typeOf (merge (dict) .Values) }}`,
  `{{ merge (dict "str" "mine") .Values | toJson }}`,
  `{{ mergeOverwrite (dict "str" "mine" "q" 1) .Values | toJson }}`,
  `{{ typeOf (set .Values "k" 1) }} {{ typeOf (unset .Values "k") }}`,
  `{{ pick .Values "str" "int" }} {{ typeOf (pick .Values "str") }}`,
  `{{ omit .Values "map" "list" "nested" "strs" "emptyList" "emptyMap" }}`,
  `{{ hasKey .Values "str" }} {{ get .Values "int" }} {{ pluck "str" .Values .Values }}`,
  `{{ values .Values | len }}`,
  `{{ typeOf (deepCopy .Values) }} {{ typeOf .Values }} {{ kindOf .Values }}`,
  `{{ .Values | toYaml }}`,
  `{{ .Values.map | toJson }} {{ .Values.list | toJson }}`,
  `{{ urlJoin .Values.map }}`,
  `{{ toStrings .Values.strs }} {{ join "," .Values }}`,
  `{{ empty .Values }} {{ default "d" .Values.emptyMap }} {{ coalesce .Values.emptyList .Values.zero .Values.str }}`,
  `{{ first .Values.list }} {{ last .Values.strs }} {{ has "a" .Values.strs }} {{ sortAlpha .Values.strs }}`,
  `{{ .Values.big }} {{ add .Values.big 1 }} {{ .Values.big | int }} {{ .Values.float | int }} {{ mul .Values.float 2 }}`,
  `{{ .Values.int | toString }} {{ .Values.big | toString }} {{ .Values.big | quote }} {{ .Values.float | toJson }}`,
  `{{ trunc .Values.int "hello" }}`,
  `{{ until .Values.int }}`,
  `{{ indent (int .Values.int) "x" | len }} {{ trunc (.Values.int | int) "hello" }}`,
  `{{ contains .Values.str "hello world" }} {{ upper .Values.str }} {{ upper .Values.int }}`,
  `{{ ternary 1 2 .Values.yes }} {{ ternary 1 2 .Values.str }}`,
  `{{ splitList "," .Values.nil }}`,
  `{{ include "x" . }}`,
];

// Cases that change .Values run in a chart of their own: helm renders all
// templates of a chart against one shared .Values.
const MUTATING = /\b(merge|mergeOverwrite|set|unset)\b/;

test("functions on helm's .Values match helm", async () => {
  const plain = cases.filter((c) => !c.includes("include") && !MUTATING.test(c));
  await assertNoDiffs(plain);
  const mutating = cases.filter((c) => MUTATING.test(c));
  for (const [i, c] of mutating.entries()) await assertNoDiffs([c], `${VALUES}# case ${i}\n`);
});
