// Maps our Go-worded template errors to what helm 4 prints for a chart file
// (helm's cleanupParseError/cleanupExecError rewrites, as the engine applies
// them), so conformance tests compare our errors with helm's stderr text.
import { cleanupExecError, cleanupParseError } from "../../src/engine/errors.ts";
import { TemplateExecError, TemplateParseError } from "../../src/template/errors.ts";

/** The message helm prints for an error raised while parsing or executing `filename`. */
export function helmErrorText(filename: string, err: unknown): string {
  if (err instanceof TemplateParseError) return cleanupParseError(filename, err).message;
  if (err instanceof TemplateExecError) return cleanupExecError(filename, err).message;
  throw err;
}
