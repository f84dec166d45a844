// Helpers over values tables (Go's map[string]interface{} as Map): helm's
import { goQuote } from "./go-text.ts";
// istable, deep copy, MergeMaps, and common.Values' Table / PathValue lookups.

export type Table = Map<string, unknown>;

export function isTable(v: unknown): v is Table {
  return v instanceof Map;
}

/** A deep copy of maps and slices (copystructure.Copy); scalars and other objects are shared. */
export function deepCopy<T>(v: T): T {
  if (v instanceof Map) {
    const m = new Map();
    for (const [k, x] of v) m.set(k, deepCopy(x));
    return m as T;
  }
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  return v;
}

/** loader.MergeMaps: b over a, maps merged recursively, everything else replaced. */
export function mergeMaps(a: Table, b: Table): Table {
  const out: Table = new Map(a);
  for (const [k, v] of b) {
    const cur = out.get(k);
    if (isTable(v) && isTable(cur)) out.set(k, mergeMaps(cur, v));
    else out.set(k, v);
  }
  return out;
}

/** common.ErrNoTable / ErrNoValue. */
export class NoTableError extends Error {
  constructor(readonly key: string) {
    super(`${goQuote(key)} is not a table`);
  }
}
export class NoValueError extends Error {
  constructor(readonly key: string) {
    super(`${goQuote(key)} is not a value`);
  }
}

/** Values.Table: the table at a dotted path; throws NoTableError. */
export function tableAt(v: Table, path: string): Table {
  let t = v;
  for (const n of path.split(".")) {
    const next = t.get(n);
    if (!isTable(next)) throw new NoTableError(n);
    t = next;
  }
  return t;
}

/** Values.PathValue: the non-table value at a dotted path; throws NoValueError. */
export function pathValue(v: Table, path: string): unknown {
  if (path === "") throw new Error("YAML path cannot be empty");
  const parts = path.split(".");
  const key = parts.pop()!;
  let t: Table = v;
  if (parts.length > 0) {
    try {
      t = tableAt(v, parts.join("."));
    } catch {
      throw new NoValueError(key);
    }
  }
  if (t.has(key) && !isTable(t.get(key))) return t.get(key);
  throw new NoValueError(key);
}
