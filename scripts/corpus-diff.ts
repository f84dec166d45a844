// Corpus driver: renders each chart folder under the given directories with
// `helm template` (v4.1.4) and the capstan command users run (bin/capstan, the
// built CLI: `npm run build` first), compares them the way the differential
// suite does, and prints one line per run plus a summary.
//
//   node --import tsx scripts/corpus-diff.ts DIR... [--values f.yaml]... [--no-ci]
//        [--diff-lines N] [--quiet] [--stderr] [--in-process] [--capstan LAUNCHER]
//        [--variants FILE] [-- extra helm template args]
//
// --variants FILE: each non-empty line (not starting with '#') is one more
// run per chart with those extra args, split as a shell would (quotes,
// backslashes); values files named there are read relative to FILE's folder.
// --capstan runs another launcher, e.g. a copy of bin/ and dist/ taken after a
// build, so that a long sweep does not see another `npm run build` rewrite dist/.
// --in-process runs capstan's CLI from src/ inside this process instead (no
// build needed, faster; the built bundle is what users run, so sweeps use it).
//
// A chart folder is one holding Chart.yaml (folders under a chart's charts/ are
// its subcharts, not separate charts). Each chart is rendered once plainly and
// once per ci/*.yaml file it has. Extra args after `--` (e.g. `--set a=b`,
// `--kube-version 1.20`) go to both tools. Helm answers are cached on disk.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTwoFilesPatch } from "diff";
import { compareRuns, runCapstan } from "../test/helpers/differential.ts";
import {
  hashFiles,
  helmEnv,
  type RunResult,
  readTree,
  runHelm,
  stripHelmLogLines,
} from "../test/helpers/oracle.ts";

let launcher = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "capstan");

/** Runs bin/capstan (the shell launcher on the built CLI) with helm's isolated environment. */
function runLauncher(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      launcher,
      args,
      { env: helmEnv(), maxBuffer: 512 * 1024 * 1024, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (err && typeof (err as { code?: unknown }).code !== "number") return reject(err);
        resolve({ stdout, stderr, code: err ? ((err as { code: number }).code as number) : 0 });
      },
    );
  });
}

interface Options {
  dirs: string[];
  values: string[];
  ci: boolean;
  diffLines: number;
  quiet: boolean;
  /** Run capstan's CLI from src/ in this process rather than bin/capstan. */
  inProcess: boolean;
  /** Also compare stderr byte for byte (helm's log lines included). */
  stderr: boolean;
  extra: string[];
  /** Extra-args lines from --variants files, each one more run per chart. */
  variantLines: string[][];
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    dirs: [],
    values: [],
    ci: true,
    diffLines: 40,
    quiet: false,
    inProcess: false,
    stderr: false,
    extra: [],
    variantLines: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      o.extra = argv.slice(i + 1);
      break;
    }
    if (a === "--values" || a === "-f") o.values.push(resolve(argv[++i]!));
    else if (a === "--no-ci") o.ci = false;
    else if (a === "--quiet") o.quiet = true;
    else if (a === "--stderr") o.stderr = true;
    else if (a === "--in-process") o.inProcess = true;
    else if (a === "--variants") o.variantLines.push(...readVariants(resolve(argv[++i]!)));
    else if (a === "--capstan") launcher = resolve(argv[++i]!);
    else if (a === "--diff-lines") o.diffLines = Number(argv[++i]);
    else o.dirs.push(resolve(a));
  }
  return o;
}

/** Splits a line into words as sh does for quotes and backslashes (no expansions). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === " " || ch === "\t") {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      word ??= "";
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === "\\" && /["\\$`]/.test(line[i + 1] ?? "")) i++;
        word += line[i];
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
    } else if (ch === "\\") {
      word = (word ?? "") + (line[++i] ?? "");
    } else word = (word ?? "") + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The runs of a variants file. Values files become `-f <absolute path>` so
 * their contents join helm's cache key (see compare).
 */
function readVariants(file: string): string[][] {
  const dir = dirname(file);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))
    .map((l) => {
      const w = shellWords(l);
      const out: string[] = [];
      for (let i = 0; i < w.length; i++) {
        const m = /^(?:-f|--values)(?:=(.*))?$/.exec(w[i]!);
        if (m) out.push("-f", resolve(dir, m[1] ?? w[++i]!));
        else out.push(w[i]!);
      }
      return out;
    });
}

/** Chart folders under dir (dir itself when it is one); does not descend into a chart. */
function findCharts(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  if (existsSync(join(dir, "Chart.yaml"))) return [dir];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    out.push(...findCharts(join(dir, name)));
  }
  return out;
}

type Outcome = "same" | "same-but-random" | "differs" | "both-failed-same" | "both-failed-different";

/**
 * Charts calling randAlphaNum, uuidv4, genCA ... render differently on every
 * run. When helm's output changes between two runs, the lines that changed are
 * random; capstan counts as the same when it differs from helm only there.
 */
function sameButRandom(helm1: string, helm2: string, cap: string): boolean {
  if (helm1 === helm2) return false;
  const a = helm1.split("\n");
  const b = helm2.split("\n");
  const c = cap.split("\n");
  if (a.length !== b.length || a.length !== c.length) return false;
  return a.every((line, i) => line === c[i] || line !== b[i]);
}

