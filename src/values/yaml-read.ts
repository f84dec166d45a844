// Reading one YAML document as helm reads values and Chart.yaml
// (sigs.k8s.io/yaml: YAML 1.1 words as booleans, every number a float64,
// keys as strings), through src/yaml's readYAML, with our error type.
import { readYAML, YAMLError } from "../yaml/index.ts";

/** A YAML or YAML-to-JSON conversion error; the message is Go's text. */
export class YAMLReadError extends Error {
  override name = "YAMLReadError";
}

/** One YAML document (the first; an empty text is null), as sigs.k8s.io/yaml.Unmarshal reads it. */
export function readYAMLDocument(text: string): unknown {
  try {
    return readYAML(text);
  } catch (e) {
    if (e instanceof YAMLError) throw new YAMLReadError(e.message);
    throw e;
  }
}
