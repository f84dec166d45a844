// helm's values.Options.MergeValues: -f files merged in order, then
// --set-json, --set, --set-string, --set-file, --set-literal, each with
// helm's error wording. Reading files is the caller's (a Node adapter or a
// browser's in-memory map), so this stays free of Node.

import { parseJSONDocument } from "./json-read.ts";
import { loadValuesText } from "./load-values.ts";
import {
  parseInto,
  parseIntoFile,
  parseIntoString,
  parseJSONInto,
  parseLiteralInto,
  StrvalsError,
} from "./strvals.ts";
import { mergeMaps, type Table } from "./tables.ts";

export interface ValueOptions {
  valueFiles: string[];
  set: string[];
  setString: string[];
  setFile: string[];
  setJson: string[];
  setLiteral: string[];
}

export class UserValuesError extends Error {
  override name = "UserValuesError";
}

import { goString } from "../go/bytestring.ts";

const ERRNO_TEXT: Record<string, [string, string]> = {
  ENOENT: ["open", "no such file or directory"],
  EACCES: ["open", "permission denied"],
  ENOTDIR: ["open", "not a directory"],
  EISDIR: ["read", "is a directory"],
};

// Reads through the caller's function; a system error (Node's, with an errno
// code) becomes Go's os error text naming the path as the user gave it.
function readWith(readFile: (path: string) => Uint8Array, path: string): Uint8Array {
  try {
    return readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const known = typeof code === "string" ? ERRNO_TEXT[code] : undefined;
    if (known) throw new UserValuesError(`${known[0]} ${path}: ${known[1]}`);
    throw e;
  }
}

/**
 * Merges user-supplied values. readFile reads -f and --set-file paths ("-" is
 * stdin, URLs are the caller's business) and throws an Error with Go's text
 * (e.g. "open x.yaml: no such file or directory") when it cannot.
 */
export function mergeUserValues(opts: ValueOptions, readFile: (path: string) => Uint8Array): Table {
  let base: Table = new Map();
  for (const filePath of opts.valueFiles) {
    const bytes = readWith(readFile, filePath);
    let current: Table;
    try {
      current = loadValuesText(goString(bytes));
    } catch (e) {
      throw new UserValuesError(`failed to parse ${filePath}: ${(e as Error).message}`);
    }
    base = mergeMaps(base, current);
  }
  for (const value of opts.setJson) {
    const trimmed = value.trim();
    if (trimmed.length > 0 && trimmed[0] === "{") {
      let m: unknown;
      try {
        m = parseJSONDocument(trimmed);
      } catch {
        throw new UserValuesError(`failed parsing --set-json data JSON: ${value}`);
      }
      if (m instanceof Map) base = mergeMaps(base, m as Table);
      else if (m !== null) throw new UserValuesError(`failed parsing --set-json data JSON: ${value}`);
    } else {
      try {
        parseJSONInto(value, base);
      } catch (e) {
        if (e instanceof StrvalsError) throw new UserValuesError(`failed parsing --set-json data ${value}`);
        throw e;
      }
    }
  }
  const each = (list: string[], flag: string, fn: (v: string) => void) => {
    for (const value of list) {
      try {
        fn(value);
      } catch (e) {
        if (e instanceof StrvalsError) throw new UserValuesError(`failed parsing ${flag} data: ${e.message}`);
        throw e;
      }
    }
  };
  each(opts.set, "--set", (v) => parseInto(v, base));
  each(opts.setString, "--set-string", (v) => parseIntoString(v, base));
  each(opts.setFile, "--set-file", (v) =>
    parseIntoFile(v, base, (rs) => {
      try {
        return goString(readWith(readFile, rs.join("")));
      } catch (e) {
        throw new StrvalsError((e as Error).message);
      }
    }),
  );
  each(opts.setLiteral, "--set-literal", (v) => parseLiteralInto(v, base));
  return base;
}
