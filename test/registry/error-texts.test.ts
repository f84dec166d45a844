// Registry error responses as oras prints them, against helm 4: a stub
// registry answers tags/list (and a manifest) with chosen statuses and bodies;
// helm and capstan pull from it and must print the same error: codes lowercased
// with "_" as space, messages, details printed as Go's %v (maps with sorted
// keys, numbers as %v of float64), several errors joined with "; ", and Go's
// http.StatusText when the body holds no errors.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, test } from "node:test";
import { helmEnv, runHelm } from "../helpers/oracle.ts";
import { runCapstan } from "../repo/cli-run.ts";
import { freshHome } from "./registry-server.ts";

const cases: Record<string, { status: number; body: string }> = {
  detail: {
    status: 404,
    body: JSON.stringify({
      errors: [
        {
          code: "NAME_UNKNOWN",
          message: "repository name not known to registry",
          detail: { name: "charts/detail", z: [1, 2.5, 1e6, true, null], a: { b: "c" } },
        },
      ],
    }),
  },
  several: {
    status: 403,
    body: JSON.stringify({
      errors: [
        { code: "DENIED", message: "requested access to the resource is denied" },
        { code: "UNSUPPORTED", message: "" },
        { code: "Mixed_Case_Code", message: "m", detail: "a string" },
        { code: "X", message: "null detail", detail: null },
      ],
    }),
  },
  // (not 500 or 429: oras retries those with backoff, for seconds; capstan does not retry yet)
  empty: { status: 501, body: "" },
  teapot: { status: 418, body: "not json" },
  noerrors: { status: 431, body: '{"errors":[]}' },
  unknownstatus: { status: 499, body: "{}" },
};

let server: Server;
let host = "";

before(async () => {
  server = createServer((req, res) => {
    const m = /^\/v2\/charts\/([^/]+)\//.exec(req.url ?? "");
    const c = m ? cases[m[1]!] : undefined;
    if (!c) {
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      return;
    }
    res.writeHead(c.status, { "Content-Type": "application/json" }).end(c.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  host = `127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => server.close());

test("registry error texts: codes, messages, details, several errors, status texts", async () => {
  const home = freshHome();
  for (const name of Object.keys(cases)) {
    for (const version of ["^1.0.0", "1.0.0"]) {
      const args = ["pull", `oci://${host}/charts/${name}`, "--version", version, "--plain-http"];
      const h = await runHelm(args, { env: home.env, cwd: home.root });
      const c = await runCapstan(args, { cwd: home.root, env: { ...helmEnv(), ...home.env } });
      assert.notEqual(h.code, 0, `${name} ${version}: helm should fail`);
      assert.equal(c.code, h.code, `${name} ${version}: exit code`);
      assert.equal(c.stderr.replaceAll("capstan", "helm"), h.stderr, `${name} ${version}: stderr`);
    }
  }
});
