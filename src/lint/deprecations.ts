// validateNoDeprecations: an object whose apiVersion and kind the Kubernetes
// API (as of helm 4.1.4's k8s.io/api) marks deprecated at the linted
// Kubernetes version gets apiserver's deprecation warning text.
import { apiLifecycles } from "./deprecated-apis.ts";
import type { K8sYamlStruct } from "./k8s-yaml.ts";

// helm's k8sVersionMajor/Minor, set from its client-go version at build time.
const DEFAULT_MAJOR = 1;
const DEFAULT_MINOR = 35;

/** schema.FromAPIVersionAndKind(...).GroupVersion().String(): "v1" for the core group. */
function groupVersion(apiVersion: string): string | null {
  const parts = apiVersion.split("/");
  if (parts.length === 1) return apiVersion;
  if (parts.length === 2) return parts[0] === "" ? parts[1]! : apiVersion;
  return null;
}

export function validateNoDeprecations(
  obj: K8sYamlStruct,
  kube?: { major: string; minor: string },
): string | null {
  if (obj.apiVersion === "" || obj.kind === "") return null;
  const gv = groupVersion(obj.apiVersion);
  if (gv === null) return null;
  const life = apiLifecycles[`${gv} ${obj.kind}`];
  if (!life) return null;
  const [dMajor, dMinor, rMajor, rMinor, replacement] = life;
  let major = DEFAULT_MAJOR;
  let minor = DEFAULT_MINOR;
  if (kube) {
    // strconv.Atoi of the parsed version's parts.
    major = Number(kube.major);
    minor = Number(kube.minor);
  }
  if (!(major === 0 && minor === 0)) {
    if (dMajor > major) return null;
    if (dMajor === major && dMinor > minor) return null;
  }
  let msg = `${gv} ${obj.kind} is deprecated in v${dMajor}.${dMinor}+`;
  if (rMajor !== 0 || rMinor !== 0) msg += `, unavailable in v${rMajor}.${rMinor}+`;
  if (replacement) msg += `; use ${replacement}`;
  return msg;
}
