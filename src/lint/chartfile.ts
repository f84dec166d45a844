// helm's Chart.yaml lint rules (pkg/chart/v2/lint/rules/chartfile.go as in
// helm v4.1.4): parse, strict parse (unknown fields), field types, name,
// apiVersion, version, maintainers, sources, icon, type, dependencies.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Metadata } from "../chart/chart.ts";
import { DEPENDENCY_FIELDS, decodeMetadata, MAINTAINER_FIELDS, METADATA_FIELDS } from "../chart/metadata.ts";
import { compareVersions, newVersion, type SemverVersion } from "../funcs/semver.ts";
import { goFsError } from "../node/fs-load.ts";
import { readYAMLDocument } from "../values/yaml-read.ts";
import { isEmail, isRequestURL, isURL } from "./govalidator.ts";
import { ERROR, INFO, type Linter, WARNING } from "./support.ts";

const FILE = "Chart.yaml";

export function lintChartfile(linter: Linter): void {
  const path = join(linter.chartDir, FILE);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {}
  linter.run(ERROR, FILE, isDir ? "should be a file, not a directory" : null);

  let text: string;
  let md: Metadata;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    linter.run(ERROR, FILE, `unable to parse YAML\n\t${goFsError("read", path, e)}`);
    return;
  }
  try {
    md = decodeMetadata(text);
  } catch (e) {
    linter.run(ERROR, FILE, `unable to parse YAML\n\t${(e as Error).message}`);
    return;
  }
  const strict = unknownField(text);
  linter.run(WARNING, FILE, strict && `failed to strictly parse chart metadata file\n\t${strict}`);

  let raw: Map<string, unknown> = new Map();
  try {
    const doc = readYAMLDocument(text);
    if (doc instanceof Map) raw = doc as Map<string, unknown>;
  } catch {}

  linter.run(ERROR, FILE, validateName(md));
  linter.run(ERROR, FILE, validateAPIVersion(md));
  linter.run(ERROR, FILE, isStringValue(raw, "version"));
  linter.run(ERROR, FILE, validateVersion(md));
  linter.run(ERROR, FILE, isStringValue(raw, "appVersion"));
  linter.run(ERROR, FILE, validateMaintainers(md));
  linter.run(ERROR, FILE, validateSources(md));
  linter.run(INFO, FILE, md.Icon === "" ? "icon is recommended" : null);
  linter.run(ERROR, FILE, md.Icon !== "" && !isRequestURL(md.Icon) ? `invalid icon URL '${md.Icon}'` : null);
  linter.run(ERROR, FILE, validateType(md));
  linter.run(ERROR, FILE, validateDependencies(md));
  linter.run(
    WARNING,
    FILE,
    strictSemver(md.Version) ? null : `version '${md.Version}' is not a valid SemVerV2`,
  );
}

