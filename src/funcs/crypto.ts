// Sprig's crypto functions (crypto.go, v3.3.0): passwords (bcrypt, htpasswd,
// derivePassword), AES, private keys and certificates. Sprig reports many
// failures as the returned string rather than an error; that is kept.
import { hmac } from "@noble/hashes/hmac.js";
import { scrypt } from "@noble/hashes/scrypt.js";
import { sha256 } from "@noble/hashes/sha2.js";
import bcryptjs from "bcryptjs";
import forge from "node-forge";
import { GoError, type GoFunc, GoObject, type Value } from "../template/value.ts";
import { base64Decode, base64Encode, concatBytes, fromUtf8, goBase64Decode, utf8 } from "./bytes.ts";
import { generateKey, generateRsa, keyToPem, type PrivateKey, parsePrivateKeyPem } from "./crypto/keys.ts";
import { parseIP } from "./crypto/netip.ts";
import { pemDecode, pemEncode } from "./crypto/pem.ts";
import {
  type CertTemplate,
  createCertificate,
  KU_CERT_SIGN,
  KU_DIGITAL_SIGNATURE,
  KU_KEY_ENCIPHERMENT,
  type ParentCert,
  parseCertificate,
} from "./crypto/x509.ts";
import { cryptoProvider, secureRandomBytes } from "./crypto-provider.ts";
import { intArg } from "./goargs.ts";

/** Sprig's `certificate` struct: {Cert, Key} PEM strings. */
export class SprigCertificate extends GoObject {
  readonly goType = "sprig.certificate";
  readonly goKind = "struct";
  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super();
  }
  override field(name: string): Value | undefined {
    if (name === "Cert") return this.cert;
    if (name === "Key") return this.key;
    return undefined;
  }
  override fields(): [string, Value][] {
    return [
      ["Cert", this.cert],
      ["Key", this.key],
    ];
  }
}

// ---- passwords ----

const BCRYPT_COST = 10; // bcrypt.DefaultCost

export function bcrypt(input: string): string {
  if (utf8(input).length > 72) {
    return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
  }
  const salt = `$2a$${BCRYPT_COST}$${bcryptjs.encodeBase64(Array.from(secureRandomBytes(16)), 16)}`;
  return bcryptjs.hashSync(input, salt);
}

const PASSWORD_TEMPLATES: Record<string, string[]> = {
  maximum: ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
  long: [
    "CvcvnoCvcvCvcv",
    "CvcvCvcvnoCvcv",
    "CvcvCvcvCvcvno",
    "CvccnoCvcvCvcv",
    "CvccCvcvnoCvcv",
    "CvccCvcvCvcvno",
    "CvcvnoCvccCvcv",
    "CvcvCvccnoCvcv",
    "CvcvCvccCvcvno",
    "CvcvnoCvcvCvcc",
    "CvcvCvcvnoCvcc",
    "CvcvCvcvCvccno",
    "CvccnoCvccCvcv",
    "CvccCvccnoCvcv",
    "CvccCvccCvcvno",
    "CvcvnoCvccCvcc",
    "CvcvCvccnoCvcc",
    "CvcvCvccCvccno",
    "CvccnoCvcvCvcc",
    "CvccCvcvnoCvcc",
    "CvccCvcvCvccno",
  ],
  medium: ["CvcnoCvc", "CvcCvcno"],
  short: ["Cvcn"],
  basic: ["aaanaaan", "aannaaan", "aaannaaa"],
  pin: ["nnnn"],
};

const TEMPLATE_CHARS: Record<string, string> = {
  V: "AEIOU",
  C: "BCDFGHJKLMNPQRSTVWXYZ",
  v: "aeiou",
  c: "bcdfghjklmnpqrstvwxyz",
  A: "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
  a: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
  n: "0123456789",
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
};

