// time.Location: UTC, fixed zones, zones read from TZif data (what Go loads
// from /usr/share/zoneinfo, so abbreviations and rules match helm exactly), and
// an Intl-based fallback for hosts without zone files (browsers).
import { civilFromDays, daysBefore, daysFromCivil, daysIn, isLeap, SECONDS_PER_DAY } from "./civil.ts";

export interface ZoneLookup {
  name: string;
  /** Seconds east of UTC. */
  offset: number;
  /** The span [start, end) of Unix seconds during which this zone applies (as Go's lookup). */
  start: number;
  end: number;
  isDST: boolean;
}

const ALPHA = -(2 ** 62);
const OMEGA = 2 ** 62;

export interface Location {
  /** Location.String(): "UTC", "Local", "Europe/Berlin", or a fixed zone's name. */
  readonly name: string;
  lookup(unix: number): ZoneLookup;
  /** The offset of the zone abbreviation `abbr` around `unix`, as Location.lookupName. */
  lookupName(abbr: string, unix: number): number | undefined;
}

export class FixedZone implements Location {
  constructor(
    readonly name: string,
    readonly offset: number,
    private readonly abbr: string = name,
  ) {}
  lookup(): ZoneLookup {
    return { name: this.abbr, offset: this.offset, start: ALPHA, end: OMEGA, isDST: false };
  }
  lookupName(abbr: string): number | undefined {
    return abbr === this.abbr ? this.offset : undefined;
  }
}

export const UTC: Location = new FixedZone("UTC", 0);

// Go's FixedZone hands out one shared *Location per whole hour for unnamed
// zones, so times parsed with the same "+02:00" offset compare equal with eq.
const unnamedHourZones = new Map<number, Location>();

/** time.FixedZone. */
export function fixedZone(name: string, offset: number): Location {
  const hour = Math.trunc(offset / 3600);
  if (name !== "" || hour < -12 || hour > 14 || hour * 3600 !== offset) return new FixedZone(name, offset);
  let z = unnamedHourZones.get(hour);
  if (z === undefined) unnamedHourZones.set(hour, (z = new FixedZone("", offset)));
  return z;
}

interface Zone {
  name: string;
  offset: number;
  isDST: boolean;
}

/** A location built from TZif bytes, with the POSIX TZ footer for times past the last transition. */
export class TzifLocation implements Location {
  constructor(
    readonly name: string,
    private readonly zones: Zone[],
    private readonly tx: { when: number; index: number }[],
    private readonly extend: string,
  ) {}

  private firstZone(): number {
    const used = this.tx.some((t) => t.index === 0);
    if (!used) return 0;
    if (this.tx.length > 0 && this.zones[this.tx[0]!.index]!.isDST) {
      for (let zi = this.tx[0]!.index - 1; zi >= 0; zi--) if (!this.zones[zi]!.isDST) return zi;
    }
    for (let zi = 0; zi < this.zones.length; zi++) if (!this.zones[zi]!.isDST) return zi;
    return 0;
  }

  lookup(sec: number): ZoneLookup {
    if (this.zones.length === 0) return { name: "UTC", offset: 0, start: ALPHA, end: OMEGA, isDST: false };
    const tx = this.tx;
    if (tx.length === 0 || sec < tx[0]!.when) {
      const z = this.zones[this.firstZone()]!;
      return { ...z, start: ALPHA, end: tx.length > 0 ? tx[0]!.when : OMEGA };
    }
    let lo = 0;
    let hi = tx.length;
    let end = OMEGA;
    while (hi - lo > 1) {
      const m = (lo + hi) >>> 1;
      if (sec < tx[m]!.when) {
        end = tx[m]!.when;
        hi = m;
      } else lo = m;
    }
    const z = this.zones[tx[lo]!.index]!;
    const start = tx[lo]!.when;
    if (lo === tx.length - 1 && this.extend !== "") {
      const e = tzset(this.extend, start, sec);
      if (e) return e;
    }
    return { name: z.name, offset: z.offset, isDST: z.isDST, start, end };
  }

