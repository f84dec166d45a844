// A small multipart/form-data reader for chart uploads (ChartMuseum's
// POST /api/charts with "chart" and optional "prov" fields).
export interface FormPart {
  name: string;
  filename?: string;
  data: Uint8Array;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  return m ? (m[1] ?? m[2]) : undefined;
}

export function parseMultipart(body: Uint8Array, boundary: string): FormPart[] {
  const enc = new TextEncoder();
  const delim = enc.encode(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = indexOf(body, delim, 0);
  if (pos < 0) throw new Error("malformed multipart body");
  for (;;) {
    pos += delim.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headEnd = indexOf(body, enc.encode("\r\n\r\n"), pos);
    if (headEnd < 0) throw new Error("malformed multipart body");
    const head = new TextDecoder().decode(body.subarray(pos, headEnd));
    const next = indexOf(body, enc.encode(`\r\n--${boundary}`), headEnd + 4);
    if (next < 0) throw new Error("malformed multipart body");
    const disp = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? "";
    const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
    parts.push({ name, filename, data: body.subarray(headEnd + 4, next) });
    pos = next + 2;
  }
  return parts;
}
