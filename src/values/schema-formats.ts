// The "format" checks santhosh-tekuri/jsonschema v6 asserts for schemas up to
// draft-07 (later drafts only annotate), with v6's reasons. Each returns the
// reason a string is not of the format, or "" when it is. Formats whose
// reasons are Go library errors (uri, ipv6) are left unchecked.
import { RE2JS } from "re2js";
import { goQuote } from "./go-text.ts";

type FormatCheck = (s: string) => string;

const goQuoteRune = (ch: string) =>
  `'${goQuote(ch).slice(1, -1).replaceAll("'", "\\'").replaceAll('\\"', '"')}'`;

function ipv4(s: string): string {
  const groups = s.split(".");
  if (groups.length !== 4) return "expected four decimals";
  for (const g of groups) {
    if (g.length > 1 && g[0] === "0") return "leading zeros";
    if (!/^[+-]?\d+$/.test(g)) return `strconv.Atoi: parsing ${goQuote(g)}: invalid syntax`;
    const n = Number(g);
    if (n < 0 || n > 255) return "decimal must be between 0 and 255";
  }
  return "";
}

function hostname(s: string): string {
  const h = s.endsWith(".") ? s.slice(0, -1) : s;
  if (new TextEncoder().encode(h).length > 253) return "more than 253 characters long";
  for (const label of h.split(".")) {
    const n = new TextEncoder().encode(label).length;
    if (n < 1 || n > 63) return "label must be 1 to 63 characters long";
    if (label.startsWith("-")) return "label starts with hyphen";
    if (label.endsWith("-")) return "label ends with hyphen";
    for (const ch of label) if (!/[a-zA-Z0-9-]/.test(ch)) return `invalid character ${goQuoteRune(ch)}`;
  }
  return "";
}

function email(s: string): string {
  if (new TextEncoder().encode(s).length > 254) return "more than 255 characters long";
  const at = s.lastIndexOf("@");
  if (at === -1) return "missing @";
  const local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (new TextEncoder().encode(local).length > 64) return "local part more than 64 characters long";
  if (local.length > 1 && local.startsWith('"') && local.endsWith('"')) {
    const inner = local.slice(1, -1);
    if (inner.includes("\\") || inner.includes('"'))
      return "backslash and quote are not allowed within quoted local part";
  } else {
    if (local.startsWith(".")) return "starts with dot";
    if (local.endsWith(".")) return "ends with dot";
    if (local.includes("..")) return "consecutive dots";
    for (const ch of local)
      if (!/[a-zA-Z0-9]/.test(ch) && !".!#$%&'*+-/=?^_`{|}~".includes(ch))
        return `invalid character ${goQuoteRune(ch)}`;
  }
  if (domain.startsWith("[") && domain.endsWith("]")) {
    domain = domain.slice(1, -1);
    if (domain.startsWith("IPv6:")) return ""; // netip parsing errors are not reproduced
    const r = ipv4(domain);
    return r ? `invalid ipv4 address: ${r}` : "";
  }
  const r = hostname(domain);
  return r ? `invalid domain: ${r}` : "";
}

function uuid(s: string): string {
  const sizes = [8, 4, 4, 4, 12];
  const groups = s.split("-");
  if (groups.length !== sizes.length) return `must have ${sizes.length} elements`;
  for (let i = 0; i < groups.length; i++) {
    if (groups[i]!.length !== sizes[i]) return `element ${i + 1} must be ${sizes[i]} characters long`;
    for (const ch of groups[i]!) if (!/[0-9a-fA-F]/.test(ch)) return `non-hex character ${goQuoteRune(ch)}`;
  }
  return "";
}

function jsonPointer(s: string): string {
  if (s === "") return "";
  if (!s.startsWith("/")) return "not starting with /";
  for (const tok of s.split("/").slice(1)) {
    let tilde = false;
    for (const ch of tok) {
      if (tilde) {
        tilde = false;
        if (ch !== "0" && ch !== "1") return "~ must be followed by 0 or 1";
        continue;
      }
      if (ch === "~") tilde = true;
    }
    if (tilde) return "~ must be followed by 0 or 1";
  }
  return "";
}

