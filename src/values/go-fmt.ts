// fmt's %v for the values model, as helm's coalescing warnings print values
// (map[a:1 b:[x y]], keys sorted; floats in %g's shortest form, so 1000000
// prints as 1e+06).

function fmtFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  if (n === 0) return Object.is(n, -0) ? "-0" : "0";
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21 || (exp >= 6 && shortestExp(n))) {
    const [m, e] = n.toExponential().split("e");
    const en = Number(e);
    return `${m}e${en < 0 ? "-" : "+"}${String(Math.abs(en)).padStart(2, "0")}`;
  }
  return String(n);
}

// strconv's 'g' with shortest precision switches to an exponent from 1e+06 on.
function shortestExp(n: number): boolean {
  return Math.abs(n) >= 1e6 || Math.abs(n) < 1e-4;
}

/** fmt.Sprintf("%v", v). */
export function goSprintV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return fmtFloat(v);
  if (Array.isArray(v)) return `[${v.map(goSprintV).join(" ")}]`;
  if (v instanceof Map) {
    const keys = [...v.keys()].sort();
    return `map[${keys.map((k) => `${k}:${goSprintV(v.get(k))}`).join(" ")}]`;
  }
  if (v instanceof Uint8Array) return `[${[...v].join(" ")}]`;
  return String(v);
}

/** fmt.Sprintf("%t", v): booleans print; slices and maps apply %t to each element; the rest is %!t(type=value). */
export function goSprintT(v: unknown, typeName: (x: unknown) => string): string {
  if (typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "%!t(<nil>)";
  if (Array.isArray(v)) return `[${v.map((x) => goSprintT(x, typeName)).join(" ")}]`;
  if (v instanceof Map) {
    const keys = [...v.keys()].sort();
    return `map[${keys.map((k) => `%!t(string=${k}):${goSprintT(v.get(k), typeName)}`).join(" ")}]`;
  }
  return `%!t(${typeName(v)}=${goSprintV(v)})`;
}
