// Regression cases reduced from differences found by rendering public charts
// of the wider ecosystem (prometheus-community, grafana, ingress-nginx, argo,
// cert-manager, hashicorp, ...) with helm 4 and capstan. Each case is written
// for this suite; expected output always comes from running helm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";
import { compareCases, formatMismatches, type TemplateCase } from "../helpers/template-cases.ts";

test("template snippets from ecosystem charts render as helm renders them", async () => {
  const cases: TemplateCase[] = [
    // concat starts from a nil slice: non-empty results must still marshal as lists
    // (node-exporter builds sidecar volumeMounts this way).
    { template: "{{ concat (list 1) (list 2) | default list | toYaml }}" },
    { template: '{{ concat ("- a: 1" | fromYamlArray) (list 2) | toYaml }}' },
    {
      template: '{{ concat (list) (list) | toJson }}|{{ concat | toJson }}|{{ concat (list) | default "d" }}',
    },
    {
      template:
        '{{ range .Values.s }}{{ $o := dict "m" (concat (list 1) (.m | default list)) }}{{ toYaml (merge $o . (dict "i" "x")) }}{{ end }}',
      values: "s:\n  - name: s\n    m:\n      - name: e\n",
    },
  ];
  const m = await compareCases(cases);
  assert.equal(m.length, 0, formatMismatches(m));
});

test("small charts built like ecosystem charts render as helm renders them", async () => {
  // A sidecar list merged over defaults, as the node exporter chart does it.
  await assertSameAsHelm({
    "Chart.yaml": "apiVersion: v2\nname: sidecars\nversion: 1.0.0\n",
    "values.yaml":
      "extra:\n  - name: v\n    path: /m\nsidecars:\n  - name: s\n    mounts:\n      - name: own\n",
    "templates/_h.tpl":
      '{{- define "mounts" -}}\n{{- range .Values.extra }}\n- name: {{ .name }}\n  mountPath: {{ .path }}\n{{- end }}\n{{- end }}\n',
    "templates/cm.yaml":
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  c: |\n    {{- range .Values.sidecars }}\n    {{- $o := dict "mounts" (concat (include "mounts" $ | fromYamlArray) (.mounts | default list) | default list) }}\n    {{- toYaml (merge $o .) | nindent 4 }}\n    {{- end }}\n',
  });
});

test("values schema: v6 stops at a failing type, const or enum (no further causes for that subschema)", async () => {
  const schema = JSON.stringify({
    $schema: "http://json-schema.org/draft-07/schema#",
    properties: {
      level: { enum: ["info", "debug"], type: ["string"] },
      strategy: { properties: { type: { enum: ["Recreate", "RollingUpdate"], type: "string" } } },
      port: { type: "integer", minimum: 0, enum: [1, 2] },
      fixed: { const: "x", enum: ["y"], maxLength: 0 },
      obj: { type: "object", required: ["a"], properties: { a: { type: "string", enum: ["q"] } } },
      list: { type: "array", items: { type: "string", enum: ["a"] }, minItems: 3 },
    },
  });
  const chart = (values: string) => ({
    "Chart.yaml": "apiVersion: v2\nname: schema-stop\nversion: 1.0.0\n",
    "values.yaml": values,
    "values.schema.json": schema,
    "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
  });
  // One violating key per run: helm lists sibling properties in Go map order.
  for (const v of [
    "level: 3\n",
    "level: warn\n",
    "strategy:\n  type: [x]\n",
    "port: -1.5\n",
    "port: -1\n",
    "fixed: zz\n",
    "obj: text\n",
    "obj:\n  a: 5\n",
    "list: [1, b]\n",
    "list: {}\n",
  ]) {
    await assertSameAsHelm(chart(v));
  }
});

