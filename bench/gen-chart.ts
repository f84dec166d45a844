// Writes the generated benchmark charts (many similar templates sharing one
// helper), used by bench/render.ts and for profiling by hand:
//   node --import tsx bench/gen-chart.ts /tmp/gen300 300
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeGeneratedChart(dir: string, name: string, templates: number): string {
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(
    join(dir, "values.yaml"),
    "image:\n  repository: nginx\n  tag: 1.25\nreplicas: 3\nlabels:\n  a: b\n  c: d\nports: [80, 443, 8080]\n",
  );
  writeFileSync(
    join(dir, "templates/_helpers.tpl"),
    `{{- define "g.labels" -}}\napp: {{ .Chart.Name }}\nrelease: {{ .Release.Name }}\n{{- range $k, $v := .Values.labels }}\n{{ $k }}: {{ $v | quote }}\n{{- end }}\n{{- end }}\n`,
  );
  for (let i = 0; i < templates; i++) {
    writeFileSync(
      join(dir, `templates/t${i}.yaml`),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-t${i}
  labels:
    {{- include "g.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: c${i}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
          {{- range .Values.ports }}
            - containerPort: {{ . }}
          {{- end }}
          env:
            - name: INDEX
              value: {{ printf "%d" ${i} | quote }}
            - name: CONFIG
              value: {{ toJson .Values.labels | b64enc | quote }}
`,
    );
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) throw new Error("usage: gen-chart.ts <dir> <templates>");
  const name = dir.split("/").pop()!;
  writeGeneratedChart(dir, name, Number(count));
}
