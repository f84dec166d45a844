// Go's fmt against helm: printf with every verb and flag over every kind of
// template value, print/println, error forms and argument indexes. Expected
// text comes from helm; our side calls sprintf/sprint with the Go values the
// executor would pass for the same template arguments.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sprint, sprintf, sprintln } from "../../src/template/fmt.ts";
import type { Value } from "../../src/template/value.ts";
import { asWritten } from "../helpers/differential.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import {
  type Arg,
  B,
  BYTES_ARG,
  D,
  F,
  FT,
  fmtCase,
  I,
  I64,
  L,
  NIL,
  printfTemplate,
  S,
  SPECIAL,
  TEXT_BYTES_ARG,
  V,
} from "./fmt-args.ts";

interface Case {
  name: string;
  template: string;
  ours: () => string;
}

const vals = (args: Arg[]): Value[] => args.map((a) => a.v);

function printfCase(format: string, ...args: Arg[]): Case {
  return {
    name: `printf ${JSON.stringify(format)} ${args.map((a) => a.t).join(" ")}`,
    template: printfTemplate(format, args),
    ours: () => sprintf(format, vals(args)),
  };
}

function printCase(fn: "print" | "println", ...args: Arg[]): Case {
  return {
    name: `${fn} ${args.map((a) => a.t).join(" ")}`,
    template: `{{ ${fn} ${args.map((a) => a.t).join(" ")} }}`,
    ours: () => (fn === "print" ? sprint(vals(args)) : sprintln(vals(args))),
  };
}

// Values covering every kind: int, int64, float64 (literals and values.yaml), string, bool, nil,
// []interface {}, map[string]interface {}, []byte, and nested composites.
const VALUES: Arg[] = [
  I(0),
  I(42),
  I(-7),
  I(65),
  I(0x1f680),
  I64(9223372036854775807n),
  I64(-9223372036854775808n),
  F(12.34567),
  F(0),
  F(-0),
  F(-2.5),
  F(1e21),
  F(1e-7),
  F(123456789),
  F(0.1),
  V("million"),
  V("big"),
  V("small"),
  V("third"),
  V("half"),
  SPECIAL("NaN"),
  SPECIAL("+Inf"),
  SPECIAL("-Inf"),
  S("hello"),
  S(""),
  S("héllo ✓"),
  S('tab\there "q" \\ \n'),
  S("\u0007\u007f\u00a0\u200b\ufeff"),
  S("🚀 x"),
  B(true),
  B(false),
  NIL,
  L(I(1), S("a"), NIL, F(2.5)),
  L(),
  D(["b", I(1)], ["a", S("x")], ["c", NIL]),
  V("map"),
  V("list"),
  V("emptyMap"),
  V("keys"),
  BYTES_ARG,
  TEXT_BYTES_ARG,
];

const VERBS = [
  "v",
  "+v",
  "#v",
  "T",
  "d",
  "s",
  "q",
  "x",
  "X",
  "o",
  "O",
  "b",
  "e",
  "E",
  "f",
  "F",
  "g",
  "G",
  "t",
  "c",
  "U",
];
const FLAGS = ["", "8", "-8", "08", ".2", "+", " ", "#", "8.3", "-010.4", "+08.1", "#.0", "# "];

const cases: Case[] = [];

// Every verb on every kind of value, plain.
for (const verb of VERBS) for (const v of VALUES) cases.push(printfCase(`%${verb}`, v));

// Flags, widths and precisions on scalar values.
const SCALARS = VALUES.filter(
  (a) => !a.t.startsWith("(list") && !a.t.startsWith("(dict") && !a.t.includes("map"),
);
for (const flags of FLAGS) {
  for (const verb of ["v", "d", "s", "q", "x", "X", "o", "b", "e", "f", "g", "G", "c", "U", "t"]) {
    for (const v of SCALARS) cases.push(printfCase(`%${flags}${verb}`, v));
  }
}

// Flags applied through composites (each element is formatted with them).
for (const spec of [
  "%5v",
  "%-5d|",
  "%05.1f",
  "%x",
  "% x",
  "%#x",
  "%+q",
  "%#q",
  "%+v",
  "%#v",
  "%06s",
  "%.1s",
]) {
  for (const v of [
    L(I(1), I(-22), I(333)),
    L(F(1.5), F(-0.25)),
    L(S("a"), S("bc")),
    D(["k", I(5)], ["j", L(I(1), S("x"))]),
    V("map"),
    V("list"),
    BYTES_ARG,
    L(BYTES_ARG, TEXT_BYTES_ARG),
    D(["b", BYTES_ARG]),
  ]) {
    cases.push(printfCase(spec, v));
  }
}

