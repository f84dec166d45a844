// `template --dependency-update` against helm 4: with dependencies missing
// from charts/, helm runs `dependency update` (its messages on stdout, before
// the manifests) and renders the reloaded chart; with them present, nothing is
// updated. Charts come from a repository served over real HTTP.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runHelm } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { serveStatic } from "../repo/static-server.ts";
import { type Home, newHome, sideBySide } from "./harness.ts";

let url = "";
let close: () => Promise<void> = async () => {};
/** A home with "myrepo" added (by helm) and its index cached. */
let home: Home;

before(async () => {
  const repoDir = await helmPackagedRepo([
    { name: "lib", version: "0.1.0" },
    { name: "lib", version: "0.2.0" },
  ]);
  const idx = await runHelm(["repo", "index", repoDir]);
  assert.equal(idx.code, 0, idx.stderr);
  const s = await serveStatic(repoDir);
  url = s.url;
  close = s.close;
  home = newHome();
  const add = await runHelm(["repo", "add", "myrepo", url], { env: home.env });
  assert.equal(add.code, 0, add.stderr);
});
after(() => close());

const tree = (deps: string, extra: Record<string, string> = {}) => ({
  "app/Chart.yaml": `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n${deps}`,
  "app/values.yaml": "lib:\n  greeting: hi\n",
  "app/templates/cm.yaml":
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  subcharts: {{ keys .Subcharts | sortAlpha | join "," | quote }}\n',
  "local/Chart.yaml": "apiVersion: v2\nname: local\nversion: 0.3.0\n",
  "local/templates/cm.yaml":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local-{{ .Release.Name }}\n",
  ...extra,
});

test("template --dependency-update fetches missing dependencies, then renders them", async () => {
  const deps = `- name: lib\n  version: "^0.1.0"\n  repository: "@myrepo"\n- name: local\n  version: 0.3.0\n  repository: file://../local\n`;
  const r = await sideBySide(home, tree(deps), ["template", "app", "--dependency-update"]);
  assert.equal(r.hCode, 0, r.hErr);
  assert.match(r.hOut, /Saving 2 charts/);
  assert.match(r.hOut, /subcharts: "lib,local"/);
  // --debug: helm's debug lines around the update
  await sideBySide(home, tree(deps), ["template", "app", "--dependency-update", "--debug"]);
  // without the flag: helm's error naming the missing charts
  const n = await sideBySide(home, tree(deps), ["template", "app"]);
  assert.notEqual(n.hCode, 0);
  // repository by URL, an alias, and a release name
  const byURL = `- name: lib\n  version: "0.2.0"\n  repository: "${url}"\n  alias: l2\n`;
  await sideBySide(home, tree(byURL), ["template", "rel", "app", "--dependency-update"], {
    normalize: (s) => s.replaceAll(url, "<URL>"),
  });
});

test("template --dependency-update: nothing to do, and update errors", async () => {
  const present = `- name: local\n  version: 0.3.0\n  repository: file://../local\n`;
  // the dependency is already in charts/ (unpacked): no update runs, no messages
  const r = await sideBySide(
    home,
    tree(present, {
      "app/charts/local/Chart.yaml": "apiVersion: v2\nname: local\nversion: 0.3.0\n",
    }),
    ["template", "app", "--dependency-update"],
  );
  assert.doesNotMatch(r.hOut, /Saving/);
  // no version of the repository matches; an unknown repository
  const none = `- name: lib\n  version: "^9.0.0"\n  repository: "@myrepo"\n`;
  const e1 = await sideBySide(home, tree(none), ["template", "app", "--dependency-update"]);
  assert.notEqual(e1.hCode, 0);
  const unknown = `- name: lib\n  version: "^0.1.0"\n  repository: "@nope"\n`;
  const e2 = await sideBySide(home, tree(unknown), ["template", "app", "--dependency-update"]);
  assert.notEqual(e2.hCode, 0);
});
