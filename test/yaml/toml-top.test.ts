// toToml of values that are not maps (BurntSushi/toml writes them bare; an
// array of tables needs a key) through helm's template functions.
import { test } from "node:test";
import { assertNoDiffs } from "../funcs/differential-a.ts";

const CASES = [
  `{{ toToml (list 1 2) }}`,
  `{{ toToml "str" }}`,
  `{{ toToml "a\\"b\\\\c\\n" }}`,
  `{{ toToml 3 }}`,
  `{{ toToml 1.5 }}`,
  `{{ toToml .Values.big }}`,
  `{{ toToml true }}`,
  `{{ toToml (list) }}`,
  `{{ toToml (list (dict "a" 1)) }}`,
  `{{ toToml (list (dict "a" 1) 2) }}`,
  `{{ toToml (list 2 (dict "a" 1)) }}`,
  `{{ toToml (list nil) }}`,
  `{{ toToml (list (dict "a" 1) nil) }}`,
  `{{ toToml (list (list 1 2) "x") }}`,
  `{{ toToml .Values.list }}`,
  `{{ toToml .Values.strs }}`,
  `{{ toToml .Values.emptyList }}`,
  `{{ toToml .Values.str }}`,
  `{{ toToml (dict "a" (list (dict "b" 1))) }}`,
];

test("toToml of non-map top-level values matches helm", async () => {
  await assertNoDiffs(CASES);
});
