// The "format" checks santhosh-tekuri/jsonschema v6 asserts for schemas up to
// draft-07 (later drafts only annotate), with v6's reasons. Each returns the
// reason a string is not of the format, or "" when it is. Formats whose
// reasons are Go library errors (uri, date, date-time) are left unchecked.
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

export const V6_FORMATS: Record<string, FormatCheck> = {
  regex,
  ipv4,
  hostname,
  email,
  uuid,
  "json-pointer": jsonPointer,
};
