// Sprig's date functions (date.go, v3.3.0) on Go time values: layouts, zones
// from the zone source, and Sprig's type dispatch (an `int` date is Unix
// seconds, a float64 silently means "now", duration takes only int64 or string).
import { GoError, type GoFunc, GoInt, type Value } from "../template/value.ts";
import {
  DurationError,
  durationString,
  int64,
  parseDuration,
  roundDuration,
  SECOND,
} from "./time/duration.ts";
import { parseTime, TimeParseError } from "./time/layout.ts";
import { GoTime } from "./time/time.ts";
import { loadLocation, local, UTC } from "./time/zone.ts";

/** The time a `date interface{}` argument stands for in dateInZone. */
function dateArg(v: Value, withInt32: boolean): GoTime {
  if (v instanceof GoTime) return v;
  if (typeof v === "bigint") return GoTime.unixTime(Number(v));
  if (v instanceof GoInt && (v.kind === "int" || (withInt32 && v.kind === "int32")))
    return GoTime.unixTime(Number(v.v));
  return GoTime.now();
}

export function dateInZone(layout: string, date: Value, zone: string): string {
  const t = dateArg(date, true);
  const loc = loadLocation(zone) ?? UTC;
  return t.in(loc).format(layout);
}

function toDate(layout: string, value: string): GoTime {
  try {
    const loc = local();
    const p = parseTime(layout, value, loc, loc);
    return new GoTime(p.unix, p.nsec, p.loc === UTC ? UTC : p.loc);
  } catch (e) {
    if (e instanceof TimeParseError) throw new GoError(e.message);
    throw e;
  }
}

function dateModify(fmt: string, date: GoTime): GoTime {
  try {
    return date.add(parseDuration(fmt));
  } catch (e) {
    if (e instanceof DurationError) throw new GoError(e.message);
    throw e;
  }
}

/** time.Since(t). */
function since(t: GoTime): bigint {
  return GoTime.now().sub(t);
}

const YEAR = 365n * 24n * 3600n * SECOND;
const MONTH = 30n * 24n * 3600n * SECOND;
const DAY = 24n * 3600n * SECOND;

/** Sprig's durationRound: the largest whole unit, y/mo/d/h/m/s. */
export function durationRound(v: Value): string {
  let d = 0n;
  if (typeof v === "string") {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (typeof v === "bigint") d = v;
  else if (v instanceof GoTime) d = since(v);
  const u = d < 0n ? -d : d;
  const units: [bigint, string][] = [
    [YEAR, "y"],
    [MONTH, "mo"],
    [DAY, "d"],
    [3600n * SECOND, "h"],
    [60n * SECOND, "m"],
    [SECOND, "s"],
  ];
  for (const [unit, suffix] of units) if (u > unit) return `${u / unit}${suffix}`;
  return "0s";
}

/** strconv.ParseInt(s, 10, 64) as Sprig uses it: errors give 0, or ±MaxInt64 on overflow. */
function parseInt64(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const v = BigInt(s);
  const max = (1n << 63n) - 1n;
  if (v > max) return max;
  if (v < -max - 1n) return -max - 1n;
  return v;
}

/** Sprig's duration: seconds (int64 or decimal string) as a Go duration string. */
export function duration(v: Value): string {
  let n = 0n;
  if (typeof v === "string") n = parseInt64(v);
  else if (typeof v === "bigint") n = v;
  return durationString(int64(n * SECOND));
}

function ago(v: Value): string {
  let t: GoTime;
  if (v instanceof GoTime) t = v;
  else if (typeof v === "bigint") t = GoTime.unixTime(Number(v));
  else if (v instanceof GoInt && v.kind === "int") t = GoTime.unixTime(Number(v.v));
  else t = GoTime.now();
  return durationString(roundDuration(since(t), SECOND));
}

const S = (v: Value) => v as string;

const dateModifyFunc: GoFunc = {
  params: ["string", "time.Time"],
  result: "time.Time",
  fn: (f, d) => {
    try {
      return dateModify(S(f), d as GoTime);
    } catch {
      return d;
    }
  },
};
const mustDateModifyFunc: GoFunc = {
  params: ["string", "time.Time"],
  result: "time.Time",
  returnsError: true,
  fn: (f, d) => dateModify(S(f), d as GoTime),
};
const dateInZoneFunc: GoFunc = {
  params: ["string", "interface {}", "string"],
  result: "string",
  fn: (f, d, z) => dateInZone(S(f), d, S(z)),
};

export const dateFuncs: Record<string, GoFunc> = {
  ago: { params: ["interface {}"], result: "string", fn: (d) => ago(d) },
  date: { params: ["string", "interface {}"], result: "string", fn: (f, d) => dateInZone(S(f), d, "Local") },
  date_in_zone: dateInZoneFunc,
  date_modify: dateModifyFunc,
  dateInZone: dateInZoneFunc,
  dateModify: dateModifyFunc,
  duration: { params: ["interface {}"], result: "string", fn: (v) => duration(v) },
  durationRound: { params: ["interface {}"], result: "string", fn: (v) => durationRound(v) },
  htmlDate: { params: ["interface {}"], result: "string", fn: (d) => dateInZone("2006-01-02", d, "Local") },
  htmlDateInZone: {
    params: ["interface {}", "string"],
    result: "string",
    fn: (d, z) => dateInZone("2006-01-02", d, S(z)),
  },
  must_date_modify: mustDateModifyFunc,
  mustDateModify: mustDateModifyFunc,
  mustToDate: {
    params: ["string", "string"],
    result: "time.Time",
    returnsError: true,
    fn: (f, s) => toDate(S(f), S(s)),
  },
  now: { params: [], result: "time.Time", fn: () => GoTime.now() },
  toDate: {
    params: ["string", "string"],
    result: "time.Time",
    fn: (f, s) => {
      try {
        return toDate(S(f), S(s));
      } catch {
        return GoTime.zero();
      }
    },
  },
  unixEpoch: { params: ["time.Time"], result: "string", fn: (t) => String((t as GoTime).unix) },
};
