// Private keys as Sprig handles them: generation (genPrivateKey), the PEM
// forms Go writes (pemBlockForKey), parsing (parsePrivateKeyPEM), public key
// encodings and signatures for certificates.
import { sha256 } from "@noble/hashes/sha2.js";
import forge from "node-forge";
import { GoError } from "../../template/value.ts";
import { concatBytes } from "../bytes.ts";
import { cryptoProvider } from "../crypto-provider.ts";
import {
  bigToBytes,
  bitString,
  bytesToBig,
  children,
  ctx,
  integer,
  intValue,
  type Node,
  nullValue,
  octets,
  oid,
  oidToString,
  parse,
  seq,
} from "./der.ts";
import { generateP256, modInverse, onCurve, scalarMult, signP256 } from "./p256.ts";
import { pemDecode, pemEncode } from "./pem.ts";

export interface RsaKey {
  kind: "rsa";
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
}
export interface EcKey {
  kind: "ecdsa";
  d: bigint;
  x: bigint;
  y: bigint;
}
export interface Ed25519Key {
  kind: "ed25519";
  seed: Uint8Array;
  pub: Uint8Array;
}
export interface DsaKey {
  kind: "dsa";
  p: bigint;
  q: bigint;
  g: bigint;
  y: bigint;
  x: bigint;
}
export type PrivateKey = RsaKey | EcKey | Ed25519Key | DsaKey;

const OID_RSA = "1.2.840.113549.1.1.1";
const OID_EC = "1.2.840.10045.2.1";
const OID_P256 = "1.2.840.10045.3.1.7";
const OID_ED25519 = "1.3.101.112";
export const OID_SHA256_RSA = "1.2.840.113549.1.1.11";
export const OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2";

export function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

// ---- generation ----

const forgeBig = (v: forge.jsbn.BigInteger) => BigInt(`0x${v.toString(16)}`);

export function generateRsa(bits: number): RsaKey {
  const der = cryptoProvider().generateRsa?.(bits);
  if (der) return parsePkcs1(parse(der));
  // Pure JS fallback (browsers): slow for 4096 bits, but synchronous as Go's is.
  const kp = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 });
  const k = kp.privateKey;
  return {
    kind: "rsa",
    n: forgeBig(k.n),
    e: forgeBig(k.e),
    d: forgeBig(k.d),
    p: forgeBig(k.p),
    q: forgeBig(k.q),
  };
}

function generateDsa(): DsaKey {
  const der = cryptoProvider().generateDsa?.();
  if (!der)
    throw new GoError("failed to generate dsa params: dsa key generation is not available on this platform");
  return parseDsa(parse(der));
}

export function generateEd25519(): Ed25519Key {
  const seed = cryptoProvider().randomBytes(32);
  const kp = forge.pki.ed25519.generateKeyPair({ seed });
  return { kind: "ed25519", seed, pub: Uint8Array.from(kp.publicKey) };
}

export function generateKey(type: string): PrivateKey | undefined {
  switch (type) {
    case "":
    case "rsa":
      return generateRsa(4096);
    case "dsa":
      return generateDsa();
    case "ecdsa":
      return { kind: "ecdsa", ...generateP256() };
    case "ed25519":
      return generateEd25519();
    default:
      return undefined;
  }
}

// ---- PEM / DER forms ----

function rsaPkcs1(k: RsaKey): Uint8Array {
  return seq(
    integer(0n),
    integer(k.n),
    integer(k.e),
    integer(k.d),
    integer(k.p),
    integer(k.q),
    integer(k.d % (k.p - 1n)),
    integer(k.d % (k.q - 1n)),
    integer(modInverse(k.q, k.p)),
  );
}

const ecPoint = (k: { x: bigint; y: bigint }) =>
  concatBytes(Uint8Array.of(4), bigToBytes(k.x, 32), bigToBytes(k.y, 32));

/** pemBlockForKey: the PEM Sprig writes for a key. */
export function keyToPem(k: PrivateKey): string {
  switch (k.kind) {
    case "rsa":
      return pemEncode("RSA PRIVATE KEY", rsaPkcs1(k));
    case "dsa":
      return pemEncode("DSA PRIVATE KEY", seq(...[0n, k.p, k.q, k.g, k.y, k.x].map(integer)));
    case "ecdsa":
      return pemEncode(
        "EC PRIVATE KEY",
        seq(integer(1n), octets(bigToBytes(k.d, 32)), ctx(0, oid(OID_P256)), ctx(1, bitString(ecPoint(k)))),
      );
    case "ed25519":
      return pemEncode("PRIVATE KEY", seq(integer(0n), seq(oid(OID_ED25519)), octets(octets(k.seed))));
  }
}

/** SubjectPublicKeyInfo DER and the raw subjectPublicKey bits (for key identifiers). */
export function publicKeyInfo(k: PrivateKey): { spki: Uint8Array; bits: Uint8Array } {
  switch (k.kind) {
    case "rsa": {
      const bits = seq(integer(k.n), integer(k.e));
      return { spki: seq(seq(oid(OID_RSA), nullValue()), bitString(bits)), bits };
    }
    case "ecdsa": {
      const bits = ecPoint(k);
      return { spki: seq(seq(oid(OID_EC), oid(OID_P256)), bitString(bits)), bits };
    }
    case "ed25519":
      return { spki: seq(seq(oid(OID_ED25519)), bitString(k.pub)), bits: k.pub };
    case "dsa":
      throw new GoError("x509: certificate private key does not implement crypto.Signer");
  }
}

