// .Files: helm's engine.files, a map[string][]byte of the chart's non-template
// files with Get, GetBytes, Glob, Lines, AsConfig and AsSecrets. It is a tagged
// Map, so len, range, index and printing treat it as the Go map it is.
import { goString } from "../template/gostring.ts";
import { registerUnderlyingType } from "../template/gotypes.ts";
import { GO_METHODS, GO_TYPE, type GoFunc, type GoMap, type Value } from "../template/value.ts";
import { base64Encode } from "../yaml/json-encode.ts";
import { compileGlob } from "./glob.ts";
import { pathBase } from "./gostrings.ts";

export type ToYAML = (v: unknown) => string;

registerUnderlyingType("engine.files", "map[string][]uint8");

export function newFiles(entries: Map<string, Uint8Array>, toYAML: ToYAML): GoMap {
  const files: GoMap = new Map(entries as Map<string, Value>);
  files[GO_TYPE] = "engine.files";
  const bytesOf = (name: string) => entries.get(name);
  const stringMap = (f: (b: Uint8Array) => string): GoMap => {
    const m: GoMap = new Map();
    m[GO_TYPE] = "map[string]string";
    for (const [k, v] of entries) m.set(pathBase(k), f(v));
    return m;
  };
  const methods: Record<string, GoFunc> = {
    Get: {
      params: ["string"],
      result: "string",
      fn: (n) => goString(bytesOf(n as string) ?? new Uint8Array(0)),
    },
    GetBytes: { params: ["string"], result: "[]uint8", fn: (n) => bytesOf(n as string) ?? new Uint8Array(0) },
    Glob: {
      params: ["string"],
      result: "engine.files",
      fn: (p) => {
        const re = compileGlob(p as string) ?? /^[\s\S]*$/;
        const out = new Map<string, Uint8Array>();
        for (const [name, data] of entries) if (re.test(name)) out.set(name, data);
        return newFiles(out, toYAML);
      },
    },
    Lines: {
      params: ["string"],
      result: "[]string",
      fn: (p) => {
        const out: Value[] & { [GO_TYPE]?: string } = [];
        out[GO_TYPE] = "[]string";
        const b = bytesOf(p as string);
        if (!b) return out;
        let s = goString(b);
        if (s.endsWith("\n")) s = s.slice(0, -1);
        out.push(...s.split("\n"));
        return out;
      },
    },
    AsConfig: { params: [], result: "string", fn: () => toYAML(stringMap((b) => goString(b))) },
    AsSecrets: { params: [], result: "string", fn: () => toYAML(stringMap(base64Encode)) },
  };
  files[GO_METHODS] = methods;
  return files;
}
