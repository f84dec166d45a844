// Side-by-side runs for chart locating: each side gets its own helm home
// (HELM_CONFIG/CACHE/DATA_HOME); helm and capstan run the same steps, and
// stdout, stderr (log lines included), exit codes and the cache tree (file
// names and modes: the content cache is named by sha256) must agree.
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { newHome } from "../dependency/harness.ts";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

export type Step = (string | (() => string))[];

function cacheTree(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      out.push(`${p.slice(root.length)}${st.isDirectory() ? "/" : ""} ${(st.mode & 0o777).toString(8)}`);
      if (st.isDirectory()) walk(p);
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

/** Runs steps with helm and capstan in fresh homes; `extra` env (e.g. GNUPGHOME) goes to both. */
export async function sideBySide(steps: Step[], extra: Record<string, string> = {}): Promise<void> {
  const h = newHome();
  const c = newHome();
  const mask = (s: string, root: string) => s.replaceAll(root, "<ROOT>").replaceAll("helm", "capstan");
  for (const raw of steps) {
    const args = raw.map((a) => (typeof a === "function" ? a() : a));
    const hr = await runHelm(args, { env: { ...h.env, ...extra }, cwd: h.root });
    const cr = await runCapstan(args, { cwd: c.root, env: { ...helmEnv(), ...c.env, ...extra } });
    const label = args.join(" ");
    assert.equal(cr.code, hr.code, `exit code of ${label}: ${cr.stderr}`);
    assert.equal(mask(cr.stdout, c.root), mask(hr.stdout, h.root), `stdout of ${label}`);
    assert.equal(mask(cr.stderr, c.root), mask(hr.stderr, h.root), `stderr of ${label}`);
  }
  assert.deepEqual(cacheTree(c.env.HELM_CACHE_HOME), cacheTree(h.env.HELM_CACHE_HOME), "cache files");
}
