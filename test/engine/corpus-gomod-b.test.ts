// Regression cases reduced from differences found by rendering charts kept in
// Go modules (istio, cilium, envoy gateway, loki, calico, ingress-nginx,
// gpu-operator ...) with helm 4 and capstan. Each case is written for this
// suite; expected output always comes from running helm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";
import { compareCases, formatMismatches, type TemplateCase } from "../helpers/template-cases.ts";

test("template snippets from Go-module charts render as helm renders them", async () => {
  const files = {
    "files/a-b/one.conf": "x = 1\n",
    "files/a-b/two.conf": "y = 2\n",
    "files/c/three.conf": "z\n",
    "top.txt": "top\n",
  };
  const cases: TemplateCase[] = [
    // A '-' in a glob must stay a literal: it once made the pattern invalid,
    // and helm's fallback for invalid patterns matches every file.
    { template: '{{ (.Files.Glob "files/a-b/*").AsConfig }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "files/a-b/*" }}{{ $p }},{{ end }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "files/{a-b,c}/*-?.conf" }}{{ $p }},{{ end }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "files/[a-c]-b/*" }}{{ $p }},{{ end }}', files },
    { template: '{{ range $p, $_ := .Files.Glob "*-*" }}{{ $p }},{{ end }}', files },
  ];
  const m = await compareCases(cases);
  assert.equal(m.length, 0, formatMismatches(m));
});

test("small charts built like Go-module charts render as helm renders them", async () => {
  // Dashboards read from a hyphenated folder into one ConfigMap each.
  await assertSameAsHelm({
    "Chart.yaml": "apiVersion: v2\nname: dashboards\nversion: 1.0.0\n",
    "README.md": "# not a dashboard\n",
    "files/my-dashboards/a.json": '{"a": 1}\n',
    "templates/cm.yaml":
      '{{- range $path, $bytes := .Files.Glob "files/my-dashboards/*" }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d-{{ base $path | trimSuffix ".json" }}\ndata:\n  {{ base $path }}: {{ toString $bytes | quote }}\n{{- end }}\n',
  });
});
