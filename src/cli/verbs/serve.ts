import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { startServer } from "../../server/server.ts";
import type { Command } from "../command.ts";
import { CliError } from "../io.ts";

const command: Command = {
  use: "serve [flags]",
  long: `
Start a local chart repository server that serves charts from a local directory.

The server serves index.yaml and the chart archives, rebuilds the index when
archives change, and accepts uploads and deletes through ChartMuseum's API:

    curl --data-binary "@mychart-0.1.0.tgz" http://127.0.0.1:8879/api/charts
    curl -X DELETE http://127.0.0.1:8879/api/charts/mychart/0.1.0

Credentials for the API (and, unless --anonymous-get, for downloads) are set
with --basic-auth-user and --basic-auth-pass (or $CAPSTAN_SERVE_PASSWORD).`,
  flags: [
    { name: "address", kind: "string", usage: "address to listen on", default: "127.0.0.1:8879" },
    {
      name: "repo-path",
      kind: "string",
      usage: "local directory path from which to serve charts",
      default: ".",
    },
    { name: "basic-auth-user", kind: "string", usage: "username for basic authentication" },
    { name: "basic-auth-pass", kind: "string", usage: "password for basic authentication" },
    { name: "anonymous-get", kind: "bool", usage: "allow downloads without credentials" },
    { name: "tls-cert", kind: "string", usage: "TLS certificate file (serves HTTPS with --tls-key)" },
    { name: "tls-key", kind: "string", usage: "TLS private key file" },
  ],
  async run(parsed, io) {
    const f = parsed.flags;
    const addr = String(f.address ?? "127.0.0.1:8879");
    const m = /^(.*):(\d+)$/.exec(addr);
    if (!m) throw new CliError(`invalid address "${addr}": want host:port`);
    const cert = f["tls-cert"] as string | undefined;
    const key = f["tls-key"] as string | undefined;
    if (!!cert !== !!key) throw new CliError("--tls-cert and --tls-key must be given together");
    const s = await startServer({
      dir: resolve(io.cwd, String(f["repo-path"] ?? ".")),
      address: m[1]!.replace(/^\[|\]$/g, "") || "127.0.0.1",
      port: Number(m[2]),
      username: (f["basic-auth-user"] as string) || undefined,
      password: (f["basic-auth-pass"] as string) || io.env.CAPSTAN_SERVE_PASSWORD || undefined,
      anonymousGet: f["anonymous-get"] === true,
      tlsCert: cert ? readFileSync(resolve(io.cwd, cert)) : undefined,
      tlsKey: key ? readFileSync(resolve(io.cwd, key)) : undefined,
      log: io.stderr,
    });
    io.stdout(`Serving charts from ${resolve(io.cwd, String(f["repo-path"] ?? "."))} at ${s.url}\n`);
    await new Promise<void>((done) => {
      const stop = () => void s.close().then(done);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
  },
};
export default command;
