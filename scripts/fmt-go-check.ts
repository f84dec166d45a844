// Checks fmt on Go types that helm's templates cannot produce (float32 and the
// sized/unsigned integer kinds of GoInt) against Go's own fmt, using the local
// Go toolchain (the same fmt and strconv code that helm is built with).
//   node --import tsx scripts/fmt-go-check.ts [cases=20000]
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sprintf } from "../src/template/fmt.ts";
import { GoFloat32, GoInt, type IntKind, type Value } from "../src/template/value.ts";

const n = Number(process.argv[2] ?? 20000);
const FLOAT_SPECS = [
  "%v",
  "%e",
  "%.3e",
  "%g",
  "%.10g",
  "%f",
  "%.2f",
  "%x",
  "%b",
  "%.0f",
  "%G",
  "%.20f",
  "%#v",
  "%T",
];
const INT_SPECS = [
  "%v",
  "%#v",
  "%d",
  "%x",
  "%#X",
  "%o",
  "%O",
  "%b",
  "%c",
  "%q",
  "%U",
  "%#U",
  "%08d",
  "%+d",
  "%T",
  "%s",
];
const RANGES: [IntKind, bigint, bigint][] = [
  ["int8", -128n, 127n],
  ["int16", -32768n, 32767n],
  ["int32", -(1n << 31n), (1n << 31n) - 1n],
  ["uint", 0n, (1n << 64n) - 1n],
  ["uint8", 0n, 255n],
  ["uint16", 0n, 65535n],
  ["uint32", 0n, (1n << 32n) - 1n],
  ["uint64", 0n, (1n << 64n) - 1n],
];

let seed = 12345;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
const dv = new DataView(new ArrayBuffer(4));
const lines: string[] = [];
const ours: string[] = [];
for (let i = 0; i < n; i++) {
  let spec: string;
  let line: string;
  let v: Value;
  if (i % 2 === 0) {
    let bits = rnd();
    dv.setUint32(0, bits);
    let f = dv.getFloat32(0);
    if (!Number.isFinite(f) || i % 3 === 0) {
      // Short decimals and exact binary fractions, where rounding ties happen.
      f = Math.fround(((rnd() % 200000) - 100000) / 2 ** (rnd() % 12));
      dv.setFloat32(0, f);
      bits = dv.getUint32(0);
    }
    spec = FLOAT_SPECS[rnd() % FLOAT_SPECS.length]!;
    line = `${spec}|float32|${bits}`;
    v = new GoFloat32(f);
  } else {
    const [kind, lo, hi] = RANGES[rnd() % RANGES.length]!;
    const span = hi - lo + 1n;
    const r = ((BigInt(rnd()) << 32n) | BigInt(rnd())) % span;
    const x = rnd() % 4 === 0 ? lo + (r % 300n) : lo + r;
    spec = INT_SPECS[rnd() % INT_SPECS.length]!;
    line = `${spec}|${kind}|${x}`;
    v = new GoInt(x, kind);
  }
  lines.push(line);
  ours.push(sprintf(spec, [v]));
}
const here = dirname(fileURLToPath(import.meta.url));
const out = execFileSync("go", ["run", join(here, "fmt-go-check.go")], {
  input: `${lines.join("\n")}\n`,
  encoding: "utf8",
  maxBuffer: 1 << 28,
})
  .trim()
  .split("\n");
let bad = 0;
out.forEach((o, i) => {
  const want = Buffer.from(o, "base64").toString("utf8");
  if (want !== ours[i]) {
    if (bad++ < 20) console.log(`${lines[i]}: go ${JSON.stringify(want)}, ours ${JSON.stringify(ours[i])}`);
  }
});
console.log(`${out.length - bad} of ${out.length} float32 and sized-integer cases match Go's fmt`);
process.exitCode = bad === 0 ? 0 : 1;
