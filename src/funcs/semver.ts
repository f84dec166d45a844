// Masterminds/semver v3.4.0 as Sprig's `semver` and `semverCompare` use it:
// coercing NewVersion (loose regex, "v" prefix, missing minor/patch), and
// constraints with ||, comma or space as AND, hyphen ranges, x/X/* wildcards,
// ~, ~>, ^, and prereleases matched only when the constraint names one.
import { GoError, type GoFunc, GoInt, GoObject, MARSHAL_JSON, type Value } from "../template/value.ts";
import { def, goInt, NIL_DEREF } from "./util.ts";

// Go's RE2 \s is ASCII whitespace without \v.
const WS = "[\\t\\n\\f\\r ]";
const looseVersionRe =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const NUM = /^[0-9]*$/;
const ALLOWED = /^[a-zA-Z0-9-]*$/;
const MAX_U64 = (1n << 64n) - 1n;

export class SemverError extends GoError {}

function parseU64(s: string): bigint {
  if (!/^[0-9]+$/.test(s) || BigInt(s) > MAX_U64) {
    throw new SemverError(
      `error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`,
    );
  }
  return BigInt(s);
}

function validatePrerelease(p: string): void {
  for (const part of p.split(".")) {
    if (part === "") throw new SemverError("invalid prerelease string");
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === "0") throw new SemverError("version segment starts with 0");
    } else if (!ALLOWED.test(part)) throw new SemverError("invalid prerelease string");
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split(".")) {
    if (part === "" || !ALLOWED.test(part)) throw new SemverError("invalid metadata string");
  }
}

/** *semver.Version (or semver.Version, for the values Inc* methods return). */
export class SemverVersion extends GoObject {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    readonly isPointer = true,
  ) {
    super();
  }
  get goType(): string {
    return this.isPointer ? "*semver.Version" : "semver.Version";
  }
  get goKind(): string {
    return this.isPointer ? "ptr" : "struct";
  }
  override toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre !== "") s += `-${this.pre}`;
    if (this.metadata !== "") s += `+${this.metadata}`;
    return s;
  }
  [MARSHAL_JSON](): Value {
    return this.toString();
  }
  private vPrefix(): string {
    return this.original.startsWith("v") ? "v" : "";
  }
  private next(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): SemverVersion {
    const v = new SemverVersion(major, minor, patch, pre, metadata, "", false);
    return new SemverVersion(major, minor, patch, pre, metadata, this.vPrefix() + v.toString(), false);
  }
  override method(name: string): GoFunc | undefined {
    const V = "*semver.Version";
    // A nil *Version argument: Go dereferences it (Equal alone checks for nil first).
    const other = (o: SemverVersion | null): SemverVersion => {
      if (o === null) throw new GoError(NIL_DEREF);
      return o;
    };
    const cmp = (f: (c: number) => boolean) =>
      def([V], "bool", (o: SemverVersion | null) => f(compareVersions(this, other(o))));
    const u64 = (n: bigint) => new GoInt(n, "uint64");
    switch (name) {
      case "Major":
        return def([], "uint64", () => u64(this.major));
      case "Minor":
        return def([], "uint64", () => u64(this.minor));
      case "Patch":
        return def([], "uint64", () => u64(this.patch));
      case "Prerelease":
        return def([], "string", () => this.pre);
      case "Metadata":
        return def([], "string", () => this.metadata);
      case "Original":
        return this.isPointer ? def([], "string", () => this.original) : undefined;
      case "String":
        return def([], "string", () => this.toString());
      case "Compare":
        return def([V], "int", (o: SemverVersion | null) => goInt(compareVersions(this, other(o))));
      case "LessThan":
        return cmp((c) => c < 0);
      case "LessThanEqual":
        return cmp((c) => c <= 0);
      case "GreaterThan":
        return cmp((c) => c > 0);
      case "GreaterThanEqual":
        return cmp((c) => c >= 0);
      case "Equal":
        return def([V], "bool", (o: SemverVersion | null) => o !== null && compareVersions(this, o) === 0);
      case "IncPatch":
        return def([], "semver.Version", () =>
          this.pre !== ""
            ? this.next(this.major, this.minor, this.patch, "", "")
            : this.next(this.major, this.minor, this.patch + 1n, "", ""),
        );
      case "IncMinor":
        return def([], "semver.Version", () => this.next(this.major, this.minor + 1n, 0n, "", ""));
      case "IncMajor":
        return def([], "semver.Version", () => this.next(this.major + 1n, 0n, 0n, "", ""));
      case "SetPrerelease":
        return def(
          ["string"],
          "semver.Version",
          (p: string) => {
            if (p !== "") validatePrerelease(p);
            return this.next(this.major, this.minor, this.patch, p, this.metadata);
          },
          { returnsError: true },
        );
      case "SetMetadata":
        return def(
          ["string"],
          "semver.Version",
          (m: string) => {
            if (m !== "") validateMetadata(m);
            return this.next(this.major, this.minor, this.patch, this.pre, m);
          },
          { returnsError: true },
        );
    }
    return undefined;
  }
}

