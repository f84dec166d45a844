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
import { lazyDeps } from "./lazy-deps.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
rmSync(join(root, "dist"), { recursive: true, force: true });
const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", logLevel: "warning" };
await build({
  ...common,
  entryPoints: ["src/cli/entry.ts"],
  outfile: "dist/cli.cjs",
  format: "cjs",
  minifySyntax: true,
  minifyWhitespace: true,
  // bin/capstan.js reads the bundle as latin1, which needs pure ASCII.
  charset: "ascii",
  // import() would need a dynamic-import callback under vm.Script: make it require().
  supported: { "dynamic-import": false },
  sourcemap: "linked",
  // Heavy dependencies and built-ins load when first used, not at start-up.
  plugins: [lazyDeps(root)],
});
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
  const r = spawnSync(process.execPath, [bin, "template", chart, "--set", "ingress.enabled=true"], {
    ...opts,
    env: { ...process.env, CAPSTAN_WRITE_CODE_CACHE: "1" },
  });
  if (r.status !== 0) console.warn("build: warming the CLI code cache failed; the first run will write it");
} finally {
  rmSync(work, { recursive: true, force: true });
}
