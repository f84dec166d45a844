// A plain static file server on 127.0.0.1 for repository tests, with optional
// basic auth; serves a folder as a chart repository.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";

export async function serveStatic(
  dir: string,
  auth?: { username: string; password: string },
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(async (req, res) => {
    if (auth) {
      const want = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
      if (req.headers.authorization !== want) {
        res.writeHead(401, "Unauthorized", { "WWW-Authenticate": 'Basic realm="test"' });
        return void res.end();
      }
    }
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, "OK");
      res.end(body);
    } catch {
      res.writeHead(404, "Not Found");
      res.end("not found\n");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
