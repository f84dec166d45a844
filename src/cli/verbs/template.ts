import { runTemplate } from "../../actions/template.ts";
import { installNodeFuncsPlatform } from "../../node/funcs-platform.ts";
import type { Command } from "../command.ts";
import { chartPathOptions, installFlags, valueOptions } from "../install-flags.ts";
import { CliError } from "../io.ts";
import { installLogHandlers, slogLine } from "../log.ts";

const command: Command = {
  use: "template [NAME] [CHART] [flags]",
  long: `Render chart templates locally and display the output.

Any values that would normally be looked up or retrieved in-cluster will be
faked locally. Additionally, none of the server-side testing of chart validity
(e.g. whether an API is supported) is done.

To specify the Kubernetes API versions used for Capabilities.APIVersions, use
the '--api-versions' flag. This flag can be specified multiple times or as a
comma-separated list:

    $ capstan template --api-versions networking.k8s.io/v1 --api-versions cert-manager.io/v1 mychart ./mychart`,
  flags: [
    {
      name: "api-versions",
      short: "a",
      kind: "stringSlice",
      usage: "Kubernetes api versions used for Capabilities.APIVersions (multiple can be specified)",
    },
    ...installFlags,
    { name: "include-crds", kind: "bool", usage: "include CRDs in the templated output" },
    { name: "is-upgrade", kind: "bool", usage: "set .Release.IsUpgrade instead of .Release.IsInstall" },
    { name: "kube-version", kind: "string", usage: "Kubernetes version used for Capabilities.KubeVersion" },
    {
      name: "output-dir",
      kind: "string",
      usage: "writes the executed templates to files in output-dir instead of stdout",
    },
    { name: "release-name", kind: "bool", usage: "use release name in the output-dir path." },
    {
      name: "show-only",
      short: "s",
      kind: "stringArray",
      usage: "only show manifests rendered from the given templates",
    },
    { name: "skip-tests", kind: "bool", usage: "skip tests from templated output" },
    { name: "validate", kind: "bool", usage: "deprecated", hidden: true },
  ],
  async run(p, io) {
    const f = p.flags;
    installLogHandlers(io, f.debug as boolean);
    // Node's zoneinfo (tzdata abbreviations as Go prints them) and native crypto, only for verbs that render.
    installNodeFuncsPlatform();
    if (p.args.length < 1)
      throw new CliError(
        '"capstan template" requires at least 1 argument\n\nUsage:  capstan template [NAME] [CHART] [flags]',
      );
    const r = await runTemplate(p.args, {
      ...valueOptions(f),
      namespace: (f.namespace as string) || io.env.HELM_NAMESPACE || "default",
      generateName: f["generate-name"] as boolean,
      nameTemplate: f["name-template"] as string,
      kubeVersion: f["kube-version"] as string,
      apiVersions: f["api-versions"] as string[],
      showOnly: f["show-only"] as string[],
      outputDir: f["output-dir"] as string,
      useReleaseName: f["release-name"] as boolean,
      includeCrds: f["include-crds"] as boolean,
      skipTests: f["skip-tests"] as boolean,
      disableHooks: f["no-hooks"] as boolean,
      isUpgrade: f["is-upgrade"] as boolean,
      renderSubchartNotes: f["render-subchart-notes"] as boolean,
      skipSchemaValidation: f["skip-schema-validation"] as boolean,
      postRenderer: f["post-renderer"] as string,
      postRendererArgs: f["post-renderer-args"] as string[],
      enableDNS: f["enable-dns"] as boolean,
      debug: f.debug as boolean,
      debugLog: f.debug ? (msg, attrs) => io.stderr(slogLine("DEBUG", msg, attrs)) : undefined,
      versionFlag: (f.version as string | undefined) ?? "",
      // helm's install runs the manager with the chart flags' registry client, never verifying.
      dependencyUpdate: f["dependency-update"]
        ? async (chartPath) => {
            const { dependencyManager } = await import("./dependency.ts");
            const flags = { ...f, verify: false, "skip-refresh": false };
            await dependencyManager(chartPath, { ...p, flags }, io, io.stdout).update();
          }
        : undefined,
      locate: chartPathOptions(f, io),
      cwd: io.cwd,
      warn: (m) => io.stderr(slogLine("WARN", m)),
    });
    io.stdout(r.stdout);
    if (r.error) throw new CliError(r.error.message);
  },
};
export default command;
