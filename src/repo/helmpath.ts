// helm's file locations (pkg/helmpath with its lazypath and XDG rules on
// Linux/macOS), so helm and capstan share configuration, cache and data.
import { homedir } from "node:os";
import { join } from "node:path";

export type Env = Record<string, string | undefined>;

function base(env: Env, helmVar: string, xdgVar: string, fallback: string[]): string {
  const h = env[helmVar];
  if (h) return h;
  const x = env[xdgVar];
  if (x) return join(x, "helm");
  return join(env.HOME || homedir(), ...fallback, "helm");
}

export function configPath(env: Env, ...elem: string[]): string {
  return join(base(env, "HELM_CONFIG_HOME", "XDG_CONFIG_HOME", [".config"]), ...elem);
}

export function cachePath(env: Env, ...elem: string[]): string {
  return join(base(env, "HELM_CACHE_HOME", "XDG_CACHE_HOME", [".cache"]), ...elem);
}

export function dataPath(env: Env, ...elem: string[]): string {
  return join(base(env, "HELM_DATA_HOME", "XDG_DATA_HOME", [".local", "share"]), ...elem);
}

/** --repository-config default: $HELM_REPOSITORY_CONFIG or <config>/repositories.yaml. */
export function repositoryConfig(env: Env): string {
  return env.HELM_REPOSITORY_CONFIG || configPath(env, "repositories.yaml");
}

/** --repository-cache default: $HELM_REPOSITORY_CACHE or <cache>/repository. */
export function repositoryCache(env: Env): string {
  return env.HELM_REPOSITORY_CACHE || cachePath(env, "repository");
}

/** --registry-config default: $HELM_REGISTRY_CONFIG or <config>/registry/config.json. */
export function registryConfig(env: Env): string {
  return env.HELM_REGISTRY_CONFIG || configPath(env, "registry", "config.json");
}

/** --content-cache default: $HELM_CONTENT_CACHE or <cache>/content. */
export function contentCache(env: Env): string {
  return env.HELM_CONTENT_CACHE || cachePath(env, "content");
}

/** helm's default keyring: $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg. */
export function defaultKeyring(env: Env): string {
  return join(env.GNUPGHOME || join(env.HOME || homedir(), ".gnupg"), "pubring.gpg");
}
