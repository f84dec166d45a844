// Runs `helm lint` and `capstan lint` on the same workspace (charts written
// by the test) and returns both results. The workspace path derives from its
// content, so helm's cached answers stay valid.
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scaffoldChart } from "../../src/chart/create.ts";
import { helmGzip } from "../../src/chart/package-gzip.ts";
import { writeTar } from "../../src/chart/package-tar.ts";
import { hashFiles, runHelm, writeTreeAtomically } from "../helpers/oracle.ts";
import { type CliResult, runCapstan } from "../repo/cli-run.ts";

export type Files = Record<string, string | Uint8Array>;

export interface LintCase {
  name: string;
  files: Files;
  args: string[];
  env?: Record<string, string>;
}

/** A chart's files under a folder prefix. */
export function chart(dir: string, files: Record<string, string>): Files {
  const out: Files = {};
  for (const [k, v] of Object.entries(files)) out[`${dir}/${k}`] = v;
  return out;
}

/** Chart.yaml text for a simple v2 chart (with an icon, so lint's INFO stays quiet unless asked). */
export function chartYaml(name: string, extra = "", icon = true): string {
  return `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${icon ? "icon: https://example.com/icon.png\n" : ""}${extra}`;
}

/** helm create's scaffold as files under dir. */
export function scaffold(dir: string, name = dir): Files {
  const out: Files = {};
  for (const f of scaffoldChart(name)) out[`${dir}/${f.path}`] = f.content;
  return out;
}

/** A chart archive (fixed timestamps, so its bytes and helm's cached answer are stable). */
export function archive(files: Record<string, string>, top: string): Uint8Array {
  const enc = new TextEncoder();
  return helmGzip(
    writeTar(
      Object.entries(files).map(([n, c]) => ({
        name: `${top}/${n}`,
        data: enc.encode(c),
        mtime: 1700000000,
      })),
    ),
  );
}

function writeWorkspace(files: Files): string {
  const dir = join(tmpdir(), "capstan-lint", hashFiles(files).slice(0, 24));
  const marker = `${dir}.complete`;
  if (existsSync(marker)) return dir;
  writeTreeAtomically(dir, files);
  writeFileSync(marker, "");
  return dir;
}

export async function runBoth(c: LintCase): Promise<{ helm: CliResult; capstan: CliResult }> {
  const cwd = writeWorkspace(c.files);
  const args = ["lint", ...c.args];
  const helm = await runHelm(args, { cwd, env: c.env, cacheKey: `lint:${cwd}:${hashFiles(c.files)}` });
  const got = await runCapstan(args, { cwd, env: c.env ?? {} });
  // Usage texts name the program.
  got.stderr = got.stderr.replaceAll("capstan", "helm");
  return { helm, capstan: got };
}