  lookupName(abbr: string, unix: number): number | undefined {
    for (const z of this.zones) {
      if (z.name === abbr) {
        const l = this.lookup(unix - z.offset);
        if (l.name === z.name) return l.offset;
      }
    }
    for (const z of this.zones) if (z.name === abbr) return z.offset;
    return undefined;
  }
}

/** Parses TZif data (versions 1-4) as Go's LoadLocationFromTZData; undefined when malformed. */
export function parseTzif(name: string, data: Uint8Array): TzifLocation | undefined {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let p = 0;
  const need = (n: number) => p + n <= data.length;
  const header = () => {
    if (!need(44) || String.fromCharCode(...data.subarray(p, p + 4)) !== "TZif") return undefined;
    const version = data[p + 4]!;
    const c = [0, 1, 2, 3, 4, 5].map((i) => dv.getUint32(p + 20 + 4 * i));
    p += 44;
    return { version, isut: c[0]!, isstd: c[1]!, leap: c[2]!, time: c[3]!, type: c[4]!, char: c[5]! };
  };
  let h = header();
  if (!h) return undefined;
  let timeSize = 4;
  if (h.version !== 0) {
    // Skip the 32-bit body; the 64-bit one follows with its own header.
    p += h.time * 4 + h.time + h.type * 6 + h.char + h.leap * 8 + h.isstd + h.isut;
    h = header();
    if (!h) return undefined;
    timeSize = 8;
  }
  if (!need(h.time * timeSize + h.time + h.type * 6 + h.char)) return undefined;
  const whens: number[] = [];
  for (let i = 0; i < h.time; i++) {
    whens.push(timeSize === 8 ? Number(dv.getBigInt64(p)) : dv.getInt32(p));
    p += timeSize;
  }
  const idx = Array.from(data.subarray(p, p + h.time));
  p += h.time;
  const raw: { off: number; dst: boolean; abbr: number }[] = [];
  for (let i = 0; i < h.type; i++) {
    raw.push({ off: dv.getInt32(p), dst: data[p + 4] !== 0, abbr: data[p + 5]! });
    p += 6;
  }
  const chars = data.subarray(p, p + h.char);
  p += h.char;
  p += h.leap * (timeSize + 4) + h.isstd + h.isut;
  const cstr = (i: number) => {
    let e = i;
    while (e < chars.length && chars[e] !== 0) e++;
    return String.fromCharCode(...chars.subarray(i, e));
  };
  const zones = raw.map((r) => ({ name: cstr(r.abbr), offset: r.off, isDST: r.dst }));
  let extend = "";
  if (h.version !== 0 && p < data.length && data[p] === 0x0a) {
    const e = data.indexOf(0x0a, p + 1);
    if (e > p) extend = String.fromCharCode(...data.subarray(p + 1, e));
  }
  const tx = whens.map((when, i) => ({ when, index: idx[i]! }));
  if (tx.length === 0) tx.push({ when: ALPHA, index: 0 });
  return new TzifLocation(name, zones, tx, extend);
}

// ---- POSIX TZ strings (the TZif footer), as Go's tzset ----

interface Rule {
  kind: "julian" | "doy" | "mwd";
  day: number;
  week: number;
  mon: number;
  time: number;
}

function tzsetName(s: string): [string, string] | undefined {
  if (s === "") return undefined;
  if (s[0] !== "<") {
    const m = /^[^-+0-9,]+/.exec(s);
    if (!m || m[0].length < 3) return undefined;
    return [m[0], s.slice(m[0].length)];
  }
  const e = s.indexOf(">");
  if (e < 0) return undefined;
  return [s.slice(1, e), s.slice(e + 1)];
}

