// values.schema.json validation against helm 4 (santhosh-tekuri/jsonschema v6
// wording): each case is a chart with a schema, rendered by helm and capstan.
// Cases keep to one failing property per object where helm's own order is
// that of a Go map (random).
import assert from "node:assert/strict";
import { test } from "node:test";
import { differentialTemplate } from "../helpers/differential.ts";

const base = {
  "Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
  "templates/t.yaml": "v: {{ toJson .Values }}\n",
};

function chart(schema: object | string, values = "", extra: Record<string, string> = {}) {
  return {
    ...base,
    "values.schema.json": typeof schema === "string" ? schema : JSON.stringify(schema, null, 2),
    "values.yaml": values,
    ...extra,
  };
}

const D7 = "http://json-schema.org/draft-07/schema#";
const cases: [string, Record<string, string>, string[]?][] = [
  ["passes", chart({ $schema: D7, type: "object", properties: { a: { type: "integer" } } }, "a: 1\n")],
  ["integer from a float", chart({ properties: { a: { type: "integer" } } }, "a: 1.5\n")],
  ["integer from --set", chart({ properties: { a: { type: "integer" } } }), ["--set", "a=7"]],
  ["string from --set int", chart({ properties: { a: { type: "string" } } }), ["--set", "a=7"]],
  ["boolean", chart({ properties: { a: { type: "boolean" } } }, "a: yes-no\n")],
  ["null type", chart({ properties: { a: { type: "null" } } }, "a: 0\n")],
  ["object type", chart({ properties: { a: { type: "object" } } }, "a: [1]\n")],
  ["array type", chart({ properties: { a: { type: "array" } } }, "a: {b: 1}\n")],
  ["type list", chart({ properties: { a: { type: ["string", "null", "boolean"] } } }, "a: 1\n")],
  ["required one", chart({ required: ["a"] })],
  ["required several", chart({ required: ["a", "b", "c"] }, "b: 1\n")],
  [
    "nested",
    chart(
      { properties: { a: { properties: { b: { properties: { c: { minimum: 10 } } } } } } },
      "a: {b: {c: 5}}\n",
    ),
  ],
  [
    "several keywords on one property",
    chart({ properties: { a: { type: "string", minLength: 5, pattern: "^x" } } }, "a: abc\n"),
  ],
  ["items", chart({ properties: { a: { items: { type: "string" } } } }, "a: [x, 1, y, 2]\n")],
  [
    "items with nested failures",
    chart(
      {
        properties: {
          a: { items: { type: "object", required: ["n"], properties: { v: { type: "integer" } } } },
        },
      },
      "a: [{n: 1, v: x}, {v: 2}]\n",
    ),
  ],
  [
    "oneOf none",
    chart({ properties: { a: { oneOf: [{ type: "string" }, { type: "integer" }] } } }, "a: true\n"),
  ],
  ["anyOf", chart({ properties: { a: { anyOf: [{ type: "string" }, { minimum: 5 }] } } }, "a: 1\n")],
  ["allOf", chart({ properties: { a: { allOf: [{ type: "string" }, { minimum: 1 }] } } }, "a: 1\n")],
  ["not", chart({ properties: { a: { not: { type: "integer" } } } }, "a: 2\n")],
  ["enum one", chart({ properties: { a: { enum: ["x"] } } }, "a: y\n")],
  ["enum many", chart({ properties: { a: { enum: ["x", 1, null, true] } } }, "a: y\n")],
  ["const", chart({ properties: { a: { const: "x" } } }, "a: y\n")],
  ["minimum float", chart({ properties: { a: { minimum: 2.5 } } }, "a: 1.25\n")],
  ["exclusive bounds", chart({ properties: { a: { exclusiveMaximum: 3 } } }, "a: 3\n")],
  ["multipleOf", chart({ properties: { a: { multipleOf: 3 } } }, "a: 4\n")],
  ["big number", chart({ properties: { a: { maximum: 10 } } }, "a: 1000000\n")],
  ["string lengths", chart({ properties: { a: { maxLength: 2 } } }, "a: héllo\n")],
  ["array lengths", chart({ properties: { a: { minItems: 3 } } }, "a: [1]\n")],
  ["uniqueItems", chart({ properties: { a: { uniqueItems: true } } }, "a: [1, 2, 1]\n")],
  ["object sizes", chart({ properties: { a: { maxProperties: 1 } } }, "a: {x: 1, y: 2}\n")],
  ["additional property", chart({ properties: { a: {} }, additionalProperties: false }, "a: 1\nb: 2\n")],
  ["patternProperties", chart({ patternProperties: { "^x": { type: "string" } } }, "xa: 1\n")],
  ["dependentRequired", chart({ properties: { a: { dependentRequired: { x: ["y"] } } } }, "a: {x: 1}\n")],
  [
    "$ref to definitions",
    chart(
      {
        definitions: { port: { type: "integer", maximum: 65535 } },
        properties: { p: { $ref: "#/definitions/port" } },
      },
      "p: 70000\n",
    ),
  ],
  [
    "2020-12 $defs",
    chart(
      {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $defs: { s: { type: "string" } },
        properties: { a: { $ref: "#/$defs/s" } },
      },
      "a: 1\n",
    ),
  ],
  [
    "2020-12 prefixItems",
    chart(
      {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        properties: { a: { prefixItems: [{ type: "string" }] } },
      },
      "a: [1]\n",
    ),
  ],
  [
    "2019-09",
    chart(
      { $schema: "https://json-schema.org/draft/2019-09/schema", properties: { a: { type: "string" } } },
      "a: 1\n",
    ),
  ],
  [
    "if/then",
    chart(
      '{"properties":{"a":{"if":{"properties":{"k":{"const":"x"}}},"then":{"required":["v"]}}}}',
      "a: {k: x}\n",
    ),
  ],
  ["format is not asserted", chart({ properties: { a: { format: "email" } } }, "a: nope\n")],
  ["invalid schema JSON", chart("{bad")],
  ["schema JSON cut short", chart("[1,")],
  ["schema JSON with trailing data", chart("{} x")],
  ["empty schema file", chart("")],
  ["blank schema file", chart("  \n")],
  ["schema JSON missing colon", chart('{"a" 1}')],
  [
    "root and subchart both fail",
    chart({ required: ["r"] }, "s: {x: bad}\n", {
      "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 1.0.0\n",
      "charts/s/values.schema.json": JSON.stringify({ properties: { x: { type: "integer" } } }),
    }),
  ],
  [
    "subchart values not an object",
    chart({}, "", {
      "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 1.0.0\n",
      "charts/s/values.schema.json": "{}",
    }),
    ["--set", "s=1"],
  ],
  ["--skip-schema-validation", chart({ required: ["a"] }), ["--skip-schema-validation"]],
  ...refGroupCases(),
];

