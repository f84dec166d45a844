// strconv parsing as Sprig reaches it: `atoi` is strconv.Atoi with the error
// dropped (so out-of-range input gives the clamped value), and `float64` is
// cast.ToFloat64, i.e. strconv.ParseFloat with 0 on error. Expected text from helm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sprint } from "../../src/template/fmt.ts";
import { atoi, parseGoFloat } from "../../src/template/strconv.ts";
import { runHelm, writeChart } from "../helpers/oracle.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { fmtCase } from "./fmt-args.ts";

const INPUTS = [
  "0",
  "42",
  "-42",
  "+7",
  "007",
  "1_000",
  "0x1F",
  "0o17",
  "0b101",
  "1e3",
  "1.5",
  ".5",
  "5.",
  "-.5e-3",
  "1E+2",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775808",
  "-9223372036854775809",
  "99999999999999999999",
  "-99999999999999999999x",
  "12a",
  "",
  " 1",
  "1 ",
  "+",
  "-",
  "inf",
  "+Inf",
  "-infinity",
  "infinit",
  "NaN",
  "nan",
  "+nan",
  "1e400",
  "-1e400",
  "1e-400",
  "4.9e-324",
  "2.4703282292062327e-324",
  "2.4703282292062328e-324",
  "0x1p-2",
  "0x1.8p1",
  "0X1P+3",
  "0x_1p0",
  "0x1_0p0",
  "0x1p",
  "0x.8p1",
  "0x1.fffffffffffff8p1023",
  "1_0.5",
  "1__0",
  "_1",
  "1.2.3",
  "0.1",
  "123456789012345678901234567890",
  "1.7976931348623157e308",
  "1.7976931348623159e308",
];

test(`strconv: ${INPUTS.length * 2} atoi/float64 parses match helm`, async () => {
  const cases = INPUTS.flatMap((s) => [
    fmtCase(`{{ atoi ${JSON.stringify(s)} }}`),
    fmtCase(`{{ float64 ${JSON.stringify(s)} }}`),
  ]);
  const results = await helmRenderCases(cases);
  const failures: string[] = [];
  INPUTS.forEach((s, i) => {
    const a = atoi(s);
    const f = parseGoFloat(s);
    const ours = [sprint([a.value]), sprint([f.err === null ? f.value : 0])];
    for (let k = 0; k < 2; k++) {
      const r = results[2 * i + k]!;
      const want = r.output ?? `ERROR: ${r.error}`;
      if (ours[k] !== want)
        failures.push(`${k ? "float64" : "atoi"} ${JSON.stringify(s)}: helm ${want}, ours ${ours[k]}`);
    }
  });
  assert.deepEqual(failures, []);
});

test("strconv: Atoi error texts match helm's (--set list index)", async () => {
  const dir = writeChart({
    "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
    "templates/a.yaml": "a: 1\n",
  });
  for (const s of ["12a", "99999999999999999999", "", "1_0", "+x"]) {
    const r = await runHelm(["template", dir, "--set", `a[${s}]=1`], { cacheKey: `atoi-${s}` });
    const m = /error parsing index: (.*)/.exec(r.stderr);
    const ours = atoi(s).err;
    if (m === null) assert.equal(ours, null, `helm accepted ${JSON.stringify(s)}: ${r.stderr}`);
    else assert.equal(ours, m[1], s);
  }
});
