// The local Kubernetes control plane for integration tests: builds the Go
// binaries of tools/cluster/ when missing, starts etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and kwok on 127.0.0.1 with TLS,
// client-certificate authentication and RBAC, and stops exactly the processes
// it started. State lives in .cache/cluster/state.json so separate commands
// (npm run cluster:up / cluster:down) and test processes share one plane.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const toolsDir = join(projectRoot, "tools", "cluster");
export const clusterDir = join(projectRoot, ".cache", "cluster");
const binDir = join(clusterDir, "bin");
export const planeBin = join(binDir, "plane");
export const kwokBin = join(binDir, "kwok");
const kwokConfig = join(clusterDir, "kwok.yaml");
const statePath = join(clusterDir, "state.json");
const lockPath = join(clusterDir, "lock");
/** The kubeconfig written by `up`: contexts capstan-admin (current) and capstan-restricted. */
export const kubeconfigPath = join(clusterDir, "kubeconfig");

/** The namespace the restricted user may use, and nothing else. */
export const restrictedNamespace = "restricted";
export const nodeName = "kwok-node-0";
const kubernetesVersion = "v1.36.3";

export interface PlaneState {
  dataDir: string;
  server: string;
  kubeconfig: string;
  /** Component name to pid; each pid is checked against its command line before it is signalled. */
  pids: Record<string, number>;
  startedAt: string;
  /**
   * Pids of the test runs using a plane that a test run started; the last one
   * to release it stops it. Absent for a plane started by hand (cluster:up),
   * which only cluster:down stops.
   */
  holders?: number[];
}

const log = (msg: string) => process.stderr.write(`[cluster] ${msg}\n`);

// ---------------------------------------------------------------- building

/** Newest modification time of the files directly in dir and its subfolders. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

/** The go command: from PATH, else where the Go installer puts it (a CI shell may lack it on PATH). */
function goCommand(): string {
  if (spawnSync("go", ["version"], { stdio: "ignore" }).error === undefined) return "go";
  if (existsSync("/usr/local/go/bin/go")) return "/usr/local/go/bin/go";
  throw new Error("the go command (Go 1.26) is needed to build the control plane and was not found");
}

function goBuild(cwd: string, out: string, args: string[]): void {
  // -p 2: the machine has 2 cores shared with other work.
  const r = spawnSync(goCommand(), ["build", "-p", "2", "-trimpath", "-o", out, ...args], {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, GOFLAGS: "-buildvcs=false" },
  });
  if (r.status !== 0) throw new Error(`go build in ${cwd} failed (exit ${r.status ?? r.signal})`);
}

/** The version stamp the API server reports, as the Kubernetes release build sets it. */
function versionLdflags(): string {
  const [major, minor] = kubernetesVersion.slice(1).split(".");
  const x = (pkg: string) =>
    [
      `-X ${pkg}.gitVersion=${kubernetesVersion}`,
      `-X ${pkg}.gitMajor=${major}`,
      `-X ${pkg}.gitMinor=${minor}`,
      `-X ${pkg}.gitTreeState=clean`,
      `-X ${pkg}.buildDate=2026-01-01T00:00:00Z`,
    ].join(" ");
  return `-s -w ${x("k8s.io/component-base/version")} ${x("k8s.io/client-go/pkg/version")}`;
}

/** Builds the binaries whose sources changed since their last build; returns the seconds spent. */
export function build(): number {
  const t0 = Date.now();
  mkdirSync(binDir, { recursive: true });
  const planeSrc = join(toolsDir, "plane");
  if (!existsSync(planeBin) || statSync(planeBin).mtimeMs < newestSource(planeSrc)) {
    log("building tools/cluster/plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)…");
    goBuild(planeSrc, planeBin, [`-ldflags=${versionLdflags()}`, "."]);
  }
  const kwokSrc = join(toolsDir, "kwok");
  if (!existsSync(kwokBin) || statSync(kwokBin).mtimeMs < newestSource(kwokSrc)) {
    log("building tools/cluster/kwok…");
    goBuild(kwokSrc, kwokBin, ["-ldflags=-s -w", "sigs.k8s.io/kwok/cmd/kwok"]);
  }
  if (!existsSync(kwokConfig) || statSync(kwokConfig).mtimeMs < statSync(kwokBin).mtimeMs) {
    writeFileSync(kwokConfig, kwokStages(kwokSrc));
  }
  return (Date.now() - t0) / 1000;
}

/**
 * kwok's own default stages, as kwokctl uses them: nodes become Ready and keep
 * a lease; pods become Ready, Job pods complete, deleted pods go away.
 */
