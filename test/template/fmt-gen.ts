// Random printf directives and operands for the fmt property test and its
// long-running script (scripts/fmt-fuzz.ts): random doubles from every part of
// the range (subnormals, huge, exact ties), random int64s, random strings, with
// random flags, widths, precisions and verbs. Each sample is one template case;
// helm renders all of them in a few batched runs.
import fc from "fast-check";
import { sprintf } from "../../src/template/fmt.ts";
import type { TemplateCase } from "../helpers/template-cases.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { type Arg, B, D, F, fmtCase, I, I64, L, NIL, printfTemplate, S } from "./fmt-args.ts";

export interface Sample {
  format: string;
  arg: Arg;
}

const flags = fc
  .subarray(["+", "-", "#", " ", "0"], { minLength: 0, maxLength: 3 })
  .chain((fs) => fc.shuffledSubarray(fs, { minLength: fs.length, maxLength: fs.length }))
  .map((fs) => fs.join(""));
const width = fc.oneof(fc.constant(""), fc.integer({ min: 1, max: 30 }).map(String));
const precision = fc.oneof(
  fc.constant(""),
  fc.integer({ min: 0, max: 40 }).map((p) => `.${p}`),
);

function spec(verbs: string[]) {
  return fc
    .tuple(flags, width, precision, fc.constantFrom(...verbs))
    .map(([f, w, p, v]) => `%${f}${w}${p}${v}`);
}

// Doubles: uniform bit patterns, plus "chart-like" decimals and exact binary ties that
// stress round-half-even (x.5, x.125, x.375 ...).
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const decimalDouble = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 8 }))
  .map(([m, e]) => m / 10 ** e);
const tieDouble = fc
  .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 12 }))
  .map(([m, e]) => m / 2 ** e);
const double = fc.oneof(finiteDouble, decimalDouble, tieDouble);

const FLOAT_VERBS = ["v", "e", "E", "f", "F", "g", "G", "x", "X", "b"];
const INT_VERBS = ["v", "d", "x", "X", "o", "O", "b", "c", "q", "U"];
const STRING_VERBS = ["v", "s", "q", "x", "X"];

const int64 = fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
const smallInt = fc.bigInt({ min: -70_000n, max: 0x11_0000n });
const codePoint = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));
const str = fc.string({
  unit: fc.oneof(fc.constantFrom("a", " ", "\t", "\n", '"', "\\", "`", "é", "\u00a0", "\ufeff"), codePoint),
});

// Composite operands: lists and dicts (Sprig's []interface {} and map[string]interface {})
// of scalars of every kind, nested, with keys that exercise Go's byte-order key sort.
const scalarArg: fc.Arbitrary<Arg> = fc.oneof(
  double.map(F),
  fc.integer({ min: -1000, max: 100_000 }).map(I),
  int64.map(I64),
  str.map(S),
  fc.boolean().map(B),
  fc.constant(NIL),
);
const key = fc.oneof(fc.constantFrom("a", "b", "B", "_", "10", "9", "é", "～", "🚀"), str);
const { composite } = fc.letrec<{ composite: Arg; node: Arg }>((tie) => ({
  composite: fc.oneof(
    fc.array(tie("node"), { maxLength: 4 }).map((xs) => L(...xs)),
    fc.uniqueArray(fc.tuple(key, tie("node")), { maxLength: 4, selector: ([k]) => k }).map((kv) => D(...kv)),
  ),
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarArg, tie("composite")),
}));
const COMPOSITE_VERBS = ["v", "+v", "#v", "d", "s", "q", "x", "X", "e", "f", "g", "t", "c", "T"];

export const sampleArb: fc.Arbitrary<Sample> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.tuple(spec(COMPOSITE_VERBS), composite).map(([format, arg]) => ({ format, arg })),
  },
  { weight: 6, arbitrary: fc.tuple(spec(FLOAT_VERBS), double).map(([format, x]) => ({ format, arg: F(x) })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(spec(INT_VERBS), fc.oneof(int64, smallInt))
      .map(([format, n]) => ({ format, arg: I64(n) })),
  },
  { weight: 2, arbitrary: fc.tuple(spec(STRING_VERBS), str).map(([format, s]) => ({ format, arg: S(s) })) },
);

export function sampleCase(s: Sample): TemplateCase {
  return fmtCase(printfTemplate(s.format, [s.arg]));
}

export interface FuzzReport {
  runs: number;
  failures: string[];
}

/** Generates `numRuns` samples from `seed`, renders them with helm, and compares with sprintf. */
export async function fuzzFmt(seed: number, numRuns: number): Promise<FuzzReport> {
  const samples = fc.sample(sampleArb, { seed, numRuns });
  const results = await helmRenderCases(samples.map(sampleCase));
  const failures: string[] = [];
  samples.forEach((s, i) => {
    const r = results[i]!;
    const want = r.output ?? `ERROR: ${r.error}`;
    let got: string;
    try {
      got = sprintf(s.format, [s.arg.v]);
    } catch (e) {
      got = `THROWN: ${(e as Error).message}`;
    }
    if (got !== want) {
      failures.push(
        `printf ${JSON.stringify(s.format)} ${s.arg.t}\n  helm: ${JSON.stringify(want)}\n  ours: ${JSON.stringify(got)}`,
      );
    }
  });
  return { runs: samples.length, failures };
}
