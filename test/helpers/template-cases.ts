// Asks helm what many small templates render to, in as few helm runs as possible.
//
// Cases that share values (and extra files) go into one chart. Each case's text
// becomes a named template, and a manifest prints `include` of it through
// b64enc, so any output (not only valid YAML) survives helm's manifest parsing
// and comes back byte for byte. Cases holding `define`/`block` go through `tpl`
// instead (defines cannot nest). When a batch fails because a case errors, each
// case of that batch is run again on its own, as the raw file
// templates/case.yaml, so the error text is exactly what a user would see.
import {
  type ChartFiles,
  type HelmVersion,
  hashFiles,
  type RunResult,
  runHelm,
  stripHelmLogLines,
  writeChart,
} from "./oracle.ts";

/** Runs `template <chartDir> <args>` with helm or capstan. */
export type TemplateRunner = (chartDir: string, args: string[], files: ChartFiles) => Promise<RunResult>;

export function helmRunner(version: HelmVersion = 4): TemplateRunner {
  return (dir, args, files) => runHelm(["template", dir, ...args], { version, cacheKey: hashFiles(files) });
}

export interface TemplateCase {
  /** The template text, as a file in templates/ would hold it. */
  template: string;
  /** values.yaml text. */
  values?: string;
  /** Extra chart files (e.g. templates/_helpers.tpl, files read by .Files). */
  files?: ChartFiles;
  /** Extra `helm template` arguments (e.g. --set a=1). */
  args?: string[];
}

export interface CaseResult {
  /** What the template rendered to, when it succeeded. */
  output?: string;
  /** helm's error message (stderr without "Error: " and the trailing hint), when it failed. */
  error?: string;
  /** helm's whole stderr (log lines removed), when it failed. */
  stderr?: string;
}

const CHART_YAML = "apiVersion: v2\nname: chart\nversion: 0.1.0\n";

function usesTpl(t: string): boolean {
  return /\{\{-?\s*(define|block)\b/.test(t);
}

function groupKey(c: TemplateCase): string {
  return JSON.stringify([c.values ?? "", c.files ?? {}, c.args ?? []]);
}

/** The error message inside helm's stderr. */
export function helmErrorMessage(stderr: string): string {
  const s = stripHelmLogLines(stderr);
  const i = s.indexOf("Error: ");
  let msg = i >= 0 ? s.slice(i + 7) : s;
  msg = msg.replace(/\n+Use --debug flag to render out invalid YAML\n*$/, "");
  return msg.replace(/\n+$/, "");
}

async function runChart(files: ChartFiles, args: string[], runner: TemplateRunner) {
  return runner(writeChart(files), args, files);
}

async function runBatch(cases: TemplateCase[], version: TemplateRunner): Promise<CaseResult[] | undefined> {
  const first = cases[0]!;
  const files: ChartFiles = { "Chart.yaml": CHART_YAML, ...(first.files ?? {}) };
  if (first.values !== undefined) files["values.yaml"] = first.values;
  cases.forEach((c, i) => {
    if (usesTpl(c.template)) {
      files[`cases/c${i}.tpl`] = c.template;
      files[`templates/c${i}.yaml`] = `k: {{ tpl (.Files.Get "cases/c${i}.tpl") . | b64enc }}\n`;
    } else {
      files[`templates/_c${i}.tpl`] = `{{ define "capstan-case-${i}" }}${c.template}{{ end }}`;
      files[`templates/c${i}.yaml`] = `k: {{ include "capstan-case-${i}" . | b64enc }}\n`;
    }
  });
  const r = await runChart(files, first.args ?? [], version);
  if (r.code !== 0) return undefined;
  const results: CaseResult[] = [];
  const re = /# Source: chart\/templates\/c(\d+)\.yaml\nk: ?(\S*)\n/g;
  for (const m of r.stdout.matchAll(re)) {
    results[Number(m[1])] = { output: Buffer.from(m[2]!, "base64").toString("utf8") };
  }
  // An empty rendering is dropped from helm's output; it rendered "".
  for (let i = 0; i < cases.length; i++) results[i] ??= { output: "" };
  return results;
}

async function runSingle(c: TemplateCase, version: TemplateRunner): Promise<CaseResult> {
  const batch = await runBatch([c], version);
  if (batch) return batch[0]!;
  const files: ChartFiles = {
    "Chart.yaml": CHART_YAML,
    ...(c.files ?? {}),
    "templates/case.yaml": c.template,
  };
  if (c.values !== undefined) files["values.yaml"] = c.values;
  const r = await runChart(files, c.args ?? [], version);
  if (r.code === 0) return { output: r.stdout }; // only a wrapper artefact could get here
  return { error: helmErrorMessage(r.stderr), stderr: stripHelmLogLines(r.stderr) };
}

async function pool<T>(tasks: (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

/** What helm renders for each case (output or error), in the order given. */
export async function helmRenderCases(
  cases: TemplateCase[],
  version: HelmVersion = 4,
): Promise<CaseResult[]> {
  return renderCases(cases, helmRunner(version));
}

/** What the runner (helm or capstan) renders for each case, batched the same way. */
export async function renderCases(cases: TemplateCase[], version: TemplateRunner): Promise<CaseResult[]> {
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const k = groupKey(c);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(i);
  });
  const results: CaseResult[] = new Array(cases.length);
  const CHUNK = 200;
  const tasks: (() => Promise<void>)[] = [];
  for (const idx of groups.values()) {
    for (let s = 0; s < idx.length; s += CHUNK) {
      const part = idx.slice(s, s + CHUNK);
      tasks.push(async () => {
        const batch = await runBatch(
          part.map((i) => cases[i]!),
          version,
        );
        if (batch) {
          part.forEach((ci, j) => {
            results[ci] = batch[j]!;
          });
          return;
        }
        const singles = await pool(part.map((ci) => () => runSingle(cases[ci]!, version)));
        part.forEach((ci, j) => {
          results[ci] = singles[j]!;
        });
      });
    }
  }
  await pool(tasks, 2);
  return results;
}

export interface CaseMismatch {
  index: number;
  template: string;
  helm: CaseResult;
  capstan: CaseResult;
}

/**
 * Renders every case with helm and with capstan's `template` (in-process), in
 * the same batches, and returns the cases whose output or error differ.
 */
export async function compareCases(cases: TemplateCase[], version: HelmVersion = 4): Promise<CaseMismatch[]> {
  const { runCapstan } = await import("./differential.ts");
  const capstanRunner: TemplateRunner = (dir, args) => runCapstan(["template", dir, ...args]);
  const [helm, ours] = await Promise.all([
    renderCases(cases, helmRunner(version)),
    renderCases(cases, capstanRunner),
  ]);
  const out: CaseMismatch[] = [];
  cases.forEach((c, i) => {
    const h = helm[i]!;
    const o = ours[i]!;
    if (h.output !== o.output || h.error !== o.error) {
      out.push({ index: i, template: c.template, helm: h, capstan: o });
    }
  });
  return out;
}

/** A readable report of mismatches, for assertion messages. */
export function formatMismatches(m: CaseMismatch[], max = 20): string {
  return m
    .slice(0, max)
    .map(
      (x) =>
        `case ${x.index}: ${JSON.stringify(x.template)}\n  helm:    ${JSON.stringify(x.helm.output ?? `ERROR ${x.helm.error}`)}\n  capstan: ${JSON.stringify(x.capstan.output ?? `ERROR ${x.capstan.error}`)}`,
    )
    .join("\n");
}
