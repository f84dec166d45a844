// The YAML reader and writer the repository code uses: src/yaml's Go-exact
// sigs.k8s.io/yaml behaviour (keys sorted, go-yaml v2 quoting and layout).
export { toYAML } from "../yaml/index.ts";

import { readYAMLDocument } from "../values/yaml-read.ts";

export function readYAML(text: string): unknown {
  return readYAMLDocument(text);
}