// Go's regexp.Compile error ("error parsing regexp: ..."), which re2js reproduces.
function regex(s: string): string {
  try {
    RE2JS.compile(s);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

// time.Parse("2006-01-02", s)'s error, for the failures a date string can have.
function date(s: string): string {
  const layout = ["2006", "-", "01", "-", "02"];
  let rest = s;
  const nums: number[] = [];
  for (let i = 0; i < layout.length; i++) {
    const el = layout[i]!;
    if (el === "-") {
      if (!rest.startsWith("-"))
        return `parsing time ${goQuote(s)} as "2006-01-02": cannot parse ${goQuote(rest)} as "-"`;
      rest = rest.slice(1);
      continue;
    }
    const width = el.length;
    const digits = rest.slice(0, width);
    if (digits.length < width || !/^\d+$/.test(digits))
      return `parsing time ${goQuote(s)} as "2006-01-02": cannot parse ${goQuote(rest)} as ${goQuote(el)}`;
    nums.push(Number(digits));
    rest = rest.slice(width);
  }
  if (rest !== "") return `parsing time ${goQuote(s)}: extra text: ${goQuote(rest)}`;
  const [y, m, d] = nums as [number, number, number];
  if (m < 1 || m > 12) return `parsing time ${goQuote(s)}: month out of range`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return `parsing time ${goQuote(s)}: day out of range`;
  return "";
}

function time(str: string): string {
  if (new TextEncoder().encode(str).length < 9) return "less than 9 characters long";
  if (str[2] !== ":" || str[5] !== ":") return "missing colon in correct place";
  const hms: number[] = [];
  for (const tok of str.slice(0, 8).split(":")) {
    if (!/^[+-]?\d+$/.test(tok)) return "invalid hour/min/sec";
    const n = Number(tok);
    if (n < 0) return "non-positive hour/min/sec";
    hms.push(n);
  }
  if (hms.length !== 3) return "missing hour/min/sec";
  let [h, m] = hms as [number, number, number];
  const sec = hms[2]!;
  if (h > 23 || m > 59 || sec > 60) return "hour/min/sec out of range";
  let rest = str.slice(8);
  if (rest.startsWith(".")) {
    const digits = /^\d*/.exec(rest.slice(1))![0].length;
    if (digits === 0) return "no digits in second fraction";
    rest = rest.slice(1 + digits);
  }
  if (rest !== "z" && rest !== "Z") {
    if (rest.length !== 6) return "offset must be 6 characters long";
    const sign = rest[0] === "+" ? -1 : rest[0] === "-" ? 1 : 0;
    if (sign === 0) return "offset must begin with plus/minus";
    rest = rest.slice(1);
    if (rest[2] !== ":") return "missing colon in offset in correct place";
    const zhm: number[] = [];
    for (const tok of rest.split(":")) {
      if (!/^[+-]?\d+$/.test(tok)) return "invalid hour/min in offset";
      const n = Number(tok);
      if (n < 0) return "non-positive hour/min in offset";
      zhm.push(n);
    }
    const [zh, zm] = zhm as [number, number];
    if (zh > 23 || zm > 59) return "hour/min in offset out of range";
    let hm = h * 60 + m + sign * (zh * 60 + zm);
    if (hm < 0) hm += 24 * 60;
    h = Math.floor(hm / 60);
    m = hm % 60;
  }
  if (sec >= 60 && (h !== 23 || m !== 59)) return "invalid leap second";
  return "";
}

function dateTime(s: string): string {
  if (new TextEncoder().encode(s).length < 20) return "less than 20 characters long";
  if (s[10] !== "t" && s[10] !== "T") return "11th character must be t or T";
  const d = date(s.slice(0, 10));
  if (d) return `invalid date element: ${d}`;
  const t = time(s.slice(11));
  if (t) return `invalid time element: ${t}`;
  return "";
}

export const V6_FORMATS: Record<string, FormatCheck> = {
  date,
  time,
  "date-time": dateTime,
  regex,
  ipv4,
  hostname,
  email,
  uuid,
  "json-pointer": jsonPointer,
};
