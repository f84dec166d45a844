// esbuild plugin for the CLI bundle: heavy npm dependencies load on first use
// instead of at start-up.
//
// In one CommonJS bundle every module a verb imports statically is
// initialised when that verb starts, so `capstan template` paid for bcryptjs,
// node-forge, ajv, fflate, semver, re2js and @noble/hashes (about 30 ms of
// module initialisation, measured) although most charts never call a crypto,
// regex or TOML function, have no values.schema.json and no .tgz.
//
// The source keeps plain static imports (it also runs under tsx and in the
// library build). Here, an import of such a package from src/ resolves to a
// small CommonJS stand-in instead: it answers each export (names read from
// the package at build time) by requiring the real package on first access. The real packages are not in the CLI bundle: each is its own file,
// dist/vendor/<package>.cjs (vendorEntries, built by scripts/build.mjs), which
// a stand-in requires as "capstan-vendor:<package>" and bin/capstan.js reads
// and compiles only then, so start-up reads a third of the bytes (openpgp,
// loaded by a dynamic import, gets a stand-in too). esbuild compiles a use of
// a CommonJS import to a property read at the use site (`import_x.name`), so
// nothing loads until a function actually runs. Our code reads no export at
// module initialisation (a test of the bundle checks that these packages stay
// unloaded on a plain render). A default import of a package whose export is
// a class (ajv) gets a function stand-in that constructs the real class.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";

/** Packages loaded on first use, by import path (subpaths included). */
export const LAZY_PACKAGES = [
  "bcryptjs",
  "node-forge",
  "@noble/hashes",
  "re2js",
  "smol-toml",
  "ajv",
  "fflate",
  "semver",
  "openpgp",
];

/** Node built-ins loaded on first use: each costs milliseconds to initialise (child_process
 * pulls in net, dgram and streams) and only some commands or functions need them. */
export const LAZY_BUILTINS = ["child_process", "crypto", "zlib", "worker_threads", "http", "https", "net"];

const escapeRe = (p) => p.replace(/[/.@-]/g, (c) => `\\${c}`);
const lazyFilter = new RegExp(`^(${LAZY_PACKAGES.map(escapeRe).join("|")})(/.*)?$`);
const builtinFilter = new RegExp(`^node:(${LAZY_BUILTINS.join("|")})$`);

// Node's rule (and esbuild's) for whether a file is an ES module.
function isEsm(file) {
  if (file.endsWith(".mjs")) return true;
  if (file.endsWith(".cjs")) return false;
  for (let d = dirname(file); d !== dirname(d); d = dirname(d)) {
    try {
      return JSON.parse(readFileSync(join(d, "package.json"), "utf8")).type === "module";
    } catch {}
  }
  return false;
}

const SUFFIX = ".lazy.cjs";
const FUNCTION_OWN = new Set(["length", "name", "prototype", "caller", "arguments"]);

/** The stand-in's source: the real module's shape, read now, with lazy reads. */
async function standIn(file, builtin, vendor) {
  const esm = !builtin && isEsm(file);
  const real = esm ? await import(pathToFileURL(file).href) : createRequire(import.meta.url)(file);
  const named = Object.keys(real).filter((k) => k !== "default" && k !== "__esModule");
  // What `import x from` gives in Node (esbuild's node mode): the default
  // export of an ES module, module.exports of a CommonJS one.
  const dflt = esm ? real.default : real;
  const dfltKeys = dflt && (typeof dflt === "object" || typeof dflt === "function") ? Object.keys(dflt) : [];
  const keys = [...new Set([...named, ...dfltKeys])].filter((k) => !FUNCTION_OWN.has(k));
  const isFn = typeof dflt === "function";
  const load = builtin
    ? `require(${JSON.stringify(file)})`
    : `require(${JSON.stringify(`${VENDOR}${vendor.pkg}`)})[${JSON.stringify(vendor.key)}]`;
  // A function stand-in (a class) keeps one own getter per export. Otherwise
  // the exports are not own properties: a Proxy prototype answers them, so
  // esbuild's __toESM, run by each importing module as it initialises,
  // copies no getters (node:crypto has 70 exports and 9 importers).
  const shape = isFn
    ? `const s = function (...a) { return new.target ? Reflect.construct(dflt(), a) : dflt()(...a); };
for (const k of keys) Object.defineProperty(s, k, { enumerable: true, get: () => read(k) });`
    : `const s = Object.create(new Proxy(Object.create(null), { get: (_, k) => (keys.has(k) ? read(k) : undefined) }));`;
  return `"use strict";
let m;
const load = () => m ??= ${load};
const dflt = () => ${esm ? "load().default" : "load()"};
const named = new Set(${JSON.stringify(named)});
const keys = new Set(${JSON.stringify(keys)});
const read = (k) => (named.has(k) ? load()[k] : dflt()[k]);
${shape}
module.exports = s;
`;
}

