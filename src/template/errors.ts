// Errors raised by parsing and executing templates, with Go's exact text in
// `message` and the pieces (name, line, location, action) kept apart so the
// engine can reformat them the way helm does.

/** `template: NAME:LINE: MESSAGE` — a parse error. */
export class TemplateParseError extends Error {
  override name = "TemplateParseError";
  constructor(
    /** Name of the top-level template being parsed (the file name in helm). */
    readonly templateName: string,
    readonly line: number,
    /** The message after the location. */
    readonly detail: string,
  ) {
    super(`template: ${templateName}:${line}: ${detail}`);
  }
}

/**
 * `template: NAME:LINE:COL: executing "NAME" at <ACTION>: MESSAGE` — an execution
 * error (Go's template.ExecError). Without a current node: `template: NAME: MESSAGE`.
 */
export class TemplateExecError extends Error {
  override name = "TemplateExecError";
  constructor(
    message: string,
    /** Name of the template that was executing. */
    readonly templateName: string,
    /** "file:line:col" of the failing action, when there was one. */
    readonly location?: string,
    /** The failing action as Go prints it (already truncated). */
    readonly context?: string,
    /** The message after the context. */
    readonly detail?: string,
    /** The underlying error, for `error calling NAME: ...` (Go wraps it with %w). */
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
