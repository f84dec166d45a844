// Regression cases reduced from differences found by rendering charts shipped
// inside Go modules (list A of the gomod corpus: kubernetes-sigs, cert-manager,
// kyverno, gatekeeper, dapr, aws controllers, ...) with helm 4 and capstan.
// Each case is written for this suite; expected output always comes from helm.
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";

test("kubeVersion constraints whose version lacks minor or patch but has a prerelease (>= 1.16-0)", async () => {
  const chart = (constraint: string) => ({
    "Chart.yaml": `apiVersion: v2\nname: kv\nversion: 1.0.0\nkubeVersion: "${constraint}"\n`,
    "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
  });
  // Masterminds completes "1.16-0" to 1.16.0-0 and keeps the x-range meaning
  // of the partial version for =, ~, >, <= and a bare major.
  const constraints = [
    ">= 1.16-0",
    ">1.16-0",
    "<=1.16-0",
    "1.35-0",
    "~1.34-0",
    "^1.16-0",
    "<= 1-0",
    ">=1.16-0 <1.35-0",
    "1-0",
    "!=1.35-0",
  ];
  for (const c of constraints) {
    for (const args of [
      [],
      ["--kube-version", "1.16.0"],
      ["--kube-version", "1.34.5"],
      ["--kube-version", "2.0.0"],
    ]) {
      await assertSameAsHelm(chart(c), args);
    }
  }
});

test("values schema: a failing $ref at the top stays 'validation failed' (v6 unwraps only a top group)", async () => {
  // vcluster's 2020-12 schema reaches every section through $ref.
  const chart = (schema: object, values: string) => ({
    "Chart.yaml": "apiVersion: v2\nname: refs\nversion: 1.0.0\n",
    "values.yaml": values,
    "values.schema.json": JSON.stringify(schema),
    "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
  });
  // Two causes in a fixed order (required before properties); sibling
  // properties would come in Go map order.
  const obj = { type: "object", required: ["q"], properties: { b: { type: "string" } } };
  const d2020 = "https://json-schema.org/draft/2020-12/schema";
  const d07 = "http://json-schema.org/draft-07/schema#";
  const probes: [object, string][] = [
    [{ $schema: d2020, properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: obj } }, "a:\n  b: 1\n"],
    [
      { $schema: d07, properties: { a: { $ref: "#/definitions/A" } }, definitions: { A: obj } },
      "a:\n  b: 1\n",
    ],
    [{ $schema: d2020, $ref: "#/$defs/R", $defs: { R: obj } }, "b: 1\n"],
    [{ $schema: d07, $ref: "#/definitions/R", definitions: { R: obj } }, "b: 1\n"],
    // One cause through the $ref: v6 skips the reference level.
    [{ $schema: d2020, properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: obj } }, "a:\n  q: 1\n  b: 1\n"],
    // Without $ref a top group unwraps; nested groups stay.
    [{ properties: { a: obj } }, "a:\n  b: 1\n"],
    [
      { properties: { a: { type: "object", required: ["r"], properties: { b: obj } } } },
      "a:\n  b:\n    b: 1\n",
    ],
  ];
  for (const [schema, values] of probes) await assertSameAsHelm(chart(schema, values));
});

test("values schema: a $ref reached through another $ref nests its 'validation failed' under it", async () => {
  const d2020 = "https://json-schema.org/draft/2020-12/schema";
  const schema = {
    $schema: d2020,
    properties: { a: { $ref: "#/$defs/A" }, d: { $ref: "#/$defs/B" } },
    $defs: {
      A: { type: "object", required: ["q"], properties: { b: { $ref: "#/$defs/B" } } },
      B: { type: "object", required: ["r"], properties: { x: { type: "string" } } },
    },
  };
  for (const values of [
    "a:\n  b:\n    x: 1\n",
    "a:\n  q: 1\n  b:\n    x: 1\n",
    "a:\n  b:\n    r: 1\n    x: 1\n",
  ]) {
    await assertSameAsHelm({
      "Chart.yaml": "apiVersion: v2\nname: refs\nversion: 1.0.0\n",
      "values.yaml": values,
      "values.schema.json": JSON.stringify(schema),
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
  }
});

test("values schema: a $ref without failing keywords of its own still wraps the $ref errors below it", async () => {
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    properties: { a: { $ref: "#/$defs/A" } },
    $defs: {
      A: { type: "array", items: { $ref: "#/$defs/B" } },
      B: { type: "object", properties: { x: { type: "string" } } },
    },
  };
  await assertSameAsHelm({
    "Chart.yaml": "apiVersion: v2\nname: refs\nversion: 1.0.0\n",
    "values.yaml": "a:\n  - x: 1\n  - x: 2\n",
    "values.schema.json": JSON.stringify(schema),
    "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
  });
});
