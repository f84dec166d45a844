// Compares GoFuncs called directly with what helm renders for the same
// template, for the function groups of part B (hash, regex, random, dates,
// crypto). Once the template executor lands, these cases can run through it.
import assert from "node:assert/strict";
import { helmRenderCases, type TemplateCase } from "../helpers/template-cases.ts";

export interface DirectCase extends TemplateCase {
  /** Our result for the same call: the rendered text, or throws a GoError. */
  ours: () => string;
  /** Compare only the error's tail (helm prefixes template position and "error calling X:"). */
}

/** Runs every case through helm once and asserts our text (or error) matches. */
export async function assertSameAsHelm(cases: DirectCase[]): Promise<void> {
  const helm = await helmRenderCases(cases);
  // CASE_COUNT=1 prints how many cases each suite compares (for docs/functions.md).
  if (process.env.CASE_COUNT) console.log(`# cases: ${cases.length}`);
  const diffs: string[] = [];
  cases.forEach((c, i) => {
    const h = helm[i]!;
    let ours: string;
    let oursErr: string | undefined;
    try {
      ours = c.ours();
    } catch (e) {
      ours = "";
      oursErr = (e as Error).message;
    }
    if (h.error !== undefined) {
      if (oursErr === undefined || !h.error.endsWith(oursErr)) {
        diffs.push(`${c.template}\n  helm error: ${h.error}\n  ours: ${oursErr ?? JSON.stringify(ours)}`);
      }
    } else if (oursErr !== undefined || ours !== h.output) {
      diffs.push(
        `${c.template}\n  helm: ${JSON.stringify(h.output)}\n  ours: ${oursErr ?? JSON.stringify(ours)}`,
      );
    }
  });
  assert.equal(diffs.length, 0, `${diffs.length} of ${cases.length} differ:\n${diffs.join("\n")}`);
}

/** A Go string literal for a template. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
