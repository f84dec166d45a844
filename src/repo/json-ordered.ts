// encoding/json output where Go structs keep their field order and Go maps
// sort their keys: a Struct is a Map whose insertion order is the struct's.

import { Struct } from "../chart/package-metadata.ts";
import { formatJSONFloat } from "../yaml/go-float.ts";
import { quoteJSON, sortedKeys } from "../yaml/json-encode.ts";

export { Struct };

/** json.MarshalIndent(v, "", indent) with struct order kept. */
export function marshalOrderedJSON(v: unknown, indent = "  "): string {
  const parts: string[] = [];
  const write = (t: unknown, pad: string): void => {
    if (t === null || t === undefined) parts.push("null");
    else if (typeof t === "boolean") parts.push(t ? "true" : "false");
    else if (typeof t === "string") parts.push(quoteJSON(t, true));
    else if (typeof t === "number") parts.push(formatJSONFloat(t));
    else if (typeof t === "bigint") parts.push(t.toString());
    else if (Array.isArray(t)) {
      if (t.length === 0) return void parts.push("[]");
      const inner = pad + indent;
      parts.push("[");
      t.forEach((x, i) => {
        parts.push(i > 0 ? "," : "", indent ? `\n${inner}` : "");
        write(x, inner);
      });
      parts.push(indent ? `\n${pad}]` : "]");
    } else if (t instanceof Map) {
      if (t.size === 0) return void parts.push("{}");
      const inner = pad + indent;
      const keys = t instanceof Struct ? [...t.keys()] : sortedKeys(t as Map<string, unknown>);
      parts.push("{");
      keys.forEach((k, i) => {
        parts.push(i > 0 ? "," : "", indent ? `\n${inner}` : "", quoteJSON(k, true), indent ? ": " : ":");
        write(t.get(k), inner);
      });
      parts.push(indent ? `\n${pad}}` : "}");
    } else parts.push(quoteJSON(String(t), true));
  };
  write(v, "");
  return parts.join("");
}
