// go-yaml's implicit tag resolution of plain scalars (v2, with YAML 1.1 bool
// words, and v3). Used both when reading (what a plain scalar means) and when
// writing (a string that would read back as something else gets quoted).

export type Resolved =
  | { tag: "null"; value: null }
  | { tag: "bool"; value: boolean }
  | { tag: "int"; value: bigint; unsigned?: boolean }
  | { tag: "float"; value: number }
  | { tag: "timestamp"; value: string }
  | { tag: "merge"; value: string }
  | { tag: "str"; value: string };

const V2_WORDS = new Map<string, Resolved>();
const V3_WORDS = new Map<string, Resolved>();
function words(target: Map<string, Resolved>, r: Resolved, list: string[]): void {
  for (const w of list) target.set(w, r);
}
for (const m of [V2_WORDS, V3_WORDS]) {
  words(m, { tag: "bool", value: true }, ["true", "True", "TRUE"]);
  words(m, { tag: "bool", value: false }, ["false", "False", "FALSE"]);
  words(m, { tag: "null", value: null }, ["", "~", "null", "Null", "NULL"]);
  words(m, { tag: "float", value: Number.NaN }, [".nan", ".NaN", ".NAN"]);
  words(m, { tag: "float", value: Infinity }, [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]);
  words(m, { tag: "float", value: -Infinity }, ["-.inf", "-.Inf", "-.INF"]);
  words(m, { tag: "merge", value: "<<" }, ["<<"]);
}
words(V2_WORDS, { tag: "bool", value: true }, ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]);
words(V2_WORDS, { tag: "bool", value: false }, ["n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b/0 prefixes,
 * underscores only after a prefix). Returns the magnitude-checked value or
 * undefined on syntax or range errors.
 */
export function parseGoInt(s: string, unsigned: boolean): bigint | undefined {
  let i = 0;
  let neg = false;
  if (!unsigned && (s[0] === "+" || s[0] === "-")) {
    neg = s[0] === "-";
    i = 1;
  }
  let body = s.slice(i);
  let base = 10;
  let prefixed = false;
  if (body[0] === "0" && body.length > 1) {
    const p = body[1]!.toLowerCase();
    if (p === "x") base = 16;
    else if (p === "o") base = 8;
    else if (p === "b") base = 2;
    if (base !== 10) body = body.slice(2);
    else {
      base = 8;
      body = body.slice(1);
    }
    prefixed = true;
  }
  if (body.includes("_")) {
    // Underscores must separate digits and need a base prefix.
    if (!prefixed || !/^_?[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*$/.test(body)) return undefined;
    body = body.replace(/_/g, "");
  }
  if (body === "") return undefined;
  const digits =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  let v = BigInt(prefix + body);
  if (neg) v = -v;
  if (unsigned) return v <= UINT64_MAX ? v : undefined;
  return v >= INT64_MIN && v <= INT64_MAX ? v : undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseFloat(s, 64) for the decimal forms resolve lets through; undefined on error. */
function parseGoFloat(s: string): number | undefined {
  // Decimal only (YAML_STYLE_FLOAT or a leading '.'), plus Go's inf/nan words.
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) {
    const l = s.toLowerCase();
    if (l.endsWith("nan")) return s[0] === "+" || s[0] === "-" ? undefined : Number.NaN;
    return l[0] === "-" ? -Infinity : Infinity;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  // Out of range: Go returns ±Inf with an error.
  if (!Number.isFinite(v)) return undefined;
  return v;
}

/** go-yaml's parseTimestamp: YYYY-M-D with optional time, as Go's time.Parse accepts it. */
export function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const date = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
  const m1 = new RegExp(`^${date}$`).exec(s);
  if (m1) return validDate(m1);
  const tz = "(Z|[+-]\\d{2}:\\d{2})";
  const time = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d+)?";
  const m2 = new RegExp(`^${date}[Tt]${time}${tz}$`).exec(s);
  if (m2) return validDate(m2) && validTime(m2, 4) && validZone(m2[8]!);
  const m3 = new RegExp(`^${date} ${time}$`).exec(s);
  if (m3) return validDate(m3) && validTime(m3, 4);
  return false;
}

function validDate(m: RegExpExecArray): boolean {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[mo - 1]!;
}

function validTime(m: RegExpExecArray, at: number): boolean {
  return Number(m[at]) < 24 && Number(m[at + 1]) < 60 && Number(m[at + 2]) < 60;
}

function validZone(z: string): boolean {
  if (z === "Z") return true;
  return Number(z.slice(1, 3)) < 24 && Number(z.slice(4, 6)) < 60;
}

function hint(c: string | undefined): string {
  if (c === undefined) return "N";
  if (c === "+" || c === "-") return "S";
  if (c >= "0" && c <= "9") return "D";
  if ("yYnNtTfFoO~".includes(c)) return "M";
  if (c === ".") return ".";
  return "";
}

// Values files repeat the same short scalars ("1", "true", "IfNotPresent"):
// remembering recent answers keeps big documents and alias fan-outs cheap.
const memo = [new Map<string, Resolved>(), new Map<string, Resolved>()];

/** go-yaml's resolve("", s) for a plain scalar: v2 (YAML 1.1 words) or v3. */
export function resolvePlain(s: string, version: 2 | 3 = 2): Resolved {
  if (s.length > 64) return resolveUncached(s, version);
  const m = memo[version - 2]!;
  let r = m.get(s);
  if (r === undefined) {
    if (m.size > 20000) m.clear();
    m.set(s, (r = resolveUncached(s, version)));
  }
  return r;
}

function resolveUncached(s: string, version: 2 | 3): Resolved {
  const h = hint(s[0]);
  if (h === "") return { tag: "str", value: s };
  const w = (version === 2 ? V2_WORDS : V3_WORDS).get(s);
  if (w) return w;
  if (h === ".") {
    const f = parseGoFloatDot(s);
    if (f !== undefined) return { tag: "float", value: f };
  } else if (h === "D" || h === "S") {
    if (isTimestamp(s)) return { tag: "timestamp", value: s };
    const plain = s.replace(/_/g, "");
    const i = parseGoInt(plain, false);
    if (i !== undefined) return { tag: "int", value: i };
    const u = parseGoInt(plain, true);
    if (u !== undefined) return { tag: "int", value: u, unsigned: true };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = parseGoFloat(plain);
      if (f !== undefined) return { tag: "float", value: f };
    }
    const bin = binaryInt(plain, version);
    if (bin) return bin;
  }
  return { tag: "str", value: s };
}

