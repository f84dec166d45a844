// The CLI writes standard output with fs.writeSync (src/cli/entry.ts) and
// hands over to process.stdout when a write fails. A pipe that another
// process made non-blocking (libuv does so when it opens a pipe as a stream)
// fails with EAGAIN once full: the output must still arrive whole and in
// order, as helm writes it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot, runHelm, writeChart } from "../helpers/oracle.ts";

const bin = join(projectRoot, "bin/capstan.js");

const python = spawnSync("python3", ["-c", ""]).status === 0;

test("large output through a full non-blocking pipe arrives whole", {
  skip: !existsSync(join(projectRoot, "dist/cli.cjs")) || !python ? "needs dist/cli.cjs and python3" : false,
}, async () => {
  // About 400 KB of output, many times a pipe's 64 KB buffer.
  const chart = writeChart(
    {
      "Chart.yaml": "apiVersion: v2\nname: big\nversion: 0.1.0\n",
      "templates/cm.yaml":
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n{{- range $i := until 20000 }}\n  k{{ $i }}: "{{ $i }} é"\n{{- end }}\n',
    },
    "big",
  );
  const work = mkdtempSync(join(tmpdir(), "capstan-stdout-"));
  // Python makes the pipe non-blocking and becomes capstan (a Node parent
  // cannot: libuv makes a child's standard streams blocking); the reader waits
  // before it reads, so the pipe fills.
  const setNonBlocking = "import os, sys; os.set_blocking(1, False); os.execv(sys.argv[1], sys.argv[1:])";
  const out = join(work, "out.yaml");
  const cmd = ["python3", "-c", setNonBlocking, process.execPath, bin, "template", chart].map(
    (a) => `'${a}'`,
  );
  const r = spawnSync("sh", ["-c", `${cmd.join(" ")} | (sleep 1; cat > '${out}')`], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const h = await runHelm(["template", chart]);
  assert.equal(h.code, 0, h.stderr);
  assert.ok(h.stdout.length > 300_000);
  assert.equal(readFileSync(out, "utf8"), h.stdout);
});
