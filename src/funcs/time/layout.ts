// Go's time layouts: the reference-time chunks of nextStdChunk, and formatting
// and parsing with them (src/time/format.go).
import { civilFromDays, daysBefore, daysFromCivil, daysIn, isLeap, SECONDS_PER_DAY } from "./civil.ts";
import { timeQuote } from "./duration.ts";
import { fixedZone, type Location, UTC } from "./zone.ts";

export type Std =
  | "January"
  | "Jan"
  | "1"
  | "01"
  | "Monday"
  | "Mon"
  | "2"
  | "_2"
  | "02"
  | "__2"
  | "002"
  | "15"
  | "3"
  | "03"
  | "4"
  | "04"
  | "5"
  | "05"
  | "2006"
  | "06"
  | "PM"
  | "pm"
  | "MST"
  | "Z0700"
  | "Z070000"
  | "Z07"
  | "Z07:00"
  | "Z07:00:00"
  | "-0700"
  | "-070000"
  | "-07"
  | "-07:00"
  | "-07:00:00"
  | "frac0"
  | "frac9";

export interface Chunk {
  prefix: string;
  std?: Std;
  /** The layout text of the std element. */
  text: string;
  suffix: string;
  /** Fractional seconds: digit count and separator. */
  digits?: number;
  sep?: string;
}

const isDigitAt = (s: string, i: number) => i < s.length && s[i]! >= "0" && s[i]! <= "9";
const startsLower = (s: string) => s.length > 0 && s[0]! >= "a" && s[0]! <= "z";
const STD0X: Std[] = ["01", "02", "03", "04", "05", "06"];

/** nextStdChunk. */
export function nextStdChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number, prefixEnd = i): Chunk => ({
    prefix: layout.slice(0, prefixEnd),
    std,
    text: layout.slice(prefixEnd, i + len),
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i]!;
    const has = (s: string) => layout.startsWith(s, i);
    switch (c) {
      case "J":
        if (has("Jan")) {
          if (has("January")) return at(i, "January", 7);
          if (!startsLower(layout.slice(i + 3))) return at(i, "Jan", 3);
        }
        break;
      case "M":
        if (has("Mon")) {
          if (has("Monday")) return at(i, "Monday", 6);
          if (!startsLower(layout.slice(i + 3))) return at(i, "Mon", 3);
        }
        if (has("MST")) return at(i, "MST", 3);
        break;
      case "0":
        if (i + 1 < layout.length && layout[i + 1]! >= "1" && layout[i + 1]! <= "6")
          return at(i, STD0X[layout.charCodeAt(i + 1) - 49]!, 2);
        if (has("002")) return at(i, "002", 3);
        break;
      case "1":
        if (has("15")) return at(i, "15", 2);
        return at(i, "1", 1);
      case "2":
        if (has("2006")) return at(i, "2006", 4);
        return at(i, "2", 1);
      case "_":
        if (has("_2")) {
          if (has("_2006"))
            return { prefix: layout.slice(0, i + 1), std: "2006", text: "2006", suffix: layout.slice(i + 5) };
          return at(i, "_2", 2);
        }
        if (has("__2")) return at(i, "__2", 3);
        break;
      case "3":
        return at(i, "3", 1);
      case "4":
        return at(i, "4", 1);
      case "5":
        return at(i, "5", 1);
      case "P":
        if (has("PM")) return at(i, "PM", 2);
        break;
      case "p":
        if (has("pm")) return at(i, "pm", 2);
        break;
      case "-":
        for (const s of ["-070000", "-07:00:00", "-0700", "-07:00", "-07"] as const)
          if (has(s)) return at(i, s, s.length);
        break;
      case "Z":
        for (const s of ["Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07"] as const)
          if (has(s)) return at(i, s, s.length);
        break;
      case ".":
      case ",":
        if (i + 1 < layout.length && (layout[i + 1] === "0" || layout[i + 1] === "9")) {
          const ch = layout[i + 1]!;
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) {
            return {
              prefix: layout.slice(0, i),
              std: ch === "0" ? "frac0" : "frac9",
              text: layout.slice(i, j),
              suffix: layout.slice(j),
              digits: j - (i + 1),
              sep: c,
            };
          }
        }
        break;
    }
  }
  return { prefix: layout, text: "", suffix: "" };
}

