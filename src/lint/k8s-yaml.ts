// What helm's template lint reads from each rendered document: k8s.io's
// YAMLOrJSONDecoder (documents split on "---" lines, each converted from YAML
// to JSON) decoding into helm's k8sYamlStruct {apiVersion, Kind, Metadata
// {Namespace, Name}}. encoding/json matches field names case-insensitively
// and reports the first type mismatch in its own words.
import { jsonKind } from "../engine/simple-head.ts";
import { decodeJSONPrefix } from "../values/json-read.ts";
import { goJSONSyntaxErrorAt } from "../values/json-syntax-error.ts";
import { splitYAMLDocuments } from "../values/load-values.ts";
import { readYAMLDocument } from "../values/yaml-read.ts";

export interface K8sYamlStruct {
  apiVersion: string;
  kind: string;
  metadata: { namespace: string; name: string };
}

/** A document that does not decode; the message is Go's. */
export class K8sDecodeError extends Error {}

const PREFIX = "error unmarshaling JSON: while decoding JSON: json: ";

function sortedEntries(m: Map<string, unknown>): [string, unknown][] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Fills string fields of a struct from a JSON object, as encoding/json does; returns the first type error. */
function decodeStruct(
  m: Map<string, unknown>,
  fields: Record<string, string>,
  out: Record<string, unknown>,
  structName: string,
  pathPrefix: string,
  nested: Record<string, (v: unknown, fieldPath: string) => string | null> = {},
  jsonMode = false,
): string | null {
  let first: string | null = null;
  for (const [k, v] of sortedEntries(m)) {
    const key =
      Object.keys(fields).find((f) => fields[f] === k) ??
      Object.keys(fields).find((f) => fields[f]!.toLowerCase() === k.toLowerCase());
    if (key === undefined) continue;
    const fieldPath = pathPrefix + fields[key]!;
    if (key in nested) {
      const err = nested[key]!(v, fieldPath);
      first ??= err;
      continue;
    }
    if (v === null) continue;
    // sigs.k8s.io/yaml converts a scalar to a string when the target field is one.
    if (!jsonMode && (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean")) {
      out[key] = String(v);
      continue;
    }
    if (typeof v !== "string") {
      first ??= `${PREFIX}cannot unmarshal ${jsonKind(v)} into Go struct field ${structName}.${fieldPath} of type string`;
      continue;
    }
    out[key] = v;
  }
  return first;
}

/** Decodes one document's value (already YAML-to-JSON converted) into k8sYamlStruct; null for a null document. */
function toStruct(doc: unknown, jsonMode = false): K8sYamlStruct | null {
  if (doc === null || doc === undefined) return null;
  if (!(doc instanceof Map))
    throw new K8sDecodeError(
      `${PREFIX}cannot unmarshal ${jsonKind(doc)} into Go value of type rules.k8sYamlStruct`,
    );
  const s: K8sYamlStruct = { apiVersion: "", kind: "", metadata: { namespace: "", name: "" } };
  const top = s as unknown as Record<string, unknown>;
  const err = decodeStruct(
    doc as Map<string, unknown>,
    { apiVersion: "apiVersion", kind: "Kind", metadata: "Metadata" },
    top,
    "k8sYamlStruct",
    "",
    {
      metadata: (v, fieldPath) => {
        if (v === null) return null;
        if (!(v instanceof Map))
          return `${PREFIX}cannot unmarshal ${jsonKind(v)} into Go struct field k8sYamlStruct.${fieldPath} of type rules.k8sYamlMetadata`;
        return decodeStruct(
          v as Map<string, unknown>,
          { namespace: "Namespace", name: "Name" },
          s.metadata as unknown as Record<string, unknown>,
          "k8sYamlMetadata",
          `${fieldPath}.`,
          {},
          jsonMode,
        );
      },
    },
    jsonMode,
  );
  if (err) throw new K8sDecodeError(jsonMode ? err.slice(PREFIX.length - 6) : err);
  return s;
}

/**
 * Decodes the documents of a rendered file one by one, calling visit with
 * each (null for an empty document). Stops at the first document that does
 * not decode and returns its error text; null when all decoded.
 */
export function decodeK8sDocuments(content: string, visit: (s: K8sYamlStruct | null) => void): string | null {
  // A stream that starts with "{" is first read as JSON objects (GuessJSONStream).
  if (/^\s*\{/u.test(content)) return decodeJSONStream(content, visit);
  return decodeYAMLStream(content, visit, null);
}

/** YAML documents; firstErr (a JSON error) replaces the first document's error when set. */
function decodeYAMLStream(
  content: string,
  visit: (s: K8sYamlStruct | null) => void,
  firstErr: string | null,
): string | null {
  let docs: string[];
  try {
    docs = splitYAMLDocuments(content);
  } catch (e) {
    return firstErr ?? (e as Error).message.replace(/^error reading yaml document: /, "");
  }
  for (const [i, text] of docs.entries()) {
    let s: K8sYamlStruct | null;
    try {
      s = toStruct(readYAMLDocument(text));
    } catch (e) {
      return i === 0 && firstErr !== null ? firstErr : (e as Error).message;
    }
    visit(s);
  }
  return null;
}

/**
 * YAMLOrJSONDecoder in JSON mode: JSON values one after another; when one
 * fails and at most one decoded before, the rest is retried as YAML (after
 * whitespace up to the first newline), reporting the JSON error if YAML fails too.
 */
function decodeJSONStream(content: string, visit: (s: K8sYamlStruct | null) => void): string | null {
  const runes = Array.from(content);
  let pos = 0;
  let count = 0;
  for (;;) {
    let p = pos;
    while (p < runes.length && /\s/u.test(runes[p]!)) p++;
    if (p >= runes.length) return null;
    let err: string;
    let raw: string;
    try {
      const [v, end] = decodeJSONPrefix(runes, pos);
      try {
        const s = toStruct(v, true);
        count++;
        visit(s);
        pos = end;
        continue;
      } catch (e) {
        err = raw = (e as Error).message;
        pos = end;
      }
    } catch {
      const syntax = goJSONSyntaxErrorAt(runes.slice(pos).join(""));
      raw = syntax.message;
      // A truncated value is io.ErrUnexpectedEOF; a SyntaxError's offset counts from the stream's start.
      const before = new TextEncoder().encode(runes.slice(0, pos).join("")).length;
      err = raw === "unexpected EOF" ? raw : `json: offset ${before + syntax.offset}: ${syntax.message}`;
    }
    if (count > 1) return raw;
    // Rewind to the end of the last decoded value, eat whitespace through the first newline.
    let rest = runes.slice(pos).join("");
    const ws = /^[ \t\r\f\v]*\n?/.exec(rest);
    rest = rest.slice(ws ? ws[0].length : 0);
    return decodeYAMLStream(rest, visit, err);
  }
}
