// loader.LoadValues: a values file may hold several YAML documents (split on
// `---` lines as k8s.io/apimachinery's YAMLReader does); each must be a table
// and they are merged in order. Used for values.yaml and for -f files.
import { mergeMaps, type Table } from "./tables.ts";
import { readYAMLDocument } from "./yaml-read.ts";

export class ValuesLoadError extends Error {
  override name = "ValuesLoadError";
}

/** Splits a YAML stream into documents the way YAMLReader.Read does. */
export function splitYAMLDocuments(text: string): string[] {
  const docs: string[] = [];
  let buf = "";
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf("\n", i);
    const line = nl < 0 ? text.slice(i) : text.slice(i, nl + 1);
    i = nl < 0 ? text.length : nl + 1;
    if (line.startsWith("---")) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && trimmed[0] !== "#")
        throw new ValuesLoadError(`error reading yaml document: invalid Yaml document separator: ${trimmed}`);
      if (buf.length !== 0) {
        docs.push(buf);
        buf = "";
      }
      continue;
    }
    buf += line;
  }
  if (buf.length !== 0) docs.push(buf);
  return docs;
}

function kind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

/** Parses values text (one or more documents) into one table. */
export function loadValuesText(text: string): Table {
  let values: Table = new Map();
  for (const doc of splitYAMLDocuments(text)) {
    let v: unknown;
    try {
      v = readYAMLDocument(doc);
    } catch (e) {
      throw new ValuesLoadError(`cannot unmarshal yaml document: ${(e as Error).message}`);
    }
    if (v === null) continue;
    if (!(v instanceof Map))
      throw new ValuesLoadError(
        `cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind(v)} into Go value of type map[string]interface {}`,
      );
    values = mergeMaps(values, v as Table);
  }
  return values;
}
