// TemplateSet's own contract (not Go semantics, which the oracle suites pin):
// error objects carry their parts, deep recursion and runaway output end in
// template errors instead of crashes, clones are independent, and functions
// may re-enter execute (helm's include).
import assert from "node:assert/strict";
import { test } from "node:test";
import { TemplateExecError, TemplateParseError, TemplateSet } from "../../src/template/index.ts";
import { GoError, type GoFunc, GoInt, type Value } from "../../src/template/value.ts";

test("parse errors expose template name, line and detail", () => {
  const set = new TemplateSet({ funcs: {} });
  assert.throws(
    () => set.parse("f.yaml", "a\nb\n{{ if }}"),
    (e: unknown) =>
      e instanceof TemplateParseError &&
      e.templateName === "f.yaml" &&
      e.message === `template: f.yaml:${e.line}: ${e.detail}` &&
      e.line === 3,
  );
});

test("execution errors expose location, action and detail", () => {
  const set = new TemplateSet({ funcs: {} });
  set.parse("f.yaml", "x\n  {{ index . 5 }}");
  assert.throws(
    () => set.execute("f.yaml", ["a"]),
    (e: unknown) =>
      e instanceof TemplateExecError &&
      e.templateName === "f.yaml" &&
      e.location === "f.yaml:2:5" &&
      e.context === "index . 5" &&
      e.message === `template: ${e.location}: executing "f.yaml" at <${e.context}>: ${e.detail}`,
  );
});

test("endless template recursion ends in a template error, and the set stays usable", () => {
  const set = new TemplateSet({ funcs: {} });
  set.parse("r", '{{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" . }}');
  set.parse("ok", "fine");
  assert.throws(() => set.execute("r", null), TemplateExecError);
  assert.equal(set.execute("ok", null), "fine");
});

test("endless recursion through a function that re-enters execute ends in a template error", () => {
  const set = new TemplateSet({ funcs: {} });
  const include: GoFunc = {
    params: ["string", "interface {}"],
    result: "string",
    returnsError: true,
    fn: (name, data) => set.execute(name as string, data),
  };
  set.addFuncs({ include });
  set.parse("r", '{{ define "x" }}{{ include "x" . }}{{ end }}{{ include "x" . }}');
  assert.throws(() => set.execute("r", null), TemplateExecError);
});

test("runaway output ends in a template error", () => {
  const set = new TemplateSet({ funcs: {}, maxOutput: 1000 });
  set.parse("big", "{{ range 100000 }}0123456789{{ end }}");
  assert.throws(() => set.execute("big", null), /template output exceeds the limit of 1000 characters/);
});

test("include-style re-entry renders nested templates", () => {
  const set = new TemplateSet({ funcs: {} });
  const include: GoFunc = {
    params: ["string", "interface {}"],
    result: "string",
    fn: (name, data) => set.execute(name as string, data),
  };
  set.addFuncs({ include });
  set.parse(
    "main",
    '{{ define "inner" }}<{{ . }}>{{ end }}[{{ include "inner" "a" }}{{ include "inner" "b" }}]',
  );
  assert.equal(set.execute("main", null), "[<a><b>]");
});

test("a function's GoError becomes `error calling NAME: ...` with the error as cause", () => {
  const boom = new GoError("boom");
  const fail: GoFunc = {
    params: [],
    result: "string",
    returnsError: true,
    fn: () => {
      throw boom;
    },
  };
  const set = new TemplateSet({ funcs: { fail } });
  set.parse("f", "{{ fail }}");
  assert.throws(
    () => set.execute("f", null),
    (e: unknown) =>
      e instanceof TemplateExecError && e.cause === boom && /error calling fail: boom$/.test(e.message),
  );
});

test("clones are independent; parsing into a clone leaves the original alone", () => {
  const set = new TemplateSet({ funcs: {} });
  set.parse("a", '{{ define "d" }}1{{ end }}{{ template "d" }}');
  const c = set.clone();
  c.parse("b", '{{ define "d" }}2{{ end }}');
  assert.equal(set.execute("a", null), "1");
  assert.equal(c.execute("a", null), "2");
  assert.equal(set.has("b"), false);
  assert.deepEqual(c.names().sort(), ["a", "b", "d"]);
});

test("executing an unknown name names the root template", () => {
  const set = new TemplateSet({ funcs: {} });
  assert.throws(() => set.execute("nope", null), {
    message: 'template: no template "nope" associated with template "gotpl"',
  });
});

test("execute is reusable: parse once, execute many times with different data", () => {
  const set = new TemplateSet({ funcs: {} });
  set.parse("t", "{{ range . }}{{ . }},{{ end }}");
  const runs: Value[] = [["a"], ["b", "c"], []];
  assert.deepEqual(
    runs.map((d) => set.execute("t", d)),
    ["a,", "b,c,", ""],
  );
});

test("methods registered for a tagged map type are found before its keys", async () => {
  const { registerMethods, GO_TYPE } = await import("../../src/template/index.ts");
  registerMethods("test.Named", (recv, name) =>
    name === "Size"
      ? { params: [], result: "int", fn: () => new GoInt(BigInt((recv as Map<string, Value>).size)) }
      : undefined,
  );
  const m = new Map<string, Value>([
    ["Size", "key"],
    ["a", 1],
  ]) as Map<string, Value> & { [GO_TYPE]?: string };
  m[GO_TYPE] = "test.Named";
  const set = new TemplateSet({ funcs: {} });
  set.parse("t", "{{ .Size }} {{ .a }}");
  assert.equal(set.execute("t", m), "2 1");
});
