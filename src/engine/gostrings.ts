// Go's unicode.IsSpace and strings.TrimSpace: JavaScript's trim() differs
// (it trims U+FEFF, which Go keeps, and keeps U+0085, which Go trims).
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function isGoSpace(ch: string): boolean {
  return GO_SPACE.test(ch);
}

export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s[start]!)) start++;
  while (end > start && isGoSpace(s[end - 1]!)) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export function goTrimLeftSpace(s: string): string {
  let start = 0;
  while (start < s.length && isGoSpace(s[start]!)) start++;
  return s.slice(start);
}

/** path.Base as Go's path package computes it (slash-separated). */
export function pathBase(p: string): string {
  if (p === "") return ".";
  while (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  const i = p.lastIndexOf("/");
  return i >= 0 ? p.slice(i + 1) || "/" : p;
}

/** path.Join as Go's path package computes it (joins non-empty parts, then cleans). */
export function pathJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== "").join("/");
  return joined === "" ? "" : pathClean(joined);
}

/** path.Clean. */
export function pathClean(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}
