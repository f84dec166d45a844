// The Kubernetes object name rules helm's lint applies per kind
// (validateMetadataNameFunc), with k8s.io/apimachinery's messages, joined as
// field.ErrorList.ToAggregate() prints them.
import { quote } from "../template/strconv.ts";

const LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const DNS1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
const LABEL_RE = new RegExp(`^${LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN}$`);
const DNS1035_RE = new RegExp(`^${DNS1035}$`);

// Go's len(): bytes.
function byteLen(s: string): number {
  return new TextEncoder().encode(s).length;
}

function regexError(msg: string, re: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${re}')`;
}

function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (byteLen(v) > 253) errs.push("must be no more than 253 characters");
  if (!SUBDOMAIN_RE.test(v))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        SUBDOMAIN,
        "example.com",
      ),
    );
  return errs;
}

function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLen(v) > 63) errs.push("must be no more than 63 characters");
  if (!LABEL_RE.test(v)) {
    if (SUBDOMAIN_RE.test(v)) errs.push("must not contain dots");
    else
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          LABEL,
          "my-name",
          "123-abc",
        ),
      );
  }
  return errs;
}

function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLen(v) > 63) errs.push("must be no more than 63 characters");
  if (!DNS1035_RE.test(v))
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035,
        "my-name",
        "abc-123",
      ),
    );
  return errs;
}

function isPathSegmentName(v: string): string[] {
  for (const bad of [".", ".."]) if (v === bad) return [`may not be '${bad}'`];
  return ["/", "%"].filter((c) => v.includes(c)).map((c) => `may not contain '${c}'`);
}

function nameRule(kind: string): (name: string) => string[] {
  switch (kind.toLowerCase()) {
    case "service":
      return isDNS1035Label;
    case "namespace":
      return isDNS1123Label;
    case "certificatesigningrequest":
      return () => [];
    case "role":
    case "clusterrole":
    case "rolebinding":
    case "clusterrolebinding":
      return isPathSegmentName;
    default:
      return isDNS1123Subdomain;
  }
}

/** validateMetadataName: null when the name suits the kind, else helm's warning text. */
export function validateMetadataName(kind: string, name: string): string | null {
  const errs = nameRule(kind)(name).map((m) => `metadata.name: Invalid value: ${quote(name)}: ${m}`);
  if (errs.length === 0) return null;
  const unique = [...new Set(errs)];
  const agg = unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
  return `object name does not conform to Kubernetes naming requirements: ${quote(name)}: ${agg}`;
}
