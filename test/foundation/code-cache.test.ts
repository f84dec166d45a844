// bin/capstan.js loads dist/cli.cjs, and the dist/vendor/ packages it needs,
// each with a V8 code cache. A cache must only ever change speed: same output
// with, without, and with a corrupt cache (V8 would crash on one it does not
// check), and a missing or bad cache is rewritten. Runs on a private copy of
// bin/ and dist/ so other tests never see it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../helpers/oracle.ts";

test("the CLI code cache is written, validated and never changes output", (t) => {
  if (!existsSync(join(projectRoot, "dist/cli.cjs"))) return t.skip("dist/cli.cjs not built (npm run build)");
  const root = mkdtempSync(join(tmpdir(), "capstan-code-cache-test-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist/vendor"), { recursive: true });
  // semver, a vendor package: the render below uses it (kubeVersion).
  for (const f of ["bin/capstan.js", "bin/package.json", "dist/cli.cjs", "dist/vendor/semver.cjs"])
    copyFileSync(join(projectRoot, f), join(root, f));
  const chart = join(root, "chart");
  mkdirSync(join(chart, "templates"), { recursive: true });
  writeFileSync(
    join(chart, "Chart.yaml"),
    "apiVersion: v2\nname: c\nversion: 1.0.0\nkubeVersion: '>=1.20.0-0'\n",
  );
  writeFileSync(join(chart, "values.yaml"), 'greeting: "héllo ✓ 日本"\n');
  writeFileSync(
    join(chart, "templates/cm.yaml"),
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  g: {{ .Values.greeting | upper | quote }}\n",
  );
  const run = () => {
    const r = spawnSync(process.execPath, [join(root, "bin/capstan.js"), "template", chart], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const cacheDir = join(root, "dist/.code-cache");
  const names = () =>
    existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.endsWith(".v8cache")) : [];
  const cacheFile = (prefix: string) => {
    const found = names().filter((n) => n.startsWith(prefix));
    assert.equal(found.length, 1, `one ${prefix} cache file in ${cacheDir}: ${names()}`);
    return join(cacheDir, found[0]!);
  };

  const first = run(); // no cache yet: compiles, then writes one per bundle
  assert.match(first, /g: "HÉLLO ✓ 日本"/);
  assert.equal(names().length, 2, `${names()}`);
  for (const prefix of ["cli.cjs-", "vendor+semver.cjs-"]) {
    const written = readFileSync(cacheFile(prefix));
    assert.ok(written.length > 1000);
    assert.equal(run(), first); // with the cache
    assert.deepEqual(readFileSync(cacheFile(prefix)), written, "an accepted cache is left alone");

    const bad = Buffer.from(written);
    for (let i = 1000; i < 2000; i++) bad[i] = (bad[i]! * 31 + 7) & 0xff;
    writeFileSync(cacheFile(prefix), bad);
    assert.equal(run(), first); // corrupt cache: ignored, not a V8 crash
    assert.ok(readFileSync(cacheFile(prefix)).length > 1000);
    assert.notDeepEqual(readFileSync(cacheFile(prefix)), bad, "a corrupt cache is rewritten");
    assert.equal(run(), first);
  }
});
