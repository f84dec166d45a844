// The methods of helm's common.Values that templates can call (`.Values.AsMap`,
// `.Values.Table "a.b"`, `.Values.PathValue "a.b"`, `.Values.YAML`). Go looks
// methods up before map keys, so a values key with one of these names is shadowed
// in helm too.
import { registerMethods } from "../template/gotypes.ts";
import { GO_TYPE, GoError, type GoFunc, type GoMap, type Value } from "../template/value.ts";

function asValues(m: GoMap): GoMap {
  const out: GoMap = new Map(m);
  out[GO_TYPE] = "common.Values";
  return out;
}

function table(v: GoMap, name: string): GoMap {
  let t = v;
  for (const key of name.split(".")) {
    const next = t.get(key);
    if (next === undefined) throw new GoError(`${JSON.stringify(key)} is not a table`);
    if (!(next instanceof Map)) throw new GoError(`${JSON.stringify(key)} is not a table`);
    t = next;
  }
  return t === v ? v : asValues(t);
}

function isTable(v: Value | undefined): boolean {
  return v instanceof Map;
}

function pathValue(v: GoMap, path: string): Value {
  if (path === "") throw new GoError("YAML path cannot be empty");
  const parts = path.split(".");
  const key = parts.pop()!;
  let t: GoMap = v;
  if (parts.length > 0) {
    try {
      t = table(v, parts.join("."));
    } catch {
      throw new GoError(`${JSON.stringify(key)} is not a value`);
    }
  }
  const x = t.get(key);
  if (x !== undefined && !isTable(x)) return x;
  throw new GoError(`${JSON.stringify(key)} is not a value`);
}

let toYAMLImpl: (v: unknown) => string = () => "";

/** Registers common.Values' methods; toYAML is sigs.k8s.io/yaml.Marshal (with its trailing newline). */
export function registerValuesMethods(toYAML: (v: unknown) => string): void {
  toYAMLImpl = toYAML;
  registerMethods("common.Values", (receiver, name): GoFunc | undefined => {
    const v = receiver as GoMap;
    switch (name) {
      case "AsMap":
        return {
          params: [],
          result: "map[string]interface {}",
          fn: () => {
            const m: GoMap = new Map(v);
            return m;
          },
        };
      case "Table":
        return {
          params: ["string"],
          result: "common.Values",
          returnsError: true,
          fn: (n) => table(v, n as string),
        };
      case "PathValue":
        return {
          params: ["string"],
          result: "interface {}",
          returnsError: true,
          fn: (p) => pathValue(v, p as string),
        };
      case "YAML":
        return { params: [], result: "string", returnsError: true, fn: () => toYAMLImpl(v) };
    }
    return undefined;
  });
}
