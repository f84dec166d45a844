// Template arguments for fmt tests, each written twice: as template text that
// helm evaluates, and as the Go value (per src/template/value.ts) that our
// executor would pass for it. Tests call sprintf/sprint directly with the
// values and compare against what helm renders for the text.

import { GoInt, type Value } from "../../src/template/value.ts";
import type { TemplateCase } from "../helpers/template-cases.ts";

export interface Arg {
  t: string;
  v: Value;
}

/** A float literal that the template parser keeps as float64 (it has an exponent). */
export function floatLiteral(x: number): string {
  if (Object.is(x, -0)) return "-0e+0";
  return x.toExponential();
}

export const I = (n: number | bigint): Arg => ({ t: String(n), v: new GoInt(BigInt(n)) });
export const F = (x: number): Arg => ({ t: floatLiteral(x), v: x });
/** A float literal written as in a chart (e.g. "1.5"), evaluated by JS's Number. */
export const FT = (text: string): Arg => ({ t: text, v: Number(text) });
export const S = (s: string): Arg => ({ t: JSON.stringify(s), v: s });
export const B = (b: boolean): Arg => ({ t: String(b), v: b });
export const NIL: Arg = { t: "nil", v: null };
export const I64 = (n: number | bigint): Arg => ({ t: `(int64 ${n})`, v: BigInt(n) });
export const SPECIAL = (s: "NaN" | "+Inf" | "-Inf"): Arg => ({
  t: `(float64 ${JSON.stringify(s)})`,
  v: s === "NaN" ? Number.NaN : s === "+Inf" ? Infinity : -Infinity,
});
export const L = (...xs: Arg[]): Arg => ({
  t: `(list ${xs.map((x) => x.t).join(" ")})`,
  v: xs.map((x) => x.v),
});
export const D = (...kv: [string, Arg][]): Arg => ({
  t: `(dict ${kv.map(([k, x]) => `${JSON.stringify(k)} ${x.t}`).join(" ")})`,
  v: new Map(kv.map(([k, x]) => [k, x.v])),
});

/** values.yaml for every fmt case (JSON is YAML); numbers become float64 as in helm. */
export const VALUES = {
  million: 1000000,
  big: 12345678901,
  small: 0.000012,
  third: 0.3333333333333333,
  neg: -42,
  zero: 0,
  half: 0.5,
  text: "hello",
  empty: "",
  uni: "héllo wörld ✓ 🚀",
  list: [1, "two", 3.5, null, true],
  map: { b: 2, a: "x", c: [1, 2], d: { z: 1, y: null } },
  emptyList: [],
  emptyMap: {},
  keys: { Zeta: 1, alpha: 2, "10": 3, "9": 4, _u: 5, é: 6, "🚀": 7, "\uff5e": 8 },
};

function toGo(x: unknown): Value {
  if (Array.isArray(x)) return x.map(toGo);
  if (x !== null && typeof x === "object") {
    return new Map(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, toGo(v)]));
  }
  return x as Value;
}

/** `.Values.path` and its Go value. */
export const V = (path: string): Arg => {
  let x: unknown = VALUES;
  for (const k of path.split(".")) x = (x as Record<string, unknown>)[k];
  return { t: `.Values.${path}`, v: toGo(x) };
};

export const BYTES = new Uint8Array([0x68, 0x69, 0xff, 0x00, 0x0a, 0xc3, 0xa9]);
export const FILES = { "files/bytes.bin": BYTES, "files/text.txt": "héllo\n" };
/** []byte from .Files.GetBytes. */
export const BYTES_ARG: Arg = { t: `(.Files.GetBytes "files/bytes.bin")`, v: BYTES };
export const TEXT_BYTES_ARG: Arg = {
  t: `(.Files.GetBytes "files/text.txt")`,
  v: new TextEncoder().encode("héllo\n"),
};

/** A template case sharing the fmt values and files, so all cases batch into few helm runs. */
export function fmtCase(template: string): TemplateCase {
  return { template, values: JSON.stringify(VALUES), files: FILES };
}

/** Raw-string template literal for a format (formats here never hold a backquote). */
export function formatLiteral(format: string): string {
  if (format.includes("`")) return JSON.stringify(format);
  return `\`${format}\``;
}

export function printfTemplate(format: string, args: Arg[]): string {
  return `{{ printf ${formatLiteral(format)}${args.map((a) => ` ${a.t}`).join("")} }}`;
}
