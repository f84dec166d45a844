// `create --starter`: same files and bytes as helm's CreateFrom, starters by
// name (under $HELM_DATA_HOME/starters) and by absolute path.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { readTgz } from "./tar-read.ts";

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      const key = relative(dir, p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith(".tgz")) {
        // gzip bytes may differ; the archived files may not
        const { entries } = readTgz(readFileSync(p));
        out[key] = entries.map((e) => `${e.name} ${e.mode.toString(8)}\n${Buffer.from(e.data)}`).join("\n");
      } else out[key] = `${(st.mode & 0o777).toString(8)} ${readFileSync(p, "utf8")}`;
    }
  };
  walk(dir);
  return out;
}

function makeStarter(root: string): void {
  const files: Record<string, string> = {
    "Chart.yaml": "apiVersion: v2\nname: starter\nversion: 9.9.9\ndescription: my starter\nkeywords: [x]\n",
    "values.yaml": "# values for <CHARTNAME>\nimage: <CHARTNAME>\n",
    "values.schema.json": '{"type":"object"}\n',
    ".helmignore": "*.skip\n",
    "drop.skip": "not copied\n",
    "README.md": "About <CHARTNAME> (not replaced outside templates and values)\n",
    "templates/deploy.yaml": 'name: {{ include "<CHARTNAME>.fullname" . }}\n',
    "templates/_helpers.tpl": '{{- define "<CHARTNAME>.fullname" -}}<CHARTNAME>{{- end }}\n',
    "charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\nversion: 0.0.1\n",
    "charts/lib/templates/x.yaml": "x: <CHARTNAME>\n",
  };
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(join(p, ".."), { recursive: true });
    writeFileSync(p, content);
  }
}

async function both(args: (dataHome: string) => string[]) {
  const out = [];
  for (const tool of ["helm", "capstan"] as const) {
    const root = mkdtempSync(join(tmpdir(), `capstan-starter-${tool}-`));
    const data = join(root, "data");
    makeStarter(join(data, "starters", "mystarter"));
    const work = join(root, "work");
    mkdirSync(work);
    const env = { ...helmEnv(), HELM_DATA_HOME: data };
    const r =
      tool === "helm"
        ? await runHelm(args(data), { cwd: work, env: { HELM_DATA_HOME: data } })
        : await runCapstan(args(data), { cwd: work, env });
    out.push({ ...r, tree: snapshot(work), root });
  }
  const [h, c] = out;
  return { h: h!, c: c! };
}

test("create --starter by name: same files as helm", async () => {
  const { h, c } = await both(() => ["create", "fresh", "--starter", "mystarter"]);
  assert.equal(c.code, h.code, c.stderr);
  assert.equal(c.stdout, h.stdout);
  assert.deepEqual(c.tree, h.tree);
  assert.ok(Object.keys(h.tree).includes("fresh/charts/lib-0.0.1.tgz"));
});

test("create --starter by absolute path, and a missing starter", async () => {
  const abs = await both((data) => ["create", "absolute", "-p", join(data, "starters", "mystarter")]);
  assert.equal(abs.c.code, abs.h.code, abs.c.stderr);
  assert.deepEqual(abs.c.tree, abs.h.tree);
  const missing = await both(() => ["create", "x", "--starter", "nope"]);
  assert.equal(missing.c.code, missing.h.code);
  assert.equal(
    missing.c.stderr.replaceAll(missing.c.root, "<R>"),
    missing.h.stderr.replaceAll(missing.h.root, "<R>"),
  );
});
