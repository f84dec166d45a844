// Clones of a template set share the trees parsed into them (helm's tpl parses
// its text into a fresh clone at every call): the same text parses once, a
// clone still sees its own defines, errors come back every time, and a clone
// given a new function name parses afresh (a function named "break" turns the
// keyword into a call, as Go's lexer does).
import assert from "node:assert/strict";
import { test } from "node:test";
import { TemplateSet } from "../../src/template/index.ts";
import type { GoFunc } from "../../src/template/value.ts";

const upper: GoFunc = { params: ["string"], result: "string", fn: (s) => (s as string).toUpperCase() };

test("clones parse the same text once and still keep their defines apart", () => {
  const set = new TemplateSet({ funcs: { upper } });
  set.parse("a", '{{ define "d" }}1{{ end }}');
  const text = '{{ define "d" }}2{{ end }}{{ template "d" }}{{ upper "x" }}';
  const c1 = set.clone();
  c1.parse("gotpl", text);
  const c2 = set.clone();
  c2.parse("gotpl", text);
  assert.equal(c2.lookup("gotpl"), c1.lookup("gotpl"));
  assert.equal(c1.execute("gotpl", null), "2X");
  assert.equal(c2.execute("gotpl", null), "2X");
  assert.equal(set.execute("d", null), "1");
});

test("a parse error in a clone is raised at every parse", () => {
  const set = new TemplateSet({ funcs: {} });
  for (let i = 0; i < 2; i++) {
    assert.throws(() => set.clone().parse("gotpl", "{{ nope }}"), {
      message: 'template: gotpl:1: function "nope" not defined',
    });
  }
});

test("a clone given a new function name does not reuse trees parsed without it", () => {
  const set = new TemplateSet({ funcs: {} });
  const text = "{{ range . }}a{{ break }}{{ end }}";
  const c1 = set.clone();
  c1.parse("gotpl", text);
  assert.equal(c1.execute("gotpl", [1, 2]), "a");
  const c2 = set.clone();
  c2.addFuncs({ break: { params: [], result: "string", fn: () => "B" } });
  c2.parse("gotpl", text);
  assert.equal(c2.execute("gotpl", [1, 2]), "aBaB");
});
