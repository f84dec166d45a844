// .helmignore as helm reads it (pkg/ignore): one rule a line, `#` comments,
// `!` negation, a trailing `/` for folders only, a leading `/` anchoring to
// the chart root, and Go's filepath.Match globbing (no `**`).

export class IgnoreError extends Error {
  override name = "IgnoreError";
}

/** Go's filepath.Match (Unix): throws IgnoreError("syntax error in pattern") on a malformed pattern. */
export function goPathMatch(pattern: string, name: string): boolean {
  const re = globToRegExp(pattern);
  return re.test(name);
}

const reCache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  const hit = reCache.get(pattern);
  if (hit) return hit;
  let re = "^";
  const p = Array.from(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "\\") {
      i++;
      if (i >= p.length) throw new IgnoreError("syntax error in pattern");
      re += escapeRe(p[i]!);
    } else if (c === "[") {
      i++;
      let cls = "[";
      if (p[i] === "^") {
        cls += "^";
        i++;
      }
      let n = 0;
      for (;;) {
        if (i >= p.length) throw new IgnoreError("syntax error in pattern");
        let ch = p[i]!;
        if (ch === "]" && n > 0) break;
        // Go's getEsc: an unescaped '-' or ']' cannot be a range end.
        if (ch === "-" || ch === "]") throw new IgnoreError("syntax error in pattern");
        if (ch === "\\") {
          i++;
          if (i >= p.length) throw new IgnoreError("syntax error in pattern");
          ch = p[i]!;
        }
        let item = escapeClass(ch);
        if (p[i + 1] === "-") {
          if (p[i + 2] === undefined || p[i + 2] === "-" || p[i + 2] === "]") {
            throw new IgnoreError("syntax error in pattern");
          }
          let hi = p[i + 2]!;
          i += 2;
          if (hi === "\\") {
            i++;
            if (i >= p.length) throw new IgnoreError("syntax error in pattern");
            hi = p[i]!;
          }
          // Go accepts a reversed range; it matches nothing.
          item = hi.codePointAt(0)! < ch.codePointAt(0)! ? "" : `${item}-${escapeClass(hi)}`;
        }
        cls += item;
        n++;
        i++;
      }
      // Unlike `*` and `?`, a class may match the separator (Go's matchChunk).
      re += `${cls}]`;
    } else re += escapeRe(c);
  }
  const out = new RegExp(`${re}$`, "su");
  reCache.set(pattern, out);
  return out;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function escapeClass(c: string): string {
  return c.replace(/[\]\\^-]/g, "\\$&");
}

interface Pattern {
  raw: string;
  rule: string;
  negate: boolean;
  mustDir: boolean;
  kind: "root" | "path" | "base";
}

export class IgnoreRules {
  private readonly patterns: Pattern[] = [];

  /** Parses .helmignore text; throws IgnoreError for `**` or a malformed pattern. */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    for (const line of text.split(/\r?\n/)) r.addRule(line);
    return r;
  }

  /** helm's default rule: dotfiles under templates/ are never templates. */
  addDefaults() {
    this.addRule("templates/.?*");
  }

  addRule(line: string) {
    let rule = line.trim();
    if (rule === "" || rule.startsWith("#")) return;
    if (rule.includes("**")) throw new IgnoreError("double-star (**) syntax is not supported");
    goPathMatch(rule, "abc");
    const p: Pattern = { raw: rule, rule: "", negate: false, mustDir: false, kind: "base" };
    if (rule.startsWith("!")) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith("/")) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    if (rule.startsWith("/")) {
      p.kind = "root";
      rule = rule.slice(1);
    } else if (rule.includes("/")) p.kind = "path";
    p.rule = rule;
    this.patterns.push(p);
  }

  private match(p: Pattern, path: string): boolean {
    try {
      if (p.kind === "base") return goPathMatch(p.rule, path.slice(path.lastIndexOf("/") + 1));
      return goPathMatch(p.rule, path);
    } catch {
      return false;
    }
  }

  /** Rules.Ignore: whether path (relative, slash-separated) is ignored. */
  ignore(path: string, isDir: boolean): boolean {
    if (path === "" || path === "." || path === "./") return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!this.match(p, path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (this.match(p, path)) return true;
    }
    return false;
  }
}
