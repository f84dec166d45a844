// Release naming as helm's install action does it: NAME and CHART arguments,
// --generate-name, --name-template, and the release name rules.

export interface NameOptions {
  releaseName?: string;
  generateName?: boolean;
  nameTemplate?: string;
  /** Renders --name-template (a Go template with Sprig functions and no data). */
  renderNameTemplate?: (t: string) => string;
}

export class NameError extends Error {}

export function releaseNameAndChart(args: string[], o: NameOptions): { name: string; chartRef: string } {
  if (args.length > 2) {
    throw new NameError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(", ")}`);
  }
  if (args.length === 2) {
    if (o.generateName) throw new NameError("cannot set --generate-name and also specify a name");
    if (o.nameTemplate) throw new NameError("cannot set --name-template and also specify a name");
    return { name: args[0]!, chartRef: args[1]! };
  }
  if (o.nameTemplate) {
    if (!o.renderNameTemplate) throw new NameError("--name-template is not supported here");
    return { name: o.renderNameTemplate(o.nameTemplate), chartRef: args[0]! };
  }
  if (o.releaseName) return { name: o.releaseName, chartRef: args[0]! };
  if (!o.generateName) throw new NameError("must either provide a name or specify --generate-name");
  let base = args[0]!.replace(/\/+$/, "").split("/").pop() ?? "";
  if (base === "." || base === "") base = "chart";
  const dot = base.indexOf(".");
  if (dot >= 0) base = base.slice(0, dot);
  return { name: `${base}-${Math.floor(Date.now() / 1000)}`, chartRef: args[0]! };
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** chartutil.ValidateReleaseName, with the install action's wrapping. */
export function validateReleaseName(name: string): void {
  if (name === "" || name.length > 53 || !RELEASE_NAME.test(name)) {
    throw new NameError(
      `release name check failed: release name ${JSON.stringify(name)}: invalid release name, must match regex ${RELEASE_NAME.source} and the length must not be longer than 53`,
    );
  }
}
