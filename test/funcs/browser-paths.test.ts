// The paths a browser takes: Intl instead of zoneinfo files, WebCrypto and
// pure-JS key generation instead of Node's crypto. Checked against the Node
// paths (which the other suites check against helm).
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { test } from "node:test";
import { cryptoFuncs, type SprigCertificate } from "../../src/funcs/crypto.ts";
import { setCryptoProvider, webCryptoProvider } from "../../src/funcs/crypto-provider.ts";
import { dateFuncs } from "../../src/funcs/dates.ts";
import { goInt } from "../../src/funcs/goargs.ts";
import {
  IntlLocation,
  intlZoneSource,
  loadLocation,
  parseTzif,
  setZoneSource,
} from "../../src/funcs/time/zone.ts";
import { nodeCryptoProvider } from "../../src/node/crypto.ts";
import { nodeZoneSource } from "../../src/node/zoneinfo.ts";

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Asia/Dubai",
  "Australia/Lord_Howe",
  "America/Sao_Paulo",
  "Pacific/Chatham",
];

test("Intl zones give the offsets zoneinfo gives, and tzdata's numeric abbreviations", () => {
  for (const z of ZONES) {
    const tzif = parseTzif(z, nodeZoneSource.read(z)!)!;
    const intl = new IntlLocation(z, z);
    for (let unix = -1_000_000_000; unix < 2_500_000_000; unix += 7_776_013) {
      const a = tzif.lookup(unix);
      const b = intl.lookup(unix);
      assert.equal(b.offset, a.offset, `${z} @${unix}`);
      if (/^[+-]\d+$/.test(a.name)) assert.equal(b.name, a.name, `${z} @${unix}`);
    }
  }
});

test("dateInZone through the Intl source agrees with zoneinfo on offsets", () => {
  const layout = "2006-01-02 15:04:05 -07:00";
  const withNode = ZONES.map((z) => dateFuncs.dateInZone!.fn(layout, 1_700_000_000n, z));
  setZoneSource(intlZoneSource);
  try {
    const withIntl = ZONES.map((z) => dateFuncs.dateInZone!.fn(layout, 1_700_000_000n, z));
    assert.deepEqual(withIntl, withNode);
    assert.equal(loadLocation("Nope/Zone"), undefined);
  } finally {
    setZoneSource(nodeZoneSource);
  }
});

test("pure-JS crypto: RSA keys, certificates, scrypt and P-256 without Node's crypto", () => {
  const native = cryptoFuncs.derivePassword!.fn(goInt(1), "long", "password", "user", "example.com");
  setCryptoProvider(webCryptoProvider);
  try {
    assert.equal(cryptoFuncs.derivePassword!.fn(goInt(1), "long", "password", "user", "example.com"), native);
    const ca = cryptoFuncs.genCA!.fn("browser-ca", goInt(2)) as SprigCertificate;
    const x = new X509Certificate(ca.cert);
    assert.equal(x.subject, "CN=browser-ca");
    assert.ok(x.verify(x.publicKey));
    assert.equal(x.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    const ec = cryptoFuncs.genPrivateKey!.fn("ecdsa") as string;
    const leaf = cryptoFuncs.genSignedCertWithKey!.fn(
      "leaf",
      null,
      ["a"],
      goInt(1),
      ca,
      ec,
    ) as SprigCertificate;
    assert.ok(new X509Certificate(leaf.cert).verify(x.publicKey));
    assert.match(String(cryptoFuncs.genPrivateKey!.fn("dsa")), /dsa/);
  } catch (e) {
    // DSA has no pure-JS generator: it reports a Go-style error instead.
    assert.match((e as Error).message, /failed to generate dsa params/);
  } finally {
    setCryptoProvider(nodeCryptoProvider);
  }
});
