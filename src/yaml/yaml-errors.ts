// go-yaml v2 reports syntax errors with libyaml's texts and its own idea of
// the line: scanner errors give the 1-based line of the problem, parser errors
// the 0-based one, and line 0 is not printed at all. The `yaml` package finds
// the same problems with other words; this maps the common ones.
import type { YAMLError as LibError, LineCounter } from "yaml";

function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function where(line: number): string {
  return line > 0 ? `line ${line}: ` : "";
}

/** Scanner errors: the 1-based line, omitted on the first line. */
function scanner(line: number, msg: string): string {
  return `yaml: ${where(line === 1 ? 0 : line)}${msg}`;
}

/** Parser errors: the 0-based line of the problem. */
function parser(line: number, msg: string): string {
  return `yaml: ${where(line - 1)}${msg}`;
}

function previousContentLine(text: string, pos: number): string | undefined {
  const before = text.slice(0, pos).split("\n");
  before.pop();
  for (let i = before.length - 1; i >= 0; i--) {
    const l = before[i]!.replace(/\s+#.*$/, "");
    if (l.trim() !== "" && !l.trim().startsWith("#")) return l;
  }
  return undefined;
}

/** go-yaml's message (without the sigs.k8s.io prefix) for a `yaml` package error. */
export function goYAMLErrorMessage(err: LibError, text: string, _lc: LineCounter): string {
  const pos = err.pos[0];
  const line = lineOf(text, pos);
  switch (err.code) {
    case "BLOCK_AS_IMPLICIT_KEY": {
      // A dedented "- item" under a sequence: libyaml's parser wants a key there.
      if (/block sequence may not be used/.test(err.message))
        return `yaml: line ${line}: did not find expected key`;
      // libyaml stops at the ':' that starts the nested mapping.
      const rest = text.slice(pos);
      const m = /:(?=[ \t\r\n]|$)/.exec(rest);
      const at = m ? pos + m.index : pos;
      return scanner(lineOf(text, at), "mapping values are not allowed in this context");
    }
    case "TAB_AS_INDENT": {
      const prev = previousContentLine(text, pos);
      if (prev === undefined || /:\s*$/.test(prev) || /^\s*-\s*$/.test(prev)) {
        return scanner(line, "found character that cannot start any token");
      }
      return scanner(line, "found a tab character that violates indentation");
    }
    case "BAD_DQ_ESCAPE":
      return scanner(line, "found unknown escape character");
    case "BAD_SCALAR_START":
      return scanner(line, "found character that cannot start any token");
    case "MISSING_CHAR":
      if (/quote/.test(err.message))
        return scanner(lineOf(text, text.length), "found unexpected end of stream");
      break;
    case "BAD_INDENT":
      if (/^Block scalar lines/.test(err.message) && text[pos] === "\t") {
        return scanner(line, "found a tab character where an indentation space is expected");
      }
      if (/Flow sequence/.test(err.message)) return parser(line, "did not find expected ',' or ']'");
      if (/Flow map/.test(err.message)) return parser(line, "did not find expected ',' or '}'");
      return parser(line, "did not find expected key");
    case "MULTILINE_IMPLICIT_KEY":
      return parser(line, "did not find expected key");
    case "UNEXPECTED_TOKEN": {
      if (/^Unexpected , in flow/.test(err.message))
        return parser(line, "did not find expected node content");
      const prev = previousContentLine(text, pos);
      if (prev !== undefined && /^\s*- /.test(prev))
        return parser(line, "did not find expected '-' indicator");
      return parser(line, "did not find expected key");
    }
  }
  return parser(line, "did not find expected node content");
}

const GO_ESCAPES = new Set([..."0abt\tnvfre \"'\\N_LPxuU\r\n"]);

/**
 * libyaml knows fewer double-quoted escapes than YAML 1.2 (no "\\/"); the
 * `yaml` package accepts them, so check the raw text of each such scalar.
 */
export function badEscape(text: string, start: number, end: number): string | undefined {
  for (let i = text.indexOf("\\", start); i >= 0 && i < end; i = text.indexOf("\\", i + 2)) {
    if (!GO_ESCAPES.has(text[i + 1] ?? "")) return scanner(lineOf(text, i), "found unknown escape character");
  }
  return undefined;
}
