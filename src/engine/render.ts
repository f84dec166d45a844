// helm's engine.Render: parse every template of a chart tree into one template
// set (so `define`s are shared), execute each non-partial template with its
// chart's scope, and report errors in helm's words. The context-dependent
// functions (include, tpl, required, fail, lookup, getHostByName) are bound here.
import { TemplateSet } from "../template/index.ts";
import { GO_TYPE, GoError, type GoFunc, type GoMap, type Value } from "../template/value.ts";
import { allTemplates, type EngineChart, type Renderable } from "./context.ts";
import { cleanupExecError, cleanupParseError, RenderError, warnWrap } from "./errors.ts";
import type { ToYAML } from "./files.ts";
import { pathBase } from "./gostrings.ts";

export interface EngineOptions {
  /** The function map (helm's funcMap without the context-bound functions). */
  funcs: Record<string, GoFunc>;
  toYAML: ToYAML;
  /** --strict: missing keys are errors. */
  strict?: boolean;
  /** Lint mode: `required` and `fail` only log (through `log`) and return "". */
  lintMode?: boolean;
  /** helm's slog lines in lint mode: level, message, attributes. */
  log?: (level: "WARN" | "INFO", msg: string, attrs: [string, string][]) => void;
  /** A cluster-backed `lookup`; without one, lookup returns an empty map. */
  lookup?: GoFunc;
  /** helm's --enable-dns; off, getHostByName returns "". */
  enableDNS?: boolean;
  warn?: (msg: string) => void;
}

// helm's recursionMaxNums: how deep one name may include itself.
const RECURSION_MAX = 1000;

/** Renders all templates of chart with top-level values; returns path → rendered text. */
export function renderTemplates(chart: EngineChart, top: GoMap, opts: EngineOptions): Map<string, string> {
  return renderRenderables(allTemplates(chart, top, opts.toYAML), opts);
}

/** helm's byPathLen, reversed: deeper paths first, then reverse lexical order. */
export function sortTemplates(names: Iterable<string>): string[] {
  // Each name's depth is counted once, not at every comparison.
  const list = [...names];
  const depths = new Map<string, number>();
  for (const n of list) {
    let d = 0;
    for (let i = n.indexOf("/"); i !== -1; i = n.indexOf("/", i + 1)) d++;
    depths.set(n, d);
  }
  return list.sort((a, b) => {
    const da = depths.get(a)!;
    const db = depths.get(b)!;
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

export function renderRenderables(tpls: Map<string, Renderable>, opts: EngineOptions): Map<string, string> {
  const missingKey = opts.strict ? "error" : "zero";
  const includedNames = new Map<string, number>();
  // include/tpl close over the set, so they are added once it exists.
  const set = new TemplateSet({ funcs: {}, missingKey, rootName: "gotpl" });
  set.addFuncs(bindFuncs(set, includedNames, opts));
  const keys = sortTemplates(tpls.keys());
  for (const name of keys) {
    try {
      set.parse(name, tpls.get(name)!.text);
    } catch (e) {
      throw cleanupParseError(name, e as Error);
    }
  }
  const rendered = new Map<string, string>();
  for (const name of keys) {
    if (pathBase(name).startsWith("_")) continue;
    const r = tpls.get(name)!;
    const tmpl: GoMap = new Map([
      ["Name", name],
      ["BasePath", r.basePath],
    ]);
    tmpl[GO_TYPE] = "common.Values";
    r.vals.set("Template", tmpl);
    let out: string;
    try {
      out = set.execute(name, r.vals);
    } catch (e) {
      throw cleanupExecError(name, e as Error);
    }
    // Most outputs hold no "<no value>": one search, no copy.
    rendered.set(name, out.includes("<no value>") ? out.replaceAll("<no value>", "") : out);
  }
  return rendered;
}

/** The functions that close over the template set and the engine's options. */
function bindFuncs(
  set: TemplateSet,
  includedNames: Map<string, number>,
  opts: EngineOptions,
): Record<string, GoFunc> {
  const funcs: Record<string, GoFunc> = { ...opts.funcs };
  const strict = !!opts.strict;
  funcs.include = includeFunc(set, includedNames);
  funcs.tpl = tplFunc(set, includedNames, strict);
  funcs.required = {
    params: ["string", "interface {}"],
    result: "interface {}",
    returnsError: true,
    fn: (warn, val) => {
      if (val === null || val === "") {
        if (opts.lintMode) {
          opts.log?.("WARN", "missing required value", [["message", warn as string]]);
          return "";
        }
        throw new GoError(warnWrap(warn as string));
      }
      return val;
    },
  };
  funcs.fail = {
    params: ["string"],
    result: "string",
    returnsError: true,
    fn: (msg) => {
      if (opts.lintMode) {
        opts.log?.("INFO", "funcMap fail", [["message", msg as string]]);
        return "";
      }
      throw new GoError(warnWrap(msg as string));
    },
  };
  funcs.lookup = opts.lookup ?? {
    params: ["string", "string", "string", "string"],
    result: "map[string]interface {}",
    returnsError: true,
    fn: () => new Map(),
  };
  if (!opts.enableDNS) funcs.getHostByName = { params: ["string"], result: "string", fn: () => "" };
  return funcs;
}

function includeFunc(set: TemplateSet, includedNames: Map<string, number>): GoFunc {
  return {
    params: ["string", "interface {}"],
    result: "string",
    returnsError: true,
    fn: (name, data) => {
      const n = name as string;
      // Go's ExecuteTemplate names the root template ("gotpl" in helm) in this error.
      if (!set.has(n))
        throw new GoError(`template: no template ${goQuote(n)} associated with template "gotpl"`);
      const count = includedNames.get(n) ?? 0;
      if (count > RECURSION_MAX) {
        throw new GoError(`rendering template has a nested reference name: ${n}: unable to execute template`);
      }
      includedNames.set(n, count + 1);
      try {
        return set.execute(n, data as Value);
      } finally {
        includedNames.set(n, (includedNames.get(n) ?? 1) - 1);
      }
    },
  };
}

function tplFunc(parent: TemplateSet, includedNames: Map<string, number>, strict: boolean): GoFunc {
  return {
    params: ["string", "interface {}"],
    result: "string",
    returnsError: true,
    fn: (text, vals) => {
      // helm parses the text into a clone of the whole set (so it sees every
      // define) under the root template's name, with include/tpl re-bound to the clone.
      const t = parent.clone();
      t.setMissingKey(strict ? "error" : "zero");
      t.addFuncs({ include: includeFunc(t, includedNames), tpl: tplFunc(t, includedNames, strict) });
      try {
        t.parse("gotpl", text as string);
      } catch (e) {
        throw new GoError(`cannot parse template ${goQuote(text as string)}: ${(e as Error).message}`);
      }
      let out: string;
      try {
        out = t.execute("gotpl", vals as Value);
      } catch (e) {
        throw new GoError(
          `error during tpl function execution for ${goQuote(text as string)}: ${(e as Error).message}`,
        );
      }
      return out.replaceAll("<no value>", "");
    },
  };
}

/** %q of a string, enough for error texts (the fmt module has the full rules). */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

export { RenderError };
