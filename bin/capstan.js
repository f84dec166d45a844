#!/usr/bin/env node
// The capstan command (CommonJS: bin/package.json says so, which spares Node
// its ESM loader at start-up). The CLI is CommonJS bundles built by `npm
// install` (scripts/build.mjs): dist/cli.cjs, and in dist/vendor/ the heavy
// packages it loads on first use. Most of start-up is V8 compiling code, so
// each bundle is compiled through vm.Script with a V8 code cache: the build
// writes the CLI's after a representative render (so the functions a render
// runs are in it); when a cache is missing or V8 rejects it (another Node),
// this run writes a fresh one at exit, into dist/ or else the temp folder.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

// V8 flags for this short-lived process, set before any bundle compiles (V8
// rejects a code cache written under other flags, so writer and reader both
// set them here). --verify-snapshot-checksum: V8 does not check a code
// cache's checksum by default and crashes on a corrupt one; with it, V8
// writes a checksum into the cache and rejects a cache that fails it.
// --interrupt-budget (default 67584): a function tiers up to TurboFan after 8x
// more bytecode run, so a run of well under a second no longer compiles many
// functions it soon stops using (measured, CPU: scaffold 0.91x, 300-template
// chart 0.64x, 1000-template chart 0.83x; larger and smaller budgets did no
// better, nor did --no-opt, --no-sparkplug or a faster new-space growth).
// The launcher (bin/capstan) passes them on Node's command line instead,
// which spares loading node:v8 (and the stream modules it pulls in), after
// flags only the command line can set: young-generation semi-spaces of 48 MB
// from the start rather than 1 MB growing to 16, so a render scavenges less
// often and copies fewer of the objects that live to the end (parse trees,
// output). Measured in instructions (callgrind, all threads): 300-template
// chart 0.91x, 1000-template chart 0.85x, scaffold within noise; peak
// memory within 2 MB.
const V8_FLAGS = "--verify-snapshot-checksum --interrupt-budget=524288";
const HEAP_FLAGS = "--min-semi-space-size=48 --max-semi-space-size=48";
const launched = process.execArgv.join(" ") === `${HEAP_FLAGS} ${V8_FLAGS}`;
if (!launched) require("node:v8").setFlagsFromString(V8_FLAGS);

const dist = path.join(__dirname, "..", "dist");
// The cache folders, in order: dist/'s, else one in the temp folder (looked
// up only when needed: node:os is not otherwise loaded).
const cacheDir = (i) =>
  i === 0
    ? path.join(dist, ".code-cache")
    : path.join(require("node:os").tmpdir(), `capstan-code-cache-${process.getuid?.() ?? "u"}`);
// A code cache is code: one in the shared temp folder is used only from a
// folder of ours that nobody else can write.
function trusted(dir, i) {
  if (i === 0 || !process.getuid) return true;
  const st = fs.lstatSync(dir);
  return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
}
function readCache(key) {
  for (let i = 0; i < 2; i++) {
    try {
      const dir = cacheDir(i);
      if (trusted(dir, i)) return fs.readFileSync(path.join(dir, key));
    } catch {}
  }
  return undefined;
}

// Caches this run writes at exit: by the main thread of a plain `node` (or
// the launcher's) only (other V8 flags would make V8 reject the cache every
// other run).
const pending = [];
const rewrite = process.env.CAPSTAN_WRITE_CODE_CACHE === "1";
function writeCaches() {
  if (!require("node:worker_threads").isMainThread) return;
  for (const { script, key } of pending) {
    const data = script.createCachedData();
    for (let i = 0; i < 2; i++) {
      try {
        const dir = cacheDir(i);
        fs.mkdirSync(dir, { recursive: true, mode: i === 0 ? 0o755 : 0o700 });
        if (!trusted(dir, i)) continue;
        const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, path.join(dir, key));
        break;
      } catch {}
    }
  }
}

const nodeOptions = process.env.NODE_OPTIONS?.trim();
// The launcher's heap flag makes V8 reject a cache written without it, and
// the other way round: its runs keep their own file.
let optionsTag = launched ? "-l" : "";
if (nodeOptions) {
  let h = 0x811c9dc5;
  for (let i = 0; i < nodeOptions.length; i++) h = Math.imul(h ^ nodeOptions.charCodeAt(i), 0x01000193);
  optionsTag += `-o${(h >>> 0).toString(16)}`;
}

/** Runs the CommonJS bundle dist/<name> (compiled with its code cache); returns its exports. */
function load(name) {
  const file = path.join(dist, name);
  // The build keeps bundles ASCII (charset "ascii"), so latin1 reads them
  // exactly and about twice as fast as utf8 decoding.
  const source = fs.readFileSync(file, "latin1");
  // V8 checks a cache against the source's length only, so its name carries
  // the bundle's size and mtime: a rebuilt bundle never meets a stale cache.
  // "v2": the format with V8's own checksum (v1 files ended with our CRC-32).
  // V8 flags in NODE_OPTIONS also make V8 reject a cache: such runs keep
  // their own file instead of rewriting everyone's.
  const st = fs.statSync(file);
  const key = `${name.replace("/", "+")}-${st.size}-${Math.trunc(st.mtimeMs)}${optionsTag}.v2.v8cache`;
  const cachedData = readCache(key);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if ((rewrite || !cachedData || script.cachedDataRejected) && (launched || process.execArgv.length === 0)) {
    if (pending.length === 0) process.once("exit", writeCaches);
    pending.push({ script, key });
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, bundleRequire, mod, file, dist);
  return mod.exports;
}

// The CLI bundle requires a lazily loaded package as "capstan-vendor:<name>"
// (scripts/lazy-deps.mjs): that is dist/vendor/<name>.cjs, loaded once.
const VENDOR = "capstan-vendor:";
const vendors = new Map();
function bundleRequire(id) {
  if (!id.startsWith(VENDOR)) return require(id);
  const name = id.slice(VENDOR.length);
  if (!vendors.has(name)) vendors.set(name, load(`vendor/${name}.cjs`));
  return vendors.get(name);
}

load("cli.cjs").run();
