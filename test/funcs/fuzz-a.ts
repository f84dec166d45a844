// Generated inputs for the part A functions: random Unicode strings through the
// string functions and random numeric spellings through the casts. Shared by
// the CI property test (fixed seed, bounded) and scripts/fuzz-funcs.ts.
import fc from "fast-check";

/** A Go interpreted string literal for s (JSON's escapes are all valid Go escapes). */
export const goLit = (s: string) => JSON.stringify(s);

const pieces = fc.constantFrom(
  "a",
  "Z",
  " ",
  "  ",
  "_",
  "-",
  ".",
  "\t",
  "\n",
  "1",
  "42",
  "é",
  "ǅ",
  "ß",
  "İ",
  "日本",
  "テ",
  "🚀",
  "Hello",
  "wORLD",
  "HTTPServer",
  "x9y",
  "$",
  "'",
  '"',
  "\u00a0",
  "\u2028",
  "ﬁ",
);

/** Strings built from pieces that stress case mapping, word splitting and bytes. */
export const wordish = fc.array(pieces, { maxLength: 12 }).map((a) => a.join(""));

/** Any well-formed string (no lone surrogates: Go literals cannot hold them). */
export const anyString = fc.string({ unit: "binary", maxLength: 16 }).filter((s) => !/\p{Cs}/u.test(s)); // lone surrogates

export const stringInput = fc.oneof(wordish, anyString);

/** Numeric spellings: signs, base prefixes, underscores, fractions, exponents, junk. */
export const numberSpelling = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.constantFrom("", "0x", "0o", "0b", "0", "0X"),
    fc.stringMatching(/^[0-9a-f_]{0,8}$/),
    fc.constantFrom("", ".", ".0", ".5", ".00"),
    fc.constantFrom("", "e3", "E-2", "p1", "e"),
    fc.constantFrom("", "", "", " ", "x"),
  )
  .map((t) => t.join(""));

export function stringCase(s: string): string[] {
  const q = goLit(s);
  const fns = ["trim", "upper", "lower", "title", "untitle", "nospace", "initials", "swapcase", "snakecase"];
  fns.push("camelcase", "kebabcase", "quote", "squote", "b64enc", "b32enc", "toString");
  return [
    fns.map((f) => `{{ ${f} ${q} }}`).join("|"),
    `{{ trunc 5 ${q} }}|{{ trunc -3 ${q} }}|{{ abbrev 6 ${q} }}|{{ abbrevboth 5 8 ${q} }}|{{ wrap 4 ${q} }}|{{ wrapWith 3 "|" ${q} }}|{{ substr 0 2 ${q} }}|{{ indent 2 ${q} }}|{{ replace "a" "b" ${q} }}|{{ splitList " " ${q} }}|{{ sortAlpha (splitList "" ${q}) }}|{{ split "_" ${q} }}|{{ b64enc ${q} | b64dec }}|{{ b32enc ${q} | b32dec }}`,
  ];
}

export function numberCase(s: string): string {
  const q = goLit(s);
  return `{{ int ${q} }}|{{ int64 ${q} }}|{{ float64 ${q} }}|{{ toDecimal ${q} }}|{{ atoi ${q} }}|{{ add1 ${q} }}|{{ addf ${q} 1 }}|{{ round ${q} 2 }}|{{ semverCompare ">=1.0" "1.2.3" }}`;
}

/** Template literals of scalar values of every kind a template can write. */
const scalarLit = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom(
    "0",
    "1",
    "-1",
    "2.5",
    "0.0",
    "1e3",
    "nil",
    "true",
    "false",
    '""',
    '"a"',
    '"b"',
    '"A"',
    '"é"',
    '"1"',
  ),
  wordish.map(goLit),
);

const literals = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarLit,
    scalarLit,
    tie("list"),
    tie("dict"),
  ),
  list: fc.array(tie("value"), { maxLength: 6 }).map((xs) => `(list ${xs.join(" ")})`),
  dict: fc
    .array(fc.tuple(fc.constantFrom("a", "b", "c"), tie("value")), { maxLength: 3 })
    .map((kv) => `(dict ${kv.map(([k, v]) => `"${k}" ${v}`).join(" ")})`),
}));

/** A `(list ...)` literal, possibly nested, with dicts inside. */
export const listLit = literals.list as fc.Arbitrary<string>;

/** A `(dict ...)` literal, possibly nested. */
export const dictLit = literals.dict as fc.Arbitrary<string>;

/** Two dicts through mergo's merge rules (fresh literals each time: merge mutates). */
export function mergeCase([a, b]: [string, string]): string {
  return [
    `{{ merge ${a} ${b} | toJson }}`,
    `{{ mergeOverwrite ${a} ${b} | toJson }}`,
    `{{ merge ${a} ${b} ${a} | toJson }}`,
    `{{ mergeOverwrite ${b} ${a} ${b} | toJson }}`,
    `{{ $x := ${a} }}{{ $_ := merge $x ${b} }}{{ toJson $x }}`,
    `{{ deepCopy ${a} | toJson }}|{{ pick ${a} "a" "b" | toJson }}|{{ omit ${b} "a" | toJson }}|{{ keys ${a} | sortAlpha }}`,
    `{{ dig "a" "b" "def" ${a} }}`,
  ].join("\n");
}

export function listCase(l: string): string {
  return [
    `{{ uniq ${l} | toJson }}`,
    `{{ compact ${l} | toJson }}`,
    `{{ has 1 ${l} }}{{ has "a" ${l} }}{{ has nil ${l} }}`,
    `{{ without ${l} 1 "a" nil | toJson }}`,
    `{{ sortAlpha ${l} }}`,
    `{{ toStrings ${l} }}`,
    `{{ join "," ${l} }}`,
    `{{ first ${l} }}|{{ last ${l} }}|{{ rest ${l} | len }}|{{ initial ${l} | toJson }}`,
    `{{ chunk 2 ${l} | toJson }}`,
    `{{ reverse ${l} | toJson }}`,
    `{{ concat ${l} ${l} | len }}`,
    `{{ dict "a" ${l} | toYaml }}`,
    `{{ default "d" ${l} }}|{{ empty ${l} }}|{{ typeOf (first ${l}) }}|{{ kindOf (last ${l}) }}`,
    `{{ deepEqual ${l} ${l} }}|{{ toPrettyJson ${l} }}|{{ cat ${l} }}|{{ quote ${l} }}`,
    `{{ mergeOverwrite (dict "x" ${l}) (dict "x" (first ${l})) | toJson }}`,
  ].join("\n");
}

/** Doubles spelled as JS prints them (valid Go template number literals). */
export const doubleLit = fc
  .oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -1000, max: 1000, noNaN: true }),
    fc.integer({ min: -100000, max: 100000 }).map((i) => i / 1000),
  )
  .map((d) => (Object.is(d, -0) ? "0.0" : String(d)));

/** Two numbers through the float and integer arithmetic. */
export function floatCase([x, y]: [string, string]): string {
  const safeY = Number(y) === 0 ? "1.5" : y;
  return `{{ addf ${x} ${y} }}|{{ subf ${x} ${y} }}|{{ mulf ${x} ${y} }}|{{ divf ${x} ${safeY} }}|{{ round ${x} 3 }}|{{ floor ${x} }}|{{ ceil ${x} }}|{{ int ${x} }}|{{ int64 ${y} }}|{{ add ${x} ${y} }}|{{ maxf ${x} ${y} }}|{{ minf ${x} ${y} }}|{{ max ${x} ${y} }}|{{ toDecimal ${x} }}|{{ toString ${x} }}|{{ float64 ${x} | toJson }}`;
}
