import { TemplateExecError } from "../template/errors.ts";

// helm's rewriting of text/template errors (pkg/engine: cleanupParseError,
// cleanupExecError) and the HELM_ERR_START/END markers that `required` and
// `fail` use to surface their message alone.
export class RenderError extends Error {
  override name = "RenderError";
}

const WARN_START = "HELM_ERR_START";
const WARN_END = "HELM_ERR_END";
// helm finds the message between the markers even across lines (greedy).
const WARN_RE = /HELM_ERR_START([\s\S]*)HELM_ERR_END/;

export function warnWrap(s: string): string {
  return WARN_START + s + WARN_END;
}

/** "template: NAME:LINE: MSG" → "parse error at (NAME:LINE): MSG". */
export function cleanupParseError(filename: string, err: Error): RenderError {
  const tokens = err.message.split(": ");
  if (tokens.length === 1) return new RenderError(`parse error in (${filename}): ${err.message}`);
  return new RenderError(`parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`);
}

/**
 * helm 4's rewriting of execution errors. `required`/`fail` messages are shown
 * alone with the outermost location. Otherwise helm walks the error chain
 * (Go's errors.Unwrap): when every link is a template execution error (or
 * "no template ... associated"), it prints one block per template level;
 * when any link is something else (a function's own error, tpl's wrapping),
 * it prints Go's one-line text unchanged. The chain is read from `cause`.
 */
export function cleanupExecError(filename: string, err: Error): RenderError {
  const msg = err.message;
  if (!msg.startsWith("template: ")) return new RenderError(msg);
  const first = msg.indexOf(": ");
  const second = msg.indexOf(": ", first + 2);
  if (second < 0) return new RenderError(`execution error in (${filename}): ${msg}`);
  const location = msg.slice(first + 2, second);
  const m = WARN_RE.exec(msg.slice(second + 2));
  if (m) return new RenderError(`execution error at (${location}): ${m[1]}`);
  const blocks: string[] = [];
  let cur: Error | undefined = err;
  while (cur) {
    const text = cur.message;
    const inner: Error | undefined = (cur as { cause?: Error }).cause;
    const exec = execParts(cur);
    if (exec) {
      let detail = exec.detail;
      if (inner && detail.endsWith(inner.message))
        detail = detail.slice(0, detail.length - inner.message.length).trimEnd();
      else if (inner) return new RenderError(msg);
      blocks.push(
        `${exec.location}\n  executing ${JSON.stringify(exec.name)} at <${exec.context}>:\n    ${detail}`,
      );
    } else if (NO_TEMPLATE_RE.test(text) && !inner) {
      blocks.push(text);
    } else return new RenderError(msg);
    cur = inner;
  }
  return new RenderError(blocks.join("\n"));
}

function execParts(
  e: Error,
): { location: string; name: string; context: string; detail: string } | undefined {
  if (
    e instanceof TemplateExecError &&
    e.location !== undefined &&
    e.context !== undefined &&
    e.detail !== undefined
  ) {
    return { location: e.location, name: e.templateName, context: e.context, detail: e.detail };
  }
  return undefined;
}
const NO_TEMPLATE_RE = /^template: no template [^\n]* associated with template [^\n]*$/;
