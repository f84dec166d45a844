// helm's rewriting of text/template errors (pkg/engine: cleanupParseError,
// cleanupExecError) and the HELM_ERR_START/END markers that `required` and
// `fail` use to surface their message alone.
export class RenderError extends Error {
  override name = "RenderError";
}

const WARN_START = "HELM_ERR_START";
const WARN_END = "HELM_ERR_END";
// Go's `HELM_ERR_START(.*)HELM_ERR_END`: greedy, and `.` stops only at \n.
const WARN_RE = /HELM_ERR_START([^\n]*)HELM_ERR_END/;

export function warnWrap(s: string): string {
  return WARN_START + s + WARN_END;
}

/** "template: NAME:LINE: MSG" → "parse error at (NAME:LINE): MSG". */
export function cleanupParseError(filename: string, err: Error): RenderError {
  const tokens = err.message.split(": ");
  if (tokens.length === 1) return new RenderError(`parse error in (${filename}): ${err.message}`);
  return new RenderError(`parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`);
}

/** Exec errors pass through, except `required`/`fail` messages, which helm shows alone. */
export function cleanupExecError(filename: string, err: Error): RenderError {
  const msg = err.message;
  if (!msg.startsWith("template: ")) return new RenderError(msg);
  const first = msg.indexOf(": ");
  const second = msg.indexOf(": ", first + 2);
  if (second < 0) return new RenderError(`execution error in (${filename}): ${msg}`);
  const location = msg.slice(first + 2, second);
  const m = WARN_RE.exec(msg.slice(second + 2));
  if (m) return new RenderError(`execution error at (${location}): ${m[1]}`);
  return new RenderError(msg);
}
