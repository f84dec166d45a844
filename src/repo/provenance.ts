// Chart provenance (.prov) as helm writes and checks it: a PGP clearsigned
// document holding the chart's Chart.yaml, "...", and the archive's sha256
// ("files:\n  <name>.tgz: sha256:<hex>"). Keyrings are binary OpenPGP key
// files (gpg's pubring.gpg / exported secret keys).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { loadArchive } from "../chart/load.ts";
import { metadataJSON } from "../chart/package-metadata.ts";
import { readYAML, toYAML } from "./yaml.ts";

type OpenPGP = typeof import("openpgp");
const pgp = (): Promise<OpenPGP> => import("openpgp");

export function provenanceBody(archive: Uint8Array, fileName: string): string {
  const md = loadArchive(archive).metadata;
  const digest = createHash("sha256").update(archive).digest("hex");
  const files = new Map([["files", new Map([[fileName, `sha256:${digest}`]])]]);
  return `${toYAML(metadataJSON(md))}\n...\n${toYAML(files)}`;
}

async function readKeys(path: string) {
  const openpgp = await pgp();
  const data = readFileSync(path);
  const isArmored = data.subarray(0, 64).toString("latin1").includes("-----BEGIN PGP");
  return isArmored
    ? openpgp.readKeys({ armoredKeys: data.toString("utf8") })
    : openpgp.readKeys({ binaryKeys: data });
}

/** Signs archivePath with the first secret key in keyring whose user ID contains keyName; returns the .prov text. */
export async function signChart(
  archivePath: string,
  keyring: string,
  keyName: string,
  passphrase?: string,
): Promise<string> {
  const openpgp = await pgp();
  const keys = await readKeys(keyring);
  const key = keys.find((k) => k.isPrivate() && k.getUserIDs().some((u) => u.includes(keyName)));
  if (!key) throw new Error("private key not found");
  let privateKey = key as import("openpgp").PrivateKey;
  if (!privateKey.isDecrypted()) {
    if (passphrase === undefined)
      throw new Error("private key is encrypted: a passphrase is required (--passphrase-file)");
    privateKey = await openpgp.decryptKey({ privateKey, passphrase });
  }
  const archive = readFileSync(archivePath);
  const message = await openpgp.createCleartextMessage({
    text: provenanceBody(archive, basename(archivePath)),
  });
  return openpgp.sign({
    message,
    signingKeys: privateKey,
    config: { preferredHashAlgorithm: openpgp.enums.hash.sha512 },
  });
}

export interface Verification {
  signedBy: string[];
  fingerprint: string;
  fileHash: string;
}

/** helm's Verify: the .prov signature against the keyring, then the archive's digest against the signed body. */
export async function verifyChart(
  archivePath: string,
  provPath: string,
  keyring: string,
): Promise<Verification> {
  const openpgp = await pgp();
  let provText: string;
  try {
    provText = readFileSync(provPath, "utf8");
  } catch {
    throw new Error(
      `could not load provenance file ${provPath}: open ${provPath}: no such file or directory`,
    );
  }
  const keys = await readKeys(keyring);
  const message = await openpgp.readCleartextMessage({ cleartextMessage: provText });
  const result = await openpgp.verify({ message, verificationKeys: keys.map((k) => k.toPublic()) });
  const sig = result.signatures[0];
  if (!sig) throw new Error("openpgp: signature made by unknown entity");
  try {
    await sig.verified;
  } catch {
    throw new Error("openpgp: signature made by unknown entity");
  }
  const signer = keys.find((k) => k.getKeyIDs().some((id) => id.equals(sig.keyID)));
  const text = message.getText();
  const parts = text.split("\n...\n");
  if (parts.length < 2) throw new Error("malformed provenance file: no files section");
  const files = readYAML(parts[1]!);
  const sums = files instanceof Map ? files.get("files") : undefined;
  const name = basename(archivePath);
  const want = sums instanceof Map ? sums.get(name) : undefined;
  if (typeof want !== "string")
    throw new Error(`provenance does not contain a SHA for a file named "${name}"`);
  const got = `sha256:${createHash("sha256").update(readFileSync(archivePath)).digest("hex")}`;
  if (want !== got) throw new Error(`sha256 sum does not match for ${name}: "${want}" != "${got}"`);
  return {
    signedBy: signer ? signer.getUserIDs() : [],
    fingerprint: (signer?.getFingerprint() ?? "").toUpperCase(),
    fileHash: got,
  };
}
