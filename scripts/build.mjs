// Bundles the CLI (dist/cli.js, with verbs split into lazily loaded chunks so
// start-up only parses what runs) and the library (dist/index.js).
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/entry.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minifySyntax: true,
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  banner: {
    // Bundled CommonJS dependencies may call require().
    js: "import { createRequire as __capstanRequire } from 'node:module'; const require = __capstanRequire(import.meta.url);",
  },
  logLevel: "warning",
});
