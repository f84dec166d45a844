import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import { hasWarningsOrErrors, runLint } from "../../actions/lint.ts";
import { parseKubeVersion } from "../../engine/capabilities.ts";
import { formatLintMessage, INFO } from "../../lint/support.ts";
import { installNodeFuncsPlatform } from "../../node/funcs-platform.ts";
import { mergeUserValues } from "../../values/user-values.ts";
import type { Command } from "../command.ts";
import { valueFlags, valueOptions } from "../install-flags.ts";
import { CliError } from "../io.ts";
import { installLogHandlers, slogLine } from "../log.ts";

const command: Command = {
  use: "lint PATH [flags]",
  long: `
This command takes a path to a chart and runs a series of tests to verify that
the chart is well-formed.

If the linter encounters things that will cause the chart to fail installation,
it will emit [ERROR] messages. If it encounters issues that break with convention
or recommendation, it will emit [WARNING] messages.`,
  flags: [
    {
      name: "kube-version",
      kind: "string",
      usage: "Kubernetes version used for capabilities and deprecation checks",
    },
    { name: "quiet", kind: "bool", usage: "print only warnings and errors" },
    { name: "skip-schema-validation", kind: "bool", usage: "if set, disables JSON schema validation" },
    { name: "strict", kind: "bool", usage: "fail on lint warnings" },
    ...valueFlags,
    { name: "with-subcharts", kind: "bool", usage: "lint dependent charts" },
  ],
  async run(p, io) {
    const f = p.flags;
    installLogHandlers(io, f.debug as boolean);
    installNodeFuncsPlatform();
    if (p.args.length < 1)
      throw new CliError('"capstan lint" requires at least 1 argument\n\nUsage:  capstan lint PATH [flags]');
    const paths = [...p.args];
    const kubeVersion = (f["kube-version"] as string) || undefined;
    if (kubeVersion) parseKubeVersion(kubeVersion);
    const abs = (x: string) => (isAbsolute(x) ? x : join(io.cwd, x));
    if (f["with-subcharts"]) {
      for (const path of p.args) walkSubcharts(join(path, "charts"), abs, paths);
    }
    const namespace = (f.namespace as string) || io.env.HELM_NAMESPACE || "default";
    const values = mergeUserValues(valueOptions(f), (x) => readFileSync(abs(x)));
    const quiet = !!f.quiet;
    let out = "";
    let failed = 0;
    let errorsOrWarnings = 0;
    for (const path of paths) {
      const result = runLint([path], values, {
        strict: !!f.strict,
        namespace,
        kubeVersion,
        skipSchemaValidation: !!f["skip-schema-validation"],
        cwd: io.cwd,
        log: (level, msg, attrs) => io.stderr(slogLine(level, msg, attrs)),
        warn: (m) => io.stderr(slogLine("WARN", m)),
      });
      const noisy = hasWarningsOrErrors(result);
      if (noisy) errorsOrWarnings++;
      if (quiet && !noisy) continue;
      out += `==> Linting ${path}\n`;
      if (result.messages.length === 0) for (const e of result.errors) out += `Error ${e}\n`;
      for (const m of result.messages) if (!quiet || m.severity > INFO) out += `${formatLintMessage(m)}\n`;
      if (result.errors.length !== 0) failed++;
      out += "\n";
    }
    io.stdout(out);
    const summary = `${paths.length} chart(s) linted, ${failed} chart(s) failed`;
    if (failed > 0) throw new CliError(summary);
    if (!quiet || errorsOrWarnings > 0) io.stdout(`${summary}\n`);
  },
};
export default command;

/** filepath.Walk of <chart>/charts in lexical order: folders with a Chart.yaml and archives. */
function walkSubcharts(root: string, abs: (p: string) => string, paths: string[]): void {
  const visit = (p: string) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(abs(p));
    } catch {
      return;
    }
    if (basename(p) === "Chart.yaml") paths.push(dirname(p));
    else if (p.endsWith(".tgz") || p.endsWith(".tar.gz")) paths.push(p);
    if (!st.isDirectory()) return;
    for (const name of readdirSync(abs(p)).sort()) visit(join(p, name));
  };
  if (existsSync(abs(root))) visit(root);
}
