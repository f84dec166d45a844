// A set of associated templates sharing one function map, as Go's
// *template.Template with its `common` part: parse adds trees under Go's
// redefinition rules, execute runs one by name (re-entrant, for helm's
// include), clone copies the set (for helm's tpl).
import { BUILTINS } from "./builtins.ts";
import { TemplateExecError, TemplateParseError } from "./errors.ts";
import { type ExecEnv, type MissingKey, State } from "./exec.ts";
import { isEmptyTree } from "./nodes.ts";
import { parseTemplate, type Tree } from "./parse.ts";
import { quote } from "./strconv.ts";
import type { GoFunc, Value } from "./value.ts";

export interface TemplateSetOptions {
  funcs: Record<string, GoFunc>;
  missingKey?: MissingKey;
  /** Output size limit per execution, in characters (default 256 Mi). */
  maxOutput?: number;
  /** Name of the set's root template, shown when a lookup fails (helm's is "gotpl"). */
  rootName?: string;
}

export class TemplateSet implements ExecEnv {
  private trees = new Map<string, Tree>();
  private funcs: Record<string, GoFunc>;
  missingKey: MissingKey;
  readonly rootName: string;
  readonly maxOutput: number | undefined;
  /** Executions in progress on this set (include re-enters execute). */
  private active = 0;
  /**
   * Trees parsed into clones, by name and text, shared by a set's clones:
   * helm's tpl parses its text into a fresh clone at every call, often the same
   * text, and parsing depends only on the text and the function names. Null on
   * a set that is no clone (each of its files is parsed once).
   */
  private parsed: Map<string, Map<string, Tree>> | null = null;

  constructor(opts: TemplateSetOptions) {
    this.funcs = { ...opts.funcs };
    this.missingKey = opts.missingKey ?? "default";
    this.rootName = opts.rootName ?? "gotpl";
    this.maxOutput = opts.maxOutput;
  }

  /** Go's Option("missingkey=..."): helm's tpl switches a clone to "error" in strict mode. */
  setMissingKey(mode: MissingKey): void {
    this.missingKey = mode;
  }

  /** Adds or replaces functions (Go's Template.Funcs). */
  addFuncs(funcs: Record<string, GoFunc>): void {
    // A new name may parse differently (an unknown function, break/continue): parse afresh.
    if (this.parsed !== null && Object.keys(funcs).some((n) => !Object.hasOwn(this.funcs, n))) {
      this.parsed = new Map();
    }
    Object.assign(this.funcs, funcs);
  }

  func(name: string): GoFunc | undefined {
    return Object.hasOwn(this.funcs, name) ? this.funcs[name] : undefined;
  }

  private hasFunction = (name: string): boolean =>
    Object.hasOwn(this.funcs, name) || Object.hasOwn(BUILTINS, name);

  /**
   * Parses `text` as template `name` with its define/block templates. A later
   * non-empty definition replaces an earlier one; an empty one (only spaces and
   * comments) never replaces an existing template (Go's associate rule).
   */
  parse(name: string, text: string): void {
    const key = this.parsed === null ? "" : `${name}\u0000${text}`;
    let trees = this.parsed?.get(key);
    if (trees === undefined) {
      trees = this.parseTrees(name, text);
      this.parsed?.set(key, trees);
    }
    // forEach, not for-of with destructuring: the iterator protocol is slow in cold code.
    trees.forEach((tree, n) => {
      const old = this.trees.get(n);
      if (old !== undefined && isEmptyTree(tree.root) && old.root !== null) return;
      this.trees.set(n, tree);
    });
  }

  private parseTrees(name: string, text: string): Map<string, Tree> {
    try {
      return parseTemplate(name, text, this.hasFunction);
    } catch (e) {
      // Deeply nested parentheses can exhaust JavaScript's stack before Go's
      // own limit (10000) is reached; report Go's message instead of crashing.
      if (e instanceof RangeError) throw new TemplateParseError(name, 1, "max expression depth exceeded");
      throw e;
    }
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  names(): string[] {
    return [...this.trees.keys()];
  }

  lookup(name: string): Tree | undefined {
    return this.trees.get(name);
  }

  /** Executes template `name` with `data` as dot and $; returns the output. */
  execute(name: string, data: Value): string {
    const tree = this.trees.get(name);
    if (tree === undefined) {
      throw new TemplateExecError(
        `template: no template ${quote(name)} associated with template ${quote(this.rootName)}`,
        name,
      );
    }
    const state = new State(this, name, data === null ? undefined : data);
    this.active++;
    try {
      if (tree.root === null) state.errorf(`${quote(name)} is an incomplete or empty template`);
      state.walk(data === null ? undefined : data, tree.root!);
    } catch (e) {
      // Go stops runaway recursion at depth 100000 ("exceeded maximum template
      // depth"); JavaScript's stack overflows long before, so the outermost
      // execution turns that RangeError into a template error instead of a crash.
      if (e instanceof RangeError && this.active === 1) {
        throw new TemplateExecError(
          `template: ${name}: exceeded maximum template depth (JavaScript stack exhausted)`,
          name,
        );
      }
      throw e;
    } finally {
      this.active--;
    }
    return state.out.join("");
  }

  /** A copy sharing the parsed trees, for parsing more text without touching this set. */
  clone(): TemplateSet {
    const c = new TemplateSet({
      funcs: this.funcs,
      missingKey: this.missingKey,
      rootName: this.rootName,
      maxOutput: this.maxOutput,
    });
    c.trees = new Map(this.trees);
    this.parsed ??= new Map();
    c.parsed = this.parsed;
    return c;
  }
}

/** Convenience for tests: parse text as `name` and execute it. */
export function renderTemplate(
  text: string,
  data: Value,
  funcs: Record<string, GoFunc> = {},
  name = "template",
  missingKey: MissingKey = "default",
): string {
  const set = new TemplateSet({ funcs, missingKey });
  set.parse(name, text);
  return set.execute(name, data);
}
