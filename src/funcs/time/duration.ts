// time.Duration: String, ParseDuration and Round, on int64 nanoseconds as bigint.

export const NANOSECOND = 1n;
export const MICROSECOND = 1000n;
export const MILLISECOND = 1000_000n;
export const SECOND = 1000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

/** Wraps to int64 as Go's arithmetic does. */
export function int64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** v/10^prec with the fraction's trailing zeros (and a bare point) dropped, as Duration.format. */
function fracString(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(prec, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** time.Duration.String(). */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  const u = neg ? -d : d; // for minInt64 this is 2^63, which Go's uint64 also holds
  let s: string;
  if (u < SECOND) {
    if (u === 0n) return "0s";
    if (u < MICROSECOND) s = `${u}ns`;
    else if (u < MILLISECOND) s = `${fracString(u, 3)}µs`;
    else s = `${fracString(u, 6)}ms`;
  } else {
    const totalSec = u / SECOND;
    const frac = (u % SECOND).toString().padStart(9, "0").replace(/0+$/, "");
    const sec = `${totalSec % 60n}${frac ? `.${frac}` : ""}s`;
    const totalMin = totalSec / 60n;
    if (totalMin === 0n) s = sec;
    else {
      const hours = totalMin / 60n;
      s = `${hours > 0n ? `${hours}h` : ""}${totalMin % 60n}m${sec}`;
    }
  }
  return neg ? `-${s}` : s;
}

const UNITS: Record<string, bigint> = {
  ns: NANOSECOND,
  us: MICROSECOND,
  µs: MICROSECOND,
  μs: MICROSECOND,
  ms: MILLISECOND,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

/** The quote() of Go's time package: ASCII printable as is, other bytes as \xNN. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else {
      if (ch === '"' || ch === "\\") out += "\\";
      out += ch;
    }
  }
  return `${out}"`;
}

export class DurationError extends Error {}

/** time.ParseDuration; throws DurationError with Go's message. */
export function parseDuration(orig: string): bigint {
  let s = orig;
  let neg = false;
  const invalid = () => new DurationError(`time: invalid duration ${timeQuote(orig)}`);
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") throw invalid();
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || (s[0]! >= "0" && s[0]! <= "9"))) throw invalid();
    const m = /^[0-9]*/.exec(s)![0];
    const pre = m.length > 0;
    let v = 0n;
    for (const c of m) {
      if (v > (1n << 63n) / 10n) throw invalid();
      v = v * 10n + BigInt(c.charCodeAt(0) - 48);
      if (v > 1n << 63n) throw invalid();
    }
    s = s.slice(m.length);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s.startsWith(".")) {
      s = s.slice(1);
      const fm = /^[0-9]*/.exec(s)![0];
      post = fm.length > 0;
      let overflow = false;
      for (const c of fm) {
        if (overflow) continue;
        if (f > ((1n << 63n) - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(c.charCodeAt(0) - 48);
        if (y > 1n << 63n) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      s = s.slice(fm.length);
    }
    if (!pre && !post) throw invalid();
    const um = /^[^.0-9]*/.exec(s)![0];
    if (um.length === 0) throw new DurationError(`time: missing unit in duration ${timeQuote(orig)}`);
    s = s.slice(um.length);
    const unit = UNITS[um];
    if (unit === undefined) {
      throw new DurationError(`time: unknown unit ${timeQuote(um)} in duration ${timeQuote(orig)}`);
    }
    if (v > (1n << 63n) / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // float64 arithmetic as Go does, to be nanosecond-exact like it (and not more).
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > 1n << 63n) throw invalid();
    }
    d += v;
    if (d > 1n << 63n) throw invalid();
  }
  if (neg) return int64(-d);
  if (d > MAX_INT64) throw invalid();
  return d;
}

/** Duration.Round. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  const lessThanHalf = (x: bigint, y: bigint) => x + x < y;
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r, m)) return d + r;
    const d1 = d - m + r;
    return d1 >= MIN_INT64 ? d1 : MIN_INT64;
  }
  if (lessThanHalf(r, m)) return d - r;
  const d1 = d + m - r;
  return d1 <= MAX_INT64 ? d1 : MAX_INT64;
}
