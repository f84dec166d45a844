// Wall-clock time with nanoseconds, as Go's time.Now() prints through
// RFC3339Nano: index.yaml's `generated` and `created` carry all nine digits
// (trailing zeros dropped), so the clock reads the monotonic high-resolution
// timer against one wall-clock reading taken at start-up.
import { goTimeJSON } from "../chart/package-metadata.ts";

const baseNanos = BigInt(Date.now()) * 1_000_000n;
const hr0 = process.hrtime.bigint();

/** Nanoseconds since the epoch. */
export function nowNanos(): bigint {
  return baseNanos + (process.hrtime.bigint() - hr0);
}

/** time.Now() as JSON/YAML writes it: "2026-11-26T09:58:36.588216864Z" (local zone). */
export function goNowRFC3339Nano(): string {
  const ns = nowNanos();
  return goTimeJSON(Number(ns / 1_000_000n), Number(ns % 1_000_000n));
}
