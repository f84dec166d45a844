// Reading YAML as helm reads values and Chart.yaml (sigs.k8s.io/yaml: YAML
// 1.1 words as booleans, every number a float64, keys as strings):
// readYAMLDocument is src/yaml's readYAML with our error type;
// readYAMLDocuments is a light local reader kept for whole streams.
import { type Document, parseAllDocuments, type Tags } from "yaml";
import { readYAML, YAMLError } from "../yaml/index.ts";

/** A YAML or YAML-to-JSON conversion error; the message is Go's wording as far as we know it. */
export class YAMLReadError extends Error {
  override name = "YAMLReadError";
}

// go-yaml v2 leaves timestamps as strings when decoding into interface{} and
// has no sexagesimal numbers; drop those tags from the 1.1 schema.
const customTags = (tags: Tags): Tags =>
  tags.filter((t) => {
    const o = t as { tag?: string; format?: string };
    return o.tag !== "tag:yaml.org,2002:timestamp" && o.format !== "TIME";
  });

function keyString(k: unknown): string {
  if (k === null || k === undefined) return "null";
  if (typeof k === "number") return goFloatKey(k);
  return String(k);
}

// JSON keys of numeric YAML keys are written with strconv's shortest float form.
function goFloatKey(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n);
}

function convert(node: unknown): unknown {
  if (node instanceof Map) {
    const out = new Map<string, unknown>();
    for (const [k, v] of node) out.set(keyString(k), convert(v));
    return out;
  }
  if (Array.isArray(node)) return node.map(convert);
  if (node === undefined) return null;
  if (typeof node === "bigint") return Number(node);
  return node;
}

function docToValue(doc: Document.Parsed): unknown {
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new YAMLReadError(`error converting YAML to JSON: yaml: line ${line}: ${e.message.split("\n")[0]}`);
  }
  return convert(doc.toJS({ mapAsMap: true, maxAliasCount: 10000 }));
}

/** Every document of a YAML stream, converted to the Go value model. */
export function readYAMLDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text, { version: "1.1", merge: true, customTags, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  return list.map((d) => docToValue(d as Document.Parsed));
}

/** One YAML document (the first; an empty text is null), as sigs.k8s.io/yaml.Unmarshal reads it. */
export function readYAMLDocument(text: string): unknown {
  try {
    return readYAML(text);
  } catch (e) {
    if (e instanceof YAMLError) throw new YAMLReadError(e.message);
    throw e;
  }
}
