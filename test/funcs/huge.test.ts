// Large inputs through the part A functions, against helm (lengths and digests
// keep the outputs small).
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const cases = [
  `{{ repeat 200000 "ab" | len }}`,
  `{{ until 100000 | len }} {{ untilStep 0 1000000 7 | len }} {{ seq 1 50000 | len }}`,
  `{{ trunc 5 (repeat 100000 "x") }} {{ trunc -3 (repeat 100000 "xy") }} {{ substr 99990 100000 (repeat 20000 "abcde") }}`,
  `{{ toJson (until 20000) | len }} {{ toYaml (until 5000) | len }}`,
  `{{ b64enc (repeat 50000 "xyz") | b64dec | len }} {{ b32enc (repeat 30000 "q") | len }}`,
  `{{ sortAlpha (splitList "," (repeat 20000 "b,a,")) | len }} {{ uniq (splitList "," (repeat 3000 "b,a,")) }}`,
  `{{ wrap 80 (repeat 5000 "lorem ipsum ") | len }} {{ indent 4 (repeat 2000 "line\\n") | len }}`,
  `{{ snakecase (repeat 2000 "HelloWorld") | len }} {{ camelcase (repeat 2000 "hello_world") | len }} {{ kebabcase (repeat 2000 "ABCdef") | len }}`,
  `{{ upper (repeat 20000 "é") | len }} {{ title (repeat 5000 "a b ") | len }} {{ nospace (repeat 10000 " a ") | len }}`,
  `{{ $d := dict }}{{ range $i := until 5000 }}{{ $_ := set $d (printf "k%05d" $i) $i }}{{ end }}{{ keys $d | len }} {{ last (keys $d | sortAlpha) }} {{ len (values $d) }}`,
  `{{ $l := list }}{{ range $i := until 3000 }}{{ $l = append $l $i }}{{ end }}{{ len $l }} {{ last $l }} {{ len (chunk 7 $l) }} {{ len (without $l 5 6 7) }}`,
  `{{ mul 4294967296 4294967296 }} {{ add 9223372036854775807 9223372036854775807 }} {{ mulf 1e200 1e200 }}`,
  `{{ abbrev 100000 (repeat 1000 "x") | len }} {{ abbrevboth 50 60 (repeat 100000 "y") | len }}`,
  `{{ semverCompare ">=1.0.0" "999999999.999999999.999999999" }} {{ semver "18446744073709551615.0.0" }}`,
  `{{ semver "18446744073709551616.0.0" }}`,
  `{{ int64 "99999999999999999999" }} {{ float64 (repeat 400 "9") }} {{ atoi (repeat 30 "9") }}`,
];

test("huge inputs match helm", async () => {
  await assertNoDiffs(cases);
});
