// The three asaskevich/govalidator checks helm's Chart.yaml rules use
// (IsEmail, IsURL, IsRequestURL), with govalidator's own RE2 patterns and
// Go's net/url parser, so the same strings pass and fail.
import { RE2JS } from "re2js";
import { goURLParts } from "../funcs/urls.ts";

const U = String.raw`\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}`;
const EMAIL =
  String.raw`^(((([a-zA-Z]|\d|[!#\$%&'\*\+\-\/=\?\^_` +
  "`" +
  String.raw`{\|}~]|[${U}])+(\.([a-zA-Z]|\d|[!#\$%&'\*\+\-\/=\?\^_` +
  "`" +
  String.raw`{\|}~]|[${U}])+)*)|((\x22)((((\x20|\x09)*(\x0d\x0a))?(\x20|\x09)+)?(([\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\x21|[\x23-\x5b]|[\x5d-\x7e]|[${U}])|(\([\x01-\x09\x0b\x0c\x0d-\x7f]|[${U}]))))*(((\x20|\x09)*(\x0d\x0a))?(\x20|\x09)+)?(\x22)))@((([a-zA-Z]|\d|[${U}])|(([a-zA-Z]|\d|[${U}])([a-zA-Z]|\d|-|\.|_|~|[${U}])*([a-zA-Z]|\d|[${U}])))\.)+(([a-zA-Z]|[${U}])|(([a-zA-Z]|[${U}])([a-zA-Z]|\d|-|_|~|[${U}])*([a-zA-Z]|[${U}])))\.?$`;

const IP = String.raw`(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))`;
const URL_SCHEMA = String.raw`((ftp|tcp|udp|wss?|https?):\/\/)`;
const URL_USERNAME = String.raw`(\S+(:\S*)?@)`;
const URL_PATH = String.raw`((\/|\?|#)[^\s]*)`;
const URL_PORT = String.raw`(:(\d{1,5}))`;
const URL_IP = String.raw`([1-9]\d?|1\d\d|2[01]\d|22[0-3]|24\d|25[0-5])(\.(\d{1,2}|1\d\d|2[0-4]\d|25[0-5])){2}(?:\.([0-9]\d?|1\d\d|2[0-4]\d|25[0-5]))`;
const URL_SUBDOMAIN = String.raw`((www\.)|([a-zA-Z0-9]+([-_\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\.[a-zA-Z0-9]+))`;
const URL =
  `^${URL_SCHEMA}?${URL_USERNAME}?((${URL_IP}|(\\[${IP}\\])|(([a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\\.][a-zA-Z0-9]+)*)|(${URL_SUBDOMAIN}?))?(([a-zA-Z\\x{00a1}-\\x{ffff}0-9]+-?-?)*[a-zA-Z\\x{00a1}-\\x{ffff}0-9]+)(?:\\.([a-zA-Z\\x{00a1}-\\x{ffff}]{1,}))?))\\.?` +
  `${URL_PORT}?${URL_PATH}?$`;

let rxEmail: RE2JS | undefined;
let rxURL: RE2JS | undefined;

export function isEmail(s: string): boolean {
  rxEmail ??= RE2JS.compile(EMAIL);
  return rxEmail.matcher(s).find();
}

export function isURL(s: string): boolean {
  const runes = [...s].length;
  if (s === "" || runes >= 2083 || new TextEncoder().encode(s).length <= 3 || s.startsWith(".")) return false;
  const tmp = s.includes(":") && !s.includes("://") ? `http://${s}` : s;
  const u = goURLParts(tmp);
  if (!u) return false;
  if (u.host.startsWith(".")) return false;
  if (u.host === "" && u.path !== "" && !u.path.includes(".")) return false;
  rxURL ??= RE2JS.compile(URL);
  return rxURL.matcher(s).find();
}

export function isRequestURL(s: string): boolean {
  const u = goURLParts(s, true);
  return u !== null && u.scheme !== "";
}
