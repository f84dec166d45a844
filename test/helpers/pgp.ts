// A PGP key pair for signing tests: helm's `package --sign --key "Chart Signer"
// --keyring <dir>/secring.gpg` and `verify --keyring <dir>/pubring.gpg` read it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as openpgp from "openpgp";

/** A new folder holding secring.gpg and pubring.gpg for "Chart Signer <signer@example.com>". */
export async function signingKeys(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: "rsa",
    rsaBits: 2048,
    userIDs: [{ name: "Chart Signer", email: "signer@example.com" }],
    format: "binary",
  });
  writeFileSync(join(dir, "secring.gpg"), privateKey);
  writeFileSync(join(dir, "pubring.gpg"), publicKey);
  return dir;
}