/** What the stand-ins require for a package: bin/capstan.js resolves it to dist/vendor/<pkg>.cjs. */
export const VENDOR = "capstan-vendor:";

/** The vendor file (package name, "/" made "+") and the key of one of its files (its path in node_modules). */
function vendorOf(file) {
  const rel = file.slice(file.lastIndexOf(`node_modules${sep}`) + `node_modules${sep}`.length).split(sep);
  const pkg = rel.slice(0, rel[0].startsWith("@") ? 2 : 1).join("+");
  return { pkg, key: rel.join("/") };
}

/**
 * @param {string} root the project root: only imports from its src/ are made lazy
 * @param {Map<string, Map<string, string>>} vendors filled in: package -> (key -> file) of every
 *   package file a stand-in loads, for vendorEntries()
 */
export function lazyDeps(root, vendors) {
  const src = join(root, "src") + sep;
  return {
    name: "lazy-deps",
    setup(build) {
      build.onResolve({ filter: lazyFilter }, async (args) => {
        if (args.namespace !== "file" || !args.importer.startsWith(src)) return undefined;
        if (args.kind !== "import-statement" && args.kind !== "dynamic-import") return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
        if (r.errors.length > 0) return { errors: r.errors };
        // The suffix makes esbuild treat the stand-in as CommonJS (a .mjs path would force ESM).
        return { path: `${r.path}${SUFFIX}`, namespace: "lazy-dep" };
      });
      build.onResolve({ filter: builtinFilter }, (args) => {
        if (args.namespace !== "file" || !args.importer.startsWith(src)) return undefined;
        if (args.kind !== "import-statement") return undefined;
        return { path: `${args.path}${SUFFIX}`, namespace: "lazy-dep", pluginData: { builtin: true } };
      });
      build.onResolve({ filter: new RegExp(`^${VENDOR}`) }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: "lazy-dep" }, async (args) => {
        const file = args.path.slice(0, -SUFFIX.length);
        const builtin = args.pluginData?.builtin === true;
        const vendor = builtin ? undefined : vendorOf(file);
        if (vendor) {
          if (!vendors.has(vendor.pkg)) vendors.set(vendor.pkg, new Map());
          vendors.get(vendor.pkg).set(vendor.key, file);
        }
        return {
          contents: await standIn(file, builtin, vendor),
          loader: "js",
          resolveDir: builtin ? root : dirname(file),
        };
      });
    },
  };
}

/**
 * The entry source of each vendor file: one getter per package file the stand-ins load, so a
 * file initialises on first use and the package's files share one copy of its internals.
 * @param {Map<string, Map<string, string>>} vendors
 */
export function vendorEntries(vendors) {
  return [...vendors].map(([pkg, files]) => ({
    pkg,
    contents: `module.exports = {\n${[...files]
      .map(([key, file]) => `  get ${JSON.stringify(key)}() { return require(${JSON.stringify(file)}); },`)
      .join("\n")}\n};\n`,
  }));
}
