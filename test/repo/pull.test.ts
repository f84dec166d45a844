// pull: helm and capstan fetch the same charts into the same places, with the
// same errors (random temp-file digits masked).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { helmEnv, runHelm, stripHelmLogLines } from "../helpers/oracle.ts";
import { runCapstan } from "./cli-run.ts";
import { helmPackagedRepo } from "./fixtures.ts";
import { serveStatic } from "./static-server.ts";

let url = "";
let close: () => Promise<void>;
before(async () => {
  const dir = await helmPackagedRepo();
  await runHelm(["repo", "index", dir]);
  const s = await serveStatic(dir);
  url = s.url;
  close = s.close;
});
after(async () => close());

function tree(root: string): Record<string, string> {
  const res: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) {
        res[`${p.slice(root.length)}/`] = (st.mode & 0o777).toString(8);
        walk(p);
      } else
        res[p.slice(root.length)] = `${(st.mode & 0o777).toString(8)} ${readFileSync(p).toString("base64")}`;
    }
  };
  if (existsSync(root)) walk(root);
  return res;
}

async function side(steps: (string | (() => string))[][]) {
  const mk = () => {
    const root = mkdtempSync(join(tmpdir(), "capstan-pull-"));
    return {
      root,
      env: {
        HELM_CONFIG_HOME: join(root, ".config"),
        HELM_CACHE_HOME: join(root, ".cache"),
        HELM_DATA_HOME: join(root, ".data"),
      },
    };
  };
  const h = mk();
  const c = mk();
  const mask = (s: string, root: string) =>
    s
      .replaceAll(root, "<ROOT>")
      .replaceAll("helm", "capstan")
      .replace(/\.tgz\d+:/g, ".tgz<N>:");
  for (const raw of steps) {
    const args = raw.map((a) => (typeof a === "function" ? a() : a));
    const hr = await runHelm(args, { env: h.env, cwd: h.root });
    const cr = await runCapstan(args, { cwd: c.root, env: { ...helmEnv(), ...c.env } });
    const label = args.join(" ");
    assert.equal(cr.code, hr.code, `exit code of ${label}: ${cr.stderr}`);
    assert.equal(mask(cr.stdout, c.root), mask(hr.stdout, h.root), `stdout of ${label}`);
    assert.equal(
      mask(stripHelmLogLines(cr.stderr), c.root),
      mask(stripHelmLogLines(hr.stderr), h.root),
      `stderr of ${label}`,
    );
  }
  const strip = (t: Record<string, string>) =>
    Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith("/.")));
  assert.deepEqual(strip(tree(c.root)), strip(tree(h.root)));
}

test("pull by repo/chart, version, devel, destination, untar, untardir", async () => {
  await side([
    ["repo", "add", "r", () => url],
    ["pull", "r/alpha"],
    ["pull", "r/alpha", "--version", "0.1.0", "-d", "sub"],
    ["pull", "r/alpha", "--devel", "--untar", "--untardir", "dev"],
    ["pull", "r/beta", "--untar"],
    ["pull", "r/beta", "--untar"],
    ["pull", "r/gamma-db", "--untar", "--untardir", "x/y", "-d", "out"],
    ["pull", "r/alpha", "--version", "^0.1"],
    ["pull", "r/nope"],
    ["pull", "r/alpha", "--version", "9.9.9"],
    ["pull", "other/alpha"],
    ["pull", "alpha"],
    ["pull", "r/alpha", "-d", "missing/dir"],
  ]);
});

test("pull by URL and by --repo", async () => {
  await side([
    ["pull", () => `${url}/beta-2.3.4.tgz`],
    ["pull", () => `${url}/missing-1.0.0.tgz`],
    ["pull", "alpha", "--repo", () => url, "-d", "."],
    ["pull", "alpha", "--repo", () => url, "--version", "0.1.0", "--untar", "--untardir", "rr"],
    ["pull", "zzz", "--repo", () => url],
    ["pull", "alpha", "--repo", () => `${url}/nowhere`],
  ]);
});