// Float formatting in detail: precisions, rounding of exact ties, exponents.
const FLOATS = [
  0.5,
  1.5,
  2.5,
  3.5,
  -0.5,
  0.125,
  0.375,
  1.005,
  2.675,
  1e15,
  1e16,
  123456.5,
  999999.5,
  9.9999995,
  1e-5,
  1e-4,
  1.0000000000000002,
  5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  100,
  1e6,
  1e20,
  1e21,
  12345678,
  0.1 + 0.2,
  1 / 3,
  2 / 3,
  -1234.5678,
  4.35,
  0.045,
];
for (const x of FLOATS) {
  for (const spec of [
    "%v",
    "%.0f",
    "%.1f",
    "%.2f",
    "%.3e",
    "%.0e",
    "%.3g",
    "%.10g",
    "%.20f",
    "%.17g",
    "%#.0f",
    "%#g",
    "%x",
    "%.3x",
    "%b",
    "%10.4G",
    "%+.30e",
  ]) {
    cases.push(printfCase(spec, F(x)));
  }
}
for (const text of ["1.0", "1.50", "100.0", "0.1", "1e3", "2.5e-3"])
  cases.push(printfCase("%v %T", FT(text), FT(text)));

// Error forms, argument indexes, star widths and precisions.
cases.push(
  printfCase("%d", S("x")),
  printfCase("%d %d", I(1)),
  printfCase("%d", I(1), I(2), S("x"), NIL, L(I(1))),
  printfCase("%!"),
  printfCase("%"),
  printfCase("abc%"),
  printfCase("%-"),
  printfCase("%5"),
  printfCase("%.", I(1)),
  printfCase("%z", I(1)),
  printfCase("%ü", S("x")),
  printfCase("%d", NIL),
  printfCase("%s", NIL),
  printfCase("%v|%5v|%-6v|", NIL, NIL, NIL),
  printfCase("%T %T %T %T %T %T %T", I(1), I64(1), F(1), S(""), B(true), NIL, L()),
  printfCase("%T %T %T", D(), BYTES_ARG, V("map")),
  printfCase("%[2]d %[1]d", I(1), I(2)),
  printfCase("%[3]d", I(1), I(2)),
  printfCase("%[0]d", I(1)),
  printfCase("%[x]d", I(1)),
  printfCase("%[1]d %d %d", I(1), I(2)),
  printfCase("%[2]*[1]d", I(12), I(5)),
  printfCase("%[1]*d", I(5)),
  printfCase("%*d", I(5), I(42)),
  printfCase("%-*d|", I(5), I(42)),
  printfCase("%*d|", I(-5), I(42)),
  printfCase("%.*f", I(2), F(12.34567)),
  printfCase("%.*f", I(-2), F(12.34567)),
  printfCase("%*d", S("x"), I(42)),
  printfCase("%*d", F(5), I(42)),
  printfCase("%.*d", S("x"), I(42)),
  printfCase("%*d", I(10000000), I(42)),
  printfCase("%*d", I64(6), I(42)),
  printfCase("%*d"),
  printfCase("%[2]3d", I(1), I(2)),
  printfCase("%[2].3d", I(1), I(2)),
  printfCase("%3.[2]d", I(1), I(2)),
  printfCase("%[5]d", I(1)),
  printfCase("%[1]", I(1)),
  printfCase("%[", I(1)),
  printfCase("%[1", I(1)),
  printfCase("%d %[1]d extra", I(1), I(2)),
  printfCase("%%|%5%|%-5%|%d%%", I(3)),
  printfCase("%w", S("x")),
  printfCase("%p", S("x")),
  printfCase("%10000000d", I(1)),
  printfCase("%.10000000d", I(1)),
  printfCase("%.0d|%5.0d|%.0x", I(0), I(0), I(0)),
  printfCase("%#o %#o %#x %#X %#b %O", I(8), I(0), I(255), I(255), I(5), I(8)),
  printfCase("%#08x|%08.3d|%-08d|%+08d|% 08d", I(255), I(7), I(7), I(7), I(7)),
  printfCase("%c|%c|%c|%c|%c", I(65), I(0x1f680), I(-1), I(0xd800), I(0x110000)),
  printfCase("%q|%+q|%#q|%q|%q", I(65), I(0xe9), I(0x1f680), I(10), I(39)),
  printfCase("%U|%#U|%#U|%.6U|%#10U|%-10U|", I(65), I(0xe9), I(10), I(65), I(0x1f680), I(0)),
  printfCase("%#q|%#q|%#q|%+q", S("abc"), S("a`b"), S("tab\there"), S("héllo")),
  printfCase("%.3q|%.1x|%.2s|%5.1s|", S("héllo"), S("héllo"), S("héllo"), S("héllo")),
  printfCase(
    "%x|% x|%#x|% #x|%X|% #X|%10x|%-10x|",
    S("hé"),
    S("hé"),
    S("hé"),
    S("hé"),
    S("hé"),
    S("hé"),
    S("hé"),
    S("hé"),
  ),
  printfCase("%x|% x|%10x|", S(""), S(""), S("")),
  printfCase(
    "%6.2f|%-8.3e|%+.1e|% .2f|%08.3f|%-08.3f|%+08.3f",
    F(12.34567),
    F(-1234.5),
    F(0),
    F(2),
    F(-12.34567),
    F(2.5),
    F(2.5),
  ),
  printfCase(
    "%5v|%05v|%-5v|%+v|% v",
    SPECIAL("NaN"),
    SPECIAL("+Inf"),
    SPECIAL("-Inf"),
    SPECIAL("NaN"),
    SPECIAL("NaN"),
  ),
  printfCase("%08.2f|%+08.2f|% 8.2f", SPECIAL("-Inf"), SPECIAL("+Inf"), SPECIAL("NaN")),
  printfCase("%v %d %s", V("million"), V("million"), V("million")),
  printfCase("%d %s", L(S("a"), I(1)), D(["a", I(1)])),
  printfCase("%t %t", B(true), S("x")),
  printfCase("%s %v %d", I64(5), I64(5), I64(5)),
  printfCase("%s", L(L(I(1), L(S("x"))), D(["k", L()]))),
  printfCase("%v", D(["z", D(["y", D()])], ["a", L(D(["q", NIL]))])),
  printfCase("%#v", D(["z", D(["y", D()])], ["a", L(D(["q", NIL]))])),
  printfCase("%#v|%#v|%#v|%#v", S('q"uote'), F(1), F(1e21), I64(3)),
  printfCase("no verbs here"),
  printfCase("no verbs", I(1)),
  printfCase(""),
);

