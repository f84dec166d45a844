// Hostile inputs are refused quickly and in bounded memory: alias bombs
// ("billion laughs"), very deep nesting, oversized documents.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readYAML } from "../../src/yaml/decode.ts";
import { YAMLError } from "../../src/yaml/errors.ts";

// Warm the parser up once so the timings measure the refusal, not JIT start-up.
readYAML("a: &a [1]\nb: *a\n");

// CPU time, not wall time: on a shared machine at load 10+ a 200 ms refusal
// takes over a second of wall time, while a real bomb would burn CPU for minutes.
function refusedQuickly(text: string, pattern: RegExp, opts = {}): void {
  const t0 = process.cpuUsage();
  assert.throws(
    () => readYAML(text, opts),
    (e: unknown) => e instanceof YAMLError && pattern.test(e.message),
  );
  const t = process.cpuUsage(t0);
  const ms = (t.user + t.system) / 1000;
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms of CPU`);
}

test("billion laughs is refused as go-yaml refuses it", () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  refusedQuickly(lines.join("\n") + "\n", /document contains excessive aliasing/);
});

test("a wide alias fan-out is refused", () => {
  // 500 aliases of a 200-item list: past 99% of decodes coming from aliases.
  const text = `x: &x [${Array(200).fill("1").join(",")}]\nl:\n${"- *x\n".repeat(500)}`;
  refusedQuickly(text, /excessive aliasing/);
});

test("very deep nesting is refused", () => {
  refusedQuickly("a: " + "[".repeat(20000) + "]".repeat(20000) + "\n", /exceeded max depth|did not find/);
});

test("oversized documents are refused before parsing", () => {
  refusedQuickly("a: " + "x".repeat(2_000_000) + "\n", /larger than the limit/, { maxBytes: 1_000_000 });
});

test("ordinary anchors and merge keys stay accepted", () => {
  const v = readYAML("base: &b {a: 1}\nx:\n  <<: *b\n  c: 2\ny: *b\n") as Map<string, Map<string, unknown>>;
  assert.deepEqual(
    [...v.get("x")!.entries()],
    [
      ["a", 1],
      ["c", 2],
    ],
  );
});
