// Sprig's urlParse/urlJoin over a port of Go 1.25's net/url Parse and
// URL.String. Go works on bytes, so the port runs on "binary strings" (one
// char per UTF-8 byte) and converts back at the edges.
import { quote as goQuote } from "../template/strconv.ts";
import { GoError, type GoFunc, type GoMap, type Value } from "../template/value.ts";
import { def, goKindName, newMap, utf8Bytes, utf8String } from "./util.ts";

type Mode = "path" | "pathSegment" | "host" | "zone" | "userPassword" | "queryComponent" | "fragment";

const toBin = (s: string) => String.fromCharCode(...utf8Bytes(s));
const fromBin = (b: string) => utf8String(Uint8Array.from(b, (c) => c.charCodeAt(0)));

function shouldEscape(c: number, mode: Mode): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === "host" || mode === "zone") && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ("-_.~".includes(ch)) return false;
  if ("$&+,/:;=?@".includes(ch)) {
    switch (mode) {
      case "path":
        return ch === "?";
      case "pathSegment":
        return "/;,?".includes(ch);
      case "userPassword":
        return "@/?:".includes(ch);
      case "queryComponent":
        return true;
      case "fragment":
        return false;
    }
  }
  if (mode === "fragment" && "!()*".includes(ch)) return false;
  return true;
}

const ishex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

class UrlError extends Error {}

function urlUnescape(s: string, mode: Mode): string {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === "%") {
      n++;
      if (i + 2 >= s.length || !ishex(s[i + 1]) || !ishex(s[i + 2])) {
        throw new UrlError(`invalid URL escape ${goQuote(fromBin(s.slice(i, i + 3)))}`);
      }
      if (mode === "host" && Number.parseInt(s[i + 1]!, 16) < 8 && s.slice(i, i + 3) !== "%25") {
        throw new UrlError(`invalid URL escape ${goQuote(fromBin(s.slice(i, i + 3)))}`);
      }
      if (mode === "zone") {
        const v = Number.parseInt(s.slice(i + 1, i + 3), 16);
        if (s.slice(i, i + 3) !== "%25" && v !== 0x20 && shouldEscape(v, "host")) {
          throw new UrlError(`invalid URL escape ${goQuote(fromBin(s.slice(i, i + 3)))}`);
        }
      }
      i += 3;
    } else {
      if (
        (mode === "host" || mode === "zone") &&
        c.charCodeAt(0) < 0x80 &&
        c !== "+" &&
        shouldEscape(c.charCodeAt(0), mode)
      ) {
        throw new UrlError(`invalid character ${goQuote(c)} in host name`);
      }
      i++;
    }
  }
  if (n === 0) return s;
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

function urlEscape(s: string, mode: Mode): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (shouldEscape(c, mode)) out += `%${c.toString(16).toUpperCase().padStart(2, "0")}`;
    else out += s[i];
  }
  return out;
}

interface Url {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
  forceQuery: boolean;
  omitHost: boolean;
}

function emptyUrl(): Url {
  return {
    scheme: "",
    opaque: "",
    host: "",
    path: "",
    rawPath: "",
    rawQuery: "",
    fragment: "",
    rawFragment: "",
    forceQuery: false,
    omitHost: false,
  };
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ["", raw];
      continue;
    }
    if (c === ":") {
      if (i === 0) throw new UrlError("missing protocol scheme");
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ["", raw];
  }
  return ["", raw];
}

function validOptionalPort(port: string): boolean {
  if (port === "") return true;
  if (port[0] !== ":") return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function parseHost(host: string): string {
  if (host.startsWith("[")) {
    const i = host.lastIndexOf("]");
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort))
      throw new UrlError(`invalid port ${goQuote(fromBin(colonPort))} after host`);
    const zone = host.slice(0, i).indexOf("%25");
    if (zone >= 0) {
      return (
        urlUnescape(host.slice(0, zone), "host") +
        urlUnescape(host.slice(zone, i), "zone") +
        urlUnescape(host.slice(i), "host")
      );
    }
  } else {
    const i = host.lastIndexOf(":");
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort))
        throw new UrlError(`invalid port ${goQuote(fromBin(colonPort))} after host`);
    }
  }
  return urlUnescape(host, "host");
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

