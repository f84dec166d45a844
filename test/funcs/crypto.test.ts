import assert from "node:assert/strict";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { test } from "node:test";
import bcryptjs from "bcryptjs";
import { children, type Node, oidToString, parse } from "../../src/funcs/crypto/der.ts";
import { pemDecode } from "../../src/funcs/crypto/pem.ts";
import { cryptoFuncs, type SprigCertificate } from "../../src/funcs/crypto.ts";
import { goInt } from "../../src/funcs/goargs.ts";
import { useNodeCrypto } from "../../src/node/crypto.ts";
import type { Value } from "../../src/template/value.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { DSA_KEY, EC_KEY, ED25519_KEY, RSA_KEY } from "./fixtures/keys.ts";
import { assertSameAsHelm, type DirectCase, goQuote } from "./oracle-b.ts";

useNodeCrypto();

const f = (name: string, ...args: Value[]) => cryptoFuncs[name]!.fn(...args);

/** Renders one template with helm and splits its base64-per-line output into strings. */
async function helmLines(lines: string[]): Promise<string[]> {
  const [h] = await helmRenderCases([{ template: lines.map((l) => `{{ ${l} | b64enc }}`).join("\n") }]);
  assert.ok(h!.output !== undefined, h!.error);
  return h!.output!.split("\n").map((l) => Buffer.from(l, "base64").toString("utf8"));
}

