// A small pflag-compatible parser: `--name=value`, `--name value`, `-n value`,
// `-nvalue`, boolean `--flag` / `--flag=false`, repeatable string arrays,
// comma-split string slices, and `--` ending flags. Errors use cobra's words.
import {
  contentCache,
  type Env,
  registryConfig,
  repositoryCache,
  repositoryConfig,
} from "../repo/helmpath.ts";
import { CliError } from "./io.ts";

export type FlagKind = "bool" | "string" | "int" | "float32" | "stringArray" | "stringSlice" | "duration";

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  usage: string;
  default?: string | boolean | number | string[];
  /** Type shown in --help when not the kind's own word (e.g. "stringArray"). */
  hidden?: boolean;
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>;

export interface Parsed {
  flags: FlagValues;
  args: string[];
  /** Names of flags the user set explicitly. */
  changed: Set<string>;
}

export function parseFlags(argv: string[], specs: FlagSpec[]): Parsed {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = {};
  for (const s of specs) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  const changed = new Set<string>();
  const args: string[] = [];
  const set = (spec: FlagSpec, raw: string, flagText: string) => {
    switch (spec.kind) {
      case "bool": {
        const b = parseBool(raw);
        if (b === undefined)
          throw new CliError(
            `invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
          );
        flags[spec.name] = b;
        break;
      }
      case "float32": {
        if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) && !/^[+-]?(inf|infinity|nan)$/i.test(raw))
          throw new CliError(
            `invalid argument "${raw}" for "${flagText}" flag: strconv.ParseFloat: parsing "${raw}": invalid syntax`,
          );
        flags[spec.name] = Number(raw);
        break;
      }
      case "int": {
        if (!/^[+-]?\d+$/.test(raw))
          throw new CliError(
            `invalid argument "${raw}" for "${flagText}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
          );
        flags[spec.name] = Number(raw);
        break;
      }
      case "stringArray": {
        const cur = changed.has(spec.name) ? (flags[spec.name] as string[]) : [];
        flags[spec.name] = [...cur, raw];
        break;
      }
      case "stringSlice": {
        const cur = changed.has(spec.name) ? (flags[spec.name] as string[]) : [];
        flags[spec.name] = [...cur, ...(raw === "" ? [] : raw.split(","))];
        break;
      }
      default:
        flags[spec.name] = raw;
    }
    changed.add(spec.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new CliError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.kind === "bool") set(spec, "true", `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new CliError(`flag needs an argument: --${name}`);
        set(spec, argv[++i]!, `--${name}`);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      // Shorthand cluster: -abc, -n value, -nvalue, -n=value.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new CliError(`unknown shorthand flag: '${c}' in ${a}`);
        const flagText = `-${c}, --${spec.name}`;
        if (spec.kind === "bool") {
          if (a[j + 1] === "=") {
            set(spec, a.slice(j + 2), flagText);
            break;
          }
          set(spec, "true", flagText);
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith("=")) rest = rest.slice(1);
        if (rest !== "") set(spec, rest, flagText);
        else {
          if (i + 1 >= argv.length) throw new CliError(`flag needs an argument: '${c}' in -${c}`);
          set(spec, argv[++i]!, flagText);
        }
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { flags, args, changed };
}

function parseBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  return undefined;
}

/** The "Flags:" block of --help, laid out as cobra does. */
export function formatFlagHelp(specs: FlagSpec[]): string {
  const rows = specs
    .filter((s) => !s.hidden)
    .map((s) => {
      // pflag's type names: a string slice shows as "strings".
      const type = s.kind === "bool" ? "" : ` ${s.kind === "stringSlice" ? "strings" : s.kind}`;
      const left = s.short ? `  -${s.short}, --${s.name}${type}` : `      --${s.name}${type}`;
      let usage = s.usage;
      const d = s.default;
      if (d !== undefined && d !== false && d !== "" && !(Array.isArray(d) && d.length === 0)) {
        usage +=
          typeof d === "string" && s.kind !== "duration"
            ? ` (default "${d}")`
            : ` (default ${Array.isArray(d) ? `[${d.join(",")}]` : d})`;
      }
      return [left, usage] as const;
    });
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([l, u]) => `${l.padEnd(width)}   ${u}`).join("\n");
}

/**
 * helm 4's persistent (global) flags, in its order, with the defaults its
 * help shows: the paths come from the environment (HELM_*, XDG_*, HOME).
 */
export function globalFlagSpecs(env: Env): FlagSpec[] {
  return [
    { name: "burst-limit", kind: "int", usage: "client-side default throttling limit", default: 100 },
    { name: "color", kind: "string", usage: "use colored output (never, auto, always)", default: "auto" },
    { name: "colour", kind: "string", usage: "use colored output (never, auto, always)", default: "auto" },
    {
      name: "content-cache",
      kind: "string",
      usage: "path to the directory containing cached content (e.g. charts)",
      default: contentCache(env),
    },
    { name: "debug", kind: "bool", usage: "enable verbose output" },
    {
      name: "kube-apiserver",
      kind: "string",
      usage: "the address and the port for the Kubernetes API server",
    },
    {
      name: "kube-as-group",
      kind: "stringArray",
      usage: "group to impersonate for the operation, this flag can be repeated to specify multiple groups.",
    },
    { name: "kube-as-user", kind: "string", usage: "username to impersonate for the operation" },
    {
      name: "kube-ca-file",
      kind: "string",
      usage: "the certificate authority file for the Kubernetes API server connection",
    },
    { name: "kube-context", kind: "string", usage: "name of the kubeconfig context to use" },
    {
      name: "kube-insecure-skip-tls-verify",
      kind: "bool",
      usage:
        "if true, the Kubernetes API server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    },
    {
      name: "kube-tls-server-name",
      kind: "string",
      usage:
        "server name to use for Kubernetes API server certificate validation. If it is not provided, the hostname used to contact the server is used",
    },
    { name: "kube-token", kind: "string", usage: "bearer token used for authentication" },
    { name: "kubeconfig", kind: "string", usage: "path to the kubeconfig file" },
    { name: "namespace", short: "n", kind: "string", usage: "namespace scope for this request" },
    {
      name: "qps",
      kind: "float32",
      usage: "queries per second used when communicating with the Kubernetes API, not including bursting",
    },
    {
      name: "registry-config",
      kind: "string",
      usage: "path to the registry config file",
      default: registryConfig(env),
    },
    {
      name: "repository-cache",
      kind: "string",
      usage: "path to the directory containing cached repository indexes",
      default: repositoryCache(env),
    },
    {
      name: "repository-config",
      kind: "string",
      usage: "path to the file containing repository names and URLs",
      default: repositoryConfig(env),
    },
  ];
}
