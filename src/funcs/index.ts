// The function map helm 4.1.4 gives templates: Sprig v3.3.0's TxtFuncMap
// without env and expandenv, plus helm's additions (pkg/engine/funcs.go).
// include, tpl, required and lookup are placeholders the engine rebinds.
import type { GoFunc } from "../template/value.ts";
import { conversionFuncs } from "./conversion.ts";
import { cryptoFuncs } from "./crypto.ts";
import { dateFuncs } from "./dates.ts";
import { defaultFuncs } from "./defaults.ts";
import { dictFuncs } from "./dicts.ts";
import { encodingFuncs } from "./encoding.ts";
import { hashFuncs } from "./hash.ts";
import { helmFuncs } from "./helm.ts";
import { listFuncs } from "./lists.ts";
import { mathFuncs } from "./math.ts";
import { pathFuncs } from "./paths.ts";
import { randomFuncs } from "./random.ts";
import { reflectFuncs } from "./reflect.ts";
import { regexFuncs } from "./regex.ts";
import { semverFuncs } from "./semver.ts";
import { stringFuncs } from "./strings.ts";
import { urlFuncs } from "./urls.ts";

const groups: Record<string, GoFunc>[] = [
  stringFuncs,
  conversionFuncs,
  mathFuncs,
  listFuncs,
  dictFuncs,
  defaultFuncs,
  reflectFuncs,
  encodingFuncs,
  pathFuncs,
  urlFuncs,
  semverFuncs,
  hashFuncs,
  randomFuncs,
  regexFuncs,
  cryptoFuncs,
  dateFuncs,
  // helm's additions last: they replace Sprig's toJson, fromJson, mustToJson
  helmFuncs,
];

const all: Record<string, GoFunc> = Object.assign({}, ...groups);

/** The complete function map helm 4 gives templates (a fresh object: the engine rebinds some names). */
export function helmFuncMap(): Record<string, GoFunc> {
  return { ...all };
}

/** Every function name helm 4 templates can call, sorted. */
export const helmFunctionNames: string[] = Object.keys(all).sort();
