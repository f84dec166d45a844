// The control plane runs real workload controllers: with kwok's simulated
// node, a Deployment becomes Available, a StatefulSet's pods Ready, a
// DaemonSet's pod Ready and a Job completes, as kubectl 1.35 sees them.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { kubectl } from "./cluster.ts";

// A namespace of its own per run, so a kept plane can run the suite again at once.
const ns = `workloads-${process.pid}`;

const manifests = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ${ns} }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{ containerPort: 80 }]
        readinessProbe: { httpGet: { path: /, port: 80 } }
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: ${ns} }
spec:
  clusterIP: None
  selector: { app: db }
  ports: [{ port: 5432 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: ${ns} }
spec:
  serviceName: db
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers:
      - name: db
        image: postgres:17
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ${ns} }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
      - name: agent
        image: busybox:1.36
---
apiVersion: batch/v1
kind: Job
metadata: { name: once, namespace: ${ns} }
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: once
        image: busybox:1.36
        command: ["true"]
`;

async function ok(args: string[]): Promise<string> {
  const r = await kubectl(args);
  assert.equal(r.code, 0, `kubectl ${args.join(" ")}\n${r.stderr}`);
  return r.stdout;
}

before(async () => {
  await ok(["create", "namespace", ns]);
});

test("apply creates every object", async () => {
  const r = await kubectl(["apply", "-f", "-"], { stdin: manifests });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /deployment.apps\/web (created|unchanged)/);
  assert.match(r.stdout, /job.batch\/once (created|unchanged)/);
});

test("a Deployment becomes Available", { timeout: 180_000 }, async () => {
  await ok(["-n", ns, "wait", "--for=condition=Available", "deployment/web", "--timeout=150s"]);
  const ready = await ok(["-n", ns, "get", "deployment/web", "-o", "jsonpath={.status.readyReplicas}"]);
  assert.equal(ready, "2");
});

test("a StatefulSet's pods become Ready", { timeout: 180_000 }, async () => {
  const out = await ok(["-n", ns, "rollout", "status", "statefulset/db", "--timeout=150s"]);
  assert.match(out, /roll out complete/);
  await ok(["-n", ns, "wait", "--for=condition=Ready", "pod/db-0", "pod/db-1", "--timeout=60s"]);
  const ready = await ok(["-n", ns, "get", "statefulset/db", "-o", "jsonpath={.status.readyReplicas}"]);
  assert.equal(ready, "2");
});

test("a DaemonSet's pod on the simulated node becomes Ready", { timeout: 180_000 }, async () => {
  const out = await ok(["-n", ns, "rollout", "status", "daemonset/agent", "--timeout=150s"]);
  assert.match(out, /successfully rolled out/);
});

test("a Job completes", { timeout: 180_000 }, async () => {
  await ok(["-n", ns, "wait", "--for=condition=Complete", "job/once", "--timeout=150s"]);
  const succeeded = await ok(["-n", ns, "get", "job/once", "-o", "jsonpath={.status.succeeded}"]);
  assert.equal(succeeded, "1");
});
