// Writes the function table of docs/functions.md from the function map:
//   node --import tsx scripts/functions-doc.ts > /tmp/table.md
// Each row: name, Go signature as the executor sees it, group file, and the
// test suite that compares it with helm.
import { conversionFuncs } from "../src/funcs/conversion.ts";
import { cryptoFuncs } from "../src/funcs/crypto.ts";
import { dateFuncs } from "../src/funcs/dates.ts";
import { defaultFuncs } from "../src/funcs/defaults.ts";
import { dictFuncs } from "../src/funcs/dicts.ts";
import { encodingFuncs } from "../src/funcs/encoding.ts";
import { hashFuncs } from "../src/funcs/hash.ts";
import { helmFuncs } from "../src/funcs/helm.ts";
import { helmFuncMap, helmFunctionNames } from "../src/funcs/index.ts";
import { listFuncs } from "../src/funcs/lists.ts";
import { mathFuncs } from "../src/funcs/math.ts";
import { pathFuncs } from "../src/funcs/paths.ts";
import { randomFuncs } from "../src/funcs/random.ts";
import { reflectFuncs } from "../src/funcs/reflect.ts";
import { regexFuncs } from "../src/funcs/regex.ts";
import { semverFuncs } from "../src/funcs/semver.ts";
import { stringFuncs } from "../src/funcs/strings.ts";
import { urlFuncs } from "../src/funcs/urls.ts";
import type { GoFunc } from "../src/template/value.ts";

const groups: [string, Record<string, GoFunc>, string][] = [
  ["strings.ts", stringFuncs, "test/funcs/strings.test.ts, fuzz.test.ts"],
  ["conversion.ts", conversionFuncs, "test/funcs/math.test.ts, fuzz.test.ts"],
  ["math.ts", mathFuncs, "test/funcs/math.test.ts"],
  ["lists.ts", listFuncs, "test/funcs/lists.test.ts"],
  ["dicts.ts", dictFuncs, "test/funcs/lists.test.ts"],
  ["defaults.ts", defaultFuncs, "test/funcs/types.test.ts"],
  ["reflect.ts", reflectFuncs, "test/funcs/types.test.ts"],
  ["encoding.ts", encodingFuncs, "test/funcs/encoding.test.ts"],
  ["paths.ts", pathFuncs, "test/funcs/types.test.ts"],
  ["urls.ts", urlFuncs, "test/funcs/types.test.ts"],
  ["semver.ts", semverFuncs, "test/funcs/semver.test.ts"],
  ["helm.ts", helmFuncs, "engine (bound at render time); test/funcs/types.test.ts for lookup, getHostByName"],
  ["hash.ts", hashFuncs, "test/funcs/hash.test.ts (part B)"],
  ["random.ts", randomFuncs, "test/funcs/random.test.ts (part B)"],
  ["regex.ts", regexFuncs, "test/funcs/regex.test.ts (part B)"],
  ["crypto.ts", cryptoFuncs, "test/funcs/crypto.test.ts (part B)"],
  ["dates.ts", dateFuncs, "test/funcs/dates.test.ts (part B)"],
];

function signature(f: GoFunc): string {
  const ps = [...f.params];
  if (f.variadic) ps.push(`...${f.variadic}`);
  const res = f.returnsError ? `(${f.result}, error)` : f.result;
  return `func(${ps.join(", ")}) ${res}`;
}

const map = helmFuncMap();
const rows: string[] = [];
for (const name of helmFunctionNames) {
  const g = groups.filter(([, m]) => name in m).at(-1)!;
  const [file, , tests] = g;
  // part B fills in its own status
  const status = tests.includes("part B") ? "part B" : "done";
  rows.push(`| \`${name}\` | \`${signature(map[name]!)}\` | ${file} | ${status} | ${tests} |`);
}
console.log("| function | Go signature | file (src/funcs) | status | compared with helm in |");
console.log("| --- | --- | --- | --- | --- |");
console.log(rows.join("\n"));
