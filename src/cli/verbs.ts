// Every verb capstan knows, in helm's words. A verb's module is imported only
// when it runs.
import type { VerbEntry } from "./command.ts";

export const verbs: VerbEntry[] = [
  {
    name: "create",
    summary: "create a new chart with the given name",
    load: async () => (await import("./verbs/create.ts")).default,
  },
  {
    name: "search",
    summary: "search for a keyword in charts",
    load: async () => (await import("./verbs/search.ts")).default,
  },
  {
    name: "serve",
    summary: "serve a folder of charts as a chart repository (ChartMuseum-compatible API)",
    load: async () => (await import("./verbs/serve.ts")).default,
  },
  {
    name: "template",
    summary: "locally render templates",
    load: async () => (await import("./verbs/template.ts")).default,
  },
  {
    name: "dependency",
    aliases: ["dep", "dependencies"],
    summary: "manage a chart's dependencies",
    load: async () => (await import("./verbs/dependency.ts")).default,
  },
  {
    name: "lint",
    summary: "examine a chart for possible issues",
    load: async () => (await import("./verbs/lint.ts")).default,
  },
  {
    name: "package",
    summary: "package a chart directory into a chart archive",
    load: async () => (await import("./verbs/package.ts")).default,
  },
  {
    name: "pull",
    aliases: ["fetch"],
    summary: "download a chart from a repository and (optionally) unpack it in local directory",
    load: async () => (await import("./verbs/pull.ts")).default,
  },
  {
    name: "push",
    summary: "push a chart to remote",
    load: async () => (await import("./verbs/push.ts")).default,
  },
  {
    name: "registry",
    summary: "login to or logout from a registry",
    load: async () => (await import("./verbs/registry.ts")).default,
  },
  {
    name: "repo",
    summary: "add, list, remove, update, and index chart repositories",
    load: async () => (await import("./verbs/repo.ts")).default,
  },
  {
    name: "verify",
    summary: "verify that a chart at the given path has been signed and is valid",
    load: async () => (await import("./verbs/verify.ts")).default,
  },
  {
    name: "version",
    summary: "print the client version information",
    load: async () => (await import("./verbs/version.ts")).default,
  },
];
