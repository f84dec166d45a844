// loader.LoadValues: a values file may hold several YAML documents (split on
// `---` lines as k8s.io/apimachinery's YAMLReader does); each must be a table
// and they are merged in order. Used for values.yaml and for -f files.
import { splitYAMLDocuments as splitDocuments, YAMLError } from "../yaml/index.ts";
import { mergeMaps, type Table } from "./tables.ts";
import { readYAMLDocument } from "./yaml-read.ts";

export class ValuesLoadError extends Error {
  override name = "ValuesLoadError";
}

/** Splits a YAML stream into documents the way YAMLReader.Read does. */
export function splitYAMLDocuments(text: string): string[] {
  try {
    return splitDocuments(text);
  } catch (e) {
    if (e instanceof YAMLError) throw new ValuesLoadError(`error reading yaml document: ${e.message}`);
    throw e;
  }
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
