// Helm's manifest handling after rendering (pkg/release/v1/util): split each
// rendered file into YAML documents, read each document's head (kind,
// metadata.name, annotations), separate hooks from plain manifests, and order
// both by kind in install order.
import { sortGoStrings } from "../template/fmt.ts";
import { utf8ReaderError } from "../yaml/utf8-reader.ts";
import { goTrimSpace, pathBase } from "./gostrings.ts";

export interface SimpleHead {
  apiVersion: string;
  kind: string;
  metadata?: { name: string; annotations?: Record<string, string> | null };
}

export interface Manifest {
  /** Template path, e.g. "mychart/templates/deployment.yaml". */
  name: string;
  content: string;
  head: SimpleHead;
}

export type HookEvent =
  | "pre-install"
  | "post-install"
  | "pre-delete"
  | "post-delete"
  | "pre-upgrade"
  | "post-upgrade"
  | "pre-rollback"
  | "post-rollback"
  | "test";

export interface Hook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: HookEvent[];
  weight: number;
  deletePolicies: string[];
  outputLogPolicies: string[];
}

export const HOOK_ANNOTATION = "helm.sh/hook";
export const HOOK_WEIGHT_ANNOTATION = "helm.sh/hook-weight";
export const HOOK_DELETE_ANNOTATION = "helm.sh/hook-delete-policy";
export const HOOK_OUTPUT_LOG_ANNOTATION = "helm.sh/hook-output-log-policy";

const EVENTS: Record<string, HookEvent> = {
  "pre-install": "pre-install",
  "post-install": "post-install",
  "pre-delete": "pre-delete",
  "post-delete": "post-delete",
  "pre-upgrade": "pre-upgrade",
  "post-upgrade": "post-upgrade",
  "pre-rollback": "pre-rollback",
  "post-rollback": "post-rollback",
  test: "test",
  // helm 2 tests
  "test-success": "test",
};

export const INSTALL_ORDER = [
  "PriorityClass",
  "Namespace",
  "NetworkPolicy",
  "ResourceQuota",
  "LimitRange",
  "PodSecurityPolicy",
  "PodDisruptionBudget",
  "ServiceAccount",
  "Secret",
  "SecretList",
  "ConfigMap",
  "StorageClass",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "CustomResourceDefinition",
  "ClusterRole",
  "ClusterRoleList",
  "ClusterRoleBinding",
  "ClusterRoleBindingList",
  "Role",
  "RoleList",
  "RoleBinding",
  "RoleBindingList",
  "Service",
  "DaemonSet",
  "Pod",
  "ReplicationController",
  "ReplicaSet",
  "Deployment",
  "HorizontalPodAutoscaler",
  "StatefulSet",
  "Job",
  "CronJob",
  "IngressClass",
  "Ingress",
  "APIService",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
];

export const UNINSTALL_ORDER = [
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "APIService",
  "Ingress",
  "IngressClass",
  "Service",
  "CronJob",
  "Job",
  "StatefulSet",
  "HorizontalPodAutoscaler",
  "Deployment",
  "ReplicaSet",
  "ReplicationController",
  "Pod",
  "DaemonSet",
  "RoleBindingList",
  "RoleBinding",
  "RoleList",
  "Role",
  "ClusterRoleBindingList",
  "ClusterRoleBinding",
  "ClusterRoleList",
  "ClusterRole",
  "CustomResourceDefinition",
  "PersistentVolumeClaim",
  "PersistentVolume",
  "StorageClass",
  "ConfigMap",
  "SecretList",
  "Secret",
  "ServiceAccount",
  "PodDisruptionBudget",
  "PodSecurityPolicy",
  "LimitRange",
  "ResourceQuota",
  "NetworkPolicy",
  "Namespace",
  "PriorityClass",
];

// Go's `(?:^|\s*\n)---\s*` where \s is RE2's ASCII class.
const SEP = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

/** releaseutil.SplitManifests: the documents of a YAML stream, in order. */
export function splitManifests(bigFile: string): string[] {
  const trimmed = goTrimSpace(bigFile);
  // Most rendered files hold one document; the separator needs "---".
  if (!trimmed.includes("---")) return trimmed === "" ? [] : [trimmed];
  const docs = trimmed.split(SEP);
  const out: string[] = [];
  for (const d of docs) {
    if (d === "") continue;
    out.push(goTrimSpace(d));
  }
  return out;
}

