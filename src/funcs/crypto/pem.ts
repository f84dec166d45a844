// PEM blocks as Go's encoding/pem writes them (64-column base64 lines) and a
// lenient decoder for the first block, as pem.Decode.
import { base64Decode, base64Encode } from "../bytes.ts";

export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = base64Encode(der);
  let body = "";
  for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${type}-----\n${body}-----END ${type}-----\n`;
}

/** The first PEM block in `s` (headers skipped), or undefined. */
export function pemDecode(s: string): { type: string; der: Uint8Array } | undefined {
  const re = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (const m of s.matchAll(re)) {
    let body = m[2]!;
    // Skip "Key: value" headers that precede a blank line.
    const blank = body.search(/\r?\n\r?\n/);
    if (/^[^\r\n:]+:/.test(body) && blank >= 0) body = body.slice(blank).trimStart();
    const der = base64Decode(body.replace(/[\s]/g, ""));
    if (der) return { type: m[1]!, der };
  }
  return undefined;
}
