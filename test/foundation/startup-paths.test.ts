// Fast paths taken for start-up speed must give what helm gives on both sides
// of the fast path (printable ASCII and the rest).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { assertSameAsHelm } from "../helpers/differential.ts";
import { runHelm, writeChart } from "../helpers/oracle.ts";

test("Chart.yaml strings are sanitized as helm does (printable ASCII fast path and the rest)", async () => {
  await assertSameAsHelm({
    "Chart.yaml":
      'apiVersion: v2\nname: sane\nversion: 0.1.0\ndescription: "plain ASCII ~!@#$%^&*()_+`-={}|[]:;<>?,./"\nhome: "tab\\there\\u00a0nbsp\\u2003em \\u00e9t\\u00e9 \\u0007bell \\u200bzw"\nkeywords: ["a b", "c\\nd", "\\u4e2d"]\n',
    "templates/cm.yaml":
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  description: {{ .Chart.Description | quote }}\n  home: {{ .Chart.Home | quote }}\n  keywords: {{ .Chart.Keywords | toJson | quote }}\n",
  });
});

test("archived subcharts decompress with Node's zlib as helm reads them (trailing zeros, several gzip members)", async () => {
  const src = writeChart(
    {
      "Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub\n",
    },
    "sub",
  );
  const out = mkdtempSync(join(tmpdir(), "capstan-gunzip-"));
  assert.equal((await runHelm(["package", src, "-d", out])).code, 0);
  const tgz = readFileSync(join(out, "sub-0.1.0.tgz"));
  const tar = gunzipSync(tgz);
  const variants: Record<string, Uint8Array> = {
    plain: tgz,
    zeros: Buffer.concat([tgz, Buffer.alloc(1024)]),
    members: Buffer.concat([gzipSync(tar.subarray(0, 1000)), gzipSync(tar.subarray(1000))]),
  };
  for (const [name, bytes] of Object.entries(variants)) {
    const top = {
      "Chart.yaml": `apiVersion: v2\nname: top-${name}\nversion: 0.1.0\n`,
      "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: top\n",
      "charts/sub-0.1.0.tgz": bytes,
    };
    await assertSameAsHelm(top);
  }
});
