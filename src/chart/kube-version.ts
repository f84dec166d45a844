// The kubeVersion check of helm's install/template action.
import { isCompatibleRange } from "./semver-range.ts";

export class KubeVersionError extends Error {
  override name = "KubeVersionError";
}

/** Throws helm's error when the chart's kubeVersion constraint excludes the target Kubernetes version ("v1.35.0"). */
export function checkKubeVersion(constraint: string, kubeVersion: string): void {
  if (constraint === "") return;
  if (!isCompatibleRange(constraint, kubeVersion))
    throw new KubeVersionError(
      `chart requires kubeVersion: ${constraint} which is incompatible with Kubernetes ${kubeVersion}`,
    );
}
