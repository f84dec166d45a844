// X.509 certificates as Go's x509.CreateCertificate writes them for Sprig's
// templates (getBaseCertTemplate): v3, 128-bit random serial, CN-only subject,
// key usages, extended key usages, basic constraints, SAN, and Go 1.25's key
// identifiers (SubjectKeyId = first 20 bytes of SHA-256 of the public key).
import { sha256 } from "@noble/hashes/sha2.js";
import { GoError } from "../../template/value.ts";
import { randomBelowBig } from "../crypto-provider.ts";
import { civilFromDays } from "../time/civil.ts";
import {
  bitString,
  bool,
  children,
  ctx,
  DerError,
  integer,
  type Node,
  octets,
  oid,
  oidToString,
  parse,
  seq,
  set,
  tlv,
} from "./der.ts";
import { type PrivateKey, publicKeyInfo, sign, signatureAlgorithm } from "./keys.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** asn1 marshals a string as PrintableString when it can ('*' and '&' excluded), else UTF8String. */
function directoryString(s: string): Uint8Array {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, utf8(s));
}

/** pkix.Name{CommonName: cn} as an RDNSequence (empty when cn is empty). */
export function nameWithCN(cn: string): Uint8Array {
  if (cn === "") return seq();
  return seq(set(seq(oid("2.5.4.3"), directoryString(cn))));
}

function asn1Time(unixSec: number): Uint8Array {
  const days = Math.floor(unixSec / 86400);
  const sod = unixSec - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const hms = `${p2(month)}${p2(day)}${p2(Math.floor(sod / 3600))}${p2(Math.floor((sod % 3600) / 60))}${p2(sod % 60)}Z`;
  if (year >= 1950 && year < 2050) return tlv(0x17, utf8(`${p2(year % 100)}${hms}`));
  return tlv(0x18, utf8(`${String(year).padStart(4, "0")}${hms}`));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** KeyUsage bits in Go's numbering (DigitalSignature = 1, KeyEncipherment = 4, CertSign = 32). */
export const KU_DIGITAL_SIGNATURE = 1;
export const KU_KEY_ENCIPHERMENT = 4;
export const KU_CERT_SIGN = 32;

function keyUsageValue(ku: number): Uint8Array {
  const rev = (b: number) => {
    let r = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
    return r;
  };
  const a = [rev(ku & 0xff), rev((ku >> 8) & 0xff)];
  const bytes = a[1] !== 0 ? a : [a[0]!];
  let bitLen = bytes.length * 8;
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i]!;
    if (b === 0) {
      bitLen -= 8;
      continue;
    }
    let tz = 0;
    while (!(b & (1 << tz))) tz++;
    bitLen -= tz;
    break;
  }
  return bitString(Uint8Array.from(bytes), bytes.length * 8 - bitLen);
}

export interface CertTemplate {
  cn: string;
  ips: Uint8Array[];
  dnsNames: string[];
  daysValid: number;
  isCA: boolean;
  keyUsage: number;
}

/** The parts of a parsed parent certificate CreateCertificate uses. */
export interface ParentCert {
  rawSubject: Uint8Array;
  subjectKeyId?: Uint8Array;
  spki: Uint8Array;
}

/** x509.CreateCertificate(rand, template, parent, pub(signee), signer). */
export function createCertificate(
  t: CertTemplate,
  signee: PrivateKey,
  parent: ParentCert | undefined,
  signer: PrivateKey,
  nowUnix: number,
): Uint8Array {
  const { spki, bits } = publicKeyInfo(signee);
  const sigAlg = signatureAlgorithm(signer);
  const subject = nameWithCN(t.cn);
  const issuer = parent ? parent.rawSubject : subject;
  if (parent) {
    const signerSpki = publicKeyInfo(signer).spki;
    if (!bytesEqual(signerSpki, parent.spki)) {
      throw new GoError(
        "error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey",
      );
    }
  }
  const serial = randomBelowBig(1n << 128n);
  const exts: Uint8Array[] = [];
  if (t.keyUsage) exts.push(extension("2.5.29.15", true, keyUsageValue(t.keyUsage)));
  exts.push(extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))));
  exts.push(extension("2.5.29.19", true, t.isCA ? seq(bool(true)) : seq()));
  const skid = t.isCA ? sha256(bits).subarray(0, 20) : undefined;
  if (skid) exts.push(extension("2.5.29.14", false, octets(skid)));
  if (parent?.subjectKeyId && !bytesEqual(issuer, subject)) {
    exts.push(extension("2.5.29.35", false, seq(ctx(0, parent.subjectKeyId, false))));
  }
  if (t.dnsNames.length > 0 || t.ips.length > 0) {
    const names = [...t.dnsNames.map((d) => ctx(2, utf8(d), false)), ...t.ips.map((ip) => ctx(7, ip, false))];
    exts.push(extension("2.5.29.17", t.cn === "", seq(...names)));
  }
  const tbs = seq(
    ctx(0, integer(2n)),
    integer(serial),
    sigAlg,
    issuer,
    seq(asn1Time(nowUnix), asn1Time(nowUnix + 86400 * t.daysValid)),
    subject,
    spki,
    ctx(3, seq(...exts)),
  );
  return seq(tbs, sigAlg, bitString(sign(signer, tbs)));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** What x509.ParseCertificate must find for Sprig's uses; throws GoError-ready text on failure. */
export function parseCertificate(der: Uint8Array): ParentCert {
  try {
    const cert = parse(der);
    const [tbsNode] = children(cert);
    const tbs = children(tbsNode!);
    let i = 0;
    if (tbs[0]!.tag === 0xa0) i++;
    // serial, signature, issuer, validity, subject, spki
    const subject = tbs[i + 4]!;
    const spki = tbs[i + 5]!;
    let subjectKeyId: Uint8Array | undefined;
    const extsNode = tbs.find((n: Node) => n.tag === 0xa3);
    if (extsNode) {
      for (const ext of children(children(extsNode)[0]!)) {
        const parts = children(ext);
        if (oidToString(parts[0]!.content) === "2.5.29.14") {
          subjectKeyId = parse(parts[parts.length - 1]!.content).content;
        }
      }
    }
    if (subject.tag !== 0x30 || spki.tag !== 0x30) throw new DerError("malformed");
    return { rawSubject: subject.raw, subjectKeyId, spki: spki.raw };
  } catch (e) {
    if (e instanceof GoError) throw e;
    throw new Error("x509: malformed certificate");
  }
}
