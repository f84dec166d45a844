// The kubeVersion check of helm's install/template action.
import { isCompatibleRange } from "./semver-range.ts";

export class KubeVersionError extends Error {
  override name = "KubeVersionError";
}

/**
 * Throws helm's error when the chart's kubeVersion constraint excludes the
 * target Kubernetes version ("v1.35.0"). helm tests the normalized version
 * (numeric components only: "v1.21.3-eks" passes ">=1.20.0") but names the
 * version as given in the message.
 */
export function checkKubeVersion(constraint: string, kubeVersion: string): void {
  if (constraint === "") return;
  const numeric = /^\s*v?([0-9]+(?:\.[0-9]+)*)/.exec(kubeVersion);
  const normalized = numeric
    ? `v${numeric[1]!
        .split(".")
        .map((c) => BigInt(c).toString())
        .join(".")}`
    : kubeVersion;
  if (!isCompatibleRange(constraint, normalized))
    throw new KubeVersionError(
      `chart requires kubeVersion: ${constraint} which is incompatible with Kubernetes ${kubeVersion}`,
    );
}