function kwokStages(kwokSrc: string): string {
  const r = spawnSync(goCommand(), ["list", "-m", "-f", "{{.Dir}}", "sigs.k8s.io/kwok"], {
    cwd: kwokSrc,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`go list sigs.k8s.io/kwok failed: ${r.stderr}`);
  const stage = join(r.stdout.trim(), "kustomize", "stage");
  const files = [
    "node/fast/node-initialize.yaml",
    "node/heartbeat-with-lease/node-heartbeat-with-lease.yaml",
    "pod/fast/pod-ready.yaml",
    "pod/fast/pod-complete.yaml",
    "pod/fast/pod-delete.yaml",
  ];
  return files.map((f) => readFileSync(join(stage, f), "utf8").trim()).join("\n---\n") + "\n";
}

// ---------------------------------------------------------------- processes

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when pid is alive and runs one of our binaries (a recycled pid is not ours). */
function isOurs(pid: number): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmd.startsWith(planeBin) || cmd.startsWith(kwokBin);
  } catch {
    return false;
  }
}

function readState(): PlaneState | undefined {
  try {
    return JSON.parse(readFileSync(statePath, "utf8")) as PlaneState;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a component detached from us, its output in logs/<name>.log. */
function startProcess(state: PlaneState, name: string, bin: string, args: string[]): ChildProcess {
  const logDir = join(state.dataDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const fd = openSync(join(logDir, `${name}.log`), "a");
  const child = spawn(bin, args, { detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  state.pids[name] = child.pid;
  writeFileSync(statePath, JSON.stringify(state, null, 2));
  return child;
}

function logTail(state: PlaneState, name: string, lines = 15): string {
  try {
    const text = readFileSync(join(state.dataDir, "logs", `${name}.log`), "utf8").trimEnd();
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// ---------------------------------------------------------------- API access

interface Credentials {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

function adminCredentials(state: PlaneState): Credentials {
  const pki = join(state.dataDir, "pki");
  return {
    ca: readFileSync(join(pki, "ca.crt")),
    cert: readFileSync(join(pki, "admin.crt")),
    key: readFileSync(join(pki, "admin.key")),
  };
}

/** One HTTPS request to the API server as the admin; resolves with status and body. */
export function apiRequest(
  state: PlaneState,
  method: string,
  path: string,
  body?: unknown,
  creds = adminCredentials(state),
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, state.server);
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        ...creds,
        timeout: 10_000,
        headers: data
          ? { "content-type": "application/json", "content-length": Buffer.byteLength(data) }
          : {},
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(data);
  });
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>, state?: PlaneState) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (state) {
      for (const [name, pid] of Object.entries(state.pids)) {
        if (!isAlive(pid))
          throw new Error(`${name} exited while waiting for ${what}:\n${logTail(state, name)}`);
      }
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function create(state: PlaneState, path: string, obj: unknown): Promise<void> {
  const r = await apiRequest(state, "POST", path, obj);
  if (r.status !== 201 && r.status !== 409) throw new Error(`POST ${path}: ${r.status} ${r.body}`);
}

// ---------------------------------------------------------------- up and down

/** The running plane's state, when every process it started is still alive. */
export function runningPlane(): PlaneState | undefined {
  const s = readState();
  if (!s || Object.keys(s.pids).length === 0) return undefined;
  return Object.values(s.pids).every(isOurs) && existsSync(s.kubeconfig) ? s : undefined;
}

/** Takes the lock folder if free (clearing one left by a dead process); true when taken. */
function tryLock(): boolean {
  try {
    mkdirSync(lockPath);
    writeFileSync(join(lockPath, "pid"), String(process.pid));
    return true;
  } catch {
    let holder = 0;
    try {
      holder = Number(readFileSync(join(lockPath, "pid"), "utf8"));
    } catch {}
    // No pid yet may be a lock being taken right now; give it a moment before calling it stale.
    const age = Date.now() - (existsSync(lockPath) ? statSync(lockPath).mtimeMs : 0);
    if ((holder && !isAlive(holder)) || (!holder && age > 5000)) {
      rmSync(lockPath, { recursive: true, force: true });
    }
    return false;
  }
}

const lockTimeoutMs = 60 * 60_000;
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Holds a lock folder while fn runs, so parallel callers start one plane, not several. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(clusterDir, { recursive: true });
  const deadline = Date.now() + lockTimeoutMs;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`cluster lock ${lockPath} held for too long`);
    await new Promise((r) => setTimeout(r, 300));
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}

/** withLock for exit handlers, where nothing asynchronous runs any more. */
function withLockSync<T>(fn: () => T): T {
  mkdirSync(clusterDir, { recursive: true });
  const deadline = Date.now() + lockTimeoutMs;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`cluster lock ${lockPath} held for too long`);
    sleepSync(300);
  }
  try {
    return fn();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}

export interface UpResult {
  state: PlaneState;
  /** False when the plane was already running. */
  started: boolean;
  buildSeconds: number;
  startSeconds: number;
}

/**
 * Starts the plane unless it runs already; a failed start stops what it started.
 * With a holder (a test run's pid) the plane is shared: release(holder) stops it
 * after the last holder; without one it stays up until down().
 */
export function up(opts: { holder?: number } = {}): Promise<UpResult> {
  return withLock(async () => {
    const running = runningPlane();
    if (running) {
      if (running.holders) {
        if (opts.holder === undefined)
          delete running.holders; // taken over by hand: keep it up
        else running.holders = [...running.holders.filter(isAlive), opts.holder];
        writeFileSync(statePath, JSON.stringify(running, null, 2));
      }
      return { state: running, started: false, buildSeconds: 0, startSeconds: 0 };
    }
    stopSync(); // leftovers of a crashed run
    const buildSeconds = build();
    const t0 = Date.now();
    // Up to three starts: the five ports are free when chosen but any outgoing
    // connection may take one before etcd or an API server binds it.
    for (let attempt = 1; ; attempt++) {
      const state: PlaneState = {
        dataDir: mkdtempSync(join(tmpdir(), "capstan-cluster-")),
        server: "",
        kubeconfig: kubeconfigPath,
        pids: {},
        startedAt: new Date().toISOString(),
        ...(opts.holder === undefined ? {} : { holders: [opts.holder] }),
      };
      writeFileSync(statePath, JSON.stringify(state, null, 2));
      try {
        await start(state);
        return { state, started: true, buildSeconds, startSeconds: (Date.now() - t0) / 1000 };
      } catch (err) {
        const dataDir = state.dataDir;
        const logs = Object.keys(state.pids)
          .map((n) => `--- ${n}\n${logTail(state, n)}`)
          .join("\n");
        stopSync();
        const msg = `cluster start failed (data was in ${dataDir}): ${(err as Error).message}\n${logs}`;
        if (attempt === 3) throw new Error(msg);
        log(`${msg}\nstarting again (attempt ${attempt + 1} of 3)`);
      }
    }
  });
}

async function start(state: PlaneState): Promise<void> {
  const [etcdPort, peerPort, apiPort, kcmPort, schedPort] = await Promise.all(
    Array.from({ length: 5 }, freePort),
  );
  state.server = `https://127.0.0.1:${apiPort}`;
  const pki = join(state.dataDir, "pki");
  const r = spawnSync(
    planeBin,
    ["pki", "--dir", pki, "--server", state.server, "--kubeconfig", kubeconfigPath],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`plane pki failed: ${r.stderr}`);
  const p = (f: string) => join(pki, f);

  startProcess(state, "etcd", planeBin, [
    "etcd",
    `--data-dir=${join(state.dataDir, "etcd")}`,
    `--listen-client-url=http://127.0.0.1:${etcdPort}`,
    `--listen-peer-url=http://127.0.0.1:${peerPort}`,
  ]);
  startProcess(state, "kube-apiserver", planeBin, [
    "kube-apiserver",
    `--etcd-servers=http://127.0.0.1:${etcdPort}`,
    "--bind-address=127.0.0.1",
    "--advertise-address=127.0.0.1",
    `--secure-port=${apiPort}`,
    `--cert-dir=${p("serving")}`,
    `--tls-cert-file=${p("apiserver.crt")}`,
    `--tls-private-key-file=${p("apiserver.key")}`,
    `--client-ca-file=${p("ca.crt")}`,
    "--authorization-mode=RBAC",
    "--anonymous-auth=false",
    `--service-account-key-file=${p("sa.pub")}`,
    `--service-account-signing-key-file=${p("sa.key")}`,
    "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
    "--service-cluster-ip-range=10.0.0.0/24",
    // The Endpoints of the "kubernetes" Service may not hold a loopback address.
    "--endpoint-reconciler-type=none",
    "--allow-privileged=true",
    "--profiling=false",
    "--v=0",
  ]);
  // Long waits: only a failing start reaches them, and a start at load 40 is slow.
  await waitFor(
    "kube-apiserver /readyz",
    300_000,
    async () => (await apiRequest(state, "GET", "/readyz")).status === 200,
    state,
  );
  const common = (kubeconfig: string, port: number) => [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    "--bind-address=127.0.0.1",
    `--secure-port=${port}`,
    "--leader-elect=false",
    "--profiling=false",
  ];
  startProcess(state, "kube-controller-manager", planeBin, [
    "kube-controller-manager",
    ...common(p("controller-manager.kubeconfig"), kcmPort),
    `--cert-dir=${p("kcm-serving")}`,
    `--service-account-private-key-file=${p("sa.key")}`,
    `--root-ca-file=${p("ca.crt")}`,
    "--use-service-account-credentials=true",
    `--cluster-signing-cert-file=${p("ca.crt")}`,
    `--cluster-signing-key-file=${p("ca.key")}`,
  ]);
  startProcess(state, "kube-scheduler", planeBin, [
    "kube-scheduler",
    ...common(p("scheduler.kubeconfig"), schedPort),
    `--cert-dir=${p("scheduler-serving")}`,
  ]);
  startProcess(state, "kwok", kwokBin, [
    `--config=${kwokConfig}`,
    `--kubeconfig=${p("kwok.kubeconfig")}`,
    "--manage-all-nodes=false",
    "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
    "--node-lease-duration-seconds=40",
    "--cidr=10.244.0.0/16",
    "--node-ip=127.0.0.2",
  ]);

  await create(state, "/api/v1/nodes", fakeNode());
  await create(state, "/api/v1/namespaces", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: restrictedNamespace },
  });
  await create(state, `/apis/rbac.authorization.k8s.io/v1/namespaces/${restrictedNamespace}/rolebindings`, {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: "capstan-restricted-admin", namespace: restrictedNamespace },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "capstan-restricted" }],
  });

  await waitFor(
    `node ${nodeName} Ready`,
    180_000,
    async () => {
      const r = await apiRequest(state, "GET", `/api/v1/nodes/${nodeName}`);
      const conds: { type: string; status: string }[] = JSON.parse(r.body).status?.conditions ?? [];
      return conds.some((c) => c.type === "Ready" && c.status === "True");
    },
    state,
  );
  await waitFor(
    "the default service account",
    180_000,
    async () =>
      (await apiRequest(state, "GET", "/api/v1/namespaces/default/serviceaccounts/default")).status === 200,
    state,
  );
}

