// helm's output formats for repo/search verbs: `-o table|json|yaml`, tables
// laid out as gosuri/uitable does (cells padded to the column width, "\t"
// between columns, MaxColWidth truncation with "..."), JSON as one line.
import { marshalOrderedJSON } from "../../repo/json-ordered.ts";
import { toYAML } from "../../repo/yaml.ts";
import type { FlagSpec } from "../flags.ts";
import { CliError } from "../io.ts";

export type OutputFormat = "table" | "json" | "yaml";

export const outputFlag: FlagSpec = {
  name: "output",
  short: "o",
  kind: "string",
  usage: "prints the output in the specified format. Allowed values: table, json, yaml",
  default: "table",
};

export function parseOutputFormat(v: unknown): OutputFormat {
  const s = String(v ?? "table");
  if (s === "table" || s === "json" || s === "yaml") return s;
  throw new CliError(`invalid argument "${s}" for "-o, --output" flag: invalid format type`);
}

/** Display width as go-runewidth counts it (East Asian wide characters count 2). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

function truncate(s: string, max: number): string {
  if (width(s) <= max) return s;
  const tail = "...";
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = width(ch);
    if (w + cw > max - tail.length) break;
    out += ch;
    w += cw;
  }
  return out + tail;
}

/** uitable's String() plus the newline helm's EncodeTable adds. */
export function formatTable(rows: string[][], maxColWidth = 0): string {
  const cells = rows.map((r) => r.map((c) => (maxColWidth > 0 ? truncate(c, maxColWidth) : c)));
  const widths: number[] = [];
  for (const r of cells) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(c));
    });
  }
  const lines = cells.map((r) => r.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join("\t"));
  return `${lines.join("\n")}\n`;
}

/** helm's EncodeJSON: compact JSON and a newline. */
export function encodeJSON(v: unknown): string {
  return `${marshalOrderedJSON(v, "")}\n`;
}

/** helm's EncodeYAML (sigs.k8s.io/yaml.Marshal). */
export function encodeYAML(v: unknown): string {
  return toYAML(v);
}
