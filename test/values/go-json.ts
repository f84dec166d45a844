// encoding/json's Marshal for the values model, for comparing our values with
// what helm's `toJson` prints: sorted keys, HTML-safe escapes, Go's float form.

function str(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

export function goJSON(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return str(v);
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(",")}]`;
  if (v instanceof Map) {
    const keys = [...v.keys()].sort();
    return `{${keys.map((k) => `${str(k)}:${goJSON(v.get(k))}`).join(",")}}`;
  }
  if (typeof v === "object" && "v" in (v as object)) return String((v as { v: unknown }).v);
  return JSON.stringify(v);
}
