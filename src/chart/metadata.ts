// Chart.yaml (and requirements.yaml, Chart.lock) decoding and validation as
// helm 4 does it: sigs.k8s.io/yaml turns YAML into JSON (keys sorted) and
// encoding/json fills the Go struct, so the first type error in sorted key
// order is the one reported, in encoding/json's words. helm 4 accepts numbers
// and booleans where a string is expected (`version: 1.0` is "1").
import { readYAMLDocument } from "../values/yaml-read.ts";
import { type Dependency, emptyMetadata, type Lock, type Maintainer, type Metadata } from "./chart.ts";

/** A Chart.yaml that does not decode; the message is helm's (without the "cannot load X: " prefix). */
export class ChartDecodeError extends Error {
  override name = "ChartDecodeError";
}

/** helm's chart ValidationError: the message starts with "validation: ". */
export class ChartValidationError extends Error {
  override name = "ChartValidationError";
  constructor(msg: string) {
    super(`validation: ${msg}`);
  }
}

function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number" || typeof v === "bigint") return "number";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Map) return "object";
  if (Array.isArray(v)) return "array";
  return "null";
}

function typeError(v: unknown, struct: string, field: string, goType: string): ChartDecodeError {
  return new ChartDecodeError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${field} of type ${goType}`,
  );
}

// Decoding keeps the first type error and carries on, as encoding/json does.
class Decoder {
  err: ChartDecodeError | null = null;
  fail(e: ChartDecodeError) {
    this.err ??= e;
  }
  str(v: unknown, cur: string, struct: string, field: string): string {
    if (typeof v === "string") return v;
    if (typeof v === "number") return String(v);
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "boolean") return String(v);
    if (v === null) return cur;
    this.fail(typeError(v, struct, field, "string"));
    return cur;
  }
  bool(v: unknown, cur: boolean, struct: string, field: string): boolean {
    if (typeof v === "boolean") return v;
    if (v === null) return cur;
    this.fail(typeError(v, struct, field, "bool"));
    return cur;
  }
  strs(v: unknown, cur: string[], struct: string, field: string): string[] {
    if (v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(typeError(v, struct, field, "[]string"));
      return cur;
    }
    return v.map((x) => this.str(x, "", struct, field));
  }
  list<T>(
    v: unknown,
    cur: (T | null)[],
    struct: string,
    field: string,
    goType: string,
    item: (m: Map<string, unknown>) => T,
  ): (T | null)[] {
    if (v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(typeError(v, struct, field, `[]*${goType}`));
      return cur;
    }
    return v.map((x) => {
      if (x === null) return null;
      if (!(x instanceof Map)) {
        this.fail(typeError(x, struct, field, goType));
        return null;
      }
      return item(x);
    });
  }
}

/**
 * The object's entries in JSON key order (sorted), each key replaced by the
 * struct field it fills: encoding/json takes an exact match, else a
 * case-insensitive one ("Name" fills name).
 */
function sortedEntries(m: Map<string, unknown>, fields: readonly string[] = []): [string, unknown][] {
  return [...m.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => {
      if (fields.includes(k)) return [k, v];
      const lower = k.toLowerCase();
      return [fields.find((f) => f.toLowerCase() === lower) ?? k, v];
    });
}

/** The JSON field names of v2.Maintainer, Dependency and Metadata, in Go's field order. */
export const MAINTAINER_FIELDS = ["name", "email", "url"] as const;
export const DEPENDENCY_FIELDS = [
  "name",
  "version",
  "repository",
  "condition",
  "tags",
  "enabled",
  "import-values",
  "alias",
] as const;
export const METADATA_FIELDS = [
  "name",
  "home",
  "sources",
  "version",
  "description",
  "keywords",
  "maintainers",
  "icon",
  "apiVersion",
  "condition",
  "tags",
  "appVersion",
  "deprecated",
  "annotations",
  "kubeVersion",
  "dependencies",
  "type",
] as const;
const LOCK_FIELDS = ["generated", "digest", "dependencies"] as const;

function decodeMaintainer(d: Decoder, m: Map<string, unknown>): Maintainer {
  const out: Maintainer = { Name: "", Email: "", URL: "" };
  for (const [k, v] of sortedEntries(m, MAINTAINER_FIELDS)) {
    const f = `maintainers.${k}`;
    if (k === "name") out.Name = d.str(v, out.Name, "Maintainer", f);
    else if (k === "email") out.Email = d.str(v, out.Email, "Maintainer", f);
    else if (k === "url") out.URL = d.str(v, out.URL, "Maintainer", f);
  }
  return out;
}

export function emptyDependency(): Dependency {
  return {
    Name: "",
    Version: "",
    Repository: "",
    Condition: "",
    Tags: [],
    Enabled: false,
    ImportValues: [],
    Alias: "",
  };
}

function decodeDependency(d: Decoder, m: Map<string, unknown>): Dependency {
  const out = emptyDependency();
  const S = "Dependency";
  for (const [k, v] of sortedEntries(m, DEPENDENCY_FIELDS)) {
    const f = `dependencies.${k}`;
    switch (k) {
      case "name":
        out.Name = d.str(v, out.Name, S, f);
        break;
      case "version":
        out.Version = d.str(v, out.Version, S, f);
        break;
      case "repository":
        out.Repository = d.str(v, out.Repository, S, f);
        break;
      case "condition":
        out.Condition = d.str(v, out.Condition, S, f);
        break;
      case "alias":
        out.Alias = d.str(v, out.Alias, S, f);
        break;
      case "tags":
        out.Tags = d.strs(v, out.Tags, S, f);
        break;
      case "enabled":
        out.Enabled = d.bool(v, out.Enabled, S, f);
        break;
      case "import-values":
        if (v === null) out.ImportValues = [];
        else if (Array.isArray(v)) out.ImportValues = v;
        else d.fail(typeError(v, S, f, "[]interface {}"));
        break;
    }
  }
  return out;
}

/** Decodes Chart.yaml (or requirements.yaml) text into md (fields present overwrite); throws ChartDecodeError or YAMLReadError. */
export function decodeMetadataInto(md: Metadata, text: string): Metadata {
  const doc = readYAMLDocument(text);
  if (doc === null) return md;
  if (!(doc instanceof Map)) {
    throw new ChartDecodeError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(doc)} into Go value of type v2.Metadata`,
    );
  }
  const d = new Decoder();
  const M = "Metadata";
  for (const [k, v] of sortedEntries(doc as Map<string, unknown>, METADATA_FIELDS)) {
    switch (k) {
      case "name":
        md.Name = d.str(v, md.Name, M, k);
        break;
      case "home":
        md.Home = d.str(v, md.Home, M, k);
        break;
      case "sources":
        md.Sources = d.strs(v, md.Sources, M, k);
        break;
      case "version":
        md.Version = d.str(v, md.Version, M, k);
        break;
      case "description":
        md.Description = d.str(v, md.Description, M, k);
        break;
      case "keywords":
        md.Keywords = d.strs(v, md.Keywords, M, k);
        break;
      case "maintainers":
        md.Maintainers = d.list(v, md.Maintainers, M, k, "v2.Maintainer", (m) => decodeMaintainer(d, m));
        break;
      case "icon":
        md.Icon = d.str(v, md.Icon, M, k);
        break;
      case "apiVersion":
        md.APIVersion = d.str(v, md.APIVersion, M, k);
        break;
      case "condition":
        md.Condition = d.str(v, md.Condition, M, k);
        break;
      case "tags":
        md.Tags = d.str(v, md.Tags, M, k);
        break;
      case "appVersion":
        md.AppVersion = d.str(v, md.AppVersion, M, k);
        break;
      case "deprecated":
        md.Deprecated = d.bool(v, md.Deprecated, M, k);
        break;
      case "annotations":
        if (v === null) md.Annotations = null;
        else if (v instanceof Map) {
          const a = new Map<string, string>();
          for (const [ak, av] of v as Map<string, unknown>) a.set(ak, d.str(av, "", M, k));
          md.Annotations = a;
        } else d.fail(typeError(v, M, k, "map[string]string"));
        break;
      case "kubeVersion":
        md.KubeVersion = d.str(v, md.KubeVersion, M, k);
        break;
      case "dependencies":
        md.Dependencies = d.list(v, md.Dependencies, M, k, "v2.Dependency", (m) => decodeDependency(d, m));
        md.depsNil = !Array.isArray(v);
        break;
      case "type":
        md.Type = d.str(v, md.Type, M, k);
        break;
    }
  }
  if (d.err) throw d.err;
  return md;
}

