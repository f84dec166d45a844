// net.ParseIP: IPv4 dotted decimal (no leading zeros) and IPv6 (with an
// optional trailing IPv4 part); the bytes certificates hold (To4 when possible).

function parseV4(s: string): number[] | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === "0")) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out.push(v);
  }
  return out;
}

function parseV6(s: string): number[] | undefined {
  const dbl = s.indexOf("::");
  if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === "") return [];
    const out: number[] = [];
    const items = part.split(":");
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (i === items.length - 1 && it.includes(".")) {
        const v4 = parseV4(it);
        if (!v4) return undefined;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(it)) return undefined;
        const v = Number.parseInt(it, 16);
        out.push(v >> 8, v & 0xff);
      }
    }
    return out;
  };
  if (dbl < 0) {
    const all = groups(s);
    return all && all.length === 16 ? all : undefined;
  }
  const head = groups(s.slice(0, dbl));
  const tail = groups(s.slice(dbl + 2));
  if (!head || !tail || head.length + tail.length > 14) return undefined;
  return [...head, ...new Array(16 - head.length - tail.length).fill(0), ...tail];
}

/** The certificate bytes of an IP address, or undefined where net.ParseIP returns nil. */
export function parseIP(s: string): Uint8Array | undefined {
  const v4 = parseV4(s);
  if (v4) return Uint8Array.from(v4);
  if (!s.includes(":")) return undefined;
  const v6 = parseV6(s);
  if (!v6) return undefined;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return Uint8Array.from(mapped ? v6.slice(12) : v6);
}
