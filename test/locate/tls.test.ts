// `template --repo https://...` with a self-signed server certificate (made by
// openssl): --ca-file and --insecure-skip-tls-verify, against helm 4.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { after, before, test } from "node:test";
import { runHelm } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";
import { sideBySide } from "./harness.ts";

let url = "";
let ca = "";
let server: Server | undefined;

before(async () => {
  const dir = await helmPackagedRepo();
  await runHelm(["repo", "index", dir]);
  const certs = mkdtempSync(join(tmpdir(), "capstan-locate-tls-"));
  ca = join(certs, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"].concat([
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(certs, "key.pem"),
      "-out",
      ca,
    ]),
    { stdio: "ignore" },
  );
  server = createServer({ key: readFileSync(join(certs, "key.pem")), cert: readFileSync(ca) }, (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "https://x").pathname));
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server?.close());

test("https repository: --ca-file, --insecure-skip-tls-verify", async () => {
  await sideBySide([
    ["template", "x", "alpha", "--repo", () => url, "--ca-file", () => ca],
    ["template", "x", "beta", "--repo", () => url, "--insecure-skip-tls-verify"],
    ["template", "x", "alpha", "--repo", () => url],
  ]);
});
