// Flags helm treats as global for repository verbs (--repository-config,
// --repository-cache), and their defaults from the environment.
import { repositoryCache, repositoryConfig } from "../../repo/helmpath.ts";
import type { FlagSpec, Parsed } from "../flags.ts";
import type { CliIO } from "../io.ts";

export const repoSettingsFlags: FlagSpec[] = [
  {
    name: "repository-config",
    kind: "string",
    usage: "path to the file containing repository names and URLs",
  },
  {
    name: "repository-cache",
    kind: "string",
    usage: "path to the directory containing cached repository indexes",
  },
];

export function repoSettings(parsed: Parsed, io: CliIO): { repoFile: string; repoCache: string } {
  return {
    repoFile: (parsed.flags["repository-config"] as string) || repositoryConfig(io.env),
    repoCache: (parsed.flags["repository-cache"] as string) || repositoryCache(io.env),
  };
}
