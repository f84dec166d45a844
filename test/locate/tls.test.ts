// `template --repo https://...` with a self-signed server certificate (made by
// openssl): --ca-file and --insecure-skip-tls-verify, against helm 4.
import { after, before, test } from "node:test";
import { sideBySide } from "./harness.ts";
import { type HttpsRepo, startHttpsRepo } from "./https-repo.ts";

let repo: HttpsRepo | undefined;
let url = "";
let ca = "";

before(async () => {
  repo = await startHttpsRepo("capstan-locate-tls-");
  ({ url, ca } = repo);
});
after(() => repo?.close());

test("https repository: --ca-file, --insecure-skip-tls-verify", async () => {
  await sideBySide([
    ["template", "x", "alpha", "--repo", () => url, "--ca-file", () => ca],
    ["template", "x", "beta", "--repo", () => url, "--insecure-skip-tls-verify"],
    ["template", "x", "alpha", "--repo", () => url],
  ]);
});
