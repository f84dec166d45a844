// The CLI bundle loads heavy dependencies and some Node built-ins on first use
// (scripts/lazy-deps.mjs): every function group that needs one must still work
// through bin/capstan.js exactly as helm renders it, and a plain render must
// not load the built-ins that only some functions or verbs need.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import * as openpgp from "openpgp";
import { assertSameAsHelm, type CapstanRunner } from "../helpers/differential.ts";
import { type ChartFiles, projectRoot, runHelm, writeChart } from "../helpers/oracle.ts";

const bin = join(projectRoot, "bin/capstan.js");
const built = existsSync(join(projectRoot, "dist/cli.cjs"));

const bundle: CapstanRunner = async (args) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 1 };
};

// One line per lazily loaded package: @noble/hashes (sha*, derivePassword),
// re2js (regex*), semver (semverCompare, kubeVersion), smol-toml (toToml),
// node:crypto and node-forge and bcryptjs (AES, bcrypt, htpasswd, genCA,
// genPrivateKey), fflate (the .tgz subchart). Random results are reduced to
// facts helm shares.
const TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-lazy
data:
  sha1: {{ "abc" | sha1sum }}
  sha256: {{ "abc" | sha256sum }}
  sha512: {{ "abc" | sha512sum | trunc 20 }}
  adler: {{ "abc" | adler32sum | quote }}
  regex: {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "\${1}W" | quote }}
  regexFind: {{ regexFind "[0-9]+" "abc123def" | quote }}
  regexSplit: {{ regexSplit "z+" "pizza" -1 | toJson | quote }}
  semver: {{ semverCompare ">=1.2.3" "1.4.0" | quote }}
  semverMajor: {{ (semver "1.2.3-beta.1").Major | quote }}
  toml: {{ dict "a" 1 "b" (list "x" "y") | toToml | quote }}
  derive: {{ derivePassword 1 "long" "password" "user" "example.com" | quote }}
  aes: {{ encryptAES "k" "plain" | decryptAES "k" | quote }}
  bcrypt: {{ bcrypt .Values.secret | hasPrefix "$2a$10$" | quote }}
  htpasswd: {{ htpasswd "u" "p" | hasPrefix "u:$2a$10$" | quote }}
  ca: {{ (genCA "x" 365).Cert | hasPrefix "-----BEGIN CERTIFICATE-----" | quote }}
  key: {{ genPrivateKey "ecdsa" | hasPrefix "-----BEGIN EC PRIVATE KEY-----" | quote }}
  sub: {{ .Subcharts.sub.Values.greeting | quote }}
`;

async function packagedSubchart(): Promise<Uint8Array> {
  const src = writeChart(
    {
      "Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
      "values.yaml": "greeting: hi\n",
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub-{{ .Values.greeting }}\n",
    },
    "sub",
  );
  const out = mkdtempSync(join(tmpdir(), "capstan-lazy-"));
  const r = await runHelm(["package", src, "-d", out]);
  assert.equal(r.code, 0, r.stderr);
  return readFileSync(join(out, "sub-0.1.0.tgz"));
}

test("lazily loaded dependencies render as helm does through the bundle", { skip: !built }, async () => {
  const files: ChartFiles = {
    "Chart.yaml":
      'apiVersion: v2\nname: lazy\nversion: 0.1.0\nkubeVersion: ">=1.20.0-0"\ndependencies:\n  - name: sub\n    version: 0.1.0\n',
    "values.yaml": "secret: hunter2\n",
    "templates/cm.yaml": TEMPLATE,
    "charts/sub-0.1.0.tgz": await packagedSubchart(),
  };
  await assertSameAsHelm(files, [], { capstan: bundle });
});

test("an archive Node's zlib rejects (no gzip trailer) falls back to fflate, loaded on first use", {
  skip: !built,
}, async () => {
  const tgz = await packagedSubchart();
  const files: ChartFiles = {
    "Chart.yaml": "apiVersion: v2\nname: cut\nversion: 0.1.0\n",
    "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cut\n",
    "charts/sub-0.1.0.tgz": tgz.subarray(0, tgz.length - 8),
  };
  await assertSameAsHelm(files, [], { capstan: bundle });
});

test("values.schema.json (ajv, loaded on first use) fails as helm does through the bundle", {
  skip: !built,
}, async () => {
  const files: ChartFiles = {
    "Chart.yaml": "apiVersion: v2\nname: sch\nversion: 0.1.0\n",
    "values.yaml": "replicas: many\n",
    "values.schema.json": JSON.stringify({
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      properties: { replicas: { type: "integer", minimum: 1 } },
      required: ["replicas", "image"],
    }),
    "templates/a.yaml": "kind: A\n",
  };
  const c = await assertSameAsHelm(files, [], { capstan: bundle });
  assert.notEqual(c.capstan.code, 0);
});

test("a plain render loads no child_process, crypto, worker_threads or perf_hooks", {
  skip: !built,
}, async () => {
  const work = mkdtempSync(join(tmpdir(), "capstan-lazy-"));
  assert.equal((await runHelm(["create", join(work, "scaffold")])).code, 0);
  const preload = join(work, "modules.cjs");
  writeFileSync(
    preload,
    'process.on("exit", () => process.stderr.write("\\nMODULES " + JSON.stringify(process.moduleLoadList) + "\\n"));\n',
  );
  const r = spawnSync(process.execPath, ["-r", preload, bin, "template", join(work, "scaffold")], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /kind: Deployment/);
  const loaded: string[] = JSON.parse(r.stderr.split("MODULES ")[1]!);
  for (const m of ["child_process", "crypto", "worker_threads", "perf_hooks"])
    assert.ok(!loaded.includes(`NativeModule ${m}`), `${m} was loaded`);
});

test("package --sign and verify (openpgp, a vendor file of ES module code) work through the bundle", {
  skip: !built,
}, async () => {
  const work = mkdtempSync(join(tmpdir(), "capstan-lazy-sign-"));
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: "ecc",
    curve: "ed25519Legacy",
    userIDs: [{ name: "Chart Signer", email: "signer@example.com" }],
    format: "binary",
  });
  writeFileSync(join(work, "sec.gpg"), privateKey);
  writeFileSync(join(work, "pub.gpg"), publicKey);
  const chart = writeChart({ "Chart.yaml": "apiVersion: v2\nname: signed\nversion: 1.0.0\n" }, "signed");
  const signed = await bundle([
    "package",
    chart,
    "-d",
    work,
    "--sign",
    "--key",
    "Signer",
    "--keyring",
    join(work, "sec.gpg"),
  ]);
  assert.equal(signed.code, 0, signed.stderr);
  const args = ["verify", join(work, "signed-1.0.0.tgz"), "--keyring", join(work, "pub.gpg")];
  const h = await runHelm(args);
  assert.equal(h.code, 0, h.stderr);
  assert.match(h.stdout, /^Signed by: Chart Signer <signer@example.com>\n/);
  const c = await bundle(args);
  assert.equal(c.code, 0, c.stderr);
  assert.equal(c.stdout, h.stdout);
});