function tzsetOffset(s: string): [number, string] | undefined {
  const m = /^([-+]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(s);
  if (!m) return undefined;
  const hours = Number(m[2]);
  if (hours > 24 * 7) return undefined;
  let off = hours * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  if (m[1] === "-") off = -off;
  return [off, s.slice(m[0].length)];
}

function tzsetRule(s: string): [Rule, string] | undefined {
  let r: Rule;
  let m: RegExpExecArray | null;
  if ((m = /^J(\d+)/.exec(s))) r = { kind: "julian", day: Number(m[1]), week: 0, mon: 0, time: 7200 };
  else if ((m = /^M(\d+)\.(\d+)\.(\d+)/.exec(s)))
    r = { kind: "mwd", mon: Number(m[1]), week: Number(m[2]), day: Number(m[3]), time: 7200 };
  else if ((m = /^(\d+)/.exec(s))) r = { kind: "doy", day: Number(m[1]), week: 0, mon: 0, time: 7200 };
  else return undefined;
  let rest = s.slice(m[0].length);
  if (rest.startsWith("/")) {
    const o = tzsetOffset(rest.slice(1));
    if (!o) return undefined;
    r.time = o[0];
    rest = o[1];
  }
  return [r, rest];
}

function tzruleTime(year: number, r: Rule, off: number): number {
  let s = 0;
  if (r.kind === "julian") {
    s = (r.day - 1) * SECONDS_PER_DAY;
    if (isLeap(year) && r.day >= 60) s += SECONDS_PER_DAY;
  } else if (r.kind === "doy") s = r.day * SECONDS_PER_DAY;
  else {
    const m1 = ((r.mon + 9) % 12) + 1;
    let yy0 = year;
    if (r.mon <= 2) yy0--;
    const yy1 = Math.trunc(yy0 / 100);
    const yy2 = yy0 % 100;
    let dow =
      (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
    if (dow < 0) dow += 7;
    let d = r.day - dow;
    if (d < 0) d += 7;
    for (let i = 1; i < r.week; i++) {
      if (d + 7 >= daysIn(r.mon, year)) break;
      d += 7;
    }
    d += daysBefore(r.mon);
    if (isLeap(year) && r.mon > 2) d++;
    s = d * SECONDS_PER_DAY;
  }
  return s + r.time - off;
}

/** Go's tzset: the zone a POSIX TZ string gives at `sec`. */
export function tzset(s: string, lastTxSec: number, sec: number): ZoneLookup | undefined {
  const n1 = tzsetName(s);
  if (!n1) return undefined;
  let [stdName, rest] = n1;
  const o1 = tzsetOffset(rest);
  if (!o1) return undefined;
  let stdOffset = -o1[0];
  rest = o1[1];
  if (rest === "" || rest[0] === ",") {
    return { name: stdName, offset: stdOffset, start: lastTxSec, end: OMEGA, isDST: false };
  }
  const n2 = tzsetName(rest);
  if (!n2) return undefined;
  let dstName = n2[0];
  rest = n2[1];
  let dstOffset: number;
  if (rest === "" || rest[0] === ",") dstOffset = stdOffset + 3600;
  else {
    const o2 = tzsetOffset(rest);
    if (!o2) return undefined;
    dstOffset = -o2[0];
    rest = o2[1];
  }
  if (rest === "") rest = ",M3.2.0,M11.1.0"; // US rules are the default
  if (rest[0] !== ",") return undefined;
  const r1 = tzsetRule(rest.slice(1));
  if (!r1?.[1].startsWith(",")) return undefined;
  const r2 = tzsetRule(r1[1].slice(1));
  if (r2?.[1] !== "") return undefined;
  const days = Math.floor(sec / SECONDS_PER_DAY);
  const { year } = civilFromDays(days);
  const yearStart = daysFromCivil(year, 1, 1) * SECONDS_PER_DAY;
  const ysec = sec - yearStart;
  let startSec = tzruleTime(year, r1[0], stdOffset);
  let endSec = tzruleTime(year, r2[0], dstOffset);
  let dstIsDST = true;
  let stdIsDST = false;
  if (endSec < startSec) {
    [startSec, endSec] = [endSec, startSec];
    [stdName, dstName] = [dstName, stdName];
    [stdOffset, dstOffset] = [dstOffset, stdOffset];
    [stdIsDST, dstIsDST] = [dstIsDST, stdIsDST];
  }
  if (ysec < startSec) {
    return { name: stdName, offset: stdOffset, start: yearStart, end: startSec + yearStart, isDST: stdIsDST };
  }
  if (ysec >= endSec) {
    return {
      name: stdName,
      offset: stdOffset,
      start: endSec + yearStart,
      end: yearStart + 365 * SECONDS_PER_DAY,
      isDST: stdIsDST,
    };
  }
  return {
    name: dstName,
    offset: dstOffset,
    start: startSec + yearStart,
    end: endSec + yearStart,
    isDST: dstIsDST,
  };
}

// ---- Intl fallback ----

/** A zone known only through Intl (no TZif data): offsets are exact, abbreviations best effort. */
export class IntlLocation implements Location {
  private readonly fmt: Intl.DateTimeFormat;
  constructor(
    readonly name: string,
    readonly ianaName: string,
  ) {
    this.fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: ianaName,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      timeZoneName: "short",
    });
  }
  lookup(unix: number): ZoneLookup {
    const ms = Math.min(Math.max(unix, -8.64e12), 8.64e12) * 1000;
    const parts = this.fmt.formatToParts(new Date(ms));
    const get = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
    const y = Number(get("year"));
    const local =
      daysFromCivil(get("era") === "BC" ? 1 - y : y, Number(get("month")), Number(get("day"))) *
        SECONDS_PER_DAY +
      Number(get("hour")) * 3600 +
      Number(get("minute")) * 60 +
      Number(get("second"));
    const offset = local - Math.floor(ms / 1000);
    return {
      name: abbreviation(get("timeZoneName"), offset),
      offset,
      start: unix,
      end: unix + 1,
      isDST: false,
    };
  }
  lookupName(abbr: string, unix: number): number | undefined {
    const l = this.lookup(unix);
    return l.name === abbr ? l.offset : undefined;
  }
}