const u32 = (n: number) => Uint8Array.of((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);

/** Master Password algorithm (Sprig's derivePassword). */
export function derivePassword(
  counter: number,
  type: string,
  password: string,
  user: string,
  site: string,
): string {
  const templates = PASSWORD_TEMPLATES[type];
  if (!templates) return `cannot find password template ${type}`;
  const seedName = utf8("com.lyndir.masterpassword");
  const userB = utf8(user);
  const siteB = utf8(site);
  const salt = concatBytes(seedName, u32(userB.length), userB);
  const native = cryptoProvider().scrypt;
  const key = native
    ? native(utf8(password), salt, 32768, 8, 2, 64)
    : scrypt(utf8(password), salt, { N: 32768, r: 8, p: 2, dkLen: 64 });
  const seed = hmac(sha256, key, concatBytes(seedName, u32(siteB.length), siteB, u32(counter)));
  const temp = templates[seed[0]! % templates.length]!;
  let out = "";
  for (let i = 0; i < temp.length; i++) {
    const chars = TEMPLATE_CHARS[temp[i]!]!;
    out += chars[seed[i + 1]! % chars.length];
  }
  return out;
}

// ---- AES (CBC with PKCS#7 padding, IV first, base64) ----

const toBin = (b: Uint8Array) => String.fromCharCode(...b);
const fromBin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function aesKey(password: string): Uint8Array {
  const key = new Uint8Array(32);
  key.set(utf8(password).subarray(0, 32));
  return key;
}

function aesCbc(encrypt: boolean, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const native = cryptoProvider().aesCbc;
  if (native) return native(encrypt, key, iv, data);
  const c = encrypt
    ? forge.cipher.createCipher("AES-CBC", toBin(key))
    : forge.cipher.createDecipher("AES-CBC", toBin(key));
  c.start({ iv: toBin(iv) });
  c.update(forge.util.createBuffer(toBin(data)));
  // Padding is done by hand, as Sprig does; a true-returning pad function turns forge's off.
  (c.finish as (pad: () => boolean) => boolean)(() => true);
  return fromBin(c.output.getBytes());
}

export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === "") return "";
  const content = utf8(plaintext);
  const padding = 16 - (content.length % 16);
  const padded = concatBytes(content, new Uint8Array(padding).fill(padding));
  const iv = secureRandomBytes(16);
  return base64Encode(concatBytes(iv, aesCbc(true, aesKey(password), iv, padded)));
}

export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === "") return "";
  const decoded = goBase64Decode(crypt64);
  if (typeof decoded === "number") throw new GoError(`illegal base64 data at input byte ${decoded}`);
  const crypt = decoded;
  if (crypt.length < 16) {
    throw new GoError(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  }
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoError("crypto/cipher: input not full blocks");
  const dec = aesCbc(false, aesKey(password), crypt.subarray(0, 16), body);
  if (dec.length === 0) throw new GoError("runtime error: index out of range [-1]");
  const end = dec.length - dec[dec.length - 1]!;
  if (end < 0) throw new GoError(`runtime error: slice bounds out of range [:${end}]`);
  return fromUtf8(dec.subarray(0, end));
}

// ---- certificates ----

function goValueText(v: Value): string {
  if (v === null) return "<nil>";
  if (typeof v === "object" && "v" in v) return String((v as { v: unknown }).v);
  return String(v);
}

function netIPs(ips: Value): Uint8Array[] {
  if (ips === null || !Array.isArray(ips)) return [];
  return ips.map((ip) => {
    if (typeof ip !== "string") throw new GoError(`error parsing ip: ${goValueText(ip)} is not a string`);
    const b = parseIP(ip);
    if (!b) throw new GoError(`error parsing ip: ${ip}`);
    return b;
  });
}

function dnsNames(names: Value): string[] {
  if (names === null || !Array.isArray(names)) return [];
  return names.map((n) => {
    if (typeof n !== "string") {
      throw new GoError(`error processing alternate dns name: ${goValueText(n)} is not a string`);
    }
    return n;
  });
}

function baseTemplate(cn: string, ips: Value, dns: Value, days: number): CertTemplate {
  return {
    cn,
    ips: netIPs(ips),
    dnsNames: dnsNames(dns),
    daysValid: days,
    isCA: false,
    keyUsage: KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT,
  };
}

function certAndKey(t: CertTemplate, signee: PrivateKey, parent: ParentCert | undefined, signer: PrivateKey) {
  if (signer.kind === "dsa") {
    throw new GoError(
      "error creating certificate: x509: certificate private key does not implement crypto.Signer",
    );
  }
  if (signee.kind === "dsa") {
    throw new GoError("error creating certificate: x509: unsupported public key type: *dsa.PublicKey");
  }
  const der = createCertificate(t, signee, parent, signer, Math.floor(Date.now() / 1000));
  return new SprigCertificate(pemEncode("CERTIFICATE", der), keyToPem(signee));
}

function pemKey(privPEM: string): PrivateKey {
  try {
    return parsePrivateKeyPem(privPEM);
  } catch (e) {
    throw new GoError(`parsing private key: ${(e as Error).message}`);
  }
}

