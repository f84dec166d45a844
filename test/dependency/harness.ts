// Side-by-side runs of helm and capstan on copies of the same chart tree, each
// with its own HELM_CONFIG_HOME/HELM_CACHE_HOME/HELM_DATA_HOME cloned from one
// prepared home; compares exit code, stdout, stderr and every file written
// (lock files with the `generated:` time masked, archives by tar entries).
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { gunzipSync } from "fflate";
import { readTar } from "../create/tar-read.ts";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";

export interface Home {
  root: string;
  env: Record<string, string>;
}

export function newHome(): Home {
  const root = mkdtempSync(join(tmpdir(), "capstan-dep-home-"));
  return {
    root,
    env: {
      HELM_CONFIG_HOME: join(root, "config"),
      HELM_CACHE_HOME: join(root, "cache"),
      HELM_DATA_HOME: join(root, "data"),
    },
  };
}

/** A copy of a home (repositories.yaml and index cache as helm left them). */
export function cloneHome(h: Home): Home {
  const c = newHome();
  cpSync(h.root, c.root, { recursive: true });
  return c;
}

export function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), data);
  }
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const go = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        out.push(`${relative(dir, p)}/`);
        go(p);
      } else out.push(relative(dir, p));
    }
  };
  go(dir);
  return out;
}

const generatedRe = /^generated: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)"$/m;

/** A lock file with its time masked; asserts the time has helm's layout first. */
export function maskLock(text: string, label: string): string {
  assert.match(text, generatedRe, `${label}: generated time layout`);
  return text.replace(generatedRe, 'generated: "<TIME>"');
}

/**
 * An archive's entries (name, mode, type, content) with Chart.lock's time masked; mtimes left out.
 * Sorted: helm's loader keeps subcharts in a Go map, so their order in helm's own archives varies.
 */
export function tarEntries(bytes: Uint8Array, label: string): string[] {
  const entries = readTar(gunzipSync(bytes)).map((e) => {
    let data = new TextDecoder().decode(e.data);
    if (e.name.endsWith("/Chart.lock")) data = maskLock(data, `${label}:${e.name}`);
    return `${e.name} ${e.mode.toString(8)} ${e.typeflag}\n${data}`;
  });
  return entries.sort();
}

/** Asserts two folders hold the same files: locks masked, archives by entries, the rest byte for byte. */
export function assertSameTree(hDir: string, cDir: string, label: string): void {
  const hf = walk(hDir);
  assert.deepEqual(walk(cDir), hf, `${label}: files`);
  for (const f of hf) {
    if (f.endsWith("/")) continue;
    const h = readFileSync(join(hDir, f));
    const c = readFileSync(join(cDir, f));
    if (f.endsWith(".lock")) {
      assert.equal(
        maskLock(c.toString(), `${label} ${f}`),
        maskLock(h.toString(), `${label} ${f}`),
        `${label}: ${f}`,
      );
    } else if (f.endsWith(".tgz")) {
      assert.deepEqual(tarEntries(c, `${label} ${f}`), tarEntries(h, `${label} ${f}`), `${label}: ${f}`);
    } else assert.ok(h.equals(c), `${label}: ${f} differs`);
  }
}

export interface SideBySide {
  hCode: number;
  hOut: string;
  hErr: string;
  hDir: string;
  cDir: string;
}

/**
 * Runs args with helm and capstan (cwd: a fresh copy of tree each), from
 * clones of home; asserts identical code, stdout, stderr, files and cache names.
 */
export async function sideBySide(
  home: Home,
  tree: Record<string, string | Uint8Array>,
  args: string[],
  opts: { label?: string; before?: (dir: string) => void; normalize?: (s: string) => string } = {},
): Promise<SideBySide> {
  const label = opts.label ?? args.join(" ");
  const root = mkdtempSync(join(tmpdir(), "capstan-dep-"));
  const hDir = join(root, "h");
  const cDir = join(root, "c");
  for (const d of [hDir, cDir]) {
    writeTree(d, tree);
    opts.before?.(d);
  }
  const hh = cloneHome(home);
  const ch = cloneHome(home);
  const h = await runHelm(args, { cwd: hDir, env: hh.env });
  const c = await runCapstan(args, { cwd: cDir, env: { ...helmEnv(), ...ch.env } });
  const extra = opts.normalize ?? ((s: string) => s);
  // Each side has its own home and folder: their paths may show in messages.
  const hn = (s: string) => extra(s.replaceAll(hh.root, "<HOME>").replaceAll(hDir, "<DIR>"));
  const cn = (s: string) => extra(s.replaceAll(ch.root, "<HOME>").replaceAll(cDir, "<DIR>"));
  assert.equal(cn(c.stdout), hn(h.stdout), `${label}: stdout`);
  assert.equal(cn(c.stderr), hn(h.stderr), `${label}: stderr`);
  assert.equal(c.code, h.code, `${label}: exit code (${c.stderr})`);
  assertSameTree(hDir, cDir, label);
  assert.deepEqual(walk(join(ch.root, "cache")), walk(join(hh.root, "cache")), `${label}: cache files`);
  return { hCode: h.code, hOut: h.stdout, hErr: h.stderr, hDir, cDir };
}

/** Repository updates run in parallel (in helm too): their "...Successfully/Unable" reports sorted. */
export function sortRepoReports(s: string): string {
  const out: string[] = [];
  let group: string[][] = [];
  const flush = () => {
    out.push(...group.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)).flat());
    group = [];
  };
  for (const line of s.split("\n")) {
    if (line.startsWith("...")) group.push([line]);
    else if (line.startsWith("\t") && group.length > 0) group[group.length - 1]!.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join("\n");
}
