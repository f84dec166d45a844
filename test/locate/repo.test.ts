// `template` of charts that are not local paths, from chart repositories served
// over HTTP: --repo, repo/chart, absolute URLs, --version/--devel, basic auth,
// --verify with a signed chart; helm 4 and capstan side by side (see harness.ts).
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { signingKeys } from "../helpers/pgp.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { serveStatic } from "../repo/static-server.ts";
import { sideBySide } from "./harness.ts";

let url = "";
let authURL = "";
let otherURL = "";
let oddURL = "";
let keys = "";
const closers: (() => Promise<void>)[] = [];

before(async () => {
  const dir = await helmPackagedRepo();
  // A chart signed by helm, with its .prov beside it in the repository.
  keys = await signingKeys("capstan-locate-pgp-");
  const signed = writeChart(
    {
      "Chart.yaml": "apiVersion: v2\nname: signed\nversion: 1.2.3\n",
      "templates/cm.yaml": "kind: ConfigMap\nname: {{ .Chart.Name }}\n",
    },
    "signed",
  );
  const pkg = ["package", signed, "-d", dir, "--sign", "--key", "Signer"];
  const r = await runHelm([...pkg, "--keyring", join(keys, "secring.gpg")]);
  if (r.code !== 0) throw new Error(r.stderr);
  // The same archive, also without provenance, under another name.
  copyFileSync(join(dir, "signed-1.2.3.tgz"), join(dir, "unsigned-1.2.3.tgz"));
  await runHelm(["repo", "index", dir]);
  const s = await serveStatic(dir);
  url = s.url;
  closers.push(s.close);
  const a = await serveStatic(dir, { username: "u", password: "p" });
  authURL = a.url;
  closers.push(a.close);
  // A repository whose index points at the same server under another host name (localhost):
  // credentials follow only with --pass-credentials.
  const other = await helmPackagedRepo();
  const o = await serveStatic(other, { username: "u", password: "p" });
  otherURL = o.url;
  closers.push(o.close);
  await runHelm(["repo", "index", other, "--url", o.url.replace("127.0.0.1", "localhost")]);
  // An index whose digests lie (beta) or are missing (gamma-db): helm names the cached
  // archive after the index's digest, else after the download's sha256.
  const odd = await helmPackagedRepo();
  await runHelm(["repo", "index", odd]);
  const idx = readFileSync(join(odd, "index.yaml"), "utf8");
  const sum = (f: string) =>
    createHash("sha256")
      .update(readFileSync(join(odd, f)))
      .digest("hex");
  const patched = idx
    .replace(`digest: ${sum("beta-2.3.4.tgz")}`, `digest: ${"ab".repeat(32)}`)
    .replace(`    digest: ${sum("gamma-db-10.0.0.tgz")}\n`, "");
  if (!patched.includes("ab".repeat(32)) || patched.includes(sum("gamma-db-10.0.0.tgz")))
    throw new Error("index.yaml was not patched");
  writeFileSync(join(odd, "index.yaml"), patched);
  const d = await serveStatic(odd);
  oddURL = d.url;
  closers.push(d.close);
});
after(async () => {
  for (const c of closers) await c();
});

const t = (...args: (string | (() => string))[]) => ["template", "x", ...args];

test("--repo: latest, --version exact and range, --devel, unknown chart and version, bad repository", async () => {
  await sideBySide([
    t("alpha", "--repo", () => url),
    t("alpha", "--repo", () => url, "--version", "0.1.0"),
    t("alpha", "--repo", () => url, "--version", "^0.1"),
    t("alpha", "--repo", () => url, "--devel"),
    t("alpha", "--repo", () => url, "--version", "9"),
    t("nope", "--repo", () => url),
    t("r/alpha", "--repo", () => url),
    t("./alpha", "--repo", () => url),
    t("alpha", "--repo", () => `${url}/nowhere`),
    t("alpha", "--repo", "http://127.0.0.1:1"),
  ]);
});

test("repo/chart from repositories.yaml, versions, missing repository and cache", async () => {
  await sideBySide([
    t("r/alpha"),
    ["repo", "add", "r", () => url],
    t("r/alpha"),
    t("r/alpha", "--version", "0.1.0"),
    t("r/alpha", "--version", "~0.1.0"),
    t("r/alpha", "--devel"),
    t("r/alpha", "--version", "9"),
    t("r/nope"),
    t("other/alpha"),
    t("alpha"),
    t("r/beta", "--set", "replicas=3"),
    // a second run finds the archive in the content cache
    t("r/beta"),
  ]);
});

test("absolute URLs: found, missing, unsupported scheme; a configured repository's URL", async () => {
  await sideBySide([
    t(() => `${url}/gamma-db-10.0.0.tgz`),
    t(() => `${url}/missing-1.0.0.tgz`),
    t("ftp://host/charts/x-1.0.0.tgz"),
    ["repo", "add", "r", () => url],
    t(() => `${url}/alpha-0.2.0.tgz`),
  ]);
});

test("basic auth: --username/--password with --repo, without them, and through repo add", async () => {
  await sideBySide([
    t("alpha", "--repo", () => authURL),
    t("alpha", "--repo", () => authURL, "--username", "u", "--password", "p"),
    t("alpha", "--repo", () => authURL, "--username", "u", "--password", "wrong"),
    ["repo", "add", "a", () => authURL, "--username", "u", "--password", "p"],
    t("a/beta"),
  ]);
});

test("--verify: signed chart, wrong keyring, no provenance; local archives", async () => {
  const pub = join(keys, "pubring.gpg");
  const sec = join(keys, "secring.gpg");
  await sideBySide([
    t("signed", "--repo", () => url, "--verify", "--keyring", pub),
    t("unsigned", "--repo", () => url, "--verify", "--keyring", pub),
    ["repo", "add", "r", () => url],
    t("r/signed", "--verify", "--keyring", pub),
    t("r/alpha", "--verify", "--keyring", pub),
    ["pull", "r/signed", "--prov"],
    t("signed-1.2.3.tgz", "--verify", "--keyring", pub),
    t("signed-1.2.3.tgz", "--verify", "--keyring", sec),
    ["pull", "r/alpha"],
    t("alpha-0.2.0.tgz", "--verify", "--keyring", pub),
    // local paths that cannot be verified: a folder, a file that is not .tgz
    t("cache", "--verify", "--keyring", pub),
    t("config/repositories.yaml", "--verify", "--keyring", pub),
  ]);
});

test("--pass-credentials: charts on another host get the credentials only when asked", async () => {
  await sideBySide([
    t("alpha", "--repo", () => otherURL, "--username", "u", "--password", "p"),
    t("alpha", "--repo", () => otherURL, "--username", "u", "--password", "p", "--pass-credentials"),
  ]);
});

test("cache names from the index's digest (even a wrong one), else from the download", async () => {
  await sideBySide([
    ["repo", "add", "odd", () => oddURL],
    t("odd/beta"),
    t("odd/beta"),
    t("odd/gamma-db"),
    t("beta", "--repo", () => oddURL),
  ]);
});
