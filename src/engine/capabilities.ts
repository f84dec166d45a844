// .Capabilities as helm 4.1.4 builds it: *common.Capabilities with a
// KubeVersion (a Stringer), the API versions (common.VersionSet, with Has) and
// helm's own build info. Offline (`template`, client dry-run) these are helm's
// defaults, plus --kube-version and --api-versions.
import { registerUnderlyingType } from "../template/gotypes.ts";
import {
  GO_METHODS,
  GO_TYPE,
  type GoFunc,
  GoObject,
  type GoSlice,
  MARSHAL_JSON,
  type Value,
} from "../template/value.ts";

const STRUCT_ORDER = Symbol.for("capstan.structOrder");

/** A struct for encoding/json: fields in declaration order. */
function structMap(fields: [string, Value][]): Map<string, Value> {
  const m = new Map(fields);
  (m as any)[STRUCT_ORDER] = true;
  return m;
}

// helm v4.1.4's common.DefaultCapabilities API versions, in helm's order.
export const DEFAULT_API_VERSIONS = [
  "v1",
  "admissionregistration.k8s.io/v1",
  "admissionregistration.k8s.io/v1alpha1",
  "admissionregistration.k8s.io/v1beta1",
  "internal.apiserver.k8s.io/v1alpha1",
  "apps/v1",
  "apps/v1beta1",
  "apps/v1beta2",
  "authentication.k8s.io/v1",
  "authentication.k8s.io/v1alpha1",
  "authentication.k8s.io/v1beta1",
  "authorization.k8s.io/v1",
  "authorization.k8s.io/v1beta1",
  "autoscaling/v1",
  "autoscaling/v2",
  "autoscaling/v2beta1",
  "autoscaling/v2beta2",
  "batch/v1",
  "batch/v1beta1",
  "certificates.k8s.io/v1",
  "certificates.k8s.io/v1beta1",
  "certificates.k8s.io/v1alpha1",
  "coordination.k8s.io/v1alpha2",
  "coordination.k8s.io/v1beta1",
  "coordination.k8s.io/v1",
  "discovery.k8s.io/v1",
  "discovery.k8s.io/v1beta1",
  "events.k8s.io/v1",
  "events.k8s.io/v1beta1",
  "extensions/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1",
  "flowcontrol.apiserver.k8s.io/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1beta2",
  "flowcontrol.apiserver.k8s.io/v1beta3",
  "networking.k8s.io/v1",
  "networking.k8s.io/v1beta1",
  "node.k8s.io/v1",
  "node.k8s.io/v1alpha1",
  "node.k8s.io/v1beta1",
  "policy/v1",
  "policy/v1beta1",
  "rbac.authorization.k8s.io/v1",
  "rbac.authorization.k8s.io/v1beta1",
  "rbac.authorization.k8s.io/v1alpha1",
  "resource.k8s.io/v1",
  "resource.k8s.io/v1beta2",
  "resource.k8s.io/v1beta1",
  "resource.k8s.io/v1alpha3",
  "scheduling.k8s.io/v1alpha1",
  "scheduling.k8s.io/v1beta1",
  "scheduling.k8s.io/v1",
  "storage.k8s.io/v1beta1",
  "storage.k8s.io/v1",
  "storage.k8s.io/v1alpha1",
  "storagemigration.k8s.io/v1beta1",
  "apiextensions.k8s.io/v1beta1",
  "apiextensions.k8s.io/v1",
];

export const DEFAULT_KUBE_VERSION = "v1.35.0";

export const HELM_BUILD_INFO = {
  version: "v4.1.4",
  gitCommit: "05fa37973dc9e42b76e1d2883494c87174b6074f",
  gitTreeState: "clean",
  goVersion: "go1.25.9",
  kubeClientVersion: "v1.35",
};

function fn(params: string[], result: string, f: (...a: Value[]) => Value): GoFunc {
  return { params, result, fn: f };
}

/**
 * common.KubeVersion: Version is the --kube-version as given (with a "v"
 * prefix, suffixes like "-gke.1" kept; also GitVersion), normalizedVersion
 * only its numeric components (what String() prints and constraints use).
 */
export class KubeVersion extends GoObject {
  readonly goType = "common.KubeVersion";
  readonly goKind = "struct";
  constructor(
    readonly version: string,
    readonly major: string,
    readonly minor: string,
    readonly normalized: string = version,
  ) {
    super();
  }
  override field(name: string): Value | undefined {
    if (name === "Version") return this.version;
    if (name === "Major") return this.major;
    if (name === "Minor") return this.minor;
    return undefined;
  }
  override method(name: string): GoFunc | undefined {
    if (name === "String") return fn([], "string", () => this.normalized);
    if (name === "GitVersion") return fn([], "string", () => this.version);
    return undefined;
  }
  // String() has a pointer receiver: `{{ .Capabilities.KubeVersion }}` prints
  // "v1.35.0", but print/printf of the value show the struct.
  override readonly stringNeedsAddress = true;
  override fields(): [string, Value][] {
    return [
      ["Version", this.version],
      ["normalizedVersion", this.normalized],
      ["Major", this.major],
      ["Minor", this.minor],
    ];
  }
  override toString(): string {
    return this.normalized;
  }
  [MARSHAL_JSON]() {
    return structMap([
      ["Version", this.version],
      ["Major", this.major],
      ["Minor", this.minor],
    ]);
  }
}

