// A chart repository served over https with a fresh self-signed certificate
// (made by openssl, valid for 127.0.0.1): helm's packaged test repository,
// indexed by helm. Used by the --ca-file tests and the launcher's extra-CA test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { runHelm } from "../helpers/oracle.ts";
import { helmPackagedRepo } from "../repo/fixtures.ts";

export interface HttpsRepo {
  url: string;
  /** The server's certificate (PEM), which is its own CA. */
  ca: string;
  /** The folder holding the certificate and key. */
  certs: string;
  close: () => void;
}

export async function startHttpsRepo(prefix: string): Promise<HttpsRepo> {
  const dir = await helmPackagedRepo();
  await runHelm(["repo", "index", dir]);
  const certs = mkdtempSync(join(tmpdir(), prefix));
  const ca = join(certs, "cert.pem");
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
  const server = createServer(
    { key: readFileSync(join(certs, "key.pem")), cert: readFileSync(ca) },
    (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "https://x").pathname));
      try {
        const body = readFileSync(join(dir, path));
        res.writeHead(200);
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    },
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, ca, certs, close: () => server.close() };
}
