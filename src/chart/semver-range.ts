// Masterminds/semver v3 constraints as helm uses them (dependency version
// ranges, kubeVersion): translated to the npm `semver` grammar, which shares
// ~, ^, x-ranges and hyphen ranges. An empty or invalid constraint is never
// satisfied (helm's IsCompatibleRange). A prerelease version only satisfies
// constraint groups where some comparator carries a prerelease, as in
// Masterminds v3.
import semver from "semver";

// Masterminds' loose NewVersion: optional v, missing minor/patch as 0.
const LOOSE =
  /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** A version in npm's strict form, or null when Masterminds would reject it. */
export function normalizeVersion(v: string): string | null {
  const m = LOOSE.exec(v.trim());
  if (!m) return null;
  let s = `${BigInt(m[1]!)}.${BigInt(m[2] ?? "0")}.${BigInt(m[3] ?? "0")}`;
  if (m[4]) s += `-${m[4]}`;
  return s;
}

// A comparator whose version lacks minor or patch but has a prerelease
// (">= 1.16-0", common in kubeVersion): npm rejects it, Masterminds completes
// the version with zeros and keeps its "dirty" x-range meaning.
const PARTIAL_PRE =
  /(^|[\s,])(=>|=<|>=|<=|~>|!=|[=<>~^])?\s*v?(\d+)(?:\.(\d+))?-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)(?=$|[\s,])/g;

function completePartialPrerelease(group: string): string {
  return group.replace(
    PARTIAL_PRE,
    (_m, lead: string, op: string | undefined, maj: string, min: string | undefined, pre: string) => {
      const M = BigInt(maj);
      const full = `${M}.${min === undefined ? 0n : BigInt(min)}.0-${pre}`;
      // The first version past the x-range (1.16 -> 1.17.0-0, 1 -> 2.0.0-0).
      const next = min === undefined ? `${M + 1n}.0.0-0` : `${M}.${BigInt(min) + 1n}.0-0`;
      let out: string;
      switch (op ?? "") {
        case ">=":
        case "=>":
        case "<":
          out = `${op === "=>" ? ">=" : op}${full}`;
          break;
        case ">":
          out = `>=${next}`;
          break;
        case "<=":
        case "=<":
          out = `<${next}`;
          break;
        case "^":
          out = min === undefined ? `>=${full} <${next}` : `^${full}`;
          break;
        case "!=":
          out = `!=${full}`;
          break;
        default: // "", "=", "~", "~>": the whole x-range
          out = `>=${full} <${next}`;
      }
      return lead + out;
    },
  );
}

function translate(group: string): string {
  return completePartialPrerelease(group)
    .replace(/,/g, " ")
    .replace(/=>/g, ">=")
    .replace(/=</g, "<=")
    .replace(/~>/g, "~")
    .replace(/(^|\s)v(?=\d)/g, "$1")
    .replace(/([<>=~^])\s*v(?=\d)/g, "$1")
    .trim();
}

/** chartutil.IsCompatibleRange. */
export function isCompatibleRange(constraint: string, version: string): boolean {
  if (constraint.trim() === "") return false;
  const v = normalizeVersion(version);
  if (v === null) return false;
  const groups = constraint.split("||").map((g) => g.trim());
  if (groups.some((g) => g === "")) return false;
  const pre = v.includes("-");
  for (const g of groups) {
    // npm has no "!="; take those comparators out and check them apart.
    const nots: string[] = [];
    const rest = translate(g).replace(/!=\s*(\S+)/g, (_m, x: string) => {
      nots.push(x);
      return "";
    });
    const r = rest.trim() === "" ? "*" : rest.trim();
    if (nots.some((x) => semver.validRange(x) === null)) return false;
    if (nots.some((x) => semver.satisfies(v, x, { includePrerelease: true }))) continue;
    let range: semver.Range;
    try {
      range = new semver.Range(r);
    } catch {
      return false;
    }
    if (pre) {
      // A prerelease version matches only groups where some comparator names a prerelease.
      const tokens = [...r.split(/\s+/), ...nots].filter((t) => /\d/.test(t));
      if (!tokens.some((t) => /\d-/.test(t))) continue;
      if (
        range.test(new semver.SemVer(v, { includePrerelease: true } as semver.Options)) ||
        semver.satisfies(v, r, { includePrerelease: true })
      )
        return true;
      continue;
    }
    if (range.test(v)) return true;
  }
  return false;
}
