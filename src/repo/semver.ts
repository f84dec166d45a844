// Masterminds/semver v3 as helm uses it for chart versions: lenient version
// parsing ("v1", "1.2"), ordering with prereleases, and constraints (^ ~ x
// ranges, hyphen ranges, ",", "||") where a prerelease only matches a
// constraint that itself names a prerelease.
export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  original: string;
}

const versionRe =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

export function parseVersion(s: string): SemVer | undefined {
  const m = versionRe.exec(s);
  if (!m) return undefined;
  const pre = m[5] ?? "";
  // Masterminds rejects numeric prerelease parts with leading zeros.
  if (pre.split(".").some((p) => /^0[0-9]+$/.test(p))) return undefined;
  return {
    major: BigInt(m[1]!),
    minor: m[2] ? BigInt(m[2].slice(1)) : 0n,
    patch: m[3] ? BigInt(m[3].slice(1)) : 0n,
    pre,
    original: s,
  };
}

function comparePrePart(a: string, b: string): number {
  const an = /^[0-9]+$/.test(a);
  const bn = /^[0-9]+$/.test(b);
  if (an && bn) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (an) return -1;
  if (bn) return 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

export function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  const ap = a.split(".");
  const bp = b.split(".");
  for (let i = 0; i < Math.max(ap.length, bp.length); i++) {
    if (i >= ap.length) return -1;
    if (i >= bp.length) return 1;
    const c = comparePrePart(ap[i]!, bp[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

export function compareVersions(a: SemVer, b: SemVer): number {
  for (const k of ["major", "minor", "patch"] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return comparePrerelease(a.pre, b.pre);
}

interface Con {
  op: string;
  con: SemVer;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const cv =
  "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const ops = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
const constraintRe = new RegExp(`^\\s*(${ops})\\s*(${cv})\\s*$`);
const rangeRe = new RegExp(`\\s*(${cv})\\s+-\\s+(${cv})\\s*`, "g");
const findRe = new RegExp(`(${ops})\\s*(${cv})`, "g");
const validRe = new RegExp(`^(\\s*(${ops})\\s*(${cv})\\s*)((?:\\s+|,\\s*)(${ops})\\s*(${cv})\\s*)*$`);
const isX = (s: string) => s === "x" || s === "X" || s === "*";

function parseCon(s: string): Con {
  const m = constraintRe.exec(s);
  if (!m) throw new Error(`improper constraint: ${s}`);
  const [, op, orig, maj, min = "", pat = "", preAll = ""] = m as unknown as string[];
  let ver = orig!;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(maj!) || maj === "") {
    ver = `0.0.0${preAll}`;
    dirty = true;
  } else if (isX(min.slice(1)) || min === "") {
    minorDirty = dirty = true;
    ver = `${maj}.0.0${preAll}`;
  } else if (isX(pat.slice(1)) || pat === "") {
    patchDirty = dirty = true;
    ver = `${maj}${min}.0${preAll}`;
  }
  const con = parseVersion(ver);
  if (!con) throw new Error("constraint Parser Error");
  return { op: op!, con, dirty, minorDirty, patchDirty };
}

const any: Con = {
  op: "",
  con: { major: 0n, minor: 0n, patch: 0n, pre: "", original: "0.0.0" },
  dirty: true,
  minorDirty: false,
  patchDirty: false,
};

function tilde(v: SemVer, c: Con): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: SemVer, c: Con): boolean {
  if (v.pre !== "" && c.con.pre === "") return false;
  const cmp = compareVersions(v, c.con);
  switch (c.op) {
    case "":
    case "=":
      return c.dirty ? tilde(v, c) : cmp === 0;
    case "!=":
      if (c.dirty) {
        if (c.con.major !== v.major) return true;
        if (c.minorDirty) return false;
        if (c.con.minor !== v.minor) return true;
        if (c.patchDirty)
          return comparePrerelease(v.pre, c.con.pre) !== 0 && (v.pre !== "" || c.con.pre !== "");
      }
      return cmp !== 0;
    case ">":
      if (!c.dirty) return cmp > 0;
      if (v.major !== c.con.major) return v.major > c.con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp > 0;
    case "<":
      return cmp < 0;
    case ">=":
    case "=>":
      return cmp >= 0;
    case "<=":
    case "=<":
      if (!c.dirty) return cmp <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case "~":
    case "~>":
      return tilde(v, c);
    case "^": {
      if (cmp < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (v.minor > 0n) return false;
      return v.patch === c.con.patch;
    }
  }
  return false;
}

export class Constraints {
  private constructor(private readonly ors: Con[][]) {}

  /** Parses a constraint; throws Masterminds' "improper constraint: ..." error. */
  static parse(text: string): Constraints {
    const c = text.replace(rangeRe, (_m, a: string, ...rest: string[]) => ` >= ${a}, <= ${rest[9]} `);
    const ors = c.split("||").map((part) => {
      if (!validRe.test(part)) throw new Error(`improper constraint: ${part}`);
      const found = part.match(findRe);
      return (found ?? [part]).map((s) => (s === "" ? any : parseCon(s)));
    });
    return new Constraints(ors);
  }

  check(v: SemVer): boolean {
    return this.ors.some((and) => and.every((c) => check(v, c)));
  }
}
