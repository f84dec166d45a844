// Errors of the YAML/JSON layer. The message is Go's exact text, since users
// search for it and helm prints it verbatim.

/** A YAML or JSON read/write failure, with Go's message. */
export class YAMLError extends Error {
  override name = "YAMLError";
}