/** Intl's "GMT+5:30" becomes tzdata's numeric "+0530" (and "GMT+4" "+04"). */
function abbreviation(intl: string, offset: number): string {
  if (intl === "UTC" || !/^GMT[+-]/.test(intl)) return intl === "GMT" && offset === 0 ? "GMT" : intl;
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0");
  const mm = Math.floor((a % 3600) / 60);
  return mm ? `${sign}${hh}${String(mm).padStart(2, "0")}` : `${sign}${hh}`;
}

// ---- loading ----

/** Where zone data comes from: Node reads the zoneinfo files Go reads; browsers have none. */
export interface ZoneSource {
  /** TZif bytes for an IANA name, or undefined. */
  read(name: string): Uint8Array | undefined;
  /** The Local location as Go's initLocal builds it (TZ variable, /etc/localtime). */
  local(): Location;
}

function intlIsValid(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The browser source: no zone files, Intl for offsets and abbreviations. */
export const intlZoneSource: ZoneSource = {
  read: () => undefined,
  local: () => {
    const tz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!tz || tz === "UTC" || tz === "Etc/UTC") return new FixedZone("Local", 0, "UTC");
    return new IntlLocation("Local", tz);
  },
};

let source: ZoneSource = intlZoneSource;
let localLoc: Location | undefined;
const cache = new Map<string, Location | null>();

export function setZoneSource(s: ZoneSource): void {
  source = s;
  localLoc = undefined;
  cache.clear();
}

/** time.Local. */
export function local(): Location {
  localLoc ??= source.local();
  return localLoc;
}

/** time.LoadLocation; undefined where Go returns an error. */
export function loadLocation(name: string): Location | undefined {
  if (name === "" || name === "UTC") return UTC;
  if (name === "Local") return local();
  if (name.includes("..") || name.startsWith("/") || name.startsWith("\\")) return undefined;
  let loc = cache.get(name);
  if (loc === undefined) {
    const data = source.read(name);
    if (data) loc = parseTzif(name, data) ?? null;
    else loc = source === intlZoneSource && intlIsValid(name) ? new IntlLocation(name, name) : null;
    cache.set(name, loc);
  }
  return loc ?? undefined;
}