/**
 * v6 groups the errors of every subschema it applies, also on the way to a
 * $ref (ajv names a $ref's errors from the definition alone): a map whose
 * additionalProperties is a $ref groups its failing entries under the map,
 * likewise items, prefixItems, patternProperties and allOf branches. Each
 * object has one failing member (v6 walks objects in Go's random map order);
 * a root-level `required` keeps the root group from being unwrapped.
 */
function refGroupCases(): [string, Record<string, string>][] {
  const D20 = "https://json-schema.org/draft/2020-12/schema";
  const P = {
    type: "object",
    properties: { image: { type: "string" }, port: { type: "integer" } },
    required: ["image"],
  };
  const map = (sub: object, extra: object = {}) => ({ type: "object", additionalProperties: sub, ...extra });
  const list = (items: object, extra: object = {}) => ({ type: "array", items, ...extra });
  const both = (
    name: string,
    props: (ref: string) => object,
    values: string,
  ): [string, Record<string, string>][] => [
    [
      `${name} (2020-12)`,
      chart({ $schema: D20, required: ["q"], properties: props("#/$defs/P"), $defs: { P } }, values),
    ],
    [
      `${name} (draft-07)`,
      chart(
        { $schema: D7, required: ["q"], properties: props("#/definitions/P"), definitions: { P } },
        values,
      ),
    ],
  ];
  return [
    ...both(
      "$ref map entry and minProperties",
      (r) => ({ plugins: map({ $ref: r }, { minProperties: 3 }) }),
      "plugins:\n  a: {image: 1}\n",
    ),
    ...both(
      "$ref map entry, map required",
      (r) => ({ plugins: map({ $ref: r }, { required: ["z"] }) }),
      "plugins:\n  a: {image: 1}\n",
    ),
    ...both(
      "$ref items, two fail",
      (r) => ({ l: list({ $ref: r }) }),
      "l:\n  - {image: 1}\n  - {}\n  - {image: ok}\n",
    ),
    ...both(
      "$ref items and minItems",
      (r) => ({ l: list({ $ref: r }, { minItems: 5 }) }),
      "l:\n  - {image: 1}\n",
    ),
    ...both(
      "$ref patternProperties and minProperties",
      (r) => ({ m: { type: "object", minProperties: 4, patternProperties: { "^p-": { $ref: r } } } }),
      "m:\n  p-a: {image: 1}\n  x: 1\n",
    ),
    ...both(
      "$ref map of maps",
      (r) => ({ outer: map(map({ $ref: r }, { minProperties: 2 })) }),
      "outer:\n  o:\n    a: {image: 1}\n",
    ),
    ...both(
      "$ref in allOf items",
      (r) => ({ l: { allOf: [list({ $ref: r })] } }),
      "l:\n  - {image: 1}\n  - {}\n",
    ),
    [
      "$ref map to a definition with an additionalProperties $ref",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { plugins: { $ref: "#/$defs/Plugins" } },
          $defs: { P, Plugins: map({ $ref: "#/$defs/P" }, { minProperties: 3 }) },
        },
        "plugins:\n  a: {image: 1}\n",
      ),
    ],
    [
      "$ref before its sibling keywords (2020-12)",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { plugins: map({ $ref: "#/$defs/P", required: ["name"] }) },
          $defs: { P },
        },
        "plugins:\n  a: {image: 1}\n",
      ),
    ],
    [
      "list of maps of $ref",
      chart(
        { $schema: D20, properties: { l: list(map({ $ref: "#/$defs/P" })) }, $defs: { P } },
        "l:\n  - a: {image: 1}\n  - b: {}\n",
      ),
    ],
    ...both(
      "$ref as an anyOf branch",
      (r) => ({ a: { anyOf: [{ $ref: r }, { type: "string" }] } }),
      "a: {image: 1}\n",
    ),
    ...both(
      "$ref as a oneOf branch",
      (r) => ({ a: { oneOf: [{ type: "string" }, { $ref: r }] } }),
      "a: {image: 1}\n",
    ),
    ...both(
      "list of lists of $ref",
      (r) => ({ l: list(list({ $ref: r })) }),
      "l:\n  - [{image: 1}, {}]\n  - [{}]\n",
    ),
    ...both(
      "$ref below a property with its own required",
      (r) => ({ a: { type: "object", required: ["z"], properties: { b: { $ref: r } } } }),
      "a: {b: {image: 1}}\n",
    ),
    ...both(
      "map with properties and an additionalProperties $ref",
      (r) => ({
        m: {
          type: "object",
          required: ["k"],
          properties: { k: { type: "string" } },
          additionalProperties: { $ref: r },
        },
      }),
      "m:\n  x: {image: 1}\n",
    ),
    ...both(
      "$ref items and contains",
      (r) => ({ l: list({ $ref: r }, { contains: { type: "string" } }) }),
      "l:\n  - {image: 1}\n  - {}\n",
    ),
    ...[D20, D7].map((d): [string, Record<string, string>] => [
      `recursive $ref to the root (${d === D7 ? "draft-07" : "2020-12"})`,
      chart(
        {
          $schema: d,
          required: ["name"],
          properties: { name: { type: "string" }, children: list({ $ref: "#" }) },
        },
        "name: r\nchildren:\n  - {name: 1}\n  - {children: [{name: 2}]}\n",
      ),
    ]),
    ...[
      [D20, "$defs"],
      [D7, "definitions"],
      [undefined, "definitions"],
    ].flatMap(([d, defs]): [string, Record<string, string>][] => {
      const V = {
        type: "object",
        required: ["a"],
        properties: { b: { type: "string" }, l: list({ $ref: `#/${defs}/P` }) },
      };
      const root = { ...(d ? { $schema: d } : {}), $ref: `#/${defs}/V`, [defs!]: { V, P } };
      const name = d === D20 ? "2020-12" : d === D7 ? "draft-07" : "no $schema";
      return [
        [`root $ref, two errors (${name})`, chart(root, "b: 1\n")],
        [`root $ref, an error through a nested $ref (${name})`, chart(root, "l:\n  - {}\n")],
        [`root $ref, one error (${name})`, chart(root, "a: 1\nb: 2\n")],
      ];
    }),
    [
      "$ref at the root beside required (2020-12)",
      chart(
        {
          $schema: D20,
          $ref: "#/$defs/R",
          required: ["q"],
          $defs: { R: { properties: { l: list({ $ref: "#/$defs/P" }) } }, P },
        },
        "l:\n  - {}\n  - {image: 2}\n",
      ),
    ],
    [
      "$ref target with minProperties and required (v6 order)",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { a: { type: "object", properties: { b: { $ref: "#/$defs/Q" } } } },
          $defs: { Q: { type: "object", required: ["x", "y"], minProperties: 4 } },
        },
        "a: {b: {z: 1}}\n",
      ),
    ],
    [
      "$ref chain at map entries",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { m: map({ $ref: "#/$defs/A" }, { minProperties: 3 }) },
          $defs: { A: { $ref: "#/$defs/P" }, P },
        },
        "m:\n  a: {image: 1}\n",
      ),
    ],
    [
      "map entry $ref whose items $ref fail (draft-07)",
      chart(
        {
          $schema: D7,
          required: ["q"],
          properties: { plugins: map({ $ref: "#/definitions/Plug" }) },
          definitions: {
            Plug: { type: "object", properties: { env: list({ $ref: "#/definitions/Env" }) } },
            Env: { type: "object", required: ["name"], properties: { value: { type: "string" } } },
          },
        },
        "plugins:\n  a:\n    env:\n      - {name: x, value: 1}\n      - {value: y}\n",
      ),
    ],
    ...both(
      "$ref under contains",
      (r) => ({ l: { type: "array", contains: { $ref: r } } }),
      "l:\n  - {image: 1}\n  - {}\n",
    ),
    ...both(
      "$ref under then",
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
      (r) => ({ a: { if: { type: "array" }, then: { items: { $ref: r } } } }),
      "a:\n  - {image: 1}\n  - {}\n",
    ),
    ...both(
      "map $ref inside a oneOf branch",
      (r) => ({ a: { oneOf: [map({ $ref: r }), { type: "null" }] } }),
      "a:\n  x: {image: 1}\n",
    ),
    [
      "items $ref to an anyOf of $refs",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { l: list({ $ref: "#/$defs/U" }) },
          $defs: {
            U: { anyOf: [{ $ref: "#/$defs/P" }, { $ref: "#/$defs/S" }] },
            P,
            S: { type: "string", minLength: 3 },
          },
        },
        "l:\n  - {image: 1}\n  - ok-string\n  - ab\n",
      ),
    ],
    // v6 validates a property name as an instance of its own: the error shows at ''.
    [
      "propertyNames below the root",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { o: { type: "object", properties: { m: { propertyNames: { minLength: 3 } } } } },
        },
        "o: {m: {ab: 1}}\n",
      ),
    ],
    [
      "propertyNames $ref",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: { m: { type: "object", propertyNames: { $ref: "#/$defs/S" } } },
          $defs: { S: { type: "string", minLength: 3 } },
        },
        "m:\n  ab: 1\n",
      ),
    ],
    // helm's v6 names an item after a tuple by its index among the extra items ('/t/2' → '/t/0').
    [
      "prefixItems and items $ref",
      chart(
        {
          $schema: D20,
          required: ["q"],
          properties: {
            t: {
              type: "array",
              prefixItems: [{ $ref: "#/$defs/P" }, { type: "string" }],
              items: { $ref: "#/$defs/P" },
            },
          },
          $defs: { P },
        },
        "t:\n  - {image: 1}\n  - 2\n  - {}\n  - {image: 3}\n",
      ),
    ],
    [
      "tuple items and additionalItems $ref (draft-07)",
      chart(
        {
          $schema: D7,
          required: ["q"],
          properties: {
            t: {
              type: "array",
              items: [{ $ref: "#/definitions/P" }, { type: "string" }],
              additionalItems: { $ref: "#/definitions/P" },
            },
          },
          definitions: { P },
        },
        "t:\n  - {image: 1}\n  - 2\n  - {}\n",
      ),
    ],
  ];
}

for (const [name, files, args] of cases) {
  test(`schema: ${name}`, async () => {
    const c = await differentialTemplate(files, args ?? []);
    assert.ok(c.equal, c.diff);
  });
}

test("schema: two schemas with one $id in one chart tree", async () => {
  const files = chart({ $id: "https://example.com/s", required: ["r"] }, "s: {x: bad}\n", {
    "charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 1.0.0\n",
    "charts/s/values.schema.json": JSON.stringify({
      $id: "https://example.com/s",
      properties: { x: { type: "integer" } },
    }),
  });
  const c = await differentialTemplate(files);
  assert.ok(c.equal, c.diff);
});
