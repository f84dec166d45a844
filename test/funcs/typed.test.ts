// Typed Go values (map[string]string from split, []string, []int, *semver.Version)
// through functions that reflect on them, against helm.
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const cases = [
  `{{ merge (dict "a" (split "," "x,y")) (dict "a" (dict "_2" "z")) }}`,
  `{{ merge (dict "a" (dict "k" 1)) (dict "a" (split "," "x,y")) }}`,
  `{{ mergeOverwrite (dict "a" (dict "k" 1)) (dict "a" (split "," "x,y")) }}`,
  `{{ merge (dict "a" (splitList "," "x")) (dict "a" (list 1 2)) }}`,
  `{{ mergeOverwrite (dict "a" (splitList "," "x")) (dict "a" (list 1 2)) }}`,
  `{{ merge (dict "a" (list)) (dict "a" (until 3)) | toJson }}`,
  `{{ merge (dict "a" (split "," "x,y")) (dict "b" 1) | toJson }}`,
  `{{ merge (split "," "a,b") (dict) }}`,
  `{{ deepCopy (split "," "a,b") }} {{ typeOf (deepCopy (split "," "a,b")) }} {{ typeOf (deepCopy (until 2)) }}`,
  `{{ first (split "," "a") }}`,
  `{{ keys (split "," "a") }}`,
  `{{ get (split "," "a") "_0" }}`,
  `{{ (split "," "a,b")._1 }} {{ index (split "," "a,b") "_0" }}`,
  `{{ has "a" (splitList "," "a,b") }} {{ has 1 (until 3) }} {{ without (until 4) 1 2 }} {{ typeOf (without (until 4) 1) }}`,
  `{{ reverse (splitList "," "a,b") }} {{ typeOf (reverse (splitList "," "a,b")) }}`,
  `{{ slice (splitList "," "a,b,c") 1 }} {{ typeOf (slice (until 5) 1 3) }}`,
  `{{ concat (splitList "," "a") (until 2) }}`,
  `{{ append (until 2) "x" }} {{ prepend (splitList "," "a") 1 }}`,
  `{{ chunk 2 (until 5) }} {{ typeOf (chunk 2 (until 5)) }}`,
  `{{ sortAlpha (until 12) }} {{ join "-" (until 3) }}`,
  `{{ uniq (concat (until 3) (until 3)) }} {{ compact (until 3) }}`,
  `{{ (semver "1.2.3").LessThan "1.2.4" }}`,
  `{{ (semver "1.2.3").Nope }}`,
  `{{ (semver "1.2.3").Compare nil }}`,
  `{{ (semver "1.2.3").SetPrerelease "rc.1" }} {{ (semver "1.2.3").SetPrerelease "01" }}`,
  `{{ (semver "1.2.3").SetMetadata "b.5" }} {{ (semver "1.2.3").SetMetadata "b..5" }}`,
  `{{ toJson (list (semver "1.0") (split "," "a")) }}`,
  `{{ typeOf (fromYaml "a: [1]") }} {{ typeOf (fromYamlArray "[1]") }} {{ typeOf (fromJson "{}") }} {{ typeOf (toStrings (list 1)) }}`,
  `{{ typeOf (list) }} {{ typeOf (dict) }} {{ typeOf (keys (dict)) }} {{ typeOf (pluck "a" (dict)) }} {{ typeOf (values (dict)) }}`,
  `{{ kindOf (split "," "a") }} {{ kindOf (until 2) }} {{ kindOf (semver "1.0") }} {{ kindOf ((semver "1.0").IncMajor) }}`,
];

test("typed Go values match helm", async () => {
  await assertNoDiffs(cases);
});
