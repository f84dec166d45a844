// The glob syntax of github.com/gobwas/glob with '/' as separator, which
// helm's .Files.Glob uses: `*` (any run without '/'), `**` (any run), `?`
// (one character but '/'), `[abc]`, `[!abc]`, `[a-z]`, `{a,b}`, `\` escapes.
// Compiled to a RegExp; an invalid pattern returns undefined (helm then
// falls back to "**", matching everything).

export function compileGlob(pattern: string): RegExp | undefined {
  let i = 0;
  const parse = (inBraces: boolean): string | undefined => {
    let out = "";
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (inBraces && (c === "," || c === "}")) return out;
      i++;
      switch (c) {
        case "*":
          if (pattern[i] === "*") {
            i++;
            out += "[^]*";
          } else out += "[^/]*";
          break;
        case "?":
          out += "[^/]";
          break;
        case "[": {
          const end = pattern.indexOf("]", i);
          if (end < 0) return undefined;
          let body = pattern.slice(i, end);
          i = end + 1;
          let neg = false;
          if (body.startsWith("!")) {
            neg = true;
            body = body.slice(1);
          }
          if (body === "") return undefined;
          let cls = "";
          for (let j = 0; j < body.length; j++) {
            const ch = body[j]!;
            if (body[j + 1] === "-" && j + 2 < body.length) {
              cls += `${escapeClass(ch)}-${escapeClass(body[j + 2]!)}`;
              j += 2;
            } else cls += escapeClass(ch);
          }
          out += neg ? `[^${cls}/]` : `[${cls}]`;
          break;
        }
        case "{": {
          const alts: string[] = [];
          for (;;) {
            const alt = parse(true);
            if (alt === undefined) return undefined;
            alts.push(alt);
            if (pattern[i] === ",") {
              i++;
              continue;
            }
            if (pattern[i] === "}") {
              i++;
              break;
            }
            return undefined;
          }
          out += `(?:${alts.join("|")})`;
          break;
        }
        case "\\":
          if (i >= pattern.length) return undefined;
          out += escapeRe(pattern[i++]!);
          break;
        default:
          out += escapeRe(c);
      }
    }
    return inBraces ? undefined : out;
  };
  const src = parse(false);
  if (src === undefined) return undefined;
  try {
    return new RegExp(`^${src}$`, "u");
  } catch {
    return undefined;
  }
}

// Only syntax characters: with the "u" flag an escaped '-' is a syntax error,
// which would turn a pattern like "files/a-b/*" into helm's match-all fallback.
function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c: string): string {
  return /[\\\]^-]/.test(c) ? `\\${c}` : c;
}
