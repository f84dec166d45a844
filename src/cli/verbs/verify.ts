import { resolve } from "node:path";
import { defaultKeyring } from "../../repo/helmpath.ts";
import { verifyChart } from "../../repo/provenance.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";

const command: Command = {
  use: "verify PATH [flags]",
  long: `
Verify that the given chart has a valid provenance file.

Provenance files provide cryptographic verification that a chart has not been
tampered with, and was packaged by a trusted provider.

This command can be used to verify a local chart.`,
  flags: [{ name: "keyring", kind: "string", usage: "keyring containing public keys" }],
  async run(parsed, io) {
    if (parsed.args.length !== 1) {
      throw new CliError(`"capstan verify" requires 1 argument\n\nUsage:  capstan verify PATH [flags]`);
    }
    const archive = resolve(io.cwd, parsed.args[0]!);
    const keyring = resolve(io.cwd, (parsed.flags.keyring as string) || defaultKeyring(io.env));
    const v = await verifyChart(archive, `${archive}.prov`, keyring);
    io.stdout(
      `${v.signedBy.map((s) => `Signed by: ${s}\n`).join("")}Using Key With Fingerprint: ${v.fingerprint}\nChart Hash Verified: ${v.fileHash}\n`,
    );
  },
};
export default command;