export const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));

/** appendInt: decimal with a minus sign and zero padding to `width` digits. */
function pad(x: number, width: number): string {
  const s = String(Math.abs(x)).padStart(width, "0");
  return x < 0 ? `-${s}` : s;
}

/** The broken-down fields Format needs. */
export interface Fields {
  unix: number;
  nsec: number;
  offset: number;
  abbr: string;
}

const chunkCache = new Map<string, Chunk[]>();

/** A layout split into its chunks once; formats are few and reused. */
function chunksOf(layout: string): Chunk[] {
  let list = chunkCache.get(layout);
  if (!list) {
    list = [];
    let rest = layout;
    while (rest !== "") {
      const c = nextStdChunk(rest);
      list.push(c);
      if (!c.std) break;
      rest = c.suffix;
    }
    if (chunkCache.size > 512) chunkCache.clear();
    chunkCache.set(layout, list);
  }
  return list;
}

/** Time.Format. */
export function formatTime(f: Fields, layout: string): string {
  const localSec = f.unix + f.offset;
  const days = Math.floor(localSec / SECONDS_PER_DAY);
  const secOfDay = localSec - days * SECONDS_PER_DAY;
  const d = civilFromDays(days);
  const hour = Math.floor(secOfDay / 3600);
  const min = Math.floor((secOfDay % 3600) / 60);
  const sec = secOfDay % 60;
  let out = "";
  for (const c of chunksOf(layout)) {
    out += c.prefix;
    if (!c.std) break;
    switch (c.std) {
      case "06":
        out += pad(Math.abs(d.year) % 100, 2);
        break;
      case "2006":
        out += pad(d.year, 4);
        break;
      case "Jan":
        out += SHORT_MONTHS[d.month - 1];
        break;
      case "January":
        out += LONG_MONTHS[d.month - 1];
        break;
      case "1":
        out += d.month;
        break;
      case "01":
        out += pad(d.month, 2);
        break;
      case "Mon":
        out += SHORT_DAYS[d.weekday];
        break;
      case "Monday":
        out += LONG_DAYS[d.weekday];
        break;
      case "2":
        out += d.day;
        break;
      case "_2":
        out += d.day < 10 ? ` ${d.day}` : d.day;
        break;
      case "02":
        out += pad(d.day, 2);
        break;
      case "__2":
        out += String(d.yday).padStart(3, " ");
        break;
      case "002":
        out += pad(d.yday, 3);
        break;
      case "15":
        out += pad(hour, 2);
        break;
      case "3":
        out += hour % 12 === 0 ? 12 : hour % 12;
        break;
      case "03":
        out += pad(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case "4":
        out += min;
        break;
      case "04":
        out += pad(min, 2);
        break;
      case "5":
        out += sec;
        break;
      case "05":
        out += pad(sec, 2);
        break;
      case "PM":
        out += hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += hour >= 12 ? "pm" : "am";
        break;
      case "MST":
        if (f.abbr !== "") out += f.abbr;
        else {
          const z = Math.trunc(f.offset / 60);
          out += (z < 0 ? "-" : "+") + pad(Math.trunc(Math.abs(z) / 60), 2) + pad(Math.abs(z) % 60, 2);
        }
        break;
      case "frac0":
      case "frac9":
        out += formatNano(f.nsec, c.std === "frac9", c.digits!, c.sep!);
        break;
      default:
        out += formatOffset(c.std, f.offset);
    }
  }
  return out;
}

function formatNano(nsec: number, trim: boolean, n: number, sep: string): string {
  if (trim && (n === 0 || nsec === 0)) return "";
  let s = String(nsec).padStart(9, "0");
  if (n < 9) s = s.slice(0, n);
  if (trim) s = s.replace(/0+$/, "");
  return s === "" ? "" : sep + s;
}

function formatOffset(std: Std, offset: number): string {
  if (offset === 0 && std.startsWith("Z")) return "Z";
  let zone = Math.trunc(offset / 60);
  let abs = offset;
  let out = "+";
  if (zone < 0) {
    out = "-";
    zone = -zone;
    abs = -abs;
  }
  out += pad(Math.trunc(zone / 60), 2);
  const colon = std.includes(":");
  if (colon) out += ":";
  if (std !== "-07" && std !== "Z07") out += pad(zone % 60, 2);
  if (std === "Z070000" || std === "-070000" || std === "-07:00:00" || std === "Z07:00:00") {
    if (colon) out += ":";
    out += pad(abs % 60, 2);
  }
  return out;
}

// ---- parsing ----

export class TimeParseError extends Error {}

/** A parsed time: Unix seconds, nanoseconds and location. */
export interface ParsedTime {
  unix: number;
  nsec: number;
  loc: Location;
}

/** time.Date: the instant of a civil time in `loc` (fields may overflow and carry). */
export function dateIn(
  year: number,
  month: number,
  day: number,
  hour: number,
  min: number,
  sec: number,
  nsec: number,
  loc: Location,
): { unix: number; nsec: number } {
  sec += Math.floor(nsec / 1e9);
  nsec = ((nsec % 1e9) + 1e9) % 1e9;
  let unix = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + min * 60 + sec;
  const z = loc.lookup(unix);
  let offset = z.offset;
  if (offset !== 0) {
    const utc = unix - offset;
    if (utc < z.start || utc >= z.end) offset = loc.lookup(utc).offset;
    unix -= offset;
  }
  return { unix, nsec };
}

function lookupName(tab: string[], val: string): [number, string] | undefined {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i]!;
    if (val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      // match() folds only ASCII letters; the tables are ASCII, so compare case-insensitively.
      return [i, val.slice(v.length)];
    }
  }
  return undefined;
}