function parseAuthority(authority: string): { user?: Url["user"]; host: string } {
  const i = authority.lastIndexOf("@");
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { host };
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new UrlError("net/url: invalid userinfo");
  const c = userinfo.indexOf(":");
  if (c < 0) return { user: { username: urlUnescape(userinfo, "userPassword") }, host };
  return {
    user: {
      username: urlUnescape(userinfo.slice(0, c), "userPassword"),
      password: urlUnescape(userinfo.slice(c + 1), "userPassword"),
    },
    host,
  };
}

function parseRest(raw: string, viaRequest = false): Url {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError("net/url: invalid control character in URL");
  const u = emptyUrl();
  if (raw === "*") {
    u.path = "*";
    return u;
  }
  let rest: string;
  [u.scheme, rest] = getScheme(raw);
  u.scheme = u.scheme.toLowerCase();
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (u.scheme !== "") {
      u.opaque = rest;
      return u;
    }
    if (viaRequest) throw new UrlError("invalid URI for request");
    const seg = rest.split("/")[0]!;
    if (seg.includes(":")) throw new UrlError("first path segment in URL cannot contain colon");
  }
  if ((u.scheme !== "" || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    rest = "";
    const i = authority.indexOf("/");
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    const a = parseAuthority(authority);
    if (a.user) u.user = a.user;
    u.host = a.host;
  } else if (u.scheme !== "" && rest.startsWith("/")) {
    u.omitHost = true;
  }
  u.path = urlUnescape(rest, "path");
  u.rawPath = urlEscape(u.path, "path") === rest ? "" : rest;
  return u;
}

/** url.Parse on a binary string; errors carry Go's *url.Error text. */
function parseURL(raw: string): Url {
  const h = raw.indexOf("#");
  const base = h >= 0 ? raw.slice(0, h) : raw;
  const frag = h >= 0 ? raw.slice(h + 1) : "";
  let u: Url;
  try {
    u = parseRest(base);
  } catch (e) {
    throw new UrlError(`parse ${goQuote(fromBin(base))}: ${(e as Error).message}`);
  }
  if (frag === "") return u;
  try {
    u.fragment = urlUnescape(frag, "fragment");
  } catch (e) {
    throw new UrlError(`parse ${goQuote(fromBin(raw))}: ${(e as Error).message}`);
  }
  u.rawFragment = urlEscape(u.fragment, "fragment") === frag ? "" : frag;
  return u;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ("!$&'()*+,;=:@[]%".includes(c)) continue;
    if (shouldEscape(c.charCodeAt(0), mode)) return false;
  }
  return true;
}

function escapedPath(u: Url): string {
  if (u.rawPath !== "" && validEncoded(u.rawPath, "path")) {
    try {
      if (urlUnescape(u.rawPath, "path") === u.path) return u.rawPath;
    } catch {}
  }
  if (u.path === "*") return "*";
  return urlEscape(u.path, "path");
}

function userString(user: NonNullable<Url["user"]>): string {
  let s = urlEscape(user.username, "userPassword");
  if (user.password !== undefined) s += `:${urlEscape(user.password, "userPassword")}`;
  return s;
}

/** URL.String() */
function urlString(u: Url): string {
  let buf = "";
  if (u.scheme !== "") buf += `${u.scheme}:`;
  if (u.opaque !== "") buf += u.opaque;
  else {
    if (u.scheme !== "" || u.host !== "" || u.user) {
      if (!(u.omitHost && u.host === "" && !u.user)) {
        if (u.host !== "" || u.path !== "" || u.user) buf += "//";
        if (u.user) buf += `${userString(u.user)}@`;
        if (u.host !== "") buf += urlEscape(u.host, "host");
      }
    }
    const path = escapedPath(u);
    if (path !== "" && path[0] !== "/" && u.host !== "") buf += "/";
    if (buf.length === 0 && path.split("/")[0]!.includes(":")) buf += "./";
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== "") buf += `?${u.rawQuery}`;
  if (u.fragment !== "") {
    let f = urlEscape(u.fragment, "fragment");
    if (u.rawFragment !== "" && validEncoded(u.rawFragment, "fragment")) {
      try {
        if (urlUnescape(u.rawFragment, "fragment") === u.fragment) f = u.rawFragment;
      } catch {}
    }
    buf += `#${f}`;
  }
  return buf;
}

