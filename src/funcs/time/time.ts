// time.Time, time.Duration, time.Month and time.Weekday as template values:
// their String() forms and the methods charts call on them (.Unix, .Format,
// .Year, .UTC, .Add ...).
import {
  GoError,
  type GoFunc,
  GoInt,
  GoObject,
  type IntKind,
  MARSHAL_JSON,
  type Value,
} from "../../template/value.ts";
import { civilFromDays, SECONDS_PER_DAY } from "./civil.ts";
import { durationString, int64, roundDuration, SECOND } from "./duration.ts";
import { dateIn, formatTime, LONG_DAYS, LONG_MONTHS } from "./layout.ts";
import { type Location, local, UTC } from "./zone.ts";

/** A named Go integer type with a String method (time.Month, time.Weekday, time.Duration). */
export class GoNamedInt extends GoObject {
  constructor(
    readonly goType: string,
    readonly v: bigint,
    private readonly str: string,
    readonly goKind: string = "int",
  ) {
    super();
  }
  override toString(): string {
    return this.str;
  }
  override truth(): boolean {
    return this.v !== 0n;
  }
  /** reflect sees the integer: %d, eq/lt, index, range, Sprig's empty. */
  override underlying(): Value {
    return this.goKind === "int64" ? this.v : new GoInt(this.v, this.goKind as IntKind);
  }
  override withUnderlying(u: Value): GoNamedInt {
    const n = typeof u === "bigint" ? u : u instanceof GoInt ? u.v : 0n;
    if (this.goType === "time.Month") return goMonth(n);
    if (this.goType === "time.Weekday") return goWeekday(n);
    return goDuration(n);
  }
  /** encoding/json sees the underlying integer. */
  [MARSHAL_JSON](): Value {
    return this.v;
  }

  override method(name: string): GoFunc | undefined {
    if (name === "String") return { params: [], result: "string", fn: () => this.str };
    if (this.goType !== "time.Duration") return undefined;
    const d = this.v;
    const ratio = (unit: bigint): GoFunc => ({
      params: [],
      result: "float64",
      fn: () => Number(d / unit) + Number(d % unit) / Number(unit),
    });
    const whole = (unit: bigint): GoFunc => ({ params: [], result: "int64", fn: () => d / unit });
    switch (name) {
      case "Hours":
        return ratio(3600n * SECOND);
      case "Minutes":
        return ratio(60n * SECOND);
      case "Seconds":
        return ratio(SECOND);
      case "Milliseconds":
        return whole(1000000n);
      case "Microseconds":
        return whole(1000n);
      case "Nanoseconds":
        return whole(1n);
      case "Abs":
        return {
          params: [],
          result: "time.Duration",
          fn: () => goDuration(d >= 0n ? d : d === -(1n << 63n) ? (1n << 63n) - 1n : -d),
        };
      case "Round":
        return {
          params: ["time.Duration"],
          result: "time.Duration",
          fn: (m) => goDuration(roundDuration(d, durationArg(m))),
        };
      case "Truncate":
        return {
          params: ["time.Duration"],
          result: "time.Duration",
          fn: (m) => {
            const u = durationArg(m);
            return goDuration(u <= 0n ? d : d - (d % u));
          },
        };
      default:
        return undefined;
    }
  }
}

function badResults(results: string[]): GoFunc {
  return { params: [], result: results[0]!, results, fn: () => null };
}

/** time.Month(n); String() of a value outside 1..12 is Go's "%!Month(n)" (n as a uint64). */
export function goMonth(n: bigint): GoNamedInt {
  const s = n >= 1n && n <= 12n ? LONG_MONTHS[Number(n) - 1]! : `%!Month(${BigInt.asUintN(64, n)})`;
  return new GoNamedInt("time.Month", n, s);
}

/** time.Weekday(n); String() of a value outside 0..6 is Go's "%!Weekday(n)". */
export function goWeekday(n: bigint): GoNamedInt {
  const s = n >= 0n && n <= 6n ? LONG_DAYS[Number(n)]! : `%!Weekday(${BigInt.asUintN(64, n)})`;
  return new GoNamedInt("time.Weekday", n, s);
}

export function goDuration(ns: bigint): GoNamedInt {
  const d = int64(ns);
  return new GoNamedInt("time.Duration", d, durationString(d), "int64");
}

/** Nanoseconds of a time.Duration argument (or a plain integer). */
function durationArg(v: Value): bigint {
  if (v instanceof GoNamedInt) return v.v;
  if (v instanceof GoInt) return v.v;
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  return 0n;
}

/** *time.Location as a template value: prints its name (Location.String). */
export class GoLocation extends GoObject {
  readonly goType = "*time.Location";
  readonly goKind = "ptr";
  constructor(readonly loc: Location) {
    super();
  }
  override toString(): string {
    return this.loc.name;
  }
  /** Two *time.Location values are equal when they point at the same location. */
  override goEqual(o: GoObject): boolean {
    return o instanceof GoLocation && o.loc === this.loc;
  }
  override method(name: string): GoFunc | undefined {
    if (name === "String") return { params: [], result: "string", fn: () => this.loc.name };
    return undefined;
  }
}