export function decodeMetadata(text: string): Metadata {
  return decodeMetadataInto(emptyMetadata(), text);
}

/** Chart.lock / requirements.lock. */
export function decodeLock(text: string): Lock {
  const lock: Lock = { Generated: "", Digest: "", Dependencies: [] };
  const doc = readYAMLDocument(text);
  if (!(doc instanceof Map)) return lock;
  const d = new Decoder();
  for (const [k, v] of sortedEntries(doc as Map<string, unknown>, LOCK_FIELDS)) {
    if (k === "generated") lock.Generated = d.str(v, "", "Lock", k);
    else if (k === "digest") lock.Digest = d.str(v, "", "Lock", k);
    else if (k === "dependencies")
      lock.Dependencies = d.list(v, [], "Lock", k, "v2.Dependency", (m) => decodeDependency(d, m));
  }
  if (d.err) throw d.err;
  return lock;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// unicode.IsSpace → ' ', unicode.IsPrint kept, anything else dropped.
export function sanitizeString(s: string): string {
  // Printable ASCII is kept as is: skips the Unicode-class regexps, whose
  // first use costs milliseconds on every start-up.
  if (PRINTABLE_ASCII.test(s)) return s;
  let out = "";
  for (const ch of s) {
    if (/^[\t\n\v\f\r \u0085\u00a0]$/.test(ch) || /^\p{Z}$/u.test(ch)) out += " ";
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
  }
  return out;
}

// Masterminds/semver v3 NewVersion (loose: "1", "1.2", "v1.2.3" are versions).
const SEMVER_LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

export function isValidSemver(v: string): boolean {
  const m = SEMVER_LOOSE.exec(v);
  if (!m) return false;
  for (const part of [m[1], m[2]?.slice(1), m[3]?.slice(1)]) {
    if (part !== undefined && BigInt(part) > 18446744073709551615n) return false;
  }
  // Numeric prerelease identifiers must not start with 0.
  if (m[5])
    for (const id of m[5].split(".")) if (/^[0-9]+$/.test(id) && id.length > 1 && id[0] === "0") return false;
  return true;
}

const ALIAS_FORMAT = /^[a-zA-Z0-9_-]+$/;

/** Metadata.Validate: sanitizes strings in place and throws ChartValidationError. */
export function validateMetadata(md: Metadata): void {
  md.Name = sanitizeString(md.Name);
  md.Description = sanitizeString(md.Description);
  md.Home = sanitizeString(md.Home);
  md.Icon = sanitizeString(md.Icon);
  md.Condition = sanitizeString(md.Condition);
  md.Tags = sanitizeString(md.Tags);
  md.AppVersion = sanitizeString(md.AppVersion);
  md.KubeVersion = sanitizeString(md.KubeVersion);
  md.Sources = md.Sources.map(sanitizeString);
  md.Keywords = md.Keywords.map(sanitizeString);

  if (md.APIVersion === "") throw new ChartValidationError("chart.metadata.apiVersion is required");
  if (md.Name === "") throw new ChartValidationError("chart.metadata.name is required");
  if (md.Name === "." || md.Name === "..")
    throw new ChartValidationError(`chart.metadata.name ${goQuoteSimple(md.Name)} is not allowed`);
  if (md.Name !== goPathBase(md.Name))
    throw new ChartValidationError(`chart.metadata.name ${goQuoteSimple(md.Name)} is invalid`);
  if (md.Version === "") throw new ChartValidationError("chart.metadata.version is required");
  if (!isValidSemver(md.Version))
    throw new ChartValidationError(`chart.metadata.version ${goQuoteSimple(md.Version)} is invalid`);
  if (!["", "application", "library"].includes(md.Type))
    throw new ChartValidationError("chart.metadata.type must be application or library");
  for (const m of md.Maintainers) {
    if (m === null) throw new ChartValidationError("maintainers must not contain empty or null nodes");
    m.Name = sanitizeString(m.Name);
    m.Email = sanitizeString(m.Email);
    m.URL = sanitizeString(m.URL);
  }
  const seen = new Set<string>();
  for (const d of md.Dependencies) {
    if (d === null) throw new ChartValidationError("dependencies must not contain empty or null nodes");
    d.Name = sanitizeString(d.Name);
    d.Version = sanitizeString(d.Version);
    d.Repository = sanitizeString(d.Repository);
    d.Condition = sanitizeString(d.Condition);
    d.Tags = d.Tags.map(sanitizeString);
    if (d.Alias !== "" && !ALIAS_FORMAT.test(d.Alias))
      throw new ChartValidationError(
        `dependency ${goQuoteSimple(d.Name)} has disallowed characters in the alias`,
      );
    const key = d.Alias !== "" ? d.Alias : d.Name;
    if (seen.has(key))
      throw new ChartValidationError(`more than one dependency with name or alias ${goQuoteSimple(key)}`);
    seen.add(key);
  }
}

// filepath.Base on Linux.
function goPathBase(p: string): string {
  if (p === "") return ".";
  const t = p.replace(/\/+$/, "");
  if (t === "") return "/";
  return t.slice(t.lastIndexOf("/") + 1);
}

import { goQuote as goQuoteSimple } from "../values/go-text.ts";
