// `capstan registry login|logout`.
import { registryLogin, registryLogout } from "../../actions/registry.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";
import { slogLine } from "../log.ts";
import { registryUsernamePassword } from "./password-prompt.ts";
import { registryFlagSpecs, registryFlags } from "./registry-flags.ts";

const login: Command = {
  use: "login [host] [flags]",
  long: "Authenticate to a remote registry.",
  flags: [
    ...registryFlagSpecs.filter((f) => f.name !== "username" && f.name !== "password"),
    { name: "username", short: "u", kind: "string", usage: "registry username" },
    { name: "password", short: "p", kind: "string", usage: "registry password or identity token" },
    { name: "password-stdin", kind: "bool", usage: "read password or identity token from stdin" },
    { name: "insecure", kind: "bool", usage: "allow connections to TLS registry without certs" },
  ],
  async run(parsed, io) {
    if (parsed.args.length !== 1) {
      throw new CliError(
        `"capstan registry login" requires 1 argument\n\nUsage:  capstan registry login [host] [flags]`,
      );
    }
    const f = registryFlags(parsed, io);
    const creds = await registryUsernamePassword(
      io,
      f.username ?? "",
      f.password ?? "",
      parsed.flags["password-stdin"] === true,
      (m) => io.stderr(slogLine("WARN", m)),
    );
    f.username = creds.username;
    f.password = creds.password;
    io.stderr(await registryLogin(parsed.args[0]!, f));
  },
};

const logout: Command = {
  use: "logout [host] [flags]",
  long: "Remove credentials stored for a remote registry.",
  flags: [],
  async run(parsed, io) {
    if (parsed.args.length !== 1) {
      throw new CliError(
        `"capstan registry logout" requires 1 argument\n\nUsage:  capstan registry logout [host] [flags]`,
      );
    }
    io.stderr(registryLogout(parsed.args[0]!, registryFlags(parsed, io).registryConfig));
  },
};

const command: Command = {
  use: "registry [command]",
  long: "This command consists of multiple subcommands to interact with registries.",
  flags: [],
  subcommands: [
    { name: "login", summary: "login to a registry", load: async () => login },
    { name: "logout", summary: "logout from a registry", load: async () => logout },
  ],
};
export default command;
