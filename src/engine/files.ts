// .Files: helm's engine.files, a map[string][]byte of the chart's non-template
// files with Get, GetBytes, Glob, Lines, AsConfig and AsSecrets.
import { GO_TYPE, type GoFunc, type GoMap, GoObject, MARSHAL_JSON, type Value } from "../template/value.ts";
import { compileGlob } from "./glob.ts";
import { pathBase } from "./gostrings.ts";

export type ToYAML = (v: unknown) => string;

const utf8 = new TextDecoder("utf-8");

export class Files extends GoObject {
  readonly goType = "engine.files";
  readonly goKind = "map";
  constructor(
    readonly entries: Map<string, Uint8Array>,
    private readonly toYAML: ToYAML,
  ) {
    super();
  }

  override method(name: string): GoFunc | undefined {
    switch (name) {
      case "Get":
        return { params: ["string"], result: "string", fn: (n) => this.get(n as string) };
      case "GetBytes":
        return {
          params: ["string"],
          result: "[]uint8",
          fn: (n) => this.entries.get(n as string) ?? new Uint8Array(0),
        };
      case "Glob":
        return { params: ["string"], result: "engine.files", fn: (p) => this.glob(p as string) };
      case "Lines":
        return { params: ["string"], result: "[]string", fn: (p) => this.lines(p as string) };
      case "AsConfig":
        return { params: [], result: "string", fn: () => this.asConfig() };
      case "AsSecrets":
        return { params: [], result: "string", fn: () => this.asSecrets() };
    }
    return undefined;
  }

  /** Map view, for len/range/index/printing of the map kind. */
  mapEntries(): Map<string, Value> {
    return new Map([...this.entries].map(([k, v]) => [k, v as Value]));
  }

  override truth(): boolean {
    return this.entries.size > 0;
  }

  get(name: string): string {
    const b = this.entries.get(name);
    return b ? utf8.decode(b) : "";
  }

  glob(pattern: string): Files {
    const re = compileGlob(pattern) ?? /^[^]*$/;
    const out = new Map<string, Uint8Array>();
    for (const [name, data] of this.entries) if (re.test(name)) out.set(name, data);
    return new Files(out, this.toYAML);
  }

  lines(path: string): Value {
    const b = this.entries.get(path);
    const out: Value[] & { [GO_TYPE]?: string } = [];
    out[GO_TYPE] = "[]string";
    if (!b) return out;
    let s = utf8.decode(b);
    if (s.endsWith("\n")) s = s.slice(0, -1);
    out.push(...s.split("\n"));
    return out;
  }

  asConfig(): string {
    const m: GoMap = new Map();
    m[GO_TYPE] = "map[string]string";
    for (const [k, v] of this.entries) m.set(pathBase(k), utf8.decode(v));
    return this.toYAML(m);
  }

  asSecrets(): string {
    const m: GoMap = new Map();
    m[GO_TYPE] = "map[string]string";
    for (const [k, v] of this.entries) m.set(pathBase(k), base64(v));
    return this.toYAML(m);
  }

  [MARSHAL_JSON]() {
    const m = new Map<string, Value>();
    for (const [k, v] of this.entries) m.set(k, v);
    return m;
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 with padding, without Node's Buffer. */
export function base64(b: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  if (i < b.length) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : "=";
    out += "=";
  }
  return out;
}
