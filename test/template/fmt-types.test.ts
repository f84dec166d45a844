// Go type and kind names (goTypeName, goKindName) against helm's %T and
// Sprig's kindOf (reflect.Value.Kind().String()) on every kind of value.
import assert from "node:assert/strict";
import { test } from "node:test";
import { goKindName, goTypeName } from "../../src/template/types.ts";
import { GO_TYPE, GoInt, type Value } from "../../src/template/value.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { type Arg, B, BYTES_ARG, D, F, fmtCase, I, I64, L, NIL, S, SPECIAL, V } from "./fmt-args.ts";

const typed = (t: string, items: Value[]): Value => Object.assign(items, { [GO_TYPE]: t });

const ARGS: Arg[] = [
  I(1),
  I64(1),
  F(1.5),
  V("million"),
  SPECIAL("NaN"),
  S("x"),
  B(true),
  NIL,
  L(I(1)),
  L(),
  D(["a", I(1)]),
  D(),
  V("map"),
  V("list"),
  BYTES_ARG,
  { t: '(atoi "5")', v: new GoInt(5n) },
  { t: "(len (list 1))", v: new GoInt(1n) },
  { t: `(splitList "," "a,b")`, v: typed("[]string", ["a", "b"]) },
  { t: "(until 2)", v: typed("[]int", [new GoInt(0n), new GoInt(1n)]) },
];

test(`types: %T and kindOf of ${ARGS.length} values match helm`, async () => {
  const results = await helmRenderCases(
    ARGS.flatMap((a) => [fmtCase(`{{ printf "%T" ${a.t} }}`), fmtCase(`{{ kindOf ${a.t} }}`)]),
  );
  ARGS.forEach((a, i) => {
    assert.equal(goTypeName(a.v), results[2 * i]!.output, `%T ${a.t}`);
    assert.equal(goKindName(a.v), results[2 * i + 1]!.output, `kindOf ${a.t}`);
  });
});
