// helm 4 (the oracle) against the control plane: the chart that `helm create`
// generates installs with --wait, and list, upgrade, rollback, history and
// uninstall work. This is the ground truth for capstan's own release work.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runHelm } from "../helpers/oracle.ts";
import { getKubeconfig, kubectl } from "./cluster.ts";

const ns = `helm-e2e-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), "capstan-helm-e2e-"));
const chart = join(work, "demo");
let kubeconfig = "";

async function helm(args: string[]) {
  const r = await runHelm([...args, "--kubeconfig", kubeconfig, "--namespace", ns]);
  assert.equal(r.code, 0, `helm ${args.join(" ")}\n${r.stderr}`);
  return r.stdout;
}

interface ListedRelease {
  name: string;
  revision: string;
  status: string;
  chart: string;
}

async function list(): Promise<ListedRelease[]> {
  return JSON.parse(await helm(["list", "-o", "json"]));
}

before(async () => {
  kubeconfig = await getKubeconfig();
  const r = await runHelm(["create", chart]);
  assert.equal(r.code, 0, r.stderr);
});

after(() => rmSync(work, { recursive: true, force: true }));

test("helm install --wait of the `helm create` chart succeeds", { timeout: 240_000 }, async () => {
  const out = await helm(["install", "demo", chart, "--create-namespace", "--wait", "--timeout", "3m"]);
  assert.match(out, /STATUS: deployed/);
  assert.match(out, /REVISION: 1/);
  const [rel] = await list();
  assert.deepEqual(
    [rel?.name, rel?.revision, rel?.status, rel?.chart],
    ["demo", "1", "deployed", "demo-0.1.0"],
  );
  const avail = await kubectl([
    "-n",
    ns,
    "get",
    "deployment/demo",
    "-o",
    "jsonpath={.status.availableReplicas}",
  ]);
  assert.equal(avail.stdout, "1");
});

test("the release is stored as helm's Secret", async () => {
  const r = await kubectl([
    "-n",
    ns,
    "get",
    "secrets",
    "-l",
    "owner=helm",
    "-o",
    "jsonpath={.items[*].type}",
  ]);
  assert.equal(r.stdout, "helm.sh/release.v1");
});

test("helm upgrade --wait makes revision 2", { timeout: 240_000 }, async () => {
  await helm(["upgrade", "demo", chart, "--set", "replicaCount=3", "--wait", "--timeout", "3m"]);
  const [rel] = await list();
  assert.deepEqual([rel?.revision, rel?.status], ["2", "deployed"]);
  const ready = await kubectl(["-n", ns, "get", "deployment/demo", "-o", "jsonpath={.status.readyReplicas}"]);
  assert.equal(ready.stdout, "3");
});

test("helm rollback to revision 1 makes revision 3", { timeout: 240_000 }, async () => {
  await helm(["rollback", "demo", "1", "--wait", "--timeout", "3m"]);
  const [rel] = await list();
  assert.deepEqual([rel?.revision, rel?.status], ["3", "deployed"]);
  const spec = await kubectl(["-n", ns, "get", "deployment/demo", "-o", "jsonpath={.spec.replicas}"]);
  assert.equal(spec.stdout, "1");
  const history = JSON.parse(await helm(["history", "demo", "-o", "json"])) as {
    revision: number;
    status: string;
  }[];
  assert.deepEqual(
    history.map((h) => [h.revision, h.status]),
    [
      [1, "superseded"],
      [2, "superseded"],
      [3, "deployed"],
    ],
  );
});

test("helm uninstall removes the release and its objects", { timeout: 120_000 }, async () => {
  const out = await helm(["uninstall", "demo", "--wait", "--timeout", "2m"]);
  assert.match(out, /release "demo" uninstalled/);
  assert.deepEqual(await list(), []);
  const records = await kubectl(["-n", ns, "get", "secrets", "-l", "owner=helm", "-o", "name"]);
  assert.equal(records.stdout.trim(), "");
  const deployment = await kubectl(["-n", ns, "get", "deployment/demo"]);
  assert.match(deployment.stderr, /NotFound/);
});
