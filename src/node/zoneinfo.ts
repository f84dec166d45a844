// Zone data for the date functions, read from the same places Go's time
// package reads (ZONEINFO, /usr/share/zoneinfo, ...) and the Local zone built
// as Go's initLocal does (TZ variable, /etc/localtime), so abbreviations and
// offsets match helm on the same machine.
import { readFileSync } from "node:fs";
import { FixedZone, type Location, parseTzif, setZoneSource, type ZoneSource } from "../funcs/time/zone.ts";

const DIRS = ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"];

function readFile(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function readZone(name: string): Uint8Array | undefined {
  const env = process.env.ZONEINFO;
  if (env) {
    const b = readFile(`${env}/${name}`);
    if (b) return b;
  }
  for (const d of DIRS) {
    const b = readFile(d + name);
    if (b) return b;
  }
  return undefined;
}

function localLocation(): Location {
  const tz = process.env.TZ;
  const named = (name: string, data: Uint8Array | undefined) => (data ? parseTzif(name, data) : undefined);
  if (tz === undefined) {
    const l = named("Local", readFile("/etc/localtime"));
    if (l) return l;
  } else if (tz !== "") {
    let t = tz.startsWith(":") ? tz.slice(1) : tz;
    if (t.startsWith("/")) {
      const l = named(t === "/etc/localtime" ? "Local" : t, readFile(t));
      if (l) return l;
    } else if (t !== "" && t !== "UTC") {
      const l = named(t, readZone(t));
      if (l) return l;
    }
    t = "";
  }
  return new FixedZone("UTC", 0, "UTC");
}

export const nodeZoneSource: ZoneSource = { read: readZone, local: localLocation };

/** Makes the date functions use the host's zoneinfo files, as helm does. */
export function useNodeZoneinfo(): void {
  setZoneSource(nodeZoneSource);
}
