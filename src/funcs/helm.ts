// helm's own template functions (pkg/engine/funcs.go, engine.go). include, tpl,
// required and lookup are bound by the render engine, which replaces these
// placeholders (they keep helm's declared signatures so parsing and argument
// checks match). The engine also rebinds fail (helm wraps its message) and
// getHostByName (helm answers "" unless --enable-dns).
import { GoError, type GoFunc } from "../template/value.ts";
import { def, newMap } from "./util.ts";

const S = "string";
const ANY = "interface {}";

export const helmFuncs: Record<string, GoFunc> = {
  include: def([S, ANY], S, () => "not implemented"),
  tpl: def([S, ANY], ANY, () => "not implemented"),
  required: def([S, ANY], ANY, () => "not implemented", { returnsError: true }),
  lookup: def([S, S, S, S], "map[string]interface {}", () => newMap(), { returnsError: true }),
  fail: def(
    [S],
    S,
    (msg: string) => {
      throw new GoError(msg);
    },
    { returnsError: true },
  ),
  // Sprig resolves the name; templates run without network access here, so
  // this is helm's answer without --enable-dns.
  getHostByName: def([S], S, () => ""),
};
