// Archives as helm itself writes them: `helm create` + `helm package` (Go's
// tar and gzip), a packaged umbrella chart holding a packaged, aliased
// subchart; rendered from folders and archives by helm 4 and capstan.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { compareRuns, runCapstan } from "../helpers/differential.ts";
import { runHelm } from "../helpers/oracle.ts";

const work = join(tmpdir(), `capstan-h7-packaged-${process.pid}`);
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

before(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const ok = async (args: string[]) => {
    const r = await runHelm(args, { cwd: work });
    assert.equal(r.code, 0, r.stderr);
  };
  await ok(["create", "web"]);
  await ok(["package", "web"]);
  const umb = join(work, "umb");
  mkdirSync(join(umb, "charts"), { recursive: true });
  mkdirSync(join(umb, "templates"));
  writeFileSync(
    join(umb, "Chart.yaml"),
    'apiVersion: v2\nname: umb\nversion: 1.0.0\ndependencies:\n- name: web\n  version: "~0.1"\n  alias: front\n  condition: front.enabled\n',
  );
  writeFileSync(join(umb, "values.yaml"), "front:\n  enabled: true\n  replicaCount: 2\n");
  copyFileSync(join(work, "web-0.1.0.tgz"), join(umb, "charts", "web-0.1.0.tgz"));
  await ok(["package", "umb"]);
});

const cases: string[][] = [
  ["web-0.1.0.tgz"],
  ["umb"],
  ["umb-1.0.0.tgz"],
  ["umb-1.0.0.tgz", "--set", "front.enabled=false"],
  ["umb", "--set", "front.ingress.enabled=true,front.autoscaling.enabled=true"],
];

for (const [chart, ...args] of cases) {
  test(`packaged: ${chart} ${args.join(" ")}`, async () => {
    const full = ["template", join(work, chart!), ...args];
    const r = compareRuns(await runHelm(full), await runCapstan(full));
    assert.ok(r.equal, r.diff);
  });
}