/** The structure of a certificate that does not depend on keys, serials or time. */
function certShape(pem: string) {
  const der = pemDecode(pem)!.der;
  const x = new X509Certificate(pem);
  const tbs = children(children(parse(der))[0]!);
  const exts = children(children(tbs.find((n: Node) => n.tag === 0xa3)!)[0]!).map((e) => {
    const parts = children(e);
    const id = oidToString(parts[0]!.content);
    const critical = parts.length === 3;
    const value = Buffer.from(parts[parts.length - 1]!.content).toString("hex");
    // Key identifiers depend on the key: keep their length only.
    const keyDependent = id === "2.5.29.14" || id === "2.5.29.35";
    return { id, critical, value: keyDependent ? value.length : value };
  });
  const validity = (Date.parse(x.validTo) - Date.parse(x.validFrom)) / 1000;
  return {
    version: Buffer.from(tbs[0]!.raw).toString("hex"),
    serialBytesAtMost17: tbs[1]!.content.length <= 17,
    sigAlg: Buffer.from(tbs[2]!.raw).toString("hex"),
    issuer: Buffer.from(tbs[3]!.raw).toString("hex"),
    subject: Buffer.from(tbs[5]!.raw).toString("hex"),
    validity,
    key: x.publicKey.asymmetricKeyType,
    keyDetails: JSON.stringify(x.publicKey.asymmetricKeyDetails, (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    ),
    ca: x.ca,
    san: x.subjectAltName,
    exts,
  };
}

test("genPrivateKey writes the PEM types and key sizes Go does", async () => {
  const types = ["rsa", "ecdsa", "ed25519", "dsa", ""];
  const helm = await helmLines(types.map((t) => `genPrivateKey ${goQuote(t)}`));
  types.forEach((t, i) => {
    const ours = f("genPrivateKey", t) as string;
    const theirs = helm[i]!;
    assert.equal(ours.split("\n")[0], theirs.split("\n")[0], t);
    assert.equal(ours.trimEnd().split("\n").at(-1), theirs.trimEnd().split("\n").at(-1), t);
    assert.ok(ours.endsWith("-----\n"));
    // Line lengths: 64-column base64.
    assert.deepEqual(
      new Set(
        ours
          .split("\n")
          .slice(1, -3)
          .map((l) => l.length),
      ),
      new Set(
        theirs
          .split("\n")
          .slice(1, -3)
          .map((l) => l.length),
      ),
      t,
    );
    if (t === "dsa") {
      const seqOf = (pem: string) => children(parse(pemDecode(pem)!.der)).map((n) => n.content.length > 200);
      assert.deepEqual(seqOf(ours), seqOf(theirs));
      return;
    }
    const a = createPrivateKey(ours);
    const b = createPrivateKey(theirs);
    assert.equal(a.asymmetricKeyType, b.asymmetricKeyType, t);
    assert.deepEqual(a.asymmetricKeyDetails, b.asymmetricKeyDetails, t);
  });
  assert.notEqual(f("genPrivateKey", "ecdsa"), f("genPrivateKey", "ecdsa"));
});

test("certificates have helm's structure: subjects, validity, usages, SANs, key ids", async () => {
  const ecKey = EC_KEY;
  const edKey = ED25519_KEY;
  const rsaKey = RSA_KEY;
  const helm = await helmLines([
    '(genCA "my-ca" 365).Cert',
    '(genSelfSignedCert "" nil (list "x.example") 5).Cert',
    '(genSelfSignedCert "self & *" (list "10.1.2.3" "::ffff:1.2.3.4" "2001:db8::1") (list "a" "b") 0).Cert',
    `(genCAWithKey "ec-ca" 30 ${goQuote(ecKey)}).Cert`,
    `(genSelfSignedCertWithKey "ed" (list "127.0.0.1") nil 7 ${goQuote(edKey)}).Cert`,
    `(genSignedCert "leaf" (list "10.0.0.1" "::1") (list "a.example" "b.example") 10 (genCAWithKey "ca2" 3 ${goQuote(rsaKey)})).Cert`,
    `(genSignedCertWithKey "my-ca" nil nil 10 (genCA "my-ca" 1) ${goQuote(ecKey)}).Cert`,
    `(genCAWithKey "ec-ca" 30 ${goQuote(ecKey)}).Key`,
    `(genCAWithKey "rsa-ca" 30 ${goQuote(rsaKey)}).Key`,
  ]);
  const ca = f("genCA", "my-ca", goInt(365)) as SprigCertificate;
  const ours = [
    ca.cert,
    (f("genSelfSignedCert", "", null, ["x.example"], goInt(5)) as SprigCertificate).cert,
    (
      f(
        "genSelfSignedCert",
        "self & *",
        ["10.1.2.3", "::ffff:1.2.3.4", "2001:db8::1"],
        ["a", "b"],
        goInt(0),
      ) as SprigCertificate
    ).cert,
    (f("genCAWithKey", "ec-ca", goInt(30), ecKey) as SprigCertificate).cert,
    (f("genSelfSignedCertWithKey", "ed", ["127.0.0.1"], null, goInt(7), edKey) as SprigCertificate).cert,
    (
      f(
        "genSignedCert",
        "leaf",
        ["10.0.0.1", "::1"],
        ["a.example", "b.example"],
        goInt(10),
        f("genCAWithKey", "ca2", goInt(3), rsaKey),
      ) as SprigCertificate
    ).cert,
    (
      f(
        "genSignedCertWithKey",
        "my-ca",
        null,
        null,
        goInt(10),
        f("genCA", "my-ca", goInt(1)),
        ecKey,
      ) as SprigCertificate
    ).cert,
  ];
  ours.forEach((pem, i) => {
    assert.deepEqual(certShape(pem), certShape(helm[i]!), `certificate ${i}`);
  });
  // Same key, same subject key identifier (Go 1.25: truncated SHA-256 of the public key).
  const skid = (pem: string) =>
    new X509Certificate(pem).toLegacyObject().ext_key_usage && certShape(pem).exts;
  assert.deepEqual(skid(ours[3]!), skid(helm[3]!));
  const ski = (pem: string) => {
    const tbs = children(children(parse(pemDecode(pem)!.der))[0]!);
    const exts = children(children(tbs.find((n) => n.tag === 0xa3)!)[0]!);
    const e = exts.find((x) => oidToString(children(x)[0]!.content) === "2.5.29.14")!;
    return Buffer.from(children(e).at(-1)!.content).toString("hex");
  };
  assert.equal(ski(ours[3]!), ski(helm[3]!));
  // The key comes back re-encoded as Go does (PKCS#8 RSA input would come back PKCS#1).
  assert.equal((f("genCAWithKey", "ec-ca", goInt(30), ecKey) as SprigCertificate).key, helm[7]);
  assert.equal((f("genCAWithKey", "rsa-ca", goInt(30), rsaKey) as SprigCertificate).key, helm[8]);
  // Signatures verify; a leaf verifies against its CA; two renders differ.
  const x = new X509Certificate(ca.cert);
  assert.ok(x.verify(x.publicKey));
  const leaf = f("genSignedCert", "leaf", null, null, goInt(1), ca) as SprigCertificate;
  assert.ok(new X509Certificate(leaf.cert).verify(x.publicKey));
  assert.ok(new X509Certificate(leaf.cert).checkIssued(x));
  assert.notEqual(leaf.cert, (f("genSignedCert", "leaf", null, null, goInt(1), ca) as SprigCertificate).cert);
  assert.equal(ca.goType, "sprig.certificate");
});

test("crypto errors and Sprig's in-band failure strings match helm", async () => {
  const ec = EC_KEY;
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const ca = `(genCA "x" 1)`;
  const cases: DirectCase[] = [
    { template: '{{ htpasswd "a:b" "p" }}', ours: () => f("htpasswd", "a:b", "p") as string },
    {
      template: `{{ bcrypt ${goQuote("x".repeat(73))} }}`,
      ours: () => f("bcrypt", "x".repeat(73)) as string,
    },
    { template: '{{ genPrivateKey "foo" }}', ours: () => f("genPrivateKey", "foo") as string },
    {
      template: '{{ encryptAES "k" "" }}|{{ decryptAES "k" "" }}',
      ours: () => `${f("encryptAES", "k", "")}|${f("decryptAES", "k", "")}`,
    },
    ...[
      "!!",
      "YWJj",
      "MDEyMzQ1Njc4OWFiY2RlZg==",
      "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWZ4",
      "ab=c",
    ].map(
      (c): DirectCase => ({
        template: `{{ decryptAES "k" ${goQuote(c)} }}`,
        ours: () => f("decryptAES", "k", c) as string,
      }),
    ),
    {
      template: '{{ genCAWithKey "x" 1 "junk" }}',
      ours: () => String(f("genCAWithKey", "x", goInt(1), "junk")),
    },
    {
      template: `{{ genCAWithKey "x" 1 ${goQuote(`-----BEGIN CERTIFICATE-----\n${b64("x")}\n-----END CERTIFICATE-----\n`)} }}`,
      ours: () =>
        String(
          f(
            "genCAWithKey",
            "x",
            goInt(1),
            `-----BEGIN CERTIFICATE-----\n${b64("x")}\n-----END CERTIFICATE-----\n`,
          ),
        ),
    },
    {
      template: `{{ genCAWithKey "x" 1 ${goQuote(`-----BEGIN FOO PRIVATE KEY-----\n${b64("x")}\n-----END FOO PRIVATE KEY-----\n`)} }}`,
      ours: () =>
        String(
          f(
            "genCAWithKey",
            "x",
            goInt(1),
            `-----BEGIN FOO PRIVATE KEY-----\n${b64("x")}\n-----END FOO PRIVATE KEY-----\n`,
          ),
        ),
    },
    {
      template: `{{ genCAWithKey "x" 1 ${goQuote(DSA_KEY)} }}`,
      ours: () => String(f("genCAWithKey", "x", goInt(1), DSA_KEY)),
    },
    { template: '{{ buildCustomCert "!!" "x" }}', ours: () => String(f("buildCustomCert", "!!", "x")) },
    { template: '{{ buildCustomCert "eA==" "!" }}', ours: () => String(f("buildCustomCert", "eA==", "!")) },
    {
      template: '{{ buildCustomCert "eA==" "eA==" }}',
      ours: () => String(f("buildCustomCert", "eA==", "eA==")),
    },
    {
      template: `{{ buildCustomCert ${goQuote(b64(`-----BEGIN CERTIFICATE-----\n${b64("x")}\n-----END CERTIFICATE-----\n`))} "eA==" }}`,
      ours: () =>
        String(
          f(
            "buildCustomCert",
            b64(`-----BEGIN CERTIFICATE-----\n${b64("x")}\n-----END CERTIFICATE-----\n`),
            "eA==",
          ),
        ),
    },
    {
      template: '{{ genSelfSignedCert "x" (list 1) nil 1 }}',
      ours: () => String(f("genSelfSignedCert", "x", [goInt(1)], null, goInt(1))),
    },
    {
      template: '{{ genSelfSignedCert "x" (list "1.2.3") nil 1 }}',
      ours: () => String(f("genSelfSignedCert", "x", ["1.2.3"], null, goInt(1))),
    },
    {
      template: '{{ genSelfSignedCert "x" (list "01.2.3.4") nil 1 }}',
      ours: () => String(f("genSelfSignedCert", "x", ["01.2.3.4"], null, goInt(1))),
    },
    {
      template: '{{ genSelfSignedCert "x" (list "fe80::1%eth0") nil 1 }}',
      ours: () => String(f("genSelfSignedCert", "x", ["fe80::1%eth0"], null, goInt(1))),
    },
    {
      template: '{{ genSelfSignedCert "x" nil (list 1) 1 }}',
      ours: () => String(f("genSelfSignedCert", "x", null, [goInt(1)], goInt(1))),
    },
    {
      template: `{{ genSignedCertWithKey "x" nil nil 1 ${ca} ${goQuote(DSA_KEY)} }}`,
      ours: () =>
        String(f("genSignedCertWithKey", "x", null, null, goInt(1), f("genCA", "x", goInt(1)), DSA_KEY)),
    },
    {
      template: `{{ $c := genCA "x" 1 }}{{ $d := genCAWithKey "y" 1 ${goQuote(ec)} }}{{ genSignedCert "z" nil nil 1 (buildCustomCert ($c.Cert | b64enc) ($d.Key | b64enc)) }}`,
      ours: () => {
        const c = f("genCA", "x", goInt(1)) as SprigCertificate;
        const d = f("genCAWithKey", "y", goInt(1), ec) as SprigCertificate;
        return String(
          f("genSignedCert", "z", null, null, goInt(1), f("buildCustomCert", b64(c.cert), b64(d.key))),
        );
      },
    },
  ];
  await assertSameAsHelm(cases);
});

test("derivePassword matches helm exactly", async () => {
  const inputs: [number, string, string, string, string][] = [
    [1, "long", "password", "user", "example.com"],
    [3, "maximum", "pässwörd", "ünicode", "site"],
    [4294967295, "pin", "", "", ""],
    [2, "nope", "p", "u", "s"],
  ];
  await assertSameAsHelm(
    inputs.map(([c, t, p, u, s]) => ({
      template: `{{ derivePassword ${c} ${goQuote(t)} ${goQuote(p)} ${goQuote(u)} ${goQuote(s)} }}`,
      ours: () => f("derivePassword", goInt(c), t, p, u, s) as string,
    })),
  );
});

test("bcrypt, htpasswd and AES interoperate with helm's output", async () => {
  const ours = f("encryptAES", "secretkey", "plaintext ✓") as string;
  const [enc, hash, hp, dec] = await helmLines([
    'encryptAES "secretkey" "plaintext ✓"',
    'bcrypt "hunter2"',
    'htpasswd "user" "pw"',
    `decryptAES "secretkey" ${goQuote(ours)}`,
  ]);
  assert.equal(dec, "plaintext ✓");
  assert.equal(f("decryptAES", "secretkey", enc!), "plaintext ✓");
  assert.equal(enc!.length, ours.length);
  assert.notEqual(ours, f("encryptAES", "secretkey", "plaintext ✓"));
  const mine = f("bcrypt", "hunter2") as string;
  assert.equal(mine.slice(0, 7), hash!.slice(0, 7));
  assert.equal(mine.length, hash!.length);
  assert.ok(bcryptjs.compareSync("hunter2", hash!));
  assert.ok(bcryptjs.compareSync("hunter2", mine));
  const myHp = f("htpasswd", "user", "pw") as string;
  assert.equal(myHp.slice(0, 12), hp!.slice(0, 12));
  assert.ok(bcryptjs.compareSync("pw", myHp.slice(5)));
});
