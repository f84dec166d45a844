// Real authentication and RBAC: the restricted user (a client certificate
// with no group rights) is bound to the "admin" ClusterRole in one namespace
// only; the admin user is in system:masters.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { test } from "node:test";
import { getPlane, kubectl, restrictedNamespace } from "./cluster.ts";

const restricted = { context: "capstan-restricted" };

test("the restricted user works inside its namespace", async () => {
  const name = `cm-${process.pid}`;
  const created = await kubectl(
    ["-n", restrictedNamespace, "create", "configmap", name, "--from-literal=a=b"],
    restricted,
  );
  assert.equal(created.code, 0, created.stderr);
  const got = await kubectl(
    ["-n", restrictedNamespace, "get", "configmap", name, "-o", "jsonpath={.data.a}"],
    restricted,
  );
  assert.equal(got.stdout, "b");
  const secrets = await kubectl(["-n", restrictedNamespace, "get", "secrets"], restricted);
  assert.equal(secrets.code, 0, secrets.stderr);
  const del = await kubectl(["-n", restrictedNamespace, "delete", "configmap", name], restricted);
  assert.equal(del.code, 0, del.stderr);
});

test("its context defaults to its namespace", async () => {
  const r = await kubectl(["auth", "can-i", "create", "deployments.apps"], restricted);
  assert.equal(r.stdout.trim(), "yes");
});

test("the restricted user is Forbidden outside its namespace", async () => {
  const r = await kubectl(["-n", "default", "get", "configmaps"], restricted);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /Error from server \(Forbidden\): configmaps is forbidden: User "capstan-restricted" cannot list resource "configmaps" in API group "" in the namespace "default"/,
  );
  const nodes = await kubectl(["get", "nodes"], restricted);
  assert.match(
    nodes.stderr,
    /\(Forbidden\): nodes is forbidden: User "capstan-restricted" cannot list resource "nodes" in API group "" at the cluster scope/,
  );
  const ns = await kubectl(["create", "namespace", "not-mine"], restricted);
  assert.match(ns.stderr, /\(Forbidden\)/);
  const can = await kubectl(["auth", "can-i", "get", "secrets", "-n", "kube-system"], restricted);
  assert.equal(can.stdout.trim(), "no");
});

test("the admin user may do anything", async () => {
  const r = await kubectl(["auth", "can-i", "*", "*", "--all-namespaces"]);
  assert.equal(r.stdout.trim(), "yes");
  const who = await kubectl(["auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"]);
  assert.equal(who.stdout, "capstan-admin");
});

test("requests without a client certificate are rejected", async () => {
  const plane = await getPlane();
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(new URL("/api/v1/namespaces", plane.server), {
      ca: readFileSync(join(plane.dataDir, "pki", "ca.crt")),
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
  assert.equal(status, 401);
});