/**
 * Go's url.Parse (or, viaRequest, url.ParseRequestURI: no fragment, an absolute
 * URI or path) on a JavaScript string: its scheme, host and path, or null when
 * Go returns an error. For validators such as govalidator's IsURL.
 */
export function goURLParts(
  raw: string,
  viaRequest = false,
): { scheme: string; host: string; path: string } | null {
  let u: Url;
  try {
    if (viaRequest) u = parseRest(toBin(raw), true);
    else u = parseURL(toBin(raw));
  } catch {
    return null;
  }
  return { scheme: fromBin(u.scheme), host: fromBin(u.host), path: fromBin(u.path) };
}

function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(":");
  if (colon !== -1 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  return h;
}

function urlParse(v: string): GoMap {
  let u: Url;
  try {
    u = parseURL(toBin(v));
  } catch (e) {
    throw new GoError(`unable to parse url: ${(e as Error).message}`);
  }
  const m = newMap();
  m.set("scheme", fromBin(u.scheme));
  m.set("host", fromBin(u.host));
  m.set("hostname", fromBin(hostname(u.host)));
  m.set("path", fromBin(u.path));
  m.set("query", fromBin(u.rawQuery));
  m.set("opaque", fromBin(u.opaque));
  m.set("fragment", fromBin(u.fragment));
  m.set("userinfo", u.user ? fromBin(userString(u.user)) : "");
  return m;
}

function dictGetOrEmpty(d: GoMap | null, key: string): string {
  if (!d?.has(key)) return "";
  const v: Value = d.get(key)!;
  if (typeof v !== "string") {
    const k = v === null ? "invalid" : goKindName(v);
    if (v === null) throw new GoError(`runtime error: invalid memory address or nil pointer dereference`);
    throw new GoError(`unable to parse ${key} key, must be of type string, but ${k} found`);
  }
  return toBin(v);
}

function urlJoin(d: GoMap | null): string {
  const u = emptyUrl();
  u.scheme = dictGetOrEmpty(d, "scheme");
  u.host = dictGetOrEmpty(d, "host");
  u.path = dictGetOrEmpty(d, "path");
  u.rawQuery = dictGetOrEmpty(d, "query");
  u.opaque = dictGetOrEmpty(d, "opaque");
  u.fragment = dictGetOrEmpty(d, "fragment");
  const userinfo = dictGetOrEmpty(d, "userinfo");
  if (userinfo !== "") {
    try {
      const t = parseURL(`proto://${userinfo}@host`);
      if (t.user) u.user = t.user;
    } catch (e) {
      throw new GoError(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return fromBin(urlString(u));
}

export const urlFuncs: Record<string, GoFunc> = {
  urlParse: def(["string"], "map[string]interface {}", urlParse),
  urlJoin: def(["map[string]interface {}"], "string", urlJoin),
};

/**
 * Go's url.Parse then URL.String(), for messages that print a *url.URL (helm's
 * "non-absolute URLs ... got: a%20b"): the parts, or null when Go's Parse fails.
 */
export function goParseURL(
  raw: string,
): { scheme: string; host: string; path: string; string: string } | null {
  let u: Url;
  try {
    u = parseURL(toBin(raw));
  } catch {
    return null;
  }
  return {
    scheme: fromBin(u.scheme),
    host: fromBin(u.host),
    path: fromBin(u.path),
    string: fromBin(urlString(u)),
  };
}
