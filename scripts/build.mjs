// Bundles the CLI (dist/cli.cjs) and the library (dist/index.js), then warms
// the CLI's V8 code cache.
//
// The CLI is ONE CommonJS bundle: bin/capstan.js compiles it through vm.Script
// with V8's code cache (Node 20 has no compile cache for ES modules), so start-
// up neither parses nor compiles it. Verbs stay lazy: their dynamic imports
// become lazily run module initialisers inside the bundle. Whitespace and
// syntax are minified; identifiers are not (code compares constructor names).
// Heavy npm dependencies and some Node built-ins load on first use
// (scripts/lazy-deps.mjs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { lazyDeps, vendorEntries } from "./lazy-deps.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
rmSync(join(root, "dist"), { recursive: true, force: true });
const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", logLevel: "warning" };
const cjs = {
  ...common,
  format: "cjs",
  minifySyntax: true,
  minifyWhitespace: true,
  // bin/capstan.js reads the bundles as latin1, which needs pure ASCII.
  charset: "ascii",
  // import() would need a dynamic-import callback under vm.Script: make it require().
  supported: { "dynamic-import": false },
};
/** package -> its files the CLI loads lazily: they go to dist/vendor/, see below. */
const vendors = new Map();
await build({
  ...cjs,
  entryPoints: ["src/cli/entry.ts"],
  outfile: "dist/cli.cjs",
  sourcemap: "linked",
  // Heavy dependencies and built-ins load when first used, not at start-up.
  plugins: [lazyDeps(root, vendors)],
});
// The lazily loaded packages are two thirds of the code (openpgp, node-forge,
// re2js, ajv ...): each is its own file, dist/vendor/<package>.cjs, which
// bin/capstan.js reads and compiles (with its own code cache) only when a
// stand-in first needs it, so a plain `template` reads a third of the bytes.
for (const { pkg, contents } of vendorEntries(vendors)) {
  await build({
    ...cjs,
    stdin: { contents, resolveDir: root, sourcefile: `vendor/${pkg}.js`, loader: "js" },
    outfile: `dist/vendor/${pkg}.cjs`,
    // ES module packages may read import.meta.url (openpgp does, for createRequire),
    // which a CommonJS bundle leaves empty: give it the vendor file's URL.
    define: { "import.meta.url": "__capstanImportMetaUrl" },
    banner: { js: 'var __capstanImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
}
await build({
  ...common,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  splitting: true,
  format: "esm",
  minifySyntax: true,
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  banner: {
    // Bundled CommonJS dependencies may call require().
    js: "import { createRequire as __capstanRequire } from 'node:module'; const require = __capstanRequire(import.meta.url);",
  },
});

// Warm the code cache with a representative command: render a `create`
// scaffold, so the functions a render runs are compiled into the cache. A
// failure here only costs speed (the first real run writes a cache).
const work = mkdtempSync(join(tmpdir(), "capstan-build-"));
try {
  const bin = join(root, "bin/capstan.js");
  const chart = join(work, "warm");
  const opts = { cwd: work, stdio: ["ignore", "ignore", "inherit"] };
  spawnSync(process.execPath, [bin, "create", chart], opts);
  // Both ways in: `node bin/capstan.js` and the launcher (its V8 flags differ, so its cache does).
  const render = ["template", chart, "--set", "ingress.enabled=true"];
  const env = { ...process.env, CAPSTAN_WRITE_CODE_CACHE: "1" };
  for (const [cmd, args] of [
    [process.execPath, [bin, ...render]],
    ["sh", [join(root, "bin/capstan"), ...render]],
  ]) {
    const r = spawnSync(cmd, args, { ...opts, env });
    if (r.status !== 0) console.warn("build: warming the CLI code cache failed; the first run will write it");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