/** stderr with its lines sorted and each "additional properties 'a', 'b'" name list sorted. */
function normalizeOrder(stderr: string): string {
  const sortNames = (line: string) =>
    line.replace(
      /(additional properties )((?:'[^']*'(?:, )?)+)/,
      (_, head: string, names: string) => head + names.split(", ").sort().join(", "),
    );
  return stripHelmLogLines(stderr).split("\n").map(sortNames).sort().join("\n");
}

async function compare(
  chart: string,
  args: string[],
  filesKey: string | undefined,
  withStderr: boolean,
  inProcess: boolean,
) {
  const full = ["template", chart, ...args];
  // Values files are named by path in args; their contents join the cache key.
  const valueFiles = args.filter((_, i) => args[i - 1] === "-f").map((p) => readFileSync(p, "utf8"));
  const helm = await runHelm(full, {
    cacheKey: filesKey === undefined ? undefined : filesKey + JSON.stringify(valueFiles),
  });
  const cap = inProcess ? await runCapstan(full) : await runLauncher(full);
  const c = compareRuns(helm, cap, "template");
  if (withStderr && c.equal && helm.stderr !== cap.stderr) {
    const diff = createTwoFilesPatch("helm/stderr", "capstan/stderr", helm.stderr, cap.stderr, "", "", {
      context: 3,
    });
    return { outcome: "differs" as Outcome, diff, helmFailed: helm.code !== 0 };
  }
  const bothFailed = helm.code !== 0 && cap.code !== 0;
  if (!c.equal && helm.code === 0 && cap.code === 0) {
    const again = await runHelm(full);
    if (sameButRandom(helm.stdout, again.stdout, cap.stdout)) {
      return { outcome: "same-but-random" as Outcome, diff: "", helmFailed: false };
    }
  }
  if (!c.equal && bothFailed) {
    // Some helm errors list their causes in Go map order (values schema
    // violations, and the names within "additional properties ... not
    // allowed"): when another helm run orders them differently, capstan
    // counts as the same if it prints the same lines and names in some order.
    // Two orders can repeat by chance, so helm runs up to three more times.
    let random = false;
    for (let i = 0; i < 3 && !random; i++) random = (await runHelm(full)).stderr !== helm.stderr;
    if (random && normalizeOrder(helm.stderr) === normalizeOrder(cap.stderr)) {
      return { outcome: "same-but-random" as Outcome, diff: "", helmFailed: true };
    }
  }
  const outcome: Outcome = c.equal
    ? bothFailed
      ? "both-failed-same"
      : "same"
    : bothFailed
      ? "both-failed-different"
      : "differs";
  return { outcome, diff: c.diff, helmFailed: helm.code !== 0 };
}

async function run() {
  const o = parseArgs(process.argv.slice(2));
  if (o.dirs.length === 0) {
    console.error("usage: corpus-diff.ts DIR... [--values f.yaml]... [--no-ci] [-- helm args]");
    process.exit(2);
  }
  const counts: Record<Outcome, number> = {
    same: 0,
    "same-but-random": 0,
    differs: 0,
    "both-failed-same": 0,
    "both-failed-different": 0,
  };
  let helmOk = 0;
  const cwd = process.cwd();
  for (const chart of o.dirs.flatMap(findCharts)) {
    // Unreadable entries (a dangling symlink) leave the helm answer uncached.
    let key: string | undefined;
    try {
      key = hashFiles(readTree(chart));
    } catch {}
    const base = [...o.values.flatMap((v) => ["-f", v]), ...o.extra];
    const variants: [string, string[]][] = [["", base]];
    const ciDir = join(chart, "ci");
    if (o.ci && existsSync(ciDir)) {
      for (const f of readdirSync(ciDir).sort()) {
        if (/\.ya?ml$/.test(f)) variants.push([` [ci/${f}]`, [...base, "-f", join(ciDir, f)]]);
      }
    }
    for (const line of o.variantLines) variants.push([` [${line.join(" ")}]`, [...base, ...line]]);
    for (const [label, args] of variants) {
      const r = await compare(chart, args, key, o.stderr, o.inProcess);
      counts[r.outcome]++;
      if (!r.helmFailed) helmOk++;
      const name = relative(cwd, chart) + label;
      console.log(`${r.outcome.padEnd(22)} ${name}`);
      if (r.diff && !o.quiet) {
        const lines = r.diff.split("\n");
        console.log(lines.slice(0, o.diffLines).join("\n"));
        if (lines.length > o.diffLines) console.log(`... (${lines.length - o.diffLines} more diff lines)`);
      }
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const ok = counts.same + counts["same-but-random"] + counts["both-failed-same"];
  console.log(
    `\nsummary: ${total} runs, ${ok} identical (${counts.same} same, ${counts["same-but-random"]} same-but-random, ` +
      `${counts["both-failed-same"]} both-failed-same), ` +
      `${counts.differs} differs, ${counts["both-failed-different"]} both-failed-different; helm rendered ${helmOk}`,
  );
  process.exitCode = ok === total ? 0 : 1;
}

// Piping into `head` closes stdout early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
await run();
