// Go's text/template in TypeScript: the public surface of src/template.
export { BUILTINS } from "./builtins.ts";
export { TemplateExecError, TemplateParseError } from "./errors.ts";
export { isTrue, type MissingKey } from "./exec.ts";
export { type MethodLookup, registerMethods, registerUnderlyingType } from "./gotypes.ts";
export { renderTemplate, TemplateSet, type TemplateSetOptions } from "./template.ts";
export * from "./value.ts";
