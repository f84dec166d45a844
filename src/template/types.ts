// Go type and kind names of template values, as %T, typeOf, kindOf and
// error messages print them.
import { GO_TYPE, GoFloat32, GoInt, GoObject, type Value } from "./value.ts";

/** reflect.Type.String() of the value's dynamic type (what %T prints). */
export function goTypeName(v: Value): string {
  if (v === null) return "<nil>";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "number":
      return "float64";
    case "bigint":
      return "int64";
  }
  if (v instanceof GoInt) return v.kind;
  if (v instanceof GoFloat32) return "float32";
  if (v instanceof Uint8Array) return "[]uint8";
  if (Array.isArray(v)) return (v as { [GO_TYPE]?: string })[GO_TYPE] ?? "[]interface {}";
  if (v instanceof Map) return (v as { [GO_TYPE]?: string })[GO_TYPE] ?? "map[string]interface {}";
  if (v instanceof GoObject) return v.goType;
  return "<nil>";
}

/** reflect.Kind.String() of the value (what Sprig's kindOf prints); nil is "invalid". */
export function goKindName(v: Value): string {
  if (v === null) return "invalid";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "number":
      return "float64";
    case "bigint":
      return "int64";
  }
  if (v instanceof GoInt) return v.kind;
  if (v instanceof GoFloat32) return "float32";
  if (v instanceof Uint8Array) return "slice";
  if (Array.isArray(v)) {
    const t = (v as { [GO_TYPE]?: string })[GO_TYPE];
    return t !== undefined && /^\[\d/.test(t) ? "array" : "slice";
  }
  if (v instanceof Map) return "map";
  if (v instanceof GoObject) return v.goKind;
  return "invalid";
}

/** Whether the value's kind is a signed integer kind. */
export function isSignedIntKind(kind: string): boolean {
  return kind === "int" || kind === "int8" || kind === "int16" || kind === "int32" || kind === "int64";
}

/** Element type of a slice or map type name: "[]string" → "string", "map[string]int" → "int". */
export function elemTypeName(typeName: string): string {
  if (typeName.startsWith("[]")) return typeName.slice(2);
  const m = /^\[\d+\](.*)$/.exec(typeName);
  if (m) return m[1]!;
  if (typeName.startsWith("map[")) {
    let depth = 0;
    for (let i = 3; i < typeName.length; i++) {
      const c = typeName[i];
      if (c === "[") depth++;
      else if (c === "]" && --depth === 0) return typeName.slice(i + 1);
    }
  }
  return "interface {}";
}