/** semver.NewVersion with CoerceNewVersion (the default). */
export function newVersion(v: string): SemverVersion {
  const m = looseVersionRe.exec(v);
  if (!m) throw new SemverError("invalid semantic version");
  const major = parseU64(m[1]!);
  const minor = m[2] ? parseU64(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseU64(m[3].slice(1)) : 0n;
  const pre = m[5] ?? "";
  const meta = m[8] ?? "";
  if (pre !== "") validatePrerelease(pre);
  if (meta !== "") validateMetadata(meta);
  return new SemverVersion(major, minor, patch, pre, meta, v);
}

function cmpU(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isUint(s: string): boolean {
  return /^[0-9]+$/.test(s) && BigInt(s) <= MAX_U64;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === "") return -1;
  if (o === "") return 1;
  const so = isUint(o);
  const ss = isUint(s);
  if (!so && !ss) return s > o ? 1 : -1; // byte order; prerelease parts are ASCII
  if (!so) return -1;
  if (!ss) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(v: string, o: string): number {
  const sp = v.split(".");
  const op = o.split(".");
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? "", op[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}

export function compareVersions(v: SemverVersion, o: SemverVersion): number {
  const d = cmpU(v.major, o.major) || cmpU(v.minor, o.minor) || cmpU(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === "" && o.pre === "") return 0;
  if (v.pre === "") return 1;
  if (o.pre === "") return -1;
  return comparePrerelease(v.pre, o.pre);
}

// ---- constraints ----

const OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
const CV =
  "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?" +
  "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?" +
  "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const constraintRe = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);
const constraintRangeRe = new RegExp(`${WS}*(${CV})${WS}+-${WS}+(${CV})${WS}*`, "g");
const findConstraintRe = new RegExp(`(${OPS})${WS}*(${CV})`, "g");
const validConstraintRe = new RegExp(
  `^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`,
);

interface Constraint {
  con: SemverVersion;
  orig: string;
  op: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (x: string) => x === "x" || x === "*" || x === "X";

function parseConstraint(c: string): Constraint {
  if (c.length === 0) {
    return {
      con: new SemverVersion(0n, 0n, 0n, "", "", "0.0.0"),
      orig: c,
      op: "",
      dirty: true,
      minorDirty: false,
      patchDirty: false,
    };
  }
  const m = constraintRe.exec(c);
  if (!m) throw new SemverError(`improper constraint: ${c}`);
  const g = (i: number) => m[i] ?? "";
  // m[2] is the whole version; its groups start at m[3]
  let ver = g(2);
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(g(3)) || g(3) === "") {
    ver = `0.0.0${g(6)}`;
    dirty = true;
  } else if (isX(g(4).replace(/^\./, "")) || g(4) === "") {
    minorDirty = true;
    dirty = true;
    ver = `${g(3)}.0.0${g(6)}`;
  } else if (isX(g(5).replace(/^\./, "")) || g(5) === "") {
    dirty = true;
    patchDirty = true;
    ver = `${g(3)}${g(4)}.0${g(6)}`;
  }
  let con: SemverVersion;
  try {
    con = newVersion(ver);
  } catch {
    throw new SemverError("constraint parser error");
  }
  return { con, orig: g(2), op: g(1), dirty, minorDirty, patchDirty };
}

function rewriteRange(i: string): string {
  let o = i;
  for (const m of i.matchAll(constraintRangeRe)) {
    o = o.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  }
  return o;
}

export function newConstraint(c0: string): { groups: Constraint[][]; hasPre: boolean[] } {
  const c = rewriteRange(c0);
  const groups: Constraint[][] = [];
  const hasPre: boolean[] = [];
  for (const v of c.split("||")) {
    if (!validConstraintRe.test(v)) throw new SemverError(`improper constraint: ${v}`);
    let cs = [...v.matchAll(findConstraintRe)].map((m) => m[0]);
    if (cs.length === 0) cs = [v];
    const parsed = cs.map(parseConstraint);
    hasPre.push(parsed.some((p) => p.con.pre !== ""));
    groups.push(parsed);
  }
  return { groups, hasPre };
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: SemverVersion, c: Constraint, includePre: boolean): boolean {
  if (v.pre !== "" && !includePre) return false;
  const cmp = () => compareVersions(v, c.con);
  switch (c.op) {
    case "":
    case "=":
      return c.dirty ? tilde(v, c) : cmp() === 0;
    case "!=":
      if (c.dirty) {
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== "" || c.con.pre !== "") return comparePrerelease(v.pre, c.con.pre) !== 0;
          return false;
        }
      }
      return cmp() !== 0;
    case ">":
      if (!c.dirty) return cmp() === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp() === 1;
    case "<":
      return cmp() < 0;
    case ">=":
    case "=>":
      return cmp() >= 0;
    case "<=":
    case "=<":
      if (!c.dirty) return cmp() <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case "~":
    case "~>":
      return tilde(v, c);
    case "^":
      if (cmp() < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
  }
  return false;
}

// Charts compare against the same few constraints over and over; parsing them
// (large regular expressions) dominates, so parsed constraints are kept.
const constraintCache = new Map<string, ReturnType<typeof newConstraint>>();

function cachedConstraint(c: string): ReturnType<typeof newConstraint> {
  let cs = constraintCache.get(c);
  if (!cs) {
    cs = newConstraint(c);
    if (constraintCache.size > 512) constraintCache.clear();
    constraintCache.set(c, cs);
  }
  return cs;
}

export function semverCompare(constraint: string, version: string): boolean {
  const cs = cachedConstraint(constraint);
  const v = newVersion(version);
  return cs.groups.some((g, i) => g.every((c) => check(v, c, cs.hasPre[i]!)));
}

export const semverFuncs: Record<string, GoFunc> = {
  semver: def(["string"], "*semver.Version", newVersion, { returnsError: true }),
  semverCompare: def(["string", "string"], "bool", semverCompare, { returnsError: true }),
};
