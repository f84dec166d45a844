// capstan as a library. Exports grow with each layer.

export type { CliIO } from "./cli/io.ts";
export { main as runCli } from "./cli/main.ts";
export { CAPSTAN_VERSION, HELM_COMPAT_VERSION } from "./version.ts";
