// A generated chart with many templates (a Deployment each, one include, a
// range and a few functions), shared by the benchmarks that render it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes chart `name` with `templates` templates under dir; returns its path. */
export function generatedChart(dir: string, name: string, templates: number): string {
  const root = join(dir, name);
  mkdirSync(join(root, "templates"), { recursive: true });
  writeFileSync(join(root, "Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(
    join(root, "values.yaml"),
    "image:\n  repository: nginx\n  tag: 1.25\nreplicas: 3\nlabels:\n  a: b\n  c: d\nports: [80, 443, 8080]\n",
  );
  writeFileSync(
    join(root, "templates/_helpers.tpl"),
    `{{- define "g.labels" -}}\napp: {{ .Chart.Name }}\nrelease: {{ .Release.Name }}\n{{- range $k, $v := .Values.labels }}\n{{ $k }}: {{ $v | quote }}\n{{- end }}\n{{- end }}\n`,
  );
  for (let i = 0; i < templates; i++) {
    writeFileSync(
      join(root, `templates/t${i}.yaml`),
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
  return root;
}
