// `capstan serve`: a chart repository over HTTP(S). Serves index.yaml and the
// archives, a health endpoint, and ChartMuseum's API for uploads
// (POST /api/charts, multipart "chart"/"prov" or a raw archive body), listing
// (GET /api/charts[/name[/version]]) and deletes (DELETE /api/charts/name/version).
import { timingSafeEqual } from "node:crypto";
import { watch } from "node:fs";
import {
  createServer as createHTTP,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHTTPS } from "node:https";
import type { AddressInfo } from "node:net";
import { cvVersion } from "../repo/index-file.ts";
import { marshalOrderedJSON } from "../repo/json-ordered.ts";
import { boundaryOf, parseMultipart } from "./multipart.ts";
import { MAX_UPLOAD_BYTES, RepoStore, StoreError } from "./repo-store.ts";

export interface ServeOptions {
  dir: string;
  address?: string;
  port?: number;
  username?: string;
  password?: string;
  /** Let GET requests through without credentials (ChartMuseum's --auth-anonymous-get). */
  anonymousGet?: boolean;
  tlsCert?: Uint8Array;
  tlsKey?: Uint8Array;
  /** Rescan the folder when files change on disk. */
  watch?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  store: RepoStore;
  server: Server;
  close: () => Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type = "application/json",
): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body as string) });
  res.end(body);
}

const json = (res: ServerResponse, status: number, v: unknown) =>
  send(res, status, `${marshalOrderedJSON(v, "")}\n`);

function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new StoreError("file too large", 413));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function authorized(req: IncomingMessage, o: ServeOptions): boolean {
  if (!o.username && !o.password) return true;
  const want = Buffer.from(
    `Basic ${Buffer.from(`${o.username ?? ""}:${o.password ?? ""}`).toString("base64")}`,
  );
  const got = Buffer.from(req.headers.authorization ?? "");
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const store = new RepoStore(o.dir);
  await store.rescan();
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? "GET";
    try {
      if (path === "/health") return json(res, 200, new Map([["healthy", true]]));
      const isRead = method === "GET" || method === "HEAD";
      if (!(isRead && o.anonymousGet) && !authorized(req, o)) {
        res.setHeader("WWW-Authenticate", 'Basic realm="capstan"');
        return json(res, 401, new Map([["error", "unauthorized"]]));
      }
      if (isRead && (path === "/index.yaml" || path === "/")) {
        return send(res, 200, store.indexYAML, "application/x-yaml");
      }
      const file = /^\/(?:charts\/)?([^/]+\.tgz(?:\.prov)?)$/.exec(path)?.[1];
      if (isRead && file) {
        const body = store.readArchive(file);
        if (!body) return json(res, 404, new Map([["error", "not found"]]));
        return send(
          res,
          200,
          body,
          file.endsWith(".prov") ? "application/pgp-signature" : "application/gzip",
        );
      }
      const api = /^\/api\/charts(?:\/([^/]+))?(?:\/([^/]+))?\/?$/.exec(path);
      if (api && isRead) {
        const [, name, version] = api;
        if (!name) return json(res, 200, store.index.entries);
        const vs = store.index.entries.get(name);
        if (!vs) return json(res, 404, new Map([["error", "chart not found"]]));
        if (!version) return json(res, 200, vs);
        const cv = vs.find((v) => cvVersion(v) === version);
        return cv
          ? json(res, 200, cv)
          : json(res, 404, new Map([["error", "improper constraint: version not found"]]));
      }
      if (api && method === "POST" && !api[1]) {
        const body = await readBody(req, MAX_UPLOAD_BYTES + 1024 * 1024);
        let chart = body;
        let prov: Uint8Array | undefined;
        const boundary = boundaryOf(req.headers["content-type"]);
        if (boundary) {
          const parts = parseMultipart(body, boundary);
          const c = parts.find((p) => p.name === "chart");
          if (!c) return json(res, 400, new Map([["error", "no chart found in request"]]));
          chart = c.data;
          prov = parts.find((p) => p.name === "prov")?.data;
        }
        const force = url.searchParams.has("force") && url.searchParams.get("force") !== "false";
        const saved = await store.upload(chart, prov, force);
        o.log?.(`uploaded ${saved.name}-${saved.version}\n`);
        return json(res, 201, new Map([["saved", true]]));
      }
      if (api && method === "DELETE" && api[1] && api[2]) {
        await store.delete(api[1], api[2]);
        o.log?.(`deleted ${api[1]}-${api[2]}\n`);
        return json(res, 200, new Map([["deleted", true]]));
      }
      return json(res, 404, new Map([["error", "not found"]]));
    } catch (e) {
      if (e instanceof StoreError) return json(res, e.status, new Map([["error", e.message]]));
      return json(res, 500, new Map([["error", (e as Error).message]]));
    }
  };
  const server =
    o.tlsCert && o.tlsKey
      ? createHTTPS(
          { cert: Buffer.from(o.tlsCert), key: Buffer.from(o.tlsKey) },
          (q, s) => void handler(q, s),
        )
      : createHTTP((q, s) => void handler(q, s));
  // Longer than clients' idle pools, so a client never reuses a socket the server is closing.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 8879, o.address ?? "127.0.0.1", () => resolve());
  });
  let watcher: ReturnType<typeof watch> | undefined;
  if (o.watch !== false) {
    let timer: NodeJS.Timeout | undefined;
    watcher = watch(o.dir, (_ev, name) => {
      if (!name || !String(name).endsWith(".tgz")) return;
      clearTimeout(timer);
      timer = setTimeout(() => void store.rescan().catch(() => undefined), 100);
    });
  }
  const addr = server.address() as AddressInfo;
  const scheme = o.tlsCert ? "https" : "http";
  return {
    url: `${scheme}://${addr.address}:${addr.port}`,
    store,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        watcher?.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
