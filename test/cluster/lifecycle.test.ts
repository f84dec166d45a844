// The plane's lifecycle as tests see it: a second start finds the running
// plane instead of starting another, every recorded process is one of ours,
// and the plane stays within its memory budget.
import assert from "node:assert/strict";
import { test } from "node:test";
import { getPlane } from "./cluster.ts";
import { apiRequest, memoryKB, runningPlane, up } from "./plane.ts";

test("starting twice returns the running plane", async () => {
  const plane = await getPlane();
  const again = await up({ holder: process.pid });
  assert.equal(again.started, false);
  assert.deepEqual(again.state.pids, plane.pids);
  assert.deepEqual(runningPlane()?.pids, plane.pids);
  assert.deepEqual(Object.keys(plane.pids).sort(), [
    "etcd",
    "kube-apiserver",
    "kube-controller-manager",
    "kube-scheduler",
    "kwok",
  ]);
});

test("the API server reports the Kubernetes release it was built from", async () => {
  const plane = await getPlane();
  const r = await apiRequest(plane, "GET", "/version");
  assert.equal(r.status, 200);
  const v = JSON.parse(r.body) as { gitVersion: string; major: string; minor: string };
  assert.deepEqual([v.gitVersion, v.major, v.minor], ["v1.36.3", "1", "36"]);
});

test("the running plane uses less than 2 GiB of memory", async () => {
  const plane = await getPlane();
  const mem = memoryKB(plane);
  const totalMiB = Object.values(mem).reduce((a, b) => a + b, 0) / 1024;
  assert.ok(totalMiB > 0 && totalMiB < 2048, `RSS ${JSON.stringify(mem)}`);
});
