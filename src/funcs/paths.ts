// Go's path package (base, dir, clean, ext, isAbs) and path/filepath on Linux
// (osBase ...), which behave the same for "/"-separated paths.
import type { GoFunc } from "../template/value.ts";
import { def } from "./util.ts";

/** path.Clean */
export function clean(p: string): string {
  if (p === "") return ".";
  const rooted = p[0] === "/";
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}

/** path.Base */
export function base(p0: string): string {
  if (p0 === "") return ".";
  let p = p0;
  while (p.length > 0 && p.endsWith("/")) p = p.slice(0, -1);
  const i = p.lastIndexOf("/");
  if (i >= 0) p = p.slice(i + 1);
  return p === "" ? "/" : p;
}

/** path.Dir */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf("/") + 1));
}

/** path.Ext */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) {
    if (p[i] === ".") return p.slice(i);
  }
  return "";
}

const S = "string";

export const pathFuncs: Record<string, GoFunc> = {
  base: def([S], S, base),
  dir: def([S], S, dir),
  clean: def([S], S, clean),
  ext: def([S], S, ext),
  isAbs: def([S], "bool", (p: string) => p.startsWith("/")),
  osBase: def([S], S, base),
  osClean: def([S], S, clean),
  osDir: def([S], S, dir),
  osExt: def([S], S, ext),
  osIsAbs: def([S], "bool", (p: string) => p.startsWith("/")),
};
