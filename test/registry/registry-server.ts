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

export async function startRegistry(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), "capstan-registry-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "htpasswd"), `ci:${bcrypt.hashSync("pa55", 4)}\n`);
  const host = `127.0.0.1:${await freePort()}`;
  writeFileSync(
    join(dir, "config.yml"),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: ${host}\nauth:\n  htpasswd:\n    realm: basic-realm\n    path: ${dir}/htpasswd\n`,
  );
  const proc: ChildProcess = spawn("docker-registry", ["serve", join(dir, "config.yml")], {
    stdio: "ignore",
  });
  // Up to 30 s: the machine is shared and a loaded start can be slow.
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (r) => r.status === 401,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    stop: () => {
      if (proc.pid) process.kill(proc.pid);
    },
  };
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