function sortedKeys(m: Map<string, unknown>): string[] {
  return [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// encoding/json matches field names case-insensitively.
function knownField(fields: readonly string[], key: string): string | undefined {
  return fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
}

/** sigs.k8s.io/yaml's UnmarshalStrict: the first unknown field, in the JSON document's (sorted) key order. */
function unknownField(text: string): string | null {
  let doc: unknown;
  try {
    doc = readYAMLDocument(text);
  } catch (e) {
    return (e as Error).message;
  }
  if (!(doc instanceof Map)) return null;
  const unknown = (k: string) => `error unmarshaling JSON: while decoding JSON: json: unknown field "${k}"`;
  for (const k of sortedKeys(doc as Map<string, unknown>)) {
    const f = knownField(METADATA_FIELDS, k);
    if (!f) return unknown(k);
    const v = (doc as Map<string, unknown>).get(k);
    const nested = f === "maintainers" ? MAINTAINER_FIELDS : f === "dependencies" ? DEPENDENCY_FIELDS : null;
    if (!nested || !Array.isArray(v)) continue;
    for (const item of v) {
      if (!(item instanceof Map)) continue;
      for (const ik of sortedKeys(item as Map<string, unknown>))
        if (!knownField(nested, ik)) return unknown(ik);
    }
  }
  return null;
}

/** Go's %T of a value decoded from JSON into interface{}. */
function goJSONType(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "number" || typeof v === "bigint") return "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}

function isStringValue(raw: Map<string, unknown>, key: string): string | null {
  if (!raw.has(key)) return null;
  const t = goJSONType(raw.get(key));
  return t === "string" ? null : `${key} should be of type string but it's of type ${t}`;
}

// filepath.Base on Linux.
function pathBase(p: string): string {
  if (p === "") return ".";
  const t = p.replace(/\/+$/, "");
  if (t === "") return "/";
  return t.slice(t.lastIndexOf("/") + 1);
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function validateName(md: Metadata): string | null {
  if (md.Name === "") return "name is required";
  if (pathBase(md.Name) !== md.Name) return `chart name ${goQuote(md.Name)} is invalid`;
  return null;
}

function validateAPIVersion(md: Metadata): string | null {
  if (md.APIVersion === "") return 'apiVersion is required. The value must be either "v1" or "v2"';
  if (md.APIVersion !== "v1" && md.APIVersion !== "v2")
    return `apiVersion '${md.APIVersion}' is not valid. The value must be either "v1" or "v2"`;
  return null;
}

let floor: SemverVersion | undefined;

function validateVersion(md: Metadata): string | null {
  if (md.Version === "") return "version is required";
  let v: SemverVersion;
  try {
    v = newVersion(md.Version);
  } catch {
    return `version '${md.Version}' is not a valid SemVer`;
  }
  // The constraint ">0.0.0-0" (prereleases allowed).
  floor ??= newVersion("0.0.0-0");
  if (compareVersions(v, floor) <= 0) return `version ${v.toString()} is less than or equal to 0.0.0-0`;
  return null;
}

function validateMaintainers(md: Metadata): string | null {
  for (const m of md.Maintainers) {
    if (m === null) return "a maintainer entry is empty";
    if (m.Name === "") return "each maintainer requires a name";
    if (m.Email !== "" && !isEmail(m.Email)) return `invalid email '${m.Email}' for maintainer '${m.Name}'`;
    if (m.URL !== "" && !isURL(m.URL)) return `invalid url '${m.URL}' for maintainer '${m.Name}'`;
  }
  return null;
}

function validateSources(md: Metadata): string | null {
  for (const s of md.Sources) if (s === "" || !isRequestURL(s)) return `invalid source URL '${s}'`;
  return null;
}

function validateType(md: Metadata): string | null {
  if (md.Type.length > 0 && md.APIVersion !== "v2")
    return `chart type is not valid in apiVersion '${md.APIVersion}'. It is valid in apiVersion 'v2'`;
  return null;
}

function validateDependencies(md: Metadata): string | null {
  if (md.Dependencies.length > 0 && md.APIVersion !== "v2")
    return `dependencies are not valid in the Chart file with apiVersion '${md.APIVersion}'. They are valid in apiVersion 'v2'`;
  return null;
}

const NUM = /^[0-9]*$/;
const ALNUM = /^[0-9A-Za-z-]+$/;

/** Masterminds semver.StrictNewVersion succeeds. */
function strictSemver(v: string): boolean {
  if (v === "") return false;
  const parts = v.split(".");
  if (parts.length < 3) return false;
  let last = parts.slice(2).join(".");
  const segs = [parts[0]!, parts[1]!];
  const plus = last.indexOf("+");
  if (plus >= 0) {
    const meta = last.slice(plus + 1);
    last = last.slice(0, plus);
    for (const id of meta.split(".")) if (!ALNUM.test(id)) return false;
  }
  const dash = last.indexOf("-");
  if (dash >= 0) {
    const pre = last.slice(dash + 1);
    last = last.slice(0, dash);
    for (const id of pre.split(".")) {
      if (id === "") return false;
      if (NUM.test(id)) {
        if (id.length > 1 && id[0] === "0") return false;
      } else if (!ALNUM.test(id)) return false;
    }
  }
  segs.push(last);
  for (const p of segs) {
    if (!NUM.test(p)) return false;
    if (p.length > 1 && p[0] === "0") return false;
    if (p === "" || BigInt(p) > 18446744073709551615n) return false;
  }
  return true;
}
