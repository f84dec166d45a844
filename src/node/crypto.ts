// Node's native crypto behind the funcs layer's CryptoProvider: fast RSA and
// DSA key generation and scrypt (pure-JS RSA 4096 takes many seconds).
import {
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  randomFillSync,
  scryptSync,
} from "node:crypto";
import { bytesToBig, children, integer, intValue, parse, seq } from "../funcs/crypto/der.ts";
import { modPow } from "../funcs/crypto/keys.ts";
import { type CryptoProvider, setCryptoProvider } from "../funcs/crypto-provider.ts";

export const nodeCryptoProvider: CryptoProvider = {
  randomBytes(n: number): Uint8Array {
    return randomFillSync(new Uint8Array(n));
  },
  generateRsa(bits: number): Uint8Array {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: bits,
      publicExponent: 65537,
      privateKeyEncoding: { type: "pkcs1", format: "der" },
      publicKeyEncoding: { type: "spki", format: "der" },
    });
    return new Uint8Array(privateKey);
  },
  generateDsa(): Uint8Array {
    // dsa.L2048N256, re-encoded as the SEQUENCE {version, P, Q, G, Y, X} Sprig writes.
    const { privateKey } = generateKeyPairSync("dsa", {
      modulusLength: 2048,
      divisorLength: 256,
      privateKeyEncoding: { type: "pkcs8", format: "der" },
      publicKeyEncoding: { type: "spki", format: "der" },
    });
    const pk = children(parse(new Uint8Array(privateKey)));
    const [p, q, g] = children(children(pk[1]!)[1]!).map(intValue) as [bigint, bigint, bigint];
    const x = bytesToBig(parse(pk[2]!.content).content);
    const y = modPow(g, x, p);
    return seq(...[0n, p, q, g, y, x].map(integer));
  },
  aesCbc(encrypt, key, iv, data) {
    const c = encrypt ? createCipheriv("aes-256-cbc", key, iv) : createDecipheriv("aes-256-cbc", key, iv);
    c.setAutoPadding(false);
    const out = Buffer.concat([c.update(data), c.final()]);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  scrypt(password, salt, n, r, p, keyLen) {
    return new Uint8Array(
      scryptSync(password, salt, keyLen, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }),
    );
  },
};

/** Makes the crypto and random functions use Node's native crypto. */
export function useNodeCrypto(): void {
  setCryptoProvider(nodeCryptoProvider);
}
