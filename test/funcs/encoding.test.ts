// Encoding functions (base64/32, JSON, YAML, TOML) against helm 4: the error
// behaviour of each (swallow, panic, "Error" key) is what this suite pins.
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const b64 = [
  "",
  "aGVsbG8=",
  "aGVsbG8",
  "aGVsbA==",
  "aGVsbA=",
  "aGVs\nbG8=",
  "a",
  "ab==",
  "a===",
  "!!!!",
  "aGVsbG8=x",
  "aGVsbA==\n",
  "aGV=bG8=",
  "5L2g5aW9",
  "/w==",
];
const b32 = [
  "",
  "NBSWY3DP",
  "NBSWY3D",
  "NBSWY===",
  "NBSWY3DPEE======",
  "NB======",
  "NBS=====",
  "N=======",
  "nbswy3dp",
  "NBSWY3DP\n",
  "NBSW====",
  "!!!!!!!!",
];
const docs = [
  "a: 1",
  "a: [1, 2]\nb: {c: d}",
  "- 1\n- 2",
  "just a string",
  "42",
  "",
  "~",
  "a: 1\na: 2",
  "a: [1, 2",
  "a:\n\tb: 1",
  "a: 1\n---\nb: 2",
  "y: yes\nn: no\non: on",
  "big: 12345678901234567890",
  "f: 1e3\ni: 1000000",
];
const jsons = [
  '{"a":1e400,"b":[1,-1e999],"c":{"d":"x"},"e":2}',
  '{"a":1}',
  '{"a":[1,2.5,"x",null,true]}',
  "[1,2]",
  '"s"',
  "1",
  "null",
  "",
  "{",
  '{"a":1}x',
  '{"a":1e400}',
  "[{}]",
  '{"a":"\\u003c"}',
  "tru",
];
const q = (s: string) => JSON.stringify(s);

const cases: string[] = [];
for (const s of b64) cases.push(`{{ b64dec ${q(s)} }}`);
for (const s of b32) cases.push(`{{ b32dec ${q(s)} }}`);
for (const s of ["", "f", "fo", "foo", "foob", "fooba", "foobar", "héllo 🚀"]) {
  cases.push(
    `{{ b64enc ${q(s)} }}|{{ b32enc ${q(s)} }}|{{ b64enc ${q(s)} | b64dec }}|{{ b32enc ${q(s)} | b32dec }}`,
  );
}
for (const d of docs) {
  cases.push(
    `{{ fromYaml ${q(d)} | toJson }}`,
    `{{ fromYamlArray ${q(d)} | toJson }}`,
    `{{ typeOf (fromYaml ${q(d)}) }}`,
  );
}
for (const j of jsons) {
  cases.push(
    `{{ fromJson ${q(j)} | toJson }}`,
    `{{ fromJsonArray ${q(j)} | toJson }}`,
    `{{ mustFromJson ${q(j)} | toJson }}`,
    `{{ typeOf (mustFromJson ${q(j)}) }}`,
  );
}
const vals = [
  ".Values",
  ".Values.list",
  ".Values.map",
  ".Values.str",
  ".Values.nil",
  "(list)",
  "(dict)",
  '(dict "h" "<a&b>")',
  "(add 1 2)",
  "(until 3)",
  '(b64enc "x")',
  '(semver "1.2.3")',
  '(dict "z" 1 "a" (list (dict "k" "v")))',
];
for (const v of vals) {
  cases.push(
    `{{ toJson ${v} }}`,
    `{{ mustToJson ${v} }}`,
    `{{ toPrettyJson ${v} }}`,
    `{{ mustToPrettyJson ${v} }}`,
    `{{ toRawJson ${v} }}`,
    `{{ mustToRawJson ${v} }}`,
    `{{ toYaml ${v} }}`,
    `{{ mustToYaml ${v} }}`,
    `{{ toYamlPretty ${v} }}`,
  );
}
cases.push(
  `{{ toToml .Values.map }}`,
  `{{ toToml (dict "a" 1 "b" (dict "c" "d")) }}`,
  `{{ toToml (list 1 2) }}`,
  `{{ toToml "str" }}`,
  `{{ toToml nil }}`,
  `{{ fromToml "a = 1\\n[b]\\nc = 'd'" | toJson }}`,
  `{{ fromToml "a = " | toJson }}`,
  `{{ fromToml "" | toJson }}`,
  `{{ toJson (divf 1 0.0) }}`,
  `{{ toJson (float64 "NaN") }}|{{ toPrettyJson (float64 "inf") }}|{{ toYaml (float64 "NaN") }}`,
  `{{ mustToJson (float64 "NaN") }}`,
  `{{ toRawJson (float64 "NaN") }}`,
  `{{ mustToRawJson (float64 "NaN") }}`,
  `{{ mustToPrettyJson (float64 "NaN") }}`,
);

test("encoding functions match helm", async () => {
  await assertNoDiffs(cases);
});
