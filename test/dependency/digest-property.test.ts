// Property test: Chart.lock digests (helm's HashReq: json.Marshal of the
// Dependency structs, HTML escapes, omitempty, key order) equal helm's for
// generated dependency lists: constraints, conditions, tags, enabled,
// import-values and aliases with characters JSON escapes. Charts live in
// charts/ so no network is needed. Longer runs: DEP_DIGEST_RUNS=200.
import { test } from "node:test";
import fc from "fast-check";
import { newHome, sideBySide } from "./harness.ts";

const text = fc.constantFrom(
  "a.b",
  "x<y",
  "a&b",
  'q"t',
  "é",
  "tab\there",
  "\u2028",
  "<>&",
  "",
  "back\\slash",
);
const constraint = fc.constantFrom(
  "*",
  ">=1.0.0 <2.0.0",
  "^1",
  "~1.2",
  "1.2.3",
  ">0.1.0-0 || <3",
  "1.x",
  "!=1.0.0",
);
const importValue = fc.oneof(text, fc.record({ child: text, parent: text }));
const depGen = fc.record({
  version: constraint,
  condition: text,
  tags: fc.array(text, { maxLength: 3 }),
  enabled: fc.boolean(),
  importValues: fc.array(importValue, { maxLength: 3 }),
  alias: fc.boolean(),
});

const q = (s: string) => JSON.stringify(s);

test("Chart.lock digests equal helm's for generated dependency lists", async () => {
  const home = newHome();
  const runs = Number(process.env.DEP_DIGEST_RUNS ?? 12);
  await fc.assert(
    fc.asyncProperty(fc.array(depGen, { minLength: 1, maxLength: 4 }), async (deps) => {
      const tree: Record<string, string> = {};
      let yaml = "apiVersion: v2\nname: p\nversion: 1.0.0\ndependencies:\n";
      deps.forEach((d, i) => {
        const name = `d${i}`;
        tree[`p/charts/${name}/Chart.yaml`] = `apiVersion: v2\nname: ${name}\nversion: 1.2.3\n`;
        yaml += `- name: ${name}\n  version: ${q(d.version)}\n`;
        if (d.condition !== "") yaml += `  condition: ${q(d.condition)}\n`;
        if (d.tags.length > 0) yaml += `  tags: [${d.tags.map(q).join(", ")}]\n`;
        if (d.enabled) yaml += "  enabled: true\n";
        if (d.alias) yaml += `  alias: a${i}\n`;
        if (d.importValues.length > 0) {
          yaml += "  import-values:\n";
          for (const v of d.importValues) {
            yaml +=
              typeof v === "string"
                ? `    - ${q(v)}\n`
                : `    - child: ${q(v.child)}\n      parent: ${q(v.parent)}\n`;
          }
        }
      });
      tree["p/Chart.yaml"] = yaml;
      await sideBySide(home, tree, ["dependency", "update", "p", "--skip-refresh"]);
    }),
    { seed: 42, numRuns: runs },
  );
});