/** time.Time: an instant (Unix seconds + nanoseconds), a location, and maybe a monotonic reading. */
export class GoTime extends GoObject {
  readonly goType = "time.Time";
  readonly goKind = "struct";
  constructor(
    /** Unix seconds. */
    readonly unix: number,
    /** Nanoseconds within the second, 0..999999999. */
    readonly nsec: number,
    /** null is Go's nil location, which behaves as UTC. */
    loc: Location | null,
    /** Monotonic clock reading in nanoseconds (time.Now only). */
    readonly mono?: bigint,
  ) {
    super();
    // Go's setLoc stores UTC as nil, so == (and DeepEqual) see one UTC.
    this.loc = loc === UTC ? null : loc;
  }
  readonly loc: Location | null;

  /** Go's == on Time: same instant fields, same *Location, same monotonic reading (or none on both). */
  override goEqual(o: GoObject): boolean {
    return (
      o instanceof GoTime &&
      o.unix === this.unix &&
      o.nsec === this.nsec &&
      o.loc === this.loc &&
      o.mono === this.mono
    );
  }

  /** time.Now in Local, with a monotonic reading as Go's String shows (m=+0.001234567). */
  static now(): GoTime {
    const ms = Date.now();
    const perf = globalThis.performance?.now() ?? 0;
    const sub = Math.floor((perf * 1e6) % 1e6); // sub-millisecond digits, so nanoseconds are not all zero
    // Go's monotonic reading counts from process start, as performance.now() does (reading
    // performance at module initialisation would load Node's perf_hooks on every start-up).
    const monoNs = BigInt(Math.round(perf * 1e6)) + 1n;
    return new GoTime(Math.floor(ms / 1000), (ms % 1000) * 1e6 + sub, local(), monoNs);
  }

  /** The zero Time (0001-01-01 00:00:00 UTC). */
  static zero(): GoTime {
    return new GoTime(-62135596800, 0, null);
  }

  static unixTime(sec: number, loc: Location = local()): GoTime {
    return new GoTime(sec, 0, loc);
  }

  location(): Location {
    return this.loc ?? UTC;
  }

  zone(): { abbr: string; offset: number } {
    const z = this.location().lookup(this.unix);
    return { abbr: z.name, offset: z.offset };
  }

  format(layout: string): string {
    const z = this.zone();
    return formatTime({ unix: this.unix, nsec: this.nsec, offset: z.offset, abbr: z.abbr }, layout);
  }

  /** t.In(loc); like every location change in Go it drops the monotonic reading. */
  in(loc: Location): GoTime {
    return new GoTime(this.unix, this.nsec, loc);
  }

  /** Nanoseconds since the Unix epoch. */
  unixNano(): bigint {
    return BigInt(this.unix) * SECOND + BigInt(this.nsec);
  }

  add(d: bigint): GoTime {
    const ns = this.unixNano() + d;
    const sec = ns / SECOND - (ns % SECOND < 0n ? 1n : 0n);
    return new GoTime(
      Number(sec),
      Number(ns - sec * SECOND),
      this.loc,
      this.mono === undefined ? undefined : this.mono + d,
    );
  }

  /** t.Sub(u), saturating as Go does. */
  sub(u: GoTime): bigint {
    if (this.mono !== undefined && u.mono !== undefined) return this.mono - u.mono;
    const d = this.unixNano() - u.unixNano();
    const max = (1n << 63n) - 1n;
    return d > max ? max : d < -max - 1n ? -max - 1n : d;
  }

  /** Time.MarshalJSON: RFC 3339 with nanoseconds, years 0..9999 only. */
  [MARSHAL_JSON](): Value {
    const year = this.civil().year;
    if (year < 0 || year > 9999) throw new GoError("Time.MarshalJSON: year outside of range [0,9999]");
    return this.format("2006-01-02T15:04:05.999999999Z07:00");
  }

  override toString(): string {
    let s = this.format("2006-01-02 15:04:05.999999999 -0700 MST");
    if (this.mono !== undefined) {
      const m = this.mono < 0n ? -this.mono : this.mono;
      const whole = m / SECOND;
      s += ` m=${this.mono < 0n ? "-" : "+"}${whole}.${(m % SECOND).toString().padStart(9, "0")}`;
    }
    return s;
  }

  private civil() {
    const z = this.zone();
    const local = this.unix + z.offset;
    const days = Math.floor(local / SECONDS_PER_DAY);
    const secOfDay = local - days * SECONDS_PER_DAY;
    return { ...civilFromDays(days), secOfDay };
  }

