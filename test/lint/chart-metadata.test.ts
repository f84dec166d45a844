// Chart.yaml decoding fixes found while matching helm lint, checked through
// `template` against helm: field names match case-insensitively as in
// encoding/json, and the names "." and ".." are refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

const charts: Record<string, string> = {
  casefold: "apiVersion: v2\nName: dn\nVERSION: 0.1.0\nname: dn2\nmaintainers:\n- NAME: 5\n",
  "casefold type error": "apiVersion: v2\nname: dn\nversion: 0.1.0\nmaintainers:\n- Email: [1]\n",
  dot: 'apiVersion: v2\nname: "."\nversion: 0.1.0\n',
  dotdot: 'apiVersion: v2\nname: ".."\nversion: 0.1.0\n',
  "dot slash": 'apiVersion: v2\nname: "./x"\nversion: 0.1.0\n',
};

test("template: Chart.yaml field case and reserved names as helm", async () => {
  for (const [name, chartYaml] of Object.entries(charts)) {
    const dir = writeChart({
      "Chart.yaml": chartYaml,
      "templates/a.yaml": "n: {{ .Chart.Name }} {{ .Chart.Version }} {{ len .Chart.Maintainers }}\n",
    });
    const args = ["template", "x", dir];
    const want = await runHelm(args, { cacheKey: "chart-metadata" });
    const got = await runCapstan(args, { cwd: "/" });
    assert.deepEqual(got, want, name);
  }
});
