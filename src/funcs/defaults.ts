// Sprig's defaults.go: default, empty, coalesce, all, any, ternary.
import type { GoFunc, Value } from "../template/value.ts";
import { def, isEmpty } from "./util.ts";

const ANY = "interface {}";

export const defaultFuncs: Record<string, GoFunc> = {
  // `given` is a variadic []interface{}: empty(given) is true only when no argument was passed
  default: def(
    [ANY],
    ANY,
    (d, ...given: Value[]) => (given.length === 0 || isEmpty(given[0]!) ? d : given[0]!),
    {
      variadic: ANY,
    },
  ),
  empty: def([ANY], "bool", isEmpty),
  coalesce: def([], ANY, (...v: Value[]) => v.find((x) => !isEmpty(x)) ?? null, { variadic: ANY }),
  all: def([], "bool", (...v: Value[]) => v.every((x) => !isEmpty(x)), { variadic: ANY }),
  any: def([], "bool", (...v: Value[]) => v.some((x) => !isEmpty(x)), { variadic: ANY }),
  ternary: def([ANY, ANY, "bool"], ANY, (t, f, c) => (c ? t : f)),
};