function caCert(cn: string, days: number, key: PrivateKey): SprigCertificate {
  const t = baseTemplate(cn, null, null, days);
  t.keyUsage = KU_KEY_ENCIPHERMENT | KU_DIGITAL_SIGNATURE | KU_CERT_SIGN;
  t.isCA = true;
  return certAndKey(t, key, undefined, key);
}

function signedCert(cn: string, ips: Value, dns: Value, days: number, ca: Value, key: () => PrivateKey) {
  const c = ca as SprigCertificate;
  const block = pemDecode(c.cert);
  if (!block) throw new GoError("unable to decode certificate");
  let parent: ParentCert;
  try {
    parent = parseCertificate(block.der);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signerKey: PrivateKey;
  try {
    signerKey = parsePrivateKeyPem(c.key);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  const t = baseTemplate(cn, ips, dns, days);
  return certAndKey(t, key(), parent, signerKey);
}

function buildCustomCert(b64cert: string, b64key: string): SprigCertificate {
  const cert = base64Decode(b64cert);
  if (!cert) throw new GoError("unable to decode base64 certificate");
  const key = base64Decode(b64key);
  if (!key) throw new GoError("unable to decode base64 private key");
  const certText = fromUtf8(cert);
  const block = pemDecode(certText);
  if (!block) throw new GoError("unable to decode certificate");
  try {
    parseCertificate(block.der);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  const keyText = fromUtf8(key);
  try {
    parsePrivateKeyPem(keyText);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  return new SprigCertificate(certText, keyText);
}

const S = (v: Value) => v as string;
const CERT = "sprig.certificate";
const LIST = "[]interface {}";

export const cryptoFuncs: Record<string, GoFunc> = {
  bcrypt: { params: ["string"], result: "string", fn: (s) => bcrypt(S(s)) },
  htpasswd: {
    params: ["string", "string"],
    result: "string",
    fn: (u, p) => (S(u).includes(":") ? `invalid username: ${S(u)}` : `${S(u)}:${bcrypt(S(p))}`),
  },
  genPrivateKey: {
    params: ["string"],
    result: "string",
    fn: (t) => {
      const key = generateKey(S(t));
      return key ? keyToPem(key) : `Unknown type ${S(t)}`;
    },
  },
  derivePassword: {
    params: ["uint32", "string", "string", "string", "string"],
    result: "string",
    fn: (c, t, p, u, s) => derivePassword(intArg(c) >>> 0, S(t), S(p), S(u), S(s)),
  },
  buildCustomCert: {
    params: ["string", "string"],
    result: CERT,
    returnsError: true,
    fn: (c, k) => buildCustomCert(S(c), S(k)),
  },
  genCA: {
    params: ["string", "int"],
    result: CERT,
    returnsError: true,
    fn: (cn, d) => caCert(S(cn), intArg(d), generateRsa(2048)),
  },
  genCAWithKey: {
    params: ["string", "int", "string"],
    result: CERT,
    returnsError: true,
    fn: (cn, d, k) => caCert(S(cn), intArg(d), pemKey(S(k))),
  },
  genSelfSignedCert: {
    params: ["string", LIST, LIST, "int"],
    result: CERT,
    returnsError: true,
    fn: (cn, ips, dns, d) => {
      const t = baseTemplate(S(cn), ips, dns, intArg(d));
      const key = generateRsa(2048);
      return certAndKey(t, key, undefined, key);
    },
  },
  genSelfSignedCertWithKey: {
    params: ["string", LIST, LIST, "int", "string"],
    result: CERT,
    returnsError: true,
    fn: (cn, ips, dns, d, k) => {
      const key = pemKey(S(k));
      const t = baseTemplate(S(cn), ips, dns, intArg(d));
      return certAndKey(t, key, undefined, key);
    },
  },
  genSignedCert: {
    params: ["string", LIST, LIST, "int", CERT],
    result: CERT,
    returnsError: true,
    fn: (cn, ips, dns, d, ca) => signedCert(S(cn), ips, dns, intArg(d), ca, () => generateRsa(2048)),
  },
  genSignedCertWithKey: {
    params: ["string", LIST, LIST, "int", CERT, "string"],
    result: CERT,
    returnsError: true,
    fn: (cn, ips, dns, d, ca, k) => {
      const key = pemKey(S(k));
      return signedCert(S(cn), ips, dns, intArg(d), ca, () => key);
    },
  },
  encryptAES: {
    params: ["string", "string"],
    result: "string",
    returnsError: true,
    fn: (p, t) => encryptAES(S(p), S(t)),
  },
  decryptAES: {
    params: ["string", "string"],
    result: "string",
    returnsError: true,
    fn: (p, c) => decryptAES(S(p), S(c)),
  },
};
