// helm's values coalescing (pkg/chart/common/util/coalesce.go as helm 4.1
// behaves): user values over chart defaults, parents over subcharts, globals
// copied down, null deleting a default when coalescing (kept when merging).
// Maps are mutated and shared exactly where helm's are, since later steps
// (import-values) see the results.

import { goSprintT, goSprintV } from "./go-fmt.ts";
import { goTypeName } from "./go-text.ts";
import { deepCopy, isTable, type Table } from "./tables.ts";

/** The part of a chart coalescing needs (the chart model implements it). */
export interface CoalesceChart {
  name(): string;
  values: Table;
  dependencies(): CoalesceChart[];
}

export const GLOBAL_KEY = "global";

export type Printf = (msg: string) => void;
let defaultPrintf: Printf = () => {};
/** Where coalescing warnings go (helm logs them at INFO level). */
export function setCoalesceWarningHandler(fn: Printf) {
  defaultPrintf = fn;
}

export class CoalesceError extends Error {
  override name = "CoalesceError";
}

function concatPrefix(a: string, b: string): string {
  return a === "" ? b : `${a}.${b}`;
}

/** CoalesceValues: nulls delete chart defaults. Does not modify vals. */
export function coalesceValues(
  chart: CoalesceChart,
  vals: Table | null,
  printf: Printf = defaultPrintf,
): Table {
  const copy = vals ? deepCopy(vals) : new Map();
  return coalesce(printf, chart, copy, "", false);
}

/** MergeValues: like coalesceValues but nulls are kept. */
export function mergeValues(chart: CoalesceChart, vals: Table | null, printf: Printf = defaultPrintf): Table {
  const copy = vals ? deepCopy(vals) : new Map();
  return coalesce(printf, chart, copy, "", true);
}

function coalesce(printf: Printf, ch: CoalesceChart, dest: Table, prefix: string, merge: boolean): Table {
  coalesceChartValues(printf, ch, dest, prefix, merge);
  return coalesceDeps(printf, ch, dest, prefix, merge);
}

function coalesceDeps(printf: Printf, ch: CoalesceChart, dest: Table, prefix: string, merge: boolean): Table {
  for (const sub of ch.dependencies()) {
    const name = sub.name();
    if (!dest.has(name)) dest.set(name, new Map());
    else if (!isTable(dest.get(name))) {
      const c = dest.get(name);
      throw new CoalesceError(`type mismatch on ${name}: ${goSprintT(c, goTypeName)}`);
    }
    const dvmap = dest.get(name) as Table;
    const subPrefix = concatPrefix(prefix, ch.name());
    coalesceGlobals(printf, dvmap, dest, subPrefix);
    dest.set(name, coalesce(printf, sub, dvmap, subPrefix, merge));
  }
  return dest;
}

// Copies the globals of src (the parent) into dest (a subchart's values), parents winning.
function coalesceGlobals(printf: Printf, dest: Table, src: Table, prefix: string) {
  let dg: Table;
  let sg: Table;
  if (!dest.has(GLOBAL_KEY)) dg = new Map();
  else {
    const g = dest.get(GLOBAL_KEY);
    if (!isTable(g)) {
      printf(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`);
      return;
    }
    dg = g;
  }
  if (!src.has(GLOBAL_KEY)) sg = new Map();
  else {
    const g = src.get(GLOBAL_KEY);
    if (!isTable(g)) {
      printf(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`);
      return;
    }
    sg = g;
  }
  for (const [key, val] of sg) {
    if (isTable(val)) {
      const vv: Table = new Map(val);
      if (!dg.has(key)) dg.set(key, vv);
      else {
        const destv = dg.get(key);
        if (!isTable(destv))
          printf(`Conflict: cannot merge map onto non-map for ${JSON.stringify(key)}. Skipping.`);
        else {
          coalesceTablesFullKey(printf, vv, destv, concatPrefix(prefix, key), true);
          dg.set(key, vv);
        }
      }
    } else if (dg.has(key) && isTable(dg.get(key))) {
      printf(`key ${key} is table. Skipping`);
    } else {
      dg.set(key, val);
    }
  }
  dest.set(GLOBAL_KEY, dg);
}

function childChartMergeTrue(ch: CoalesceChart, key: string, merge: boolean): boolean {
  for (const sub of ch.dependencies()) if (sub.name() === key) return true;
  return merge;
}

// Chart defaults of ch into v (v wins).
function coalesceChartValues(printf: Printf, ch: CoalesceChart, v: Table, prefix: string, merge: boolean) {
  const subPrefix = concatPrefix(prefix, ch.name());
  const vc = deepCopy(ch.values ?? new Map()) as Table;
  for (const [key, val] of vc) {
    if (v.has(key)) {
      const value = v.get(key);
      if (value === null && !merge) {
        v.delete(key);
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null) printf(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          coalesceTablesFullKey(
            printf,
            value,
            val,
            concatPrefix(subPrefix, key),
            childChartMergeTrue(ch, key, merge),
          );
        }
      }
    } else {
      v.set(key, val);
    }
  }
}

/** CoalesceTables: src into dst, dst authoritative, nulls in dst deleting src defaults. */
export function coalesceTables(
  dst: Table | null,
  src: Table | null,
  printf: Printf = defaultPrintf,
): Table | null {
  return coalesceTablesFullKey(printf, dst, src, "", false);
}

/** MergeTables: like coalesceTables but nulls are kept. */
export function mergeTables(
  dst: Table | null,
  src: Table | null,
  printf: Printf = defaultPrintf,
): Table | null {
  return coalesceTablesFullKey(printf, dst, src, "", true);
}

function coalesceTablesFullKey(
  printf: Printf,
  dst: Table | null,
  src: Table | null,
  prefix: string,
  merge: boolean,
): Table | null {
  if (src === null) return dst;
  if (dst === null) return src;
  const srcOriginalNonNil = new Set<string>();
  for (const [k, v] of src) if (v !== null) srcOriginalNonNil.add(k);
  for (const [k, v] of dst) if (v === null) src.set(k, null);
  for (const [key, val] of src) {
    const fullkey = concatPrefix(prefix, key);
    const ok = dst.has(key);
    const dv = dst.get(key);
    if (ok && !merge && dv === null && srcOriginalNonNil.has(key)) {
      dst.delete(key);
    } else if (!ok) {
      dst.set(key, val);
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(printf, dv, val, fullkey, merge);
      else printf(`warning: cannot overwrite table with non table for ${fullkey} (${goSprintV(val)})`);
    } else if (isTable(dv) && val !== null) {
      printf(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${goSprintV(val)})`);
    }
  }
  return dst;
}
