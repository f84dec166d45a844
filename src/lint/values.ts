// helm's values.yaml lint rule (rules/values.go): the file should exist, must
// parse, and -- with a values.schema.json -- the user's overrides coalesced
// over it must satisfy the schema (top-level chart only, as helm does).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { goFsError } from "../node/fs-load.ts";
import { coalesceTables } from "../values/coalesce.ts";
import { validateAgainstSingleSchema } from "../values/schema.ts";
import type { Table } from "../values/tables.ts";
import { readYAMLDocument } from "../values/yaml-read.ts";
import { ERROR, INFO, type Linter } from "./support.ts";

const FILE = "values.yaml";

export function lintValues(linter: Linter, overrides: Table, skipSchemaValidation: boolean): void {
  const path = join(linter.chartDir, FILE);
  let exists = true;
  try {
    statSync(path);
  } catch {
    exists = false;
  }
  if (!linter.run(INFO, FILE, exists ? null : "file does not exist")) return;
  linter.run(ERROR, FILE, validateValuesFile(path, overrides, skipSchemaValidation));
}

function validateValuesFile(path: string, overrides: Table, skip: boolean): string | null {
  let values: Table;
  try {
    values = readValuesFile(path);
  } catch (e) {
    return `unable to parse YAML: ${(e as Error).message}`;
  }
  // helm coalesces the top level only (like reuse-values), not the whole chart tree.
  let coalesced = coalesceTables(new Map(), overrides) as Table;
  coalesced = coalesceTables(coalesced, values) as Table;
  const schemaPath = path.replace(/\.yaml$/, ".schema.json");
  let schema: Uint8Array;
  try {
    schema = readFileSync(schemaPath);
  } catch {
    return null;
  }
  if (schema.length === 0 || skip) return null;
  const err = validateAgainstSingleSchema(coalesced, schema);
  return err === "" ? null : err;
}

/** common.ReadValuesFile: one YAML document into a map (sigs.k8s.io/yaml). */
function readValuesFile(path: string): Table {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(goFsError("open", path, e));
  }
  const doc = readYAMLDocument(text);
  if (doc === null || doc === undefined) return new Map();
  if (!(doc instanceof Map)) {
    const kind =
      typeof doc === "string"
        ? "string"
        : typeof doc === "boolean"
          ? "bool"
          : Array.isArray(doc)
            ? "array"
            : "number";
    throw new Error(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type common.Values`,
    );
  }
  return doc as Table;
}
