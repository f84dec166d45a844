// The error encoding/json's Decoder reports for malformed JSON ("invalid
// character 'b' looking for beginning of object key string"), found by a
// small scan of the text: helm shows it for a broken values.schema.json.

/** encoding/json's Decoder message for the first syntax error in text (as a schema file's error shows). */
export function goJSONSyntaxError(text: string): string {
  return goJSONSyntaxErrorAt(text).message;
}

/** The same, with the SyntaxError's Offset (bytes read up to and including the bad one). */
export function goJSONSyntaxErrorAt(text: string): { message: string; offset: number } {
  let i = 0;
  let offset = text.length;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const bad = (what: string): never => {
    offset = new TextEncoder().encode(text.slice(0, i + 1)).length;
    throw new Error(`invalid character ${quoteChar(text[i]!)} ${what}`);
  };
  const eof = () => {
    if (i >= text.length) throw new Error("unexpected EOF");
  };
  let top = true;
  const value = (): void => {
    ws();
    if (i >= text.length) throw new Error(top ? "EOF" : "unexpected EOF");
    top = false;
    const c = text[i]!;
    if (c === "{") {
      i++;
      ws();
      eof();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        eof();
        if (text[i] !== '"') bad("looking for beginning of object key string");
        str();
        ws();
        eof();
        if (text[i] !== ":") bad("after object key");
        i++;
        value();
        ws();
        eof();
        if (text[i] === "}") {
          i++;
          return;
        }
        if (text[i] !== ",") bad("after object key:value pair");
        i++;
      }
    }
    if (c === "[") {
      i++;
      ws();
      eof();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        eof();
        if (text[i] === "]") {
          i++;
          return;
        }
        if (text[i] !== ",") bad("after array element");
        i++;
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!m) bad("looking for beginning of value");
    i += m![0].length;
  };
  const str = () => {
    i++;
    for (;;) {
      eof();
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") bad("in string literal");
      i += c === "\\" ? 2 : 1;
    }
  };
  try {
    value();
    ws();
    // jsonschema's UnmarshalJSON rejects anything after the value, without naming it.
    if (i < text.length) return { message: "invalid character after top-level value", offset };
    return { message: "invalid JSON", offset };
  } catch (e) {
    return { message: (e as Error).message, offset };
  }
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const cp = c.codePointAt(0)!;
  if (cp < 0x20) return `'\\x${cp.toString(16).padStart(2, "0")}'`;
  return `'${c}'`;
}
