// Go strings are byte strings: a binary file read with .Files.Get, or a "\xff"
// literal, keeps bytes that are not UTF-8 through b64enc, sha256sum, len,
// quote, printf, toJson and the rest, and go-yaml refuses them in a rendered
// manifest. Expected outputs come from helm 4 on the same charts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { differentialTemplate } from "../helpers/differential.ts";
import type { ChartFiles } from "../helpers/oracle.ts";

const chartYaml = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;
const blob = new Uint8Array([
  0,
  1,
  2,
  ...Buffer.from("binary"),
  0xff,
  0xfe,
  0xc3,
  0xa9,
  0xe2,
  0x82,
  0x20,
  ...Buffer.from("end"),
  0xf0,
  0x9f,
  0x98,
  0x80,
]);

const exprs = [
  "b64enc",
  "sha256sum",
  "len",
  "toJson | b64enc",
  "toRawJson | b64enc",
  "quote | b64enc",
  'printf "%q" | b64enc',
  'printf "%x"',
  'printf "%s|%v|%10.4s" | b64enc',
  "trunc 11 | b64enc",
  "upper | b64enc",
  "lower | b64enc",
  'replace "y" "Y" | b64enc',
  "substr 3 11 | b64enc",
  "toYaml | b64enc",
  "adler32sum",
  "b64enc | b64dec | b64enc",
  'regexReplaceAll "[a-z]+" "W" | b64enc',
  'splitList "y" | toJson | b64enc',
  "trim | b64enc",
  "sha1sum",
  'cat "z" | b64enc',
];

test("binary file contents keep their bytes through the functions", async () => {
  let t = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n";
  exprs.forEach((e, i) => {
    t += `  e${i}: {{ .Files.Get "b.bin" | ${e} | quote }}\n`;
  });
  t += `  idx: "{{ index (.Files.Get "b.bin") 9 }}"\n`;
  t += `  bytes: {{ .Files.GetBytes "b.bin" | toString | b64enc }}\n`;
  t += `  secrets: {{ (.Files.Glob "*.bin").AsSecrets | b64enc }}\n`;
  t += `  config: {{ (.Files.Glob "*.bin").AsConfig | b64enc }}\n`;
  t += `  lines: {{ .Files.Lines "b.bin" | toJson | b64enc }}\n`;
  t += `  lit: {{ "a\\xffb\\u00e9" | b64enc }} {{ len "\\xff\\xfe" }} {{ printf "%q" "\\xc3(" }}\n`;
  const files: ChartFiles = { "Chart.yaml": chartYaml("bin"), "b.bin": blob, "templates/t.yaml": t };
  const c = await differentialTemplate(files);
  assert.ok(c.equal, c.diff);
  assert.match(c.helm.stdout, /e0: /); // helm rendered: the case exercises the functions
});

// go-yaml's reader errors, one per kind of bad sequence, printed raw into a manifest.
const bad: Record<string, string> = {
  leading: "\\xff\\xfe",
  trailing: "\\xc3a",
  incomplete: "\\xe2\\x82",
  length: "\\xc0\\x80",
  surrogate: "\\xed\\xa0\\x80",
  "valid-then-bad": "\\u00e9\\x80",
};

for (const [name, lit] of Object.entries(bad)) {
  test(`bytes that are not UTF-8 in a manifest: ${name}`, async () => {
    const t = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n# {{ "${lit}" }}\ndata: {}\n`;
    const c = await differentialTemplate({ "Chart.yaml": chartYaml(name), "templates/t.yaml": t });
    assert.ok(c.equal, c.diff);
    assert.match(c.helm.stderr, /UTF-8|Unicode/); // helm's reader refused it
  });
}

test("!!binary values read through JSON: bytes that are not UTF-8 become U+FFFD", async () => {
  const t = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ "a: !!binary /w==" | fromYaml | toJson | quote }}\n  b: {{ (fromYaml "a: !!binary /+7/").a | b64enc }}\n  c: "{{ len (fromYaml "a: !!binary /w==").a }}"\n`;
  const c = await differentialTemplate({ "Chart.yaml": chartYaml("b3"), "templates/t.yaml": t });
  assert.ok(c.equal, c.diff);
  assert.match(c.helm.stdout, /c: "3"/); // helm converted the byte: the case exercises the JSON step
});
