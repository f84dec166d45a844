// `helm create NAME --starter S`: helm's CreateFrom. The starter chart is
// loaded (.helmignore applied), its metadata replaced by a fresh Chart.yaml,
// <CHARTNAME> replaced in templates and values.yaml, and everything saved as
// helm's SaveDir does (subcharts written as archives into charts/).
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { emptyMetadata } from "../chart/chart.ts";
import { transformChartName } from "../chart/create.ts";
import { writeChartArchive } from "../chart/package.ts";
import { metadataJSON } from "../chart/package-metadata.ts";
import { loadChartPath } from "../node/fs-load.ts";
import { toYAML } from "../repo/yaml.ts";
import { toArchiveChart } from "./package.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();

function writeFile(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  writeFileSync(path, data, { mode: 0o644 });
}

export async function createFromStarter(name: string, dir: string, starter: string): Promise<string> {
  let chart: ReturnType<typeof loadChartPath>;
  try {
    chart = loadChartPath(starter);
  } catch (e) {
    throw new Error(`could not load ${starter}: ${(e as Error).message}`);
  }
  const starterDir = existsSync(starter) && statSync(starter).isDirectory() ? starter : undefined;
  const md = emptyMetadata();
  md.Name = name;
  md.Description = "A Helm chart for Kubernetes";
  md.Type = "application";
  md.Version = "0.1.0";
  md.AppVersion = "0.1.0";
  md.APIVersion = "v2";
  chart.metadata = md;
  if (name === "" || name.includes("/") || name === "." || name === "..") {
    throw new Error(`chart name "${name}" is invalid`);
  }
  const outdir = join(dir, name);
  if (existsSync(outdir) && !statSync(outdir).isDirectory()) {
    throw new Error(`file ${outdir} already exists and is not a directory`);
  }
  mkdirSync(outdir, { recursive: true, mode: 0o755 });
  writeFile(join(outdir, "Chart.yaml"), toYAML(metadataJSON(md)));
  const values = chart.raw.find((f) => f.name === "values.yaml");
  if (values) writeFile(join(outdir, "values.yaml"), transformChartName(dec.decode(values.data), name));
  if (chart.schema) writeFile(join(outdir, "values.schema.json"), chart.schema);
  for (const t of chart.templates)
    writeFile(join(outdir, t.name), enc.encode(transformChartName(dec.decode(t.data), name)));
  for (const f of chart.files) writeFile(join(outdir, f.name), f.data);
  for (const dep of chart.dependencies()) {
    const sub = starterDir ? join(starterDir, "charts", dep.name()) : undefined;
    const archive = writeChartArchive(
      toArchiveChart(dep, sub && existsSync(join(sub, "Chart.yaml")) ? sub : undefined),
    );
    writeFile(join(outdir, "charts", `${dep.name()}-${dep.metadata.Version}.tgz`), archive);
  }
  return outdir;
}
