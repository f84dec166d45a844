// A real OCI registry for the tests: Debian's docker-registry with htpasswd
// basic auth (user "ci", password "pa55") on a free 127.0.0.1 port.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";

export const hasRegistry = spawnSync("sh", ["-c", "command -v docker-registry"]).status === 0;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Registry {
  host: string;
  stop: () => void;
}

/**
 * Starts docker-registry on a free 127.0.0.1 port, with htpasswd basic auth
 * (default user "ci", password "pa55") unless auth is null. The port is free
 * when chosen but may be taken (by any outgoing connection's ephemeral port)
 * before the registry binds it, so a registry that exits is started again on
 * another port; one never ready is an error, not a silent half-started test.
 */
export async function startRegistry(
  auth: { user: string; password: string } | null = { user: "ci", password: "pa55" },
): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), "capstan-registry-"));
  mkdirSync(join(dir, "data"));
  let authConfig = "";
  if (auth) {
    writeFileSync(join(dir, "htpasswd"), `${auth.user}:${bcrypt.hashSync(auth.password, 4)}\n`);
    authConfig = `auth:\n  htpasswd:\n    realm: basic-realm\n    path: ${dir}/htpasswd\n`;
  }
  for (let attempt = 1; ; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const config = join(dir, `config-${attempt}.yml`);
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: ${host}\n${authConfig}`,
    );
    const proc: ChildProcess = spawn("docker-registry", ["serve", config], { stdio: "ignore" });
    let exited = false;
    proc.on("exit", () => {
      exited = true;
    });
    // Up to 120 s: the machine is shared and a start at load 40 is slow.
    const deadline = Date.now() + 120_000;
    while (!exited && Date.now() < deadline) {
      // Our registry answers /v2/ with 401 (auth) or 200; anything else is not it.
      const ok = await fetch(`http://${host}/v2/`).then(
        (r) => r.status === (auth ? 401 : 200),
        () => false,
      );
      if (ok && !exited) {
        return {
          host,
          stop: () => {
            if (proc.pid && !exited) process.kill(proc.pid);
          },
        };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!exited) proc.kill();
    if (!exited || attempt === 5)
      throw new Error(`docker-registry on ${host} was not ready (attempt ${attempt}, exited: ${exited})`);
  }
}

/** A fresh helm home (config, cache, data) for one side of a test. */
export function freshHome() {
  const root = mkdtempSync(join(tmpdir(), "capstan-oci-home-"));
  return {
    root,
    env: {
      HELM_CONFIG_HOME: join(root, "c"),
      HELM_CACHE_HOME: join(root, "k"),
      HELM_DATA_HOME: join(root, "d"),
    },
  };
}