/** A node that kwok manages (by its annotation): roomy enough for any test, and not tainted. */
function fakeNode() {
  const capacity = { cpu: "32", memory: "256Gi", pods: "250", "ephemeral-storage": "1Ti" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: nodeName,
      annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
      labels: {
        type: "kwok",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": nodeName,
        "kubernetes.io/os": "linux",
        "kubernetes.io/role": "agent",
        "node-role.kubernetes.io/agent": "",
      },
    },
    status: { allocatable: capacity, capacity },
  };
}

/** Stops every process the state names (SIGTERM, then SIGKILL) and removes the data and kubeconfig. */
export function stopSync(): boolean {
  const state = readState();
  if (!state) return false;
  const ours = Object.values(state.pids).filter(isOurs);
  for (const pid of ours) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {}
  }
  const deadline = Date.now() + 10_000;
  while (ours.some(isAlive) && Date.now() < deadline) sleepSync(100);
  for (const pid of ours.filter(isAlive)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  if (state.dataDir.startsWith(join(tmpdir(), "capstan-cluster-"))) {
    rmSync(state.dataDir, { recursive: true, force: true });
  }
  rmSync(state.kubeconfig, { force: true });
  rmSync(statePath, { force: true });
  return true;
}

/** Stops the plane (under the lock, so a concurrent start is not cut in half). */
export function down(): Promise<boolean> {
  return withLock(async () => stopSync());
}

/**
 * Ends holder's use of a shared plane (synchronous, for exit handlers); stops
 * the plane when no live holder is left. A plane started by hand is left alone.
 */
export function releaseSync(holder: number): void {
  withLockSync(() => {
    const state = readState();
    if (!state?.holders) return;
    state.holders = state.holders.filter((p) => p !== holder && isAlive(p));
    if (state.holders.length === 0) stopSync();
    else writeFileSync(statePath, JSON.stringify(state, null, 2));
  });
}

/** Resident memory (kB) of each running component, from /proc. */
export function memoryKB(state: PlaneState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(state.pids)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      out[name] = m ? Number(m[1]) : 0;
    } catch {
      out[name] = 0;
    }
  }
  return out;
}
