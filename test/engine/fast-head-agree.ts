// The check both fast-head test files make: on every document the fast
// SimpleHead scanner takes, it must agree with the full path (readYAML, then
// simpleHead: helm's yaml.Unmarshal into releaseutil.SimpleHead).
import assert from "node:assert/strict";
import { fastSimpleHead } from "../../src/engine/fast-head.ts";
import { simpleHead } from "../../src/engine/simple-head.ts";
import { readYAML } from "../../src/yaml/decode.ts";

/** The full path's head, or its error text. */
export function full(doc: string): unknown {
  try {
    return simpleHead(readYAML(doc));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Asserts agreement; returns whether the fast path took the document. */
export function agree(doc: string): boolean {
  const fast = fastSimpleHead(doc);
  if (fast === undefined) return false;
  assert.deepEqual(fast, full(doc), JSON.stringify(doc));
  return true;
}
