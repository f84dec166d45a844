// The text of a registry's error response as oras-go prints it (errcode
// ErrorResponse): `<METHOD> "<url>": response status code <n>: <errors>`, each
// error's code lowercased with "_" as a space, then `: <message>` and
// `: <detail>` (fmt's %v of the decoded JSON, so maps print as map[k:v]);
// with no parsable errors, Go's http.StatusText of the status.
import { goSprintV } from "../values/go-fmt.ts";

// net/http StatusText for the error statuses (Node's wording differs for some).
const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Request Entity Too Large",
  414: "Request URI Too Long",
  415: "Unsupported Media Type",
  416: "Requested Range Not Satisfiable",
  417: "Expectation Failed",
  418: "I'm a teapot",
  421: "Misdirected Request",
  422: "Unprocessable Entity",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  510: "Not Extended",
  511: "Network Authentication Required",
};

export const goStatusText = (status: number): string => STATUS_TEXT[status] ?? "";

interface RegistryError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
}

/** errcode.Error.Error(). */
function errorText(e: RegistryError): string {
  const code = (typeof e.code === "string" ? e.code : "").replaceAll("_", " ").toLowerCase();
  const message = typeof e.message === "string" ? e.message : "";
  if (message === "") return code;
  // Go's omitempty/any: a JSON null detail decodes to nil, and nil prints no detail
  if (e.detail === null || e.detail === undefined) return `${code}: ${message}`;
  return `${code}: ${message}: ${goSprintV(e.detail)}`;
}

/** JSON decoded as Go decodes into `any`: objects become maps (printed with sorted keys). */
function decodeAny(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? new Map(Object.entries(v)) : v,
  );
}

/** The errors part of errcode.ErrorResponse.Error() for a response body. */
export function errorsText(status: number, body: Uint8Array): string {
  let errors: RegistryError[] = [];
  try {
    const doc = decodeAny(new TextDecoder().decode(body));
    const list = doc instanceof Map ? doc.get("errors") : undefined;
    if (Array.isArray(list)) {
      errors = list.map((e) =>
        e instanceof Map ? { code: e.get("code"), message: e.get("message"), detail: e.get("detail") } : {},
      );
    }
  } catch {}
  return errors.length > 0 ? errors.map(errorText).join("; ") : goStatusText(status);
}

/** errcode.ErrorResponse.Error(). */
export function errorResponseText(method: string, url: string, status: number, body: Uint8Array): string {
  return `${method} "${url}": response status code ${status}: ${errorsText(status, body)}`;
}
