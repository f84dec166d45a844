// The function map has exactly helm 4's names: every candidate name is asked
// of helm (a template naming a function helm lacks fails to parse with
// `function "x" not defined`), and the names helm accepts must be exactly ours.
import assert from "node:assert/strict";
import { test } from "node:test";
import { helmFunctionNames } from "../../src/funcs/index.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";

// Names that helm must NOT have, or that some Sprig/helm version had: they keep us honest.
const EXTRA_CANDIDATES = [
  "env",
  "expandenv",
  "md5sum",
  "randSeededNumeric",
  "durationSeconds",
  "durationMinutes",
  "durationTruncateTo",
  "toDuration",
  "mustToYamlPretty",
  "mustFromYaml",
  "mustToToml",
  "mustFromToml",
  "toYAML",
  "fromYAML",
  "toJSON",
  "lookupAll",
  "files",
  "Files",
  "gte",
  "lte",
  "toBool",
  "mustSemver",
  "camelCase",
  "snakeCase",
  "kebabCase",
  "trimRight",
  "trimLeft",
  "mustRegexQuoteMeta",
  "osJoin",
  "joinPath",
  "urlQuery",
  "sha384sum",
  "hasKeys",
  "mustGet",
  "mustDig",
  "uuidv7",
];

// text/template's own builtins parse whatever the FuncMap holds; Sprig overrides only `slice`.
const GO_BUILTINS = [
  "and",
  "call",
  "html",
  "index",
  "js",
  "len",
  "not",
  "or",
  "print",
  "printf",
  "println",
  "urlquery",
];
GO_BUILTINS.push("eq", "ge", "gt", "le", "lt", "ne");

test("the function names are exactly helm 4's", async () => {
  const candidates = [...new Set([...helmFunctionNames, ...EXTRA_CANDIDATES])].sort();
  const results = await helmRenderCases(
    candidates.map((n) => ({ template: `{{ if false }}{{ ${n} }}{{ end }}` })),
  );
  const helmHas: string[] = [];
  candidates.forEach((n, i) => {
    const r = results[i]!;
    if (r.error === undefined) helmHas.push(n);
    else assert.match(r.error, new RegExp(`function "${n}" not defined`), `unexpected helm error for ${n}`);
  });
  assert.deepEqual(helmFunctionNames, helmHas.sort());
  for (const b of GO_BUILTINS) assert.ok(!helmFunctionNames.includes(b), `${b} is a text/template builtin`);
});
