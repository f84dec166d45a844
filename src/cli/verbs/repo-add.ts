import { repoAdd } from "../../actions/repo-manage.ts";
import { parseDuration } from "../../funcs/time/duration.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { repoAddPassword } from "./password-prompt.ts";
import { repoSettings } from "./repo-settings.ts";

const command: Command = {
  use: "add [NAME] [URL] [flags]",
  long: "add a chart repository",
  flags: [
    { name: "username", kind: "string", usage: "chart repository username" },
    { name: "password", kind: "string", usage: "chart repository password" },
    { name: "password-stdin", kind: "bool", usage: "read chart repository password from stdin" },
    { name: "force-update", kind: "bool", usage: "replace (overwrite) the repo if it already exists" },
    {
      name: "no-update",
      kind: "bool",
      usage: "Ignored. Formerly, it would disabled forced updates. It is deprecated by force-update.",
      hidden: true,
    },
    { name: "cert-file", kind: "string", usage: "identify HTTPS client using this SSL certificate file" },
    { name: "key-file", kind: "string", usage: "identify HTTPS client using this SSL key file" },
    {
      name: "ca-file",
      kind: "string",
      usage: "verify certificates of HTTPS-enabled servers using this CA bundle",
    },
    {
      name: "insecure-skip-tls-verify",
      kind: "bool",
      usage: "skip tls certificate checks for the repository",
    },
    {
      name: "allow-deprecated-repos",
      kind: "bool",
      usage:
        "by default, this command will not allow adding official repos that have been permanently deleted. This disables that behavior",
    },
    { name: "pass-credentials", kind: "bool", usage: "pass credentials to all domains" },
    {
      name: "timeout",
      kind: "duration",
      usage: "time to wait for the index file download to complete",
      default: "2m0s",
    },
  ],
  async run(parsed, io) {
    if (parsed.args.length !== 2) {
      throw new CliError(
        `"capstan repo add" requires 2 arguments\n\nUsage:  capstan repo add [NAME] [URL] [flags]`,
      );
    }
    const f = parsed.flags;
    let password = (f.password as string) ?? "";
    const username = (f.username as string) ?? "";
    if (username !== "" && password === "")
      password = await repoAddPassword(io, f["password-stdin"] === true);
    const s = repoSettings(parsed, io);
    let timeoutNs: bigint;
    try {
      timeoutNs = parseDuration(f.timeout as string);
    } catch (e) {
      throw new CliError(`invalid argument "${f.timeout}" for "--timeout" flag: ${(e as Error).message}`);
    }
    io.stdout(
      await repoAdd({
        name: parsed.args[0]!,
        url: parsed.args[1]!,
        username,
        password,
        forceUpdate: f["force-update"] === true,
        certFile: (f["cert-file"] as string) ?? "",
        keyFile: (f["key-file"] as string) ?? "",
        caFile: (f["ca-file"] as string) ?? "",
        insecureSkipTLSVerify: f["insecure-skip-tls-verify"] === true,
        allowDeprecatedRepos: f["allow-deprecated-repos"] === true,
        passCredentialsAll: f["pass-credentials"] === true,
        // Go sets no deadline for a zero or negative timeout.
        timeoutMs: timeoutNs > 0n ? Math.max(1, Number(timeoutNs / 1_000_000n)) : 0,
        ...s,
      }),
    );
  },
};
export default command;
