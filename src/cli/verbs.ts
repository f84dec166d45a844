// Every verb capstan knows, in helm's words. A verb's module is imported only
// when it runs.
import type { VerbEntry } from "./command.ts";

export const verbs: VerbEntry[] = [
  {
    name: "version",
    summary: "print the client version information",
    load: async () => (await import("./verbs/version.ts")).default,
  },
];