/** Sorts stably by kind in the given order; unknown kinds last, alphabetically among themselves. */
export function sortByKind<T>(items: T[], kindOf: (t: T) => string, order: string[] = INSTALL_ORDER): T[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  const decorated = items.map((item, index) => ({ item, index, kind: kindOf(item) }));
  decorated.sort((a, b) => {
    const ra = rank.get(a.kind);
    const rb = rank.get(b.kind);
    let c = 0;
    if (ra === undefined && rb === undefined) c = a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
    else if (ra === undefined) c = 1;
    else if (rb === undefined) c = -1;
    else c = ra - rb;
    return c !== 0 ? c : a.index - b.index;
  });
  return decorated.map((d) => d.item);
}

export class ManifestParseError extends Error {}

/** A structured slog.Info line of releaseutil (message plus key/value attributes). */
export type ManifestInfoLog = (msg: string, attrs: [string, string][]) => void;
let infoLog: ManifestInfoLog = () => {};

/** Where helm's `slog.Info("skipping unknown hooks", "hookTypes", ...)` goes (the CLI prints it on stderr). */
export function setManifestInfoHandler(fn: ManifestInfoLog): void {
  infoLog = fn;
}

/**
 * releaseutil.SortManifests: files (path → rendered text) into hooks and
 * manifests, each ordered by kind. `parseHead` reads a document's head as
 * sigs.k8s.io/yaml would, throwing Go's error text on invalid YAML.
 */
export function sortManifests(
  files: Map<string, string>,
  parseHead: (doc: string) => SimpleHead,
  order: string[] = INSTALL_ORDER,
): { hooks: Hook[]; manifests: Manifest[] } {
  const hooks: Hook[] = [];
  const generic: Manifest[] = [];
  const paths = sortGoStrings([...files.keys()]);
  for (const path of paths) {
    const content = files.get(path)!;
    if (pathBase(path).startsWith("_")) continue;
    if (goTrimSpace(content) === "") continue;
    for (const m of splitManifests(content)) {
      let head: SimpleHead;
      const badBytes = utf8ReaderError(m);
      if (badBytes !== undefined)
        throw new ManifestParseError(
          `YAML parse error on ${path}: error converting YAML to JSON: yaml: ${badBytes}`,
        );
      try {
        head = parseHead(m);
      } catch (e) {
        throw new ManifestParseError(`YAML parse error on ${path}: ${(e as Error).message}`);
      }
      const annotations = head.metadata?.annotations;
      const hookTypes = annotations ? annotations[HOOK_ANNOTATION] : undefined;
      if (!annotations || Object.keys(annotations).length === 0 || hookTypes === undefined) {
        generic.push({ name: path, content: m, head });
        continue;
      }
      const hook: Hook = {
        name: head.metadata?.name ?? "",
        kind: head.kind,
        path,
        manifest: m,
        events: [],
        weight: goAtoi(annotations[HOOK_WEIGHT_ANNOTATION] ?? ""),
        deletePolicies: [],
        outputLogPolicies: [],
      };
      let unknown = false;
      for (const t of hookTypes.split(",")) {
        const e = EVENTS[goTrimSpace(t).toLowerCase()];
        if (!e) {
          unknown = true;
          break;
        }
        hook.events.push(e);
      }
      if (unknown) {
        infoLog("skipping unknown hooks", [["hookTypes", hookTypes]]);
        continue;
      }
      hooks.push(hook);
      const policies = (name: string) =>
        name in annotations ? annotations[name]!.split(",").map((p) => goTrimSpace(p).toLowerCase()) : [];
      hook.deletePolicies = policies(HOOK_DELETE_ANNOTATION);
      hook.outputLogPolicies = policies(HOOK_OUTPUT_LOG_ANNOTATION);
    }
  }
  return {
    hooks: sortByKind(hooks, (h) => h.kind, order),
    manifests: sortByKind(generic, (m) => m.head.kind, order),
  };
}

/** strconv.Atoi with helm's fallback to 0 on error. */
function goAtoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}
