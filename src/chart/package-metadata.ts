// Chart metadata as encoding/json sees helm's Metadata struct: fields in Go
// declaration order with their json tags, `omitempty` applied. Chart.yaml in
// an archive, index.yaml entries and `search -o json` all start from this.
import type { Dependency, Lock, Maintainer, Metadata } from "./chart.ts";

/** A Go struct's JSON form: a Map whose insertion order is the field order. */
export class Struct extends Map<string, unknown> {}

type Json = Struct;

function put(m: Json, key: string, v: unknown, omitEmpty = true): void {
  if (omitEmpty) {
    if (v === "" || v === false || v === null || v === undefined) return;
    if (Array.isArray(v) && v.length === 0) return;
    if (v instanceof Map && v.size === 0) return;
  }
  m.set(key, v ?? null);
}

function maintainerJSON(mt: Maintainer | null): Json | null {
  if (!mt) return null;
  const m: Json = new Struct();
  put(m, "name", mt.Name);
  put(m, "email", mt.Email);
  put(m, "url", mt.URL);
  return m;
}

export function dependencyJSON(d: Dependency | null): Json | null {
  if (!d) return null;
  const m: Json = new Struct();
  put(m, "name", d.Name, false);
  put(m, "version", d.Version);
  put(m, "repository", d.Repository, false);
  put(m, "condition", d.Condition);
  put(m, "tags", d.Tags);
  put(m, "enabled", d.Enabled);
  put(m, "import-values", d.ImportValues);
  put(m, "alias", d.Alias);
  return m;
}

export function metadataJSON(md: Metadata): Json {
  const m: Json = new Struct();
  put(m, "name", md.Name);
  put(m, "home", md.Home);
  put(m, "sources", md.Sources);
  put(m, "version", md.Version);
  put(m, "description", md.Description);
  put(m, "keywords", md.Keywords);
  put(m, "maintainers", md.Maintainers.map(maintainerJSON));
  put(m, "icon", md.Icon);
  put(m, "apiVersion", md.APIVersion);
  put(m, "condition", md.Condition);
  put(m, "tags", md.Tags);
  put(m, "appVersion", md.AppVersion);
  put(m, "deprecated", md.Deprecated);
  put(m, "annotations", md.Annotations);
  put(m, "kubeVersion", md.KubeVersion);
  put(m, "dependencies", md.Dependencies.map(dependencyJSON));
  put(m, "type", md.Type);
  return m;
}

export function lockJSON(lock: Lock): Json {
  return new Struct([
    ["generated", lock.Generated],
    ["digest", lock.Digest],
    ["dependencies", lock.Dependencies.map(dependencyJSON)],
  ]);
}

/** Go's time.Time JSON form (RFC 3339 with nanoseconds, trailing zeros trimmed) in local time. */
export function goTimeJSON(ms: number, nanos = 0): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const local = new Date(ms + off * 60000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  let frac = String((local.getUTCMilliseconds() * 1e6 + nanos) | 0)
    .padStart(9, "0")
    .replace(/0+$/, "");
  if (frac) frac = `.${frac}`;
  const zone =
    off === 0
      ? "Z"
      : `${off > 0 ? "+" : "-"}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${frac}${zone}`
  );
}
