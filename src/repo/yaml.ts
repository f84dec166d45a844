// The YAML reader and writer the repository code uses, in one place so the
// swap to src/yaml (Go-exact toYAML, in progress by another helper) is one
// edit. Writing: sigs.k8s.io/yaml.Marshal shape — keys sorted, sequences not
// indented under their key, ambiguous strings double-quoted.
import { Document, Scalar } from "yaml";
import { readYAMLDocument } from "../values/yaml-read.ts";

export function readYAML(text: string): unknown {
  return readYAMLDocument(text);
}

function sortTree(v: unknown): unknown {
  if (v instanceof Map) {
    const keys = [...v.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new Map(keys.map((k) => [k, sortTree(v.get(k))]));
  }
  if (Array.isArray(v)) return v.map(sortTree);
  return v;
}

/** go-yaml v2 quotes strings that would read back as another type (YAML 1.1 rules). */
function needsQuotes(s: string): boolean {
  if (s === "") return true;
  return (
    /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(
      s,
    ) ||
    /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s) ||
    /^[-+]?0x[0-9a-fA-F_]+$/.test(s) ||
    /^[-+]?0b[01_]+$/.test(s) ||
    /^[-+]?\.(inf|Inf|INF)$/.test(s) ||
    /^\.(nan|NaN|NAN)$/.test(s) ||
    /^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s)
  );
}

export function toYAML(v: unknown): string {
  const doc = new Document(sortTree(v), { version: "1.2" });
  const visit = (n: unknown) => {
    if (n instanceof Scalar && typeof n.value === "string" && needsQuotes(n.value)) n.type = "QUOTE_DOUBLE";
  };
  const walk = (n: any) => {
    if (!n) return;
    if (n.items) {
      for (const it of n.items) {
        if (it.key !== undefined) {
          walk(it.key);
          walk(it.value);
        } else walk(it);
      }
    } else visit(n);
  };
  walk(doc.contents);
  const out = doc.toString({
    indentSeq: false,
    lineWidth: 0,
    defaultStringType: "PLAIN",
    nullStr: "null",
    singleQuote: true,
  });
  return out === "{}\n" ? "{}\n" : out;
}
