// Sprig's reflection functions (reflect.go) and reflect.DeepEqual.
import type { GoFunc, Value } from "../template/value.ts";
import { deepEqual, def, goKindName, goTypeName } from "./util.ts";

const S = "string";
const ANY = "interface {}";

const typeOf = (v: Value) => goTypeName(v);

export const reflectFuncs: Record<string, GoFunc> = {
  typeOf: def([ANY], S, typeOf),
  typeIs: def([S, ANY], "bool", (t: string, v) => t === typeOf(v)),
  typeIsLike: def([S, ANY], "bool", (t: string, v) => t === typeOf(v) || `*${t}` === typeOf(v)),
  kindOf: def([ANY], S, (v) => goKindName(v)),
  kindIs: def([S, ANY], "bool", (t: string, v) => t === goKindName(v)),
  deepEqual: def([ANY, ANY], "bool", deepEqual),
};