// print and println: spaces only between non-string operands for print.
const PRINT_ARGS: Arg[][] = [
  [S("a"), S("b")],
  [I(1), I(2)],
  [S("a"), I(1), I(2), S("b"), S("c"), F(1.5)],
  [NIL, NIL, S("x"), NIL],
  [L(I(1)), D(["a", I(1)]), B(true), F(1e6)],
  [V("million"), V("big"), V("small"), V("third"), V("neg"), V("zero")],
  [V("list"), V("map"), V("keys"), V("uni")],
  [BYTES_ARG, TEXT_BYTES_ARG],
  [I64(-1), SPECIAL("NaN"), SPECIAL("-Inf")],
  [],
];
for (const args of PRINT_ARGS) cases.push(printCase("print", ...args), printCase("println", ...args));
for (const v of VALUES.filter((a) => a !== NIL)) {
  cases.push({ name: `{{ ${v.t} }}`, template: `{{ ${v.t} }}`, ours: () => sprint([v.v]) });
}

test(`fmt: ${cases.length} printf/print/println cases match helm`, async () => {
  const results = await helmRenderCases(cases.map((c) => fmtCase(c.template)));
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const r = results[i]!;
    const want = r.output ?? `ERROR: ${r.error}`;
    let got: string;
    try {
      got = asWritten(c.ours());
    } catch (e) {
      got = `THROWN: ${(e as Error).message}`;
    }
    if (got !== want)
      failures.push(`${c.name}\n  helm: ${JSON.stringify(want)}\n  ours: ${JSON.stringify(got)}`);
  });
  assert.equal(
    failures.length,
    0,
    `${failures.length} of ${cases.length} differ:\n${failures.slice(0, 40).join("\n")}`,
  );
});

test("fmt: %q and %#q of []byte holding U+FFFD, invalid bytes and control bytes match helm", async () => {
  const files = {
    "files/a.bin": new Uint8Array([0xef, 0xbf, 0xbd, 0x61]),
    "files/b.bin": new Uint8Array([0xef, 0xbf, 0x61]),
    "files/c.bin": new Uint8Array([0x61, 0x09, 0x62]),
    "files/d.bin": new Uint8Array([0x61, 0x0a]),
  };
  const names = Object.keys(files);
  const specs = ["%q", "%#q", "%+q", "%.1q", "%#.2q", "%x", "% X", "%s|%5.2s"];
  const cases = names.flatMap((n) => specs.map((spec) => ({ n, spec })));
  const results = await helmRenderCases(
    cases.map(({ n, spec }) => {
      const arg = `(.Files.GetBytes ${JSON.stringify(n)})`;
      return {
        template: `{{ printf ${JSON.stringify(spec)} ${arg}${spec.includes("|") ? ` ${arg}` : ""} }}`,
        files,
      };
    }),
  );
  cases.forEach(({ n, spec }, i) => {
    const b = files[n as keyof typeof files];
    const want = results[i]!.output;
    // Invalid UTF-8 cannot survive as a JS string on either side; compare only the ASCII-safe forms.
    if (spec.startsWith("%s") && n === "files/b.bin") return;
    assert.equal(sprintf(spec, spec.includes("|") ? [b, b] : [b]), want, `${spec} ${n}`);
  });
});