/**
 * Parses a --kube-version value as helm 4's common.ParseKubeVersion does:
 * k8s.io/apimachinery's version.ParseGeneric (two or more numeric components,
 * anything after them ignored); Version is the input with a "v" prefix, the
 * normalized version "v" + the components. Throws helm's
 * error text ("invalid kube version '1': illegal version string \"1\"").
 */
export function parseKubeVersion(s: string): KubeVersion {
  const fail = (why: string): never => {
    throw new Error(`invalid kube version '${s}': ${why}`);
  };
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)([\s\S]*)$/.exec(s);
  if (!m) fail(`could not parse ${goQuoteText(s)} as version`);
  const comps = m![1]!.split(".");
  if (comps.length < 2) fail(`illegal version string ${goQuoteText(s)}`);
  const nums = comps.map((c, i) => {
    if (i === 0 && c.startsWith("0") && c !== "0")
      fail(`illegal zero-prefixed version component ${goQuoteText(c)} in ${goQuoteText(s)}`);
    const n = BigInt(c);
    if (n > 18446744073709551615n)
      fail(
        `illegal non-numeric version component ${goQuoteText(c)} in ${goQuoteText(s)}: strconv.ParseUint: parsing ${goQuoteText(c)}: value out of range`,
      );
    return n.toString();
  });
  const full = s.startsWith("v") ? s : `v${s}`;
  return new KubeVersion(full, nums[0]!, nums[1]!, `v${nums.join(".")}`);
}

// %q of a version string (printable ASCII in practice; JSON's escapes otherwise match Go's).
function goQuoteText(s: string): string {
  return JSON.stringify(s);
}

registerUnderlyingType("common.VersionSet", "[]string");

/** common.VersionSet: a []string with Has (a tagged Array, so len/range/index work as on a slice). */
export function newVersionSet(versions: string[]): GoSlice {
  const vs: GoSlice = [...versions];
  vs[GO_TYPE] = "common.VersionSet";
  vs[GO_METHODS] = { Has: fn(["string"], "bool", (v) => versions.includes(v as string)) };
  return vs;
}

/** version.BuildInfo (helm's), with its JSON field names. */
export class BuildInfo extends GoObject {
  readonly goType = "version.BuildInfo";
  readonly goKind = "struct";
  override fields(): [string, Value][] {
    const b = HELM_BUILD_INFO;
    return [
      ["Version", b.version],
      ["GitCommit", b.gitCommit],
      ["GitTreeState", b.gitTreeState],
      ["GoVersion", b.goVersion],
      ["KubeClientVersion", b.kubeClientVersion],
    ];
  }
  override field(name: string): Value | undefined {
    return this.fields().find(([k]) => k === name)?.[1];
  }
  [MARSHAL_JSON]() {
    const b = HELM_BUILD_INFO;
    return structMap([
      ["version", b.version],
      ["git_commit", b.gitCommit],
      ["git_tree_state", b.gitTreeState],
      ["go_version", b.goVersion],
      ["kube_client_version", b.kubeClientVersion],
    ]);
  }
}

/** *common.Capabilities. */
export class Capabilities extends GoObject {
  readonly goType = "*common.Capabilities";
  readonly goKind = "ptr";
  constructor(
    readonly kubeVersion: KubeVersion,
    readonly apiVersions: GoSlice,
    readonly helmVersion = new BuildInfo(),
  ) {
    super();
  }
  override field(name: string): Value | undefined {
    if (name === "KubeVersion") return this.kubeVersion;
    if (name === "APIVersions") return this.apiVersions;
    if (name === "HelmVersion") return this.helmVersion;
    return undefined;
  }
  override fields(): [string, Value][] {
    return [
      ["KubeVersion", this.kubeVersion],
      ["APIVersions", this.apiVersions],
      ["HelmVersion", this.helmVersion],
    ];
  }
  [MARSHAL_JSON]() {
    return structMap(this.fields());
  }
}

export interface CapabilitiesOptions {
  kubeVersion?: string;
  apiVersions?: string[];
}

/** The offline capabilities of `helm template` (DefaultCapabilities + flags). */
export function defaultCapabilities(opts: CapabilitiesOptions = {}): Capabilities {
  const kv = opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : parseKubeVersion(DEFAULT_KUBE_VERSION);
  return new Capabilities(kv, newVersionSet([...DEFAULT_API_VERSIONS, ...(opts.apiVersions ?? [])]));
}
