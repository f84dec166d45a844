// The repository settings the repository verbs read (--repository-config,
// --repository-cache: global flags, defaults from the environment).
import { repositoryCache, repositoryConfig } from "../../repo/helmpath.ts";
import type { Parsed } from "../flags.ts";
import type { CliIO } from "../io.ts";

export function repoSettings(parsed: Parsed, io: CliIO): { repoFile: string; repoCache: string } {
  return {
    repoFile: (parsed.flags["repository-config"] as string) || repositoryConfig(io.env),
    repoCache: (parsed.flags["repository-cache"] as string) || repositoryCache(io.env),
  };
}