/** The AlgorithmIdentifier Go picks for signing with `k`, and the signature. */
export function signatureAlgorithm(k: PrivateKey): Uint8Array {
  switch (k.kind) {
    case "rsa":
      return seq(oid(OID_SHA256_RSA), nullValue());
    case "ecdsa":
      return seq(oid(OID_ECDSA_SHA256));
    case "ed25519":
      return seq(oid(OID_ED25519));
    case "dsa":
      throw new GoError("x509: certificate private key does not implement crypto.Signer");
  }
}

const SHA256_PREFIX = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
  0x20,
]);

export function sign(k: PrivateKey, msg: Uint8Array): Uint8Array {
  switch (k.kind) {
    case "rsa": {
      const size = Math.ceil(k.n.toString(16).length / 2);
      const t = concatBytes(SHA256_PREFIX, sha256(msg));
      const em = new Uint8Array(size).fill(0xff);
      em[0] = 0;
      em[1] = 1;
      em[size - t.length - 1] = 0;
      em.set(t, size - t.length);
      // CRT: two half-size exponentiations instead of one.
      const m = bytesToBig(em);
      const m1 = modPow(m, k.d % (k.p - 1n), k.p);
      const m2 = modPow(m, k.d % (k.q - 1n), k.q);
      const h = (modInverse(k.q, k.p) * (((m1 - m2) % k.p) + k.p)) % k.p;
      return bigToBytes(m2 + h * k.q, size);
    }
    case "ecdsa": {
      const [r, s] = signP256(k.d, sha256(msg));
      return seq(integer(r), integer(s));
    }
    case "ed25519":
      return Uint8Array.from(
        forge.pki.ed25519.sign({ message: msg, privateKey: concatBytes(k.seed, k.pub) } as never),
      );
    case "dsa":
      throw new GoError("x509: certificate private key does not implement crypto.Signer");
  }
}

// ---- parsing (parsePrivateKeyPEM) ----

function parsePkcs1(n: Node): RsaKey {
  const c = children(n);
  if (c.length < 9) throw new Error("x509: failed to parse private key");
  const [n_, e, d, p, q] = c.slice(1, 6).map(intValue) as [bigint, bigint, bigint, bigint, bigint];
  return { kind: "rsa", n: n_, e, d, p, q };
}

function parseSec1(n: Node, curveOid?: string): EcKey {
  const c = children(n);
  const d = bytesToBig(c[1]!.content);
  let curve = curveOid;
  for (const x of c.slice(2)) if (x.tag === 0xa0) curve = oidToString(children(x)[0]!.content);
  if (curve !== OID_P256) throw new Error("x509: unknown elliptic curve");
  const [x, y] = scalarMult(d);
  if (!onCurve(x, y)) throw new Error("x509: invalid elliptic curve private key value");
  return { kind: "ecdsa", d, x, y };
}

function parseDsa(n: Node): DsaKey {
  const [, p, q, g, y, x] = children(n).map(intValue) as bigint[];
  return { kind: "dsa", p: p!, q: q!, g: g!, y: y!, x: x! };
}

function parsePkcs8(n: Node): PrivateKey {
  const c = children(n);
  const alg = children(c[1]!);
  const algOid = oidToString(alg[0]!.content);
  const inner = c[2]!.content;
  if (algOid === OID_RSA) return parsePkcs1(parse(inner));
  if (algOid === OID_EC) return parseSec1(parse(inner), alg[1] ? oidToString(alg[1].content) : undefined);
  if (algOid === OID_ED25519) {
    const seed = parse(inner).content;
    if (seed.length !== 32) throw new Error(`x509: invalid Ed25519 private key length: ${seed.length}`);
    const kp = forge.pki.ed25519.generateKeyPair({ seed });
    return { kind: "ed25519", seed: Uint8Array.from(seed), pub: Uint8Array.from(kp.publicKey) };
  }
  throw new Error(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${algOid}`);
}

/** parsePrivateKeyPEM, throwing GoError with Sprig's messages. */
export function parsePrivateKeyPem(s: string): PrivateKey {
  const block = pemDecode(s);
  if (!block) throw new GoError("no PEM data in input");
  const wrap = (prefix: string, f: () => PrivateKey) => {
    try {
      return f();
    } catch (e) {
      if (e instanceof GoError) throw e;
      throw new GoError(`${prefix}: ${(e as Error).message}`);
    }
  };
  if (block.type === "PRIVATE KEY") return wrap("decoding PEM as PKCS#8", () => parsePkcs8(parse(block.der)));
  if (!block.type.endsWith(" PRIVATE KEY")) {
    throw new GoError(`no private key data in PEM block of type ${block.type}`);
  }
  switch (block.type.slice(0, -12)) {
    case "RSA":
      return wrap("parsing RSA private key from PEM", () => parsePkcs1(parse(block.der)));
    case "EC":
      return wrap("parsing EC private key from PEM", () => parseSec1(parse(block.der)));
    case "DSA":
      return wrap("parsing DSA private key from PEM", () => parseDsa(parse(block.der)));
    default:
      throw new GoError(`invalid private key type ${block.type}`);
  }
}