  override method(name: string): GoFunc | undefined {
    const int = (f: () => number): GoFunc => ({
      params: [],
      result: "int",
      fn: () => new GoInt(BigInt(f())),
    });
    const time = (f: (...a: Value[]) => GoTime, params: string[] = []): GoFunc => ({
      params,
      result: "time.Time",
      fn: (...a) => f(...a),
    });
    const cmp = (f: (u: GoTime) => boolean): GoFunc => ({
      params: ["time.Time"],
      result: "bool",
      fn: (u) => f(u as GoTime),
    });
    switch (name) {
      case "Format":
        return { params: ["string"], result: "string", fn: (l) => this.format(l as string) };
      case "String":
        return { params: [], result: "string", fn: () => this.toString() };
      case "Unix":
        return { params: [], result: "int64", fn: () => BigInt(this.unix) };
      case "UnixMilli":
        return { params: [], result: "int64", fn: () => this.unixNano() / 1000000n };
      case "UnixMicro":
        return { params: [], result: "int64", fn: () => this.unixNano() / 1000n };
      case "UnixNano":
        return { params: [], result: "int64", fn: () => this.unixNano() };
      case "Year":
        return int(() => this.civil().year);
      case "Day":
        return int(() => this.civil().day);
      case "YearDay":
        return int(() => this.civil().yday);
      case "Hour":
        return int(() => Math.floor(this.civil().secOfDay / 3600));
      case "Minute":
        return int(() => Math.floor((this.civil().secOfDay % 3600) / 60));
      case "Second":
        return int(() => this.civil().secOfDay % 60);
      case "Nanosecond":
        return int(() => this.nsec);
      case "Month":
        return {
          params: [],
          result: "time.Month",
          fn: () => goMonth(BigInt(this.civil().month)),
        };
      case "Weekday":
        return {
          params: [],
          result: "time.Weekday",
          fn: () => goWeekday(BigInt(this.civil().weekday)),
        };
      case "Location":
        return { params: [], result: "*time.Location", fn: () => new GoLocation(this.location()) };
      case "In":
        return time((l) => this.in((l as GoLocation).loc), ["*time.Location"]);
      case "IsDST":
        return { params: [], result: "bool", fn: () => this.location().lookup(this.unix).isDST };
      case "IsZero":
        return { params: [], result: "bool", fn: () => this.unix === -62135596800 && this.nsec === 0 };
      case "UTC":
        return time(() => this.in(UTC));
      case "Local":
        return time(() => this.in(local()));
      case "Add":
        return time((d) => this.add(durationArg(d)), ["time.Duration"]);
      case "AddDate":
        return time(
          (y, m, d) => {
            const c = this.civil();
            const sod = c.secOfDay;
            const r = dateIn(
              c.year + Number((y as GoInt).v),
              c.month + Number((m as GoInt).v),
              c.day + Number((d as GoInt).v),
              Math.floor(sod / 3600),
              Math.floor((sod % 3600) / 60),
              sod % 60,
              this.nsec,
              this.location(),
            );
            return new GoTime(r.unix, r.nsec, this.loc);
          },
          ["int", "int", "int"],
        );
      case "Sub":
        return {
          params: ["time.Time"],
          result: "time.Duration",
          fn: (u) => goDuration(this.sub(u as GoTime)),
        };
      case "Before":
        return cmp((u) => this.unixNano() < u.unixNano());
      case "After":
        return cmp((u) => this.unixNano() > u.unixNano());
      case "Equal":
        return cmp((u) => this.unixNano() === u.unixNano());
      case "Compare":
        return {
          params: ["time.Time"],
          result: "int",
          fn: (u) => {
            const a = this.unixNano();
            const b = (u as GoTime).unixNano();
            return new GoInt(a < b ? -1n : a > b ? 1n : 0n);
          },
        };
      case "Round":
      case "Truncate":
        return time(
          (d) => {
            const m = durationArg(d);
            if (m <= 0n) return new GoTime(this.unix, this.nsec, this.loc);
            // Go rounds the absolute time since year 1; that is Unix time shifted by a whole number of days.
            const abs = this.unixNano() + 62135596800n * SECOND;
            let r = abs % m;
            if (r < 0n) r += m;
            let out = this.unixNano() - r;
            if (name === "Round" && !(r + r < m)) out += m;
            const t = new GoTime(0, 0, this.loc).add(out);
            return t;
          },
          ["time.Duration"],
        );
      // Methods whose results a template cannot take: calling them is Go's goodFunc error.
      case "Date":
        return badResults(["int", "time.Month", "int"]);
      case "Clock":
        return badResults(["int", "int", "int"]);
      case "ISOWeek":
        return badResults(["int", "int"]);
      case "Zone":
        return badResults(["string", "int"]);
      case "ZoneBounds":
        return badResults(["time.Time", "time.Time"]);
      default:
        return undefined;
    }
  }
}
