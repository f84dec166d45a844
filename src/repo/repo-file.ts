// repositories.yaml (helm's repo.File): the configured chart repositories,
// shared with helm — same path, same fields, same mode (0600).
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { Struct } from "../chart/package-metadata.ts";
import { atomicWriteFile } from "./atomic-write.ts";
import { readYAML, toYAML } from "./yaml.ts";

export interface RepoEntry {
  name: string;
  url: string;
  username: string;
  password: string;
  certFile: string;
  keyFile: string;
  caFile: string;
  insecureSkipTLSVerify: boolean;
  passCredentialsAll: boolean;
}

export function newEntry(partial: Partial<RepoEntry> & { name: string; url: string }): RepoEntry {
  return {
    username: "",
    password: "",
    certFile: "",
    keyFile: "",
    caFile: "",
    insecureSkipTLSVerify: false,
    passCredentialsAll: false,
    ...partial,
  };
}

export function sameEntry(a: RepoEntry, b: RepoEntry): boolean {
  return (Object.keys(a) as (keyof RepoEntry)[]).every((k) => a[k] === b[k]);
}

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export class RepoFile {
  apiVersion = "";
  generated = "0001-01-01T00:00:00Z";
  repositories: RepoEntry[] = [];

  has(name: string): boolean {
    return this.repositories.some((r) => r.name === name);
  }
  get(name: string): RepoEntry | undefined {
    return this.repositories.find((r) => r.name === name);
  }
  /** Replaces an entry of the same name or appends. */
  update(...entries: RepoEntry[]): void {
    for (const e of entries) {
      const i = this.repositories.findIndex((r) => r.name === e.name);
      if (i >= 0) this.repositories[i] = e;
      else this.repositories.push(e);
    }
  }
  remove(name: string): boolean {
    const i = this.repositories.findIndex((r) => r.name === name);
    if (i < 0) return false;
    this.repositories.splice(i, 1);
    return true;
  }

  toYAML(): string {
    const repos = this.repositories.map((r) => {
      const s = new Struct();
      s.set("name", r.name);
      s.set("url", r.url);
      s.set("username", r.username);
      s.set("password", r.password);
      s.set("certFile", r.certFile);
      s.set("keyFile", r.keyFile);
      s.set("caFile", r.caFile);
      s.set("insecure_skip_tls_verify", r.insecureSkipTLSVerify);
      s.set("pass_credentials_all", r.passCredentialsAll);
      return s;
    });
    return toYAML(
      new Map<string, unknown>([
        ["apiVersion", this.apiVersion],
        ["generated", this.generated],
        ["repositories", repos],
      ]),
    );
  }

  writeFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    atomicWriteFile(path, this.toYAML(), 0o600);
  }
}

/** Parses repositories.yaml text (empty text: an empty file). */
export function parseRepoFile(text: string): RepoFile {
  const f = new RepoFile();
  const doc = text.trim() === "" ? null : readYAML(text);
  if (!(doc instanceof Map)) return f;
  f.apiVersion = str(doc.get("apiVersion"));
  if (doc.has("generated")) f.generated = str(doc.get("generated"));
  const list = doc.get("repositories");
  if (Array.isArray(list)) {
    for (const r of list) {
      if (!(r instanceof Map)) continue;
      f.repositories.push(
        newEntry({
          name: str(r.get("name")),
          url: str(r.get("url")),
          username: str(r.get("username")),
          password: str(r.get("password")),
          certFile: str(r.get("certFile")),
          keyFile: str(r.get("keyFile")),
          caFile: str(r.get("caFile")),
          insecureSkipTLSVerify: r.get("insecure_skip_tls_verify") === true,
          passCredentialsAll: r.get("pass_credentials_all") === true,
        }),
      );
    }
  }
  return f;
}

/** Loads repositories.yaml; undefined when the file does not exist. */
export function loadRepoFile(path: string): RepoFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  return parseRepoFile(text);
}

/** helm's lock file beside repositories.yaml: "<file without extension>.lock". */
export function repoLockPath(repoFile: string): string {
  const m = /(\.[^./]*)$/.exec(repoFile);
  return m && m[1]!.length < repoFile.length
    ? repoFile.slice(0, -m[1]!.length) + ".lock"
    : `${repoFile}.lock`;
}
