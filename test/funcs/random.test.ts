import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { randomBelow, randomBelowBig } from "../../src/funcs/crypto-provider.ts";
import { goInt } from "../../src/funcs/goargs.ts";
import { randomFuncs } from "../../src/funcs/random.ts";
import { GoInt } from "../../src/template/value.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";

const call = (name: string, ...args: number[]) => randomFuncs[name]!.fn(...args.map((n) => goInt(n)));

// The character set a helm render used: every distinct character seen in many draws.
function charset(s: string): string {
  return [...new Set(s)].sort().join("");
}

test("rand* alphabets and lengths match helm's", async () => {
  const N = 4000;
  const names = ["randAlphaNum", "randAlpha", "randNumeric", "randAscii"];
  const [helm] = await helmRenderCases([
    {
      template: names.map((n) => `{{ ${n} ${N} | b64enc }}`).join("\n"),
    },
  ]);
  const lines = helm!.output!.split("\n").map((l) => Buffer.from(l, "base64").toString("utf8"));
  names.forEach((name, i) => {
    const theirs = lines[i]!;
    const ours = call(name, N) as string;
    assert.equal(ours.length, theirs.length, name);
    assert.equal(charset(ours), charset(theirs), `${name} alphabet`);
  });
});

test("edge counts and errors match helm", async () => {
  const cases: [string, () => string][] = [
    [
      "{{ randAlpha 0 }}|{{ randAlphaNum -3 }}|{{ randAscii 0 }}|{{ randNumeric -1 }}",
      () =>
        ["randAlpha", "randAlphaNum", "randAscii", "randNumeric"]
          .map((n, i) => call(n, [0, -3, 0, -1][i]!))
          .join("|"),
    ],
    ["{{ randBytes 0 }}", () => call("randBytes", 0) as string],
    ['{{ shuffle "" }}', () => randomFuncs.shuffle!.fn("") as string],
    ["{{ randInt 7 8 }}", () => String((call("randInt", 7, 8) as GoInt).v)],
  ];
  const helm = await helmRenderCases(cases.map(([template]) => ({ template })));
  cases.forEach(([t, ours], i) => {
    assert.equal(ours(), helm[i]!.output, t);
  });
  for (const [t, f] of [
    ["{{ randBytes -1 }}", () => call("randBytes", -1)],
    ["{{ randInt 5 5 }}", () => call("randInt", 5, 5)],
    ["{{ randInt 5 3 }}", () => call("randInt", 5, 3)],
  ] as const) {
    const [h] = await helmRenderCases([{ template: t }]);
    assert.throws(f, (e: Error) => h!.error!.endsWith(`: ${e.message}`), t);
  }
});

test("randBytes, randInt, shuffle, uuidv4 have helm's shape; two renders differ", async () => {
  const tpl =
    '{{ randBytes 24 }}|{{ randInt 1000 100000000 }}|{{ shuffle "abcdefghijklmnopqrstuvwxyz" }}|{{ uuidv4 }}|{{ randInt 0 1 | typeOf }}';
  const [h] = await helmRenderCases([{ template: tpl }]);
  const theirs = h!.output!.split("|");
  const mine = () => [
    call("randBytes", 24) as string,
    String((call("randInt", 1000, 100000000) as GoInt).v),
    randomFuncs.shuffle!.fn("abcdefghijklmnopqrstuvwxyz") as string,
    randomFuncs.uuidv4!.fn() as string,
  ];
  const a = mine();
  const b = mine();
  assert.equal(a[0]!.length, theirs[0]!.length);
  assert.equal(Buffer.from(a[0]!, "base64").length, Buffer.from(theirs[0]!, "base64").length);
  assert.match(a[1]!, /^\d+$/);
  assert.ok(Number(a[1]) >= 1000 && Number(a[1]) < 100000000);
  assert.equal([...a[2]!].sort().join(""), [...theirs[2]!].sort().join(""));
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(theirs[3]!, uuid);
  assert.match(a[3]!, uuid);
  assert.equal(theirs[4], "int");
  assert.ok(call("randInt", 0, 1) instanceof GoInt);
  for (let i = 0; i < 4; i++) if (i !== 1) assert.notEqual(a[i], b[i]);
});

test("randomBelow stays in range and reaches both ends", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (n) => {
      const v = randomBelow(n);
      return Number.isInteger(v) && v >= 0 && v < n;
    }),
    { seed: 42, numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: 2n ** 130n }), (n) => {
      const v = randomBelowBig(n);
      return v >= 0n && v < n;
    }),
    { seed: 42, numRuns: 300 },
  );
  const seen = new Set<number>();
  for (let i = 0; i < 200; i++) seen.add(randomBelow(3));
  assert.deepEqual([...seen].sort(), [0, 1, 2]);
});
