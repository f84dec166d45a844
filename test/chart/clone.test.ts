// Rendering processes dependencies in place; a clone keeps the loaded chart
// reusable, so one load can be rendered with many value sets.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { processDependencies } from "../../src/chart/dependencies.ts";
import { loadChartPath } from "../../src/node/fs-load.ts";
import { coalesceValues } from "../../src/values/coalesce.ts";
import { goJSON } from "../values/go-json.ts";
import { fixturesDir } from "./harness.ts";

function render(chart: ReturnType<typeof loadChartPath>, user: Map<string, unknown>): string {
  const c = chart.cloneTree();
  processDependencies(c, user);
  const names = (x: typeof c): string[] => [x.fullPath(), ...x.dependencies().flatMap(names)];
  return `${names(c).join(",")} ${goJSON(coalesceValues(c, user))}`;
}

test("a loaded chart renders the same from clones, whatever was rendered before", () => {
  for (const name of [
    "aliases",
    "conditions",
    "tags",
    "import-exports",
    "import-childparent",
    "nested-conditions",
  ]) {
    const dir = join(fixturesDir, name);
    const shared = loadChartPath(dir);
    const values = [
      new Map<string, unknown>(),
      new Map<string, unknown>([["a", new Map([["enabled", true]])]]),
      new Map<string, unknown>([["tags", new Map([["back", true]])]]),
      new Map<string, unknown>([["mid", new Map([["leaf", new Map([["enabled", true]])]])]]),
    ];
    for (const v of values) {
      const fresh = render(loadChartPath(dir), v);
      assert.equal(render(shared, v), fresh, `${name} ${goJSON(v)}`);
    }
    assert.equal(render(shared, values[0]!), render(loadChartPath(dir), values[0]!));
  }
});