// A leading '.': Go's ParseFloat on the raw text (".5", ".5e3"; ".inf" words are in the map).
function parseGoFloatDot(s: string): number | undefined {
  if (!/^\.\d+([eE][+-]?\d+)?$/.test(s)) return undefined;
  return parseGoFloat(s);
}

function binaryInt(plain: string, version: 2 | 3): Resolved | undefined {
  for (const [p, base] of version === 3
    ? ([
        ["0b", 2],
        ["0o", 8],
      ] as const)
    : ([["0b", 2]] as const)) {
    if (plain.startsWith(p)) {
      const i = parseRadix(plain.slice(2), base, false);
      if (i !== undefined) return { tag: "int", value: i };
      const u = parseRadix(plain.slice(2), base, true);
      if (u !== undefined) return { tag: "int", value: u, unsigned: true };
    } else if (plain.startsWith("-" + p)) {
      const i = parseRadix("-" + plain.slice(3), base, false);
      if (i !== undefined) return { tag: "int", value: i };
    }
  }
  return undefined;
}

function parseRadix(s: string, base: 2 | 8, unsigned: boolean): bigint | undefined {
  const neg = s[0] === "-";
  const body = neg || s[0] === "+" ? s.slice(1) : s;
  if (unsigned && s[0] === "-") return undefined;
  if (!(base === 2 ? /^[01]+$/ : /^[0-7]+$/).test(body)) return undefined;
  let v = BigInt((base === 2 ? "0b" : "0o") + body);
  if (neg) v = -v;
  if (unsigned) return v <= UINT64_MAX ? v : undefined;
  return v >= INT64_MIN && v <= INT64_MAX ? v : undefined;
}

const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** YAML 1.1 base-60 floats ("1:20"): go-yaml quotes them on output. */
export function isBase60Float(s: string): boolean {
  if (s === "") return false;
  const c = s[0]!;
  if (!(c === "+" || c === "-" || (c >= "0" && c <= "9")) || !s.includes(":")) return false;
  return BASE60.test(s);
}

const OLD_BOOLS = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF",
]);

/** v3 quotes the YAML 1.1 bool words on output even though it reads them as strings. */
export function isOldBool(s: string): boolean {
  return OLD_BOOLS.has(s);
}
