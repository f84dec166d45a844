// Grammar-based generators for text/template property tests: templates built
// from text, actions, pipelines, built-in calls, field chains (hits and misses)
// and control structures, together with values of every scalar kind, nested.
import fc from "fast-check";
import type { Case } from "./harness.ts";

const KEYS = ["a", "b", "c", "list", "m"];

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("", "s", "a b", "é🚀", "1", "true", "x:y", "-"),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(0, 1.5, -2.25, 1e6, 1e21, 0.1, 123456789),
  fc.boolean(),
  fc.constant(null),
);

const valueTree = (depth: number): fc.Arbitrary<unknown> =>
  depth <= 0
    ? scalar
    : fc.oneof(
        { weight: 3, arbitrary: scalar },
        { weight: 1, arbitrary: fc.array(valueTree(depth - 1), { maxLength: 3 }) },
        {
          weight: 1,
          arbitrary: fc.dictionary(fc.constantFrom(...KEYS), valueTree(depth - 1), { maxKeys: 3 }),
        },
      );

/** A values object (the whole values.yaml). */
export const valuesArb = fc.dictionary(fc.constantFrom(...KEYS), valueTree(2), { minKeys: 2, maxKeys: 5 });

// Paths relative to dot (the body runs inside {{ with .Values }}) and from $.
const path = fc
  .tuple(
    fc.constantFrom(".", ".", "$.Values."),
    fc.array(fc.constantFrom(...KEYS, "x"), { minLength: 1, maxLength: 3 }),
  )
  .map(([root, ks]) => `${root}${ks.join(".")}`);

const literal = fc.constantFrom(
  "1",
  "0",
  "-3",
  "1.5",
  "1e3",
  "0x10",
  "'a'",
  '"s"',
  '""',
  "true",
  "false",
  "nil",
  "`r`",
);

const operand = (d: number): fc.Arbitrary<string> => {
  const simple = [
    { weight: 4, arbitrary: path },
    { weight: 3, arbitrary: literal },
    { weight: 1, arbitrary: fc.constantFrom(".", "$.Values", "$v", "$v.a", "$k") },
  ];
  if (d <= 0) return fc.oneof(...simple);
  return fc.oneof(...simple, { weight: 1, arbitrary: pipe(d - 1).map((p) => `(${p})`) });
};

const UNARY = ["len", "not", "html", "js", "urlquery", "print", 'printf "%v"', 'printf "%d"', 'printf "%T"'];
const BINARY = ["index", "and", "or", "eq", "ne", "lt", "le", "gt", "ge", "print", 'printf "%s-%v"'];

const call = (d: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...UNARY), operand(d)).map(([f, a]) => `${f} ${a}`),
    fc.tuple(fc.constantFrom(...BINARY), operand(d), operand(d)).map(([f, a, b]) => `${f} ${a} ${b}`),
  );

const stage = fc.constantFrom(
  "len",
  "not",
  "print",
  'printf "%v"',
  "html",
  "eq 1",
  "index $.Values",
  "and 1",
  "or 0",
);

function pipe(d: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof(operand(d), call(d)), fc.array(stage, { maxLength: 2 }))
    .map(([c, ss]) => [c, ...ss].join(" | "));
}

const trim = fc.constantFrom("", "-");
const text = fc.constantFrom("", " ", "\n", "x", "a b", "  \n  ", ":", "\t");

const action = (d: number) => fc.tuple(trim, pipe(d), trim).map(([l, p, r]) => `{{${l} ${p} ${r}}}`);

const decl = fc.constantFrom("", "$v := ", "$k, $v := ");

const block = (d: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom("if", "with"), pipe(1), body(d - 1), fc.option(body(d - 1), { nil: undefined }))
      .map(([k, p, b, e]) => `{{ ${k} ${p} }}${b}${e === undefined ? "" : `{{ else }}${e}`}{{ end }}`),
    fc
      .tuple(
        decl,
        fc.oneof(path, fc.constantFrom("3", "0", ".", "$.Values")),
        body(d - 1),
        fc.option(body(d - 1), { nil: undefined }),
      )
      .map(([v, p, b, e]) => `{{ range ${v}${p} }}${b}${e === undefined ? "" : `{{ else }}${e}`}{{ end }}`),
    fc.tuple(fc.constantFrom("$v := ", "$v = "), pipe(1)).map(([v, p]) => `{{ ${v}${p} }}`),
  );

function body(d: number): fc.Arbitrary<string> {
  const parts = d > 0 ? fc.oneof(text, action(1), block(d)) : fc.oneof(text, action(0));
  return fc.array(parts, { maxLength: 4 }).map((ps) => ps.join(""));
}

/** A template over one of `valueSets`. */
export function caseArb(valueSets: unknown[]): fc.Arbitrary<Case> {
  // Dot is .Values, so nothing prints helm's whole context (host objects, pointers).
  return fc
    .tuple(body(2), fc.nat({ max: valueSets.length - 1 }))
    .map(([t, i]) => ({ t: `{{ with .Values }}${t}{{ end }}`, v: valueSets[i] }));
}

/** Deterministic cases: a few value sets shared by many templates (so helm runs in few batches). */
export function generateCases(seed: number, count: number, valueSetCount = 4): Case[] {
  const valueSets = fc.sample(valuesArb, { seed, numRuns: valueSetCount });
  return fc.sample(caseArb(valueSets), { seed: seed + 1, numRuns: count });
}