function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) {
    if (fixed) return undefined;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] | undefined {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) return undefined;
  return [n, s.slice(i)];
}

function skip(value: string, prefix: string): string | undefined {
  while (prefix.length > 0) {
    if (prefix[0] === " ") {
      if (value.length > 0 && value[0] !== " ") return undefined;
      prefix = prefix.replace(/^ +/, "");
      value = value.replace(/^ +/, "");
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return undefined;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

/** Go's atoi: optional sign, then only digits. */
function atoi(s: string): number | undefined {
  const m = /^[-+]?[0-9]*$/.exec(s);
  if (!m) return undefined;
  const neg = s[0] === "-";
  const digits = s.replace(/^[-+]/, "");
  if (digits === "" && s.length > 0 && (s[0] === "-" || s[0] === "+")) return 0;
  const v = digits === "" ? 0 : Number(digits);
  return neg ? -v : v;
}

function parseNanoseconds(value: string, nbytes: number): number | undefined {
  if (value[0] !== "." && value[0] !== ",") return undefined;
  if (nbytes > 10) {
    value = value.slice(0, 10);
    nbytes = 10;
  }
  const ns = atoi(value.slice(1, nbytes));
  if (ns === undefined) return undefined;
  return ns * 10 ** (10 - nbytes);
}

function parseSignedOffset(value: string): number {
  if (value[0] !== "-" && value[0] !== "+") return 0;
  const m = /^[0-9]+/.exec(value.slice(1));
  if (!m) return 0;
  if (Number(m[0]) > 23) return 0;
  return 1 + m[0].length;
}

function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith("ChST") || value.startsWith("MeST")) return 4;
  if (value.startsWith("GMT")) return 3 + (value.length > 3 ? parseSignedOffset(value.slice(3)) : 0);
  if (value[0] === "+" || value[0] === "-") return parseSignedOffset(value);
  let n = 0;
  while (n < 6 && n < value.length && value[n]! >= "A" && value[n]! <= "Z") n++;
  if (n === 3) return 3;
  if (n === 4 && (value[3] === "T" || value.startsWith("WITA"))) return 4;
  if (n === 5 && value[4] === "T") return 5;
  return 0;
}

/** time.parse(layout, value, defaultLocation, local). */
export function parseTime(layout: string, value: string, defaultLoc: Location, local: Location): ParsedTime {
  const alayout = layout;
  const avalue = value;
  const err = (layoutElem: string, valueElem: string, message = "") =>
    new TimeParseError(
      message === ""
        ? `parsing time ${timeQuote(avalue)} as ${timeQuote(alayout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`
        : `parsing time ${timeQuote(avalue)}${message}`,
    );
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: Location | undefined;
  let zoneOffset = -1;
  let zoneName = "";
  const chunks = chunksOf(layout);
  for (let k = 0; ; k++) {
    const c = chunks[k] ?? { prefix: "", text: "", suffix: "" };
    const v = skip(value, c.prefix);
    if (v === undefined) throw err(c.prefix, value);
    value = v;
    if (!c.std) {
      if (value.length !== 0) throw err("", value, `: extra text: ${timeQuote(value)}`);
      break;
    }
    const hold = value;
    let bad = false;
    let rangeErr = "";
    const num = (r: [number, string] | undefined): number => {
      if (!r) {
        bad = true;
        return 0;
      }
      value = r[1];
      return r[0];
    };
    switch (c.std) {
      case "06": {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const y = atoi(value.slice(0, 2));
        value = value.slice(2);
        if (y === undefined) bad = true;
        else year = y >= 69 ? y + 1900 : y + 2000;
        break;
      }
      case "2006": {
        if (value.length < 4 || !isDigitAt(value, 0)) {
          bad = true;
          break;
        }
        const y = atoi(value.slice(0, 4));
        value = value.slice(4);
        if (y === undefined) bad = true;
        else year = y;
        break;
      }
      case "Jan":
      case "January": {
        const r = lookupName(c.std === "Jan" ? SHORT_MONTHS : LONG_MONTHS, value);
        if (!r) bad = true;
        else [month, value] = [r[0] + 1, r[1]];
        break;
      }
      case "1":
      case "01":
        month = num(getnum(value, c.std === "01"));
        if (!bad && (month <= 0 || month > 12)) rangeErr = "month";
        break;
      case "Mon":
      case "Monday": {
        const r = lookupName(c.std === "Mon" ? SHORT_DAYS : LONG_DAYS, value);
        if (!r) bad = true;
        else value = r[1];
        break;
      }
      case "2":
      case "_2":
      case "02":
        if (c.std === "_2" && value[0] === " ") value = value.slice(1);
        day = num(getnum(value, c.std === "02"));
        break;
      case "__2":
      case "002":
        for (let i = 0; i < 2; i++) if (c.std === "__2" && value[0] === " ") value = value.slice(1);
        yday = num(getnum3(value, c.std === "002"));
        break;
      case "15":
        hour = num(getnum(value, false));
        if (hour < 0 || hour >= 24) rangeErr = "hour";
        break;
      case "3":
      case "03":
        hour = num(getnum(value, c.std === "03"));
        if (hour < 0 || hour > 12) rangeErr = "hour";
        break;
      case "4":
      case "04":
        min = num(getnum(value, c.std === "04"));
        if (min < 0 || min >= 60) rangeErr = "minute";
        break;
      case "5":
      case "05": {
        sec = num(getnum(value, c.std === "05"));
        if (bad) break;
        if (sec < 0 || sec >= 60) {
          rangeErr = "second";
          break;
        }
        if (value.length >= 2 && (value[0] === "." || value[0] === ",") && isDigitAt(value, 1)) {
          const next = chunks[k + 1]?.std;
          if (next === "frac0" || next === "frac9") break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          const ns = parseNanoseconds(value, n);
          if (ns === undefined) bad = true;
          else nsec = ns;
          value = value.slice(n);
        }
        break;
      }
      case "PM":
      case "pm": {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const p = value.slice(0, 2);
        value = value.slice(2);
        if (p === (c.std === "PM" ? "PM" : "pm")) pmSet = true;
        else if (p === (c.std === "PM" ? "AM" : "am")) amSet = true;
        else bad = true;
        break;
      }
      case "MST": {
        if (value.startsWith("UTC")) {
          z = UTC;
          value = value.slice(3);
          break;
        }
        const n = parseTimeZone(value);
        if (n === 0) {
          bad = true;
          break;
        }
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case "frac0": {
        const ndigit = 1 + c.digits!;
        if (value.length < ndigit) {
          bad = true;
          break;
        }
        const ns = parseNanoseconds(value, ndigit);
        if (ns === undefined) bad = true;
        else nsec = ns;
        value = value.slice(ndigit);
        break;
      }
      case "frac9": {
        if (value.length < 2 || (value[0] !== "." && value[0] !== ",") || !isDigitAt(value, 1)) break;
        let i = 0;
        while (i + 1 < value.length && isDigitAt(value, i + 1)) i++;
        const ns = parseNanoseconds(value, 1 + i);
        if (ns === undefined) bad = true;
        else nsec = ns;
        value = value.slice(1 + i);
        break;
      }
      default: {
        // Numeric and ISO 8601 zone offsets.
        const std = c.std;
        if (std.startsWith("Z") && value[0] === "Z") {
          value = value.slice(1);
          z = UTC;
          break;
        }
        let sign: string;
        let hh: string;
        let mm = "00";
        let ss = "00";
        if (std === "Z07:00" || std === "-07:00") {
          if (value.length < 6 || value[3] !== ":") {
            bad = true;
            break;
          }
          [sign, hh, mm, value] = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(6)];
        } else if (std === "-07" || std === "Z07") {
          if (value.length < 3) {
            bad = true;
            break;
          }
          [sign, hh, value] = [value[0]!, value.slice(1, 3), value.slice(3)];
        } else if (std === "Z07:00:00" || std === "-07:00:00") {
          if (value.length < 9 || value[3] !== ":" || value[6] !== ":") {
            bad = true;
            break;
          }
          [sign, hh, mm, ss, value] = [
            value[0]!,
            value.slice(1, 3),
            value.slice(4, 6),
            value.slice(7, 9),
            value.slice(9),
          ];
        } else if (std === "Z070000" || std === "-070000") {
          if (value.length < 7) {
            bad = true;
            break;
          }
          [sign, hh, mm, ss, value] = [
            value[0]!,
            value.slice(1, 3),
            value.slice(3, 5),
            value.slice(5, 7),
            value.slice(7),
          ];
        } else {
          if (value.length < 5) {
            bad = true;
            break;
          }
          [sign, hh, mm, value] = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5)];
        }
        const h = getnum(hh, true);
        const m = h && getnum(mm, true);
        const s2 = m && getnum(ss, true);
        if (!h || !m || !s2) {
          bad = true;
          break;
        }
        if (h[0] > 24) rangeErr = "time zone offset hour";
        if (m[0] > 60) rangeErr = "time zone offset minute";
        if (s2[0] > 60) rangeErr = "time zone offset second";
        zoneOffset = (h[0] * 60 + m[0]) * 60 + s2[0];
        if (sign === "-") zoneOffset = -zoneOffset;
        else if (sign !== "+") bad = true;
      }
    }
    if (rangeErr !== "") throw err(c.text, value, `: ${rangeErr} out of range`);
    if (bad) throw err(c.text, hold);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw err("", value, ": day-of-year out of range");
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (daysBefore(m + 1) < yday) m++;
      d = yday - daysBefore(m);
    }
    if (month >= 0 && month !== m) throw err("", value, ": day-of-year does not match month");
    month = m;
    if (day >= 0 && day !== d) throw err("", value, ": day-of-year does not match day");
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw err("", value, ": day out of range");

  if (z) return { ...dateIn(year, month, day, hour, min, sec, nsec, z), loc: z };
  if (zoneOffset !== -1) {
    const t = dateIn(year, month, day, hour, min, sec, nsec, UTC);
    t.unix -= zoneOffset;
    const l = local.lookup(t.unix);
    if (l.offset === zoneOffset && (zoneName === "" || l.name === zoneName)) return { ...t, loc: local };
    return { ...t, loc: fixedZone(zoneName, zoneOffset) };
  }
  if (zoneName !== "") {
    const t = dateIn(year, month, day, hour, min, sec, nsec, UTC);
    const off = local.lookupName(zoneName, t.unix);
    if (off !== undefined) {
      t.unix -= off;
      return { ...t, loc: local };
    }
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith("GMT")) offset = (atoi(zoneName.slice(3)) ?? 0) * 3600;
    return { ...t, loc: fixedZone(zoneName, offset) };
  }
  return { ...dateIn(year, month, day, hour, min, sec, nsec, defaultLoc), loc: defaultLoc };
}
