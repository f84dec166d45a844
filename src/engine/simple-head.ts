// releaseutil.SimpleHead as helm reads it: sigs.k8s.io/yaml unmarshals each
// rendered document into {apiVersion, kind, metadata{name, annotations}}. Its
// YAML-to-JSON step converts scalars to strings where the target is a string
// (so `helm.sh/hook-weight: 5` is "5"), and encoding/json rejects the rest with
// the errors helm prints ("cannot unmarshal string into Go value of type util.SimpleHead").
import type { SimpleHead } from "./manifests.ts";

const META_TYPE =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

/** The JSON kind encoding/json names in an UnmarshalTypeError. */
export function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number" || typeof v === "bigint") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

class HeadError extends Error {}

function fail(kind: string, where: string, type: string): never {
  throw new HeadError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into ${where} of type ${type}`,
  );
}

/** A YAML scalar as sigs.k8s.io/yaml writes it into a string field. */
function scalarString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
    return String(v).replace(/e\+?/, (m) => (m === "e+" ? "e+" : "e"));
  }
  return undefined;
}

function stringField(v: unknown, where: string): string {
  if (v === null || v === undefined) return "";
  const s = scalarString(v);
  if (s === undefined) fail(jsonKind(v), where, "string");
  return s;
}

/** Reads a document's head from its parsed YAML (null for an empty document). */
export function simpleHead(doc: unknown): SimpleHead {
  const head: SimpleHead = { apiVersion: "", kind: "" };
  if (doc === null || doc === undefined) return head;
  if (!(doc instanceof Map)) fail(jsonKind(doc), "Go value", "util.SimpleHead");
  head.apiVersion = stringField(doc.get("apiVersion"), "Go struct field SimpleHead.apiVersion");
  head.kind = stringField(doc.get("kind"), "Go struct field SimpleHead.kind");
  const md = doc.get("metadata");
  if (md === null || md === undefined) return head;
  if (!(md instanceof Map)) fail(jsonKind(md), "Go struct field SimpleHead.metadata", META_TYPE);
  head.metadata = { name: stringField(md.get("name"), "Go struct field .metadata.name") };
  const ann = md.get("annotations");
  if (ann !== null && ann !== undefined) {
    if (!(ann instanceof Map))
      fail(jsonKind(ann), "Go struct field .metadata.annotations", "map[string]string");
    const out: Record<string, string> = {};
    for (const [k, v] of ann)
      out[String(k)] = v === null ? "" : stringField(v, "Go struct field .metadata.annotations");
    head.metadata.annotations = out;
  }
  return head;
}
