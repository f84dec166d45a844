// The glob syntax of github.com/gobwas/glob v0.2.3 with '/' as separator, which
// helm's .Files.Glob uses, compiled to a RegExp. The tokenising follows that
// library's lexer and parser, because their quirks decide which patterns are
// errors (helm then falls back to "**", matching everything):
//   `*` any run without '/', `**` any run, `?` one character but '/';
//   `[abc]`, `[!abc]`, `[a-z]`, `[!a-z]` one character, '/' included when
//   negated; a range is exactly `lo-hi]`, anything else after `hi` is an error
//   (`[a-]x`, `[a-c-e]`), an empty class is an error (`[]`, `[!]`);
//   `{a,b}` alternatives, nested; an unclosed `{` closes at the end;
//   `,` and `}` are plain outside braces, `]` outside brackets;
//   `\x` is x (also inside brackets); a trailing `\` is dropped.
// Known gap: v0.2.3's matchers mishandle some shapes (a multi-byte character
// under `?` or `[é]` does not match; `a{}b` matches nothing); not reproduced.

export function compileGlob(pattern: string): RegExp | undefined {
  const chars = Array.from(pattern);
  let i = 0;
  let depth = 0;
  // One regex alternative list per open brace; the top level is ground.
  const stack: string[][] = [[""]];
  const emit = (s: string) => {
    const alts = stack[stack.length - 1]!;
    alts[alts.length - 1] += s;
  };
  while (i < chars.length) {
    const c = chars[i++]!;
    if (c === "{") {
      depth++;
      stack.push([""]);
    } else if (c === "," && depth > 0) {
      stack[stack.length - 1]!.push("");
    } else if (c === "}" && depth > 0) {
      depth--;
      closeTerms(stack);
    } else if (c === "[") {
      const cls = readRange(chars, i);
      if (cls === undefined) return undefined;
      i = cls.next;
      emit(cls.re);
    } else if (c === "?") {
      emit("[^/]");
    } else if (c === "*") {
      if (chars[i] === "*") {
        i++;
        emit("[^]*");
      } else emit("[^/]*");
    } else {
      // Text up to the next special character, with `\` escapes.
      i--;
      const breakers = depth > 0 ? "?*[{}," : "?*[{";
      let text = "";
      while (i < chars.length) {
        let ch = chars[i]!;
        if (ch === "\\") {
          i++;
          if (i >= chars.length) break;
          ch = chars[i]!;
        } else if (breakers.includes(ch)) break;
        text += ch;
        i++;
      }
      emit(escapeRe(text));
    }
  }
  while (stack.length > 1) closeTerms(stack);
  try {
    return new RegExp(`^${stack[0]![0]}$`, "u");
  } catch {
    return undefined;
  }
}

function closeTerms(stack: string[][]) {
  const alts = stack.pop()!;
  const outer = stack[stack.length - 1]!;
  outer[outer.length - 1] += `(?:${alts.join("|")})`;
}

/** The bracket expression starting after `[`, as gobwas's fetchRange reads it. */
function readRange(chars: string[], start: number): { re: string; next: number } | undefined {
  let i = start;
  let not = false;
  if (chars[i] === "!") {
    not = true;
    i++;
  }
  const first = chars[i];
  if (first === undefined) return undefined;
  let body: string;
  if (chars[i + 1] === "-") {
    // lo-hi: the character after '-' is hi whatever it is, then ']' must follow.
    const lo = first;
    const hi = chars[i + 2];
    if (hi === undefined || chars[i + 3] !== "]") return undefined;
    if (hi.codePointAt(0)! < lo.codePointAt(0)!) return undefined;
    body = `${escapeClass(lo)}-${escapeClass(hi)}`;
    i += 4;
  } else {
    let text = "";
    while (i < chars.length && chars[i] !== "]") {
      if (chars[i] === "\\") {
        i++;
        if (i >= chars.length) break;
      }
      text += chars[i]!;
      i++;
    }
    if (i >= chars.length || text === "") return undefined;
    body = Array.from(text, escapeClass).join("");
    i++;
  }
  return { re: not ? `[^${body}]` : `[${body}]`, next: i };
}

// Only syntax characters: with the "u" flag an escaped '-' is a syntax error.
function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function escapeClass(c: string): string {
  return /[\\\]^-]/.test(c) ? `\\${c}` : c;
}