test("values schema: v6 keyword semantics and messages (ref siblings, exact multipleOf, quoting, grouped causes)", async () => {
  const probes: [string, object, string][] = [
    // Up to draft-07 a $ref hides its siblings, type included.
    [
      "ref-sib-max",
      {
        $schema: "http://json-schema.org/draft-07/schema#",
        definitions: { s: { type: "string" } },
        properties: { e: { $ref: "#/definitions/s", maxLength: 1 } },
      },
      "e: toolong\n",
    ],
    [
      "ref-sib-type",
      {
        $schema: "http://json-schema.org/draft-07/schema#",
        definitions: { s: { type: "string" } },
        properties: { e: { $ref: "#/definitions/s", type: "integer" } },
      },
      "e: abc\n",
    ],
    [
      "ref-sib-04",
      {
        $schema: "http://json-schema.org/draft-04/schema#",
        definitions: { s: { type: "string" } },
        properties: { e: { $ref: "#/definitions/s", minLength: 10 } },
      },
      "e: abc\n",
    ],
    [
      "ref-2020",
      { $defs: { s: { type: "string" } }, properties: { e: { $ref: "#/$defs/s", maxLength: 1 } } },
      "e: abc\n",
    ],
    [
      "ref-root-07",
      {
        $schema: "http://json-schema.org/draft-07/schema#",
        $ref: "#/definitions/r",
        definitions: { r: { properties: { e: { type: "integer" } } } },
      },
      "e: abc\n",
    ],
    ["multiple-ok", { properties: { e: { multipleOf: 0.01 } } }, "e: 0.07\n"],
    ["multiple-bad", { properties: { e: { multipleOf: 0.1 } } }, "e: 0.35\n"],
    ["oneof-both", { properties: { e: { oneOf: [{ type: "string" }, { maxLength: 3 }] } } }, "e: ab\n"],
    [
      "dep-many",
      { $schema: "http://json-schema.org/draft-07/schema#", dependencies: { a: ["b", "c"] } },
      "a: 1\n",
    ],
    ["prop-names", { propertyNames: { pattern: "^[a-z]+$" } }, "Abc: 1\n"],
    ["contains", { properties: { e: { contains: { type: "integer" } } } }, "e: [a, b]\n"],
    ["min-contains", { properties: { e: { contains: { type: "integer" }, minContains: 2 } } }, "e: [a, 1]\n"],
    ["uneval", { properties: { a: {} }, unevaluatedProperties: false }, "a: 1\nb: 2\n"],
    ["enum-composite", { properties: { e: { enum: [1, "a", null, { k: 1 }] } } }, "e: b\n"],
    ["const-composite", { properties: { e: { const: { a: 1 } } } }, "e: x\n"],
    ["pattern-escapes", { properties: { e: { pattern: "^\\p{L}+'$" } } }, 'e: "a\\"b1"\n'],
  ];
  for (const [name, schema, values] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: v6-${name}\nversion: 1.0.0\n`,
      "values.yaml": values,
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: causes inside $ref targets are reported at the instance they apply to", async () => {
  // Shaped like generated chart schemas (a root $ref into $defs, one definition per value).
  const defs = {
    root: {
      additionalProperties: false,
      properties: { image: { $ref: "#/$defs/root.image" }, hook: { $ref: "#/$defs/root.hook" } },
      type: "object",
    },
    "root.image": {
      additionalProperties: false,
      properties: { tag: { $ref: "#/$defs/root.image.tag" } },
      type: "object",
    },
    "root.image.tag": { description: "tag", type: "string" },
    "root.hook": { type: "object", required: ["a", "b"], properties: { a: {} } },
    shared: { additionalProperties: false, properties: { a: {} } },
  };
  const probes: [string, object, string][] = [
    ["typo-nested", { $defs: defs, $ref: "#/$defs/root" }, "image: {tagg: v1}\n"],
    ["type-nested", { $defs: defs, $ref: "#/$defs/root" }, "image: {tag: 1}\n"],
    ["required-nested", { $defs: defs, $ref: "#/$defs/root" }, "hook: {c: 1}\n"],
    [
      "items-ref",
      { $defs: defs, properties: { x: { items: { $ref: "#/$defs/shared" } } } },
      "x: [{a: 1}, {b: 2}]\n",
    ],
    [
      "shared-ref",
      { $defs: defs, properties: { x: { $ref: "#/$defs/shared" }, y: { $ref: "#/$defs/shared" } } },
      "x: {b: 1}\n",
    ],
  ];
  for (const [name, schema, values] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: ref-${name}\nversion: 1.0.0\n`,
      "values.yaml": values,
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: formats asserted up to draft-07 with v6's reasons; nullable is no keyword", async () => {
  const d7 = "http://json-schema.org/draft-07/schema#";
  const probes: [string, object, string][] = [
    ["email", { $schema: d7, properties: { e: { format: "email" } } }, "e: notanemail\n"],
    ["email-dots", { $schema: d7, properties: { e: { format: "email" } } }, "e: a..b@x.io\n"],
    ["email-domain", { $schema: d7, properties: { e: { format: "email" } } }, "e: a@-x.io\n"],
    ["email-ok", { $schema: d7, properties: { e: { format: "email" } } }, "e: a@b.co\n"],
    ["hostname", { $schema: d7, properties: { e: { format: "hostname" } } }, "e: a_b.com\n"],
    ["ipv4", { $schema: d7, properties: { e: { format: "ipv4" } } }, "e: 1.2.3.256\n"],
    ["ipv4-zeros", { $schema: d7, properties: { e: { format: "ipv4" } } }, "e: 1.02.3.4\n"],
    [
      "uuid",
      { $schema: d7, properties: { e: { format: "uuid" } } },
      "e: 12345678-1234-1234-1234-12345678901z\n",
    ],
    ["format-blocks", { $schema: d7, properties: { e: { format: "email", maxLength: 2 } } }, "e: abc\n"],
    ["unknown-format", { $schema: d7, properties: { e: { format: "int32" } } }, "e: abc\n"],
    ["format-2020", { properties: { e: { format: "email" } } }, "e: notanemail\n"],
    ["nullable", { properties: { e: { type: "string", nullable: true } } }, "e: null\n"],
  ];
  for (const [name, schema, values] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: fmt-${name}\nversion: 1.0.0\n`,
      "values.yaml": values,
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: pattern and patternProperties are Go regular expressions (RE2)", async () => {
  const probes: [string, object, string][] = [
    ["inline-flag", { properties: { e: { pattern: "(?i)^(true|false)$" } } }, "e: 'TRUE'\n"],
    ["inline-flag-bad", { properties: { e: { pattern: "(?i)^(true|false)$" } } }, "e: 'x'\n"],
    ["text-anchors", { properties: { e: { pattern: "\\Aabc\\z" } } }, "e: abc\n"],
    ["named-group", { properties: { e: { pattern: "(?P<x>a)" } } }, "e: a\n"],
    ["posix-class", { properties: { e: { pattern: "^[[:alpha:]]+$" } } }, "e: abc\n"],
    ["unicode-class", { properties: { e: { pattern: "^\\p{Lu}+$" } } }, "e: ÄB\n"],
    [
      "pattern-props",
      { patternProperties: { "(?i)^X-": { type: "integer" }, "^y": { type: "string" } } },
      "x-a: s\ny: s\n",
    ],
  ];
  for (const [name, schema, values] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: re2-${name}\nversion: 1.0.0\n`,
      "values.yaml": values,
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: a draft-07 schema is first checked against its metaschema, as helm does", async () => {
  const d7 = "http://json-schema.org/draft-07/schema#";
  const probes: [string, object][] = [
    ["required-bool", { $schema: d7, properties: { e: { type: "string", required: true } } }],
    [
      "examples-string",
      { $schema: "http://json-schema.org/draft-07/schema", properties: { e: { examples: "x" } } },
    ],
    ["bad-regex", { $schema: d7, properties: { e: { pattern: "(a)\\1" } } }],
    ["perl-regex", { $schema: d7, properties: { e: { pattern: "^(?!x).*$" } } }],
    ["minimum-string", { $schema: d7, properties: { e: { minimum: "5" } } }],
    ["enum-empty", { $schema: d7, properties: { e: { enum: [] } } }],
    // A recursive schema: causes found through "#" land at the right instance.
    ["recursive", { $schema: d7, properties: { e: { items: { $ref: "#" } }, n: { type: "integer" } } }],
  ];
  for (const [name, schema] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: meta-${name}\nversion: 1.0.0\n`,
      "values.yaml": name === "recursive" ? "e:\n  - n: x\n" : "e: a\n",
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: draft-04 boolean exclusiveMinimum/exclusiveMaximum", async () => {
  const d4 = "http://json-schema.org/draft-04/schema#";
  const probes: [string, object, string][] = [
    ["min-ok", { $schema: d4, properties: { e: { minimum: 5, exclusiveMinimum: true } } }, "e: 6\n"],
    ["min-bad", { $schema: d4, properties: { e: { minimum: 5, exclusiveMinimum: true } } }, "e: 5\n"],
    ["max-bad", { $schema: d4, properties: { e: { maximum: 5, exclusiveMaximum: true } } }, "e: 5\n"],
    ["max-false", { $schema: d4, properties: { e: { maximum: 5, exclusiveMaximum: false } } }, "e: 5\n"],
  ];
  for (const [name, schema, values] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: d4-${name}\nversion: 1.0.0\n`,
      "values.yaml": values,
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: draft-07 date, time and date-time formats with v6's and Go's reasons", async () => {
  const cases: [string, string][] = [
    ["date", "2021-13-01"],
    ["date", "2021-1-01"],
    ["date", "2021-02-30"],
    ["date", "2021/02/02"],
    ["date", "2021-02-28x"],
    ["date", "2024-02-29"],
    ["time", "25:00:00Z"],
    ["time", "12:00:00+0100"],
    ["time", "12:00:60Z"],
    ["date-time", "yesterday"],
    ["date-time", "2021-01-01 12:00:00Z"],
    ["date-time", "2021-13-01T12:00:00Z"],
    ["date-time", "2021-01-01T12:00:00+01:00"],
  ];
  for (const [i, [format, value]] of cases.entries()) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: dt-${i}\nversion: 1.0.0\n`,
      "values.yaml": `e: "${value}"\n`,
      "values.schema.json": JSON.stringify({
        $schema: "http://json-schema.org/draft-07/schema#",
        properties: { e: { format } },
      }),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: a 2020-12 schema (v6's default draft) is checked against its metaschema", async () => {
  const probes: [string, object][] = [
    ["required-bool", { properties: { e: { type: "string", required: true } } }],
    ["items-array", { properties: { e: { items: [{ type: "string" }] } } }],
    ["unknown-type", { properties: { e: { type: "strin" } } }],
    ["deep-defs", { $defs: { x: { properties: { y: { minimum: "1" } } } } }],
    [
      "draft07-type",
      { $schema: "http://json-schema.org/draft-07/schema#", properties: { e: { type: "int" } } },
    ],
    ["missing-pointer", { properties: { e: { $ref: "#/definitions/nope" } } }],
  ];
  for (const [name, schema] of probes) {
    await assertSameAsHelm({
      "Chart.yaml": `apiVersion: v2\nname: meta2020-${name}\nversion: 1.0.0\n`,
      "values.yaml": "e: a\n",
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});
