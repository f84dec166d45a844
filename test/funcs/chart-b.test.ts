// A chart using part B's deterministic functions the way real charts do
// (checksum annotations, regex clean-ups, dates in zones, derived passwords),
// rendered by `capstan template` and `helm template`, compared byte for byte.
import assert from "node:assert/strict";
import { test } from "node:test";
import { installNodeFuncsPlatform } from "../../src/node/funcs-platform.ts";
import { assertSameAsHelm } from "../helpers/differential.ts";

// helm reads the host's zoneinfo and uses Go's native crypto; capstan's Node
// entry must install the same (without it zones fall back to Intl and print
// "+02" where tzdata says "CEST").
installNodeFuncsPlatform();

const chart = {
  "Chart.yaml": "apiVersion: v2\nname: partb\nversion: 1.2.3\nappVersion: 2024.07.01\n",
  "values.yaml": [
    "image: registry.example.com/team/app:v1.2.3-rc.1",
    "schedule: '2024-07-01T10:00:00Z'",
    "zones: [UTC, Europe/Berlin, America/New_York, Asia/Kolkata, Australia/Lord_Howe]",
    "hosts: [api.example.com, www.example.com, Bad_Host.example.com]",
    "config:",
    "  a: 1",
    "  b: two",
    "",
  ].join("\n"),
  "templates/_helpers.tpl": `{{- define "partb.tag" -}}{{ regexReplaceAll "^.*:(v?[0-9.]+).*$" .Values.image "\${1}" }}{{- end }}`,
  "templates/configmap.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-cfg
  annotations:
    checksum/config: {{ toYaml .Values.config | sha256sum }}
    checksum/short: {{ .Values.config | toJson | sha1sum | trunc 10 }}
    adler: {{ adler32sum .Chart.Version | quote }}
data:
  tag: {{ include "partb.tag" . | quote }}
  registry: {{ regexFind "^[^/]+" .Values.image | quote }}
  valid-hosts: {{ range .Values.hosts }}{{ if regexMatch "^[a-z0-9.-]+$" . }}{{ . }},{{ end }}{{ end }}
  split: {{ regexSplit "[.:/-]" .Values.image -1 | join "|" | quote }}
  quoted: {{ regexQuoteMeta .Values.image | quote }}
  {{- $t := toDate "2006-01-02T15:04:05Z07:00" .Values.schedule }}
  {{- range .Values.zones }}
  at-{{ regexReplaceAllLiteral "[/_]" . "-" | lower }}: {{ dateInZone "Mon, 02 Jan 2006 15:04:05 MST" $t . | quote }}
  {{- end }}
  epoch: {{ unixEpoch $t | quote }}
  html: {{ htmlDateInZone $t "Pacific/Chatham" | quote }}
  later: {{ dateModify "36h30m" $t | date "2006-01-02T15:04Z07:00" | quote }}
  duration: {{ duration "93784" | quote }}
  rounded: {{ durationRound "2000h" | quote }}
  password: {{ derivePassword 1 "long" "master" "admin" .Release.Name | quote }}
  parsed: {{ toDate "2006-01-02" .Chart.AppVersion | quote }}
`,
};

test("a chart using hashes, regex, dates and derivePassword renders as helm's", async () => {
  const c = await assertSameAsHelm(chart, ["rel", "{chart}"]);
  assert.match(c.helm.stdout, /kind: ConfigMap/);
});
