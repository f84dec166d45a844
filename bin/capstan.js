#!/usr/bin/env node
// The capstan command (CommonJS: bin/package.json says so, which spares Node
// its ESM loader at start-up). The CLI is one CommonJS bundle, dist/cli.cjs,
// built by `npm install` (scripts/build.mjs). Most of start-up is V8 compiling
// that bundle, so it is compiled through vm.Script with a V8 code cache: the
// build writes the cache after a representative render (so the functions a
// render runs are in it); when it is missing or V8 rejects it (another Node),
// this run writes a fresh one at exit, into dist/ or else the temp folder.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const bundle = path.join(__dirname, "..", "dist", "cli.cjs");
// The build keeps the bundle ASCII (charset "ascii"), so latin1 reads it
// exactly and about twice as fast as utf8 decoding.
const source = fs.readFileSync(bundle, "latin1");
// V8 checks a cache against the source's length only, so its name carries the
// bundle's size and mtime: a rebuilt bundle never meets a stale cache.
const st = fs.statSync(bundle);
const key = `cli-${st.size}-${Math.trunc(st.mtimeMs)}.v8cache`;
const places = [
  path.join(__dirname, "..", "dist", ".code-cache"),
  path.join(require("node:os").tmpdir(), `capstan-code-cache-${process.getuid?.() ?? "u"}`),
];
// V8 does not verify a cache's checksum and aborts the process on a corrupt
// one, so each file ends with a CRC-32 of the data (zlib's native crc32 where
// Node has it, 20.15+; a plain loop elsewhere).
function checksum(buf) {
  const zlib = require("node:zlib");
  if (zlib.crc32) return zlib.crc32(buf);
  let h = 0x811c9dc5;
  for (let i = 0; i < buf.length; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}
// A code cache is code: one in the shared temp folder is used only from a
// folder of ours that nobody else can write.
function trusted(dir, i) {
  if (i === 0 || !process.getuid) return true;
  const st = fs.lstatSync(dir);
  return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
}
let cached;
for (const [i, dir] of places.entries()) {
  try {
    if (!trusted(dir, i)) continue;
    const buf = fs.readFileSync(path.join(dir, key));
    const data = buf.subarray(0, buf.length - 4);
    if (buf.length > 4 && buf.readUInt32LE(data.length) === checksum(data)) cached = data;
    break;
  } catch {}
}
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new vm.Script(wrapped, { filename: bundle, cachedData: cached });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, bundle, path.dirname(bundle));

// Written by the main thread of a plain `node` only: other V8 flags would make
// V8 reject the cache every other run.
const wanted = process.env.CAPSTAN_WRITE_CODE_CACHE === "1";
if ((wanted || !cached || script.cachedDataRejected) && process.execArgv.length === 0) {
  process.once("exit", () => {
    if (!require("node:worker_threads").isMainThread) return;
    const raw = script.createCachedData();
    const data = Buffer.alloc(raw.length + 4);
    raw.copy(data);
    data.writeUInt32LE(checksum(raw), raw.length);
    for (const [i, dir] of places.entries()) {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: i === 0 ? 0o755 : 0o700 });
        if (!trusted(dir, i)) continue;
        const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, path.join(dir, key));
        return;
      } catch {}
    }
  });
}
mod.exports.run();
