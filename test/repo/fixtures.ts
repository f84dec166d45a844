// Chart archives for repository tests, packaged by helm itself so digests and
// contents are helm's.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runHelm, writeChart } from "../helpers/oracle.ts";

export interface ChartSpec {
  name: string;
  version: string;
  extra?: string;
  appVersion?: string;
}

export const defaultCharts: ChartSpec[] = [
  {
    name: "alpha",
    version: "0.1.0",
    appVersion: "1.0",
    extra: "description: first chart\nkeywords: [web, db]\n",
  },
  { name: "alpha", version: "0.2.0", appVersion: "1.1", extra: "description: first chart\n" },
  { name: "alpha", version: "1.0.0-rc.1", appVersion: "2.0", extra: "description: prerelease\n" },
  {
    name: "beta",
    version: "2.3.4",
    appVersion: "true",
    extra:
      'description: "second: chart with quotes"\nmaintainers:\n  - name: Jo\n    email: jo@example.com\nannotations:\n  "x/y": "1"\nhome: https://example.com\n',
  },
  { name: "gamma-db", version: "10.0.0", extra: "description: database gamma\ndeprecated: true\n" },
];

/** Packages each spec with helm into a fresh folder (charts in sub/ when sub is set); returns the folder. */
export async function helmPackagedRepo(specs = defaultCharts, sub?: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "capstan-repo-"));
  const dest = sub ? join(out, sub) : out;
  mkdirSync(dest, { recursive: true });
  for (const s of specs) {
    const dir = writeChart(
      {
        "Chart.yaml": `apiVersion: v2\nname: ${s.name}\nversion: ${s.version}\n${s.appVersion ? `appVersion: "${s.appVersion}"\n` : ""}${s.extra ?? ""}`,
        "values.yaml": "replicas: 1\n",
        "templates/cm.yaml": "kind: ConfigMap\n",
      },
      s.name,
    );
    const r = await runHelm(["package", dir, "-d", dest]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return out;
}

/** A copy of a folder (flat files and one level of sub-folders). */
export function copyDir(src: string): string {
  const out = mkdtempSync(join(tmpdir(), "capstan-repo-copy-"));
  const walk = (s: string, d: string) => {
    for (const e of readdirSync(s, { withFileTypes: true })) {
      if (e.isDirectory()) {
        mkdirSync(join(d, e.name));
        walk(join(s, e.name), join(d, e.name));
      } else copyFileSync(join(s, e.name), join(d, e.name));
    }
  };
  walk(src, out);
  return out;
}

/** Timestamps differ between runs: replace created/generated values. */
export function maskTimes(s: string): string {
  return s
    .replace(/^(\s*(?:- )?(?:created|generated): ).*$/gm, "$1<TIME>")
    .replace(/"(created|generated)": "[^"]*"/g, '"$1": "<TIME>"');
}
