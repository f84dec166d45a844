// helm's template lint rule (rules/template.go): load the chart, render it in
// lint mode as release "test-release" in the given namespace, then check each
// of the root chart's YAML templates: extension, top-level indent, YAML
// decoding, object names, deprecated APIs, selectors and List annotations.
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Chart } from "../chart/chart.ts";
import { processDependencies } from "../chart/dependencies.ts";
import type { Capabilities } from "../engine/capabilities.ts";
import { toRenderValues } from "../engine/context.ts";
import { renderTemplates } from "../engine/render.ts";
import { registerValuesMethods } from "../engine/values-methods.ts";
import { helmFuncMap } from "../funcs/index.ts";
import { goFsError } from "../node/fs-load.ts";
import type { GoMap } from "../template/value.ts";
import { coalesceValues } from "../values/coalesce.ts";
import { validateValuesSchema } from "../values/schema.ts";
import { readYAML, toYAML } from "../yaml/index.ts";
import { validateNoDeprecations } from "./deprecations.ts";
import { validateMetadataName } from "./k8s-names.ts";
import { decodeK8sDocuments, type K8sYamlStruct } from "./k8s-yaml.ts";
import { loadChartOnce } from "./load.ts";
import { ERROR, type Linter, WARNING } from "./support.ts";

export interface TemplateLintOptions {
  namespace: string;
  capabilities: Capabilities;
  /** --kube-version given: deprecations are judged at that version. */
  kubeVersion?: { major: string; minor: string };
  skipSchemaValidation?: boolean;
  /** helm's slog lines from lint-mode `required` and `fail`. */
  log?: (level: "WARN" | "INFO", msg: string, attrs: [string, string][]) => void;
  warn?: (msg: string) => void;
}

const DIR = "templates/";

export function lintTemplates(linter: Linter, values: Map<string, unknown>, opts: TemplateLintOptions): void {
  const templatesPath = join(linter.chartDir, "templates");
  let st: ReturnType<typeof statSync> | undefined;
  let statErr: unknown;
  try {
    st = statSync(templatesPath);
  } catch (e) {
    statErr = e;
  }
  const missing = (statErr as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
  if (!linter.run(WARNING, DIR, missing ? "directory does not exist" : null)) return;
  const dirErr = statErr
    ? goFsError("stat", templatesPath, statErr)
    : st?.isDirectory()
      ? null
      : "not a directory";
  if (!linter.run(ERROR, DIR, dirErr)) return;

  let chart: Chart;
  try {
    chart = loadChartOnce(linter, linter.chartDir).cloneTree();
  } catch (e) {
    linter.run(ERROR, DIR, (e as Error).message);
    return;
  }
  // helm ignores dependency and coalescing errors here (other rules report them).
  let top: GoMap;
  try {
    processDependencies(chart, values);
    const cvals = coalesceValues(chart, values) as GoMap;
    if (!opts.skipSchemaValidation) {
      try {
        validateValuesSchema(chart, cvals);
      } catch (e) {
        linter.run(ERROR, DIR, (e as Error).message);
        return;
      }
    }
    top = toRenderValues(
      chart,
      cvals,
      { name: "test-release", namespace: opts.namespace, revision: 0, isInstall: false, isUpgrade: false },
      opts.capabilities,
    );
  } catch {
    return;
  }
  registerValuesMethods(toYAML);
  let rendered: Map<string, string>;
  try {
    rendered = renderTemplates(chart, top, {
      funcs: helmFuncMap(),
      toYAML: (v) => toYAML(v).replace(/\n$/, ""),
      lintMode: true,
      log: opts.log,
      warn: opts.warn,
    });
  } catch (e) {
    linter.run(ERROR, DIR, (e as Error).message);
    return;
  }

  for (const t of chart.templates) {
    const fileName = t.name;
    linter.run(ERROR, fileName, validateAllowedExtension(fileName));
    if (!isYamlFileExtension(fileName)) continue;
    const content = rendered.get(`${chart.name()}/${fileName}`) ?? "";
    if (content.trim() === "") continue;
    linter.run(WARNING, fileName, validateTopIndentLevel(content));
    const objects: K8sYamlStruct[] = [];
    let failed = false;
    const err = decodeK8sDocuments(content, (s) => {
      if (s === null) return;
      linter.run(WARNING, fileName, validateMetadataName(s.kind, s.metadata.name));
      linter.run(WARNING, fileName, validateNoDeprecations(s, opts.kubeVersion));
      linter.run(ERROR, fileName, validateMatchSelector(s, content));
      const listErr = validateListAnnotations(s, content);
      linter.run(ERROR, fileName, listErr);
      objects.push(s);
    });
    if (err !== null) failed = !linter.run(ERROR, fileName, `unable to parse YAML: ${err}`);
    // A file whose YAML does not parse ends the rule, as in helm.
    if (failed) return;
  }
}

function ext(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const i = base.lastIndexOf(".");
  return i >= 0 ? base.slice(i) : "";
}

function validateAllowedExtension(fileName: string): string | null {
  const e = ext(fileName);
  if ([".yaml", ".yml", ".tpl", ".txt"].includes(e)) return null;
  return `file extension '${e}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt`;
}

function isYamlFileExtension(fileName: string): boolean {
  const e = ext(fileName).toLowerCase();
  return e === ".yaml" || e === ".yml";
}

/** The first non-blank line must not be indented (helm issue 8467). */
function validateTopIndentLevel(content: string): string | null {
  // bufio.Scanner's lines: split on \n, a trailing \r dropped.
  for (let line of content.split("\n")) {
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() === "") continue;
    if (line.startsWith(" ") || line.startsWith("\t"))
      return `document starts with an illegal indent: ${JSON.stringify(line)}, which may cause parsing problems`;
    return null;
  }
  return null;
}

function validateMatchSelector(s: K8sYamlStruct, manifest: string): string | null {
  if (!["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"].includes(s.kind)) return null;
  if (manifest.includes("matchLabels") || manifest.includes("matchExpressions")) return null;
  return `a ${s.kind} must contain matchLabels or matchExpressions, and ${JSON.stringify(s.metadata.name)} does not`;
}

/** A List whose items carry helm.sh/resource-policy: helm ignores the annotation there. */
function validateListAnnotations(s: K8sYamlStruct, manifest: string): string | null {
  if (s.kind !== "List") return null;
  let doc: unknown;
  try {
    doc = readYAML(manifest);
  } catch (e) {
    return `unable to parse YAML: ${(e as Error).message}`;
  }
  const items = doc instanceof Map ? ciGet(doc as Map<string, unknown>, "items") : undefined;
  if (!Array.isArray(items)) return null;
  for (const item of items) {
    if (!(item instanceof Map)) continue;
    const md = ciGet(item as Map<string, unknown>, "metadata");
    const ann = md instanceof Map ? ciGet(md as Map<string, unknown>, "annotations") : undefined;
    if (ann instanceof Map && ann.has("helm.sh/resource-policy"))
      return "annotation 'helm.sh/resource-policy' within List objects are ignored";
  }
  return null;
}

function ciGet(m: Map<string, unknown>, key: string): unknown {
  if (m.has(key)) return m.get(key);
  for (const [k, v] of m) if (k.toLowerCase() === key) return v;
  return undefined;
}
