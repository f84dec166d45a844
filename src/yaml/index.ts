// Go-compatible YAML and JSON (and TOML) reading and writing, byte for byte
// as helm 4 does it. Works on the value model's JS shapes; imports nothing
// else of capstan's.
export { type ReadYAMLOptions, readYAML, readYAMLInto, splitYAMLDocuments } from "./decode.ts";
export { toYAML, toYAMLPretty } from "./encode.ts";
export { YAMLError } from "./errors.ts";
export { formatFloat, formatJSONFloat } from "./go-float.ts";
export { readJSON } from "./json-decode.ts";
export { compareUTF8, type MarshalJSONOptions, marshalJSON, quoteJSON, sortedKeys } from "./json-encode.ts";
export { resolvePlain } from "./resolve.ts";
export { readTOML, toTOML } from "./toml.ts";
