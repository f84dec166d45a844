// Part B's function groups (hashes, regex, random, dates, crypto) in a loop:
// capstan's executor in-process against `helm template` of the same template,
// in the same run. helm's marginal figure subtracts a run with zero loops.
//   node --import tsx bench/funcs-b.ts [--loops N] [--runs N]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cryptoFuncs } from "../src/funcs/crypto.ts";
import { dateFuncs } from "../src/funcs/dates.ts";
import { hashFuncs } from "../src/funcs/hash.ts";
import { helmFuncMap } from "../src/funcs/index.ts";
import { randomFuncs } from "../src/funcs/random.ts";
import { regexFuncs } from "../src/funcs/regex.ts";
import { installNodeFuncsPlatform } from "../src/node/funcs-platform.ts";
import { renderTemplate } from "../src/template/index.ts";
import { helmEnv, helmPath } from "../test/helpers/oracle.ts";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const loops = arg("--loops", 2000);
const runs = arg("--runs", 3);

installNodeFuncsPlatform();
const funcs = { ...helmFuncMap(), ...hashFuncs, ...regexFuncs, ...randomFuncs, ...cryptoFuncs, ...dateFuncs };

const BODY = `{{- $s := printf "release-%d.example.com" $i }}
# h: {{ sha256sum $s | trunc 8 }} {{ sha1sum $s | trunc 8 }} {{ adler32sum $s }}
# r: {{ regexReplaceAll "([a-z]+)-([0-9]+)" $s "\${2}_\${1}" }} {{ regexFindAll "[0-9]" $s -1 | len }} {{ regexMatch "^release-[0-9]+\\\\." $s }} {{ regexSplit "\\\\." $s -1 | last }}
# d: {{ dateInZone "2006-01-02T15:04:05Z07:00" (int64 (mul $i 86400)) "Europe/Berlin" }} {{ toDate "2006-01-02" "2024-07-01" | date "Mon Jan 2" }} {{ durationRound (printf "%dm" $i) }} {{ duration (int64 $i) }}
# x: {{ randAlphaNum 16 | len }} {{ uuidv4 | len }} {{ encryptAES "k" $s | decryptAES "k" | len }}`;

const CRYPTO = `{{- $ca := genCA "bench-ca" 365 }}
# c: {{ (genSignedCert "leaf" (list "10.0.0.1") (list "a.example") 30 $ca).Cert | len }} {{ genPrivateKey "ecdsa" | len }} {{ htpasswd "u" "p" | len }}`;

function template(n: number, crypto: boolean): string {
  return `{{- range $i := until ${n} }}\n${BODY}\n{{- end }}\n${crypto ? CRYPTO : ""}\nk: v\n`;
}

function chart(text: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "capstan-bench-funcs-b-")), "c");
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
  writeFileSync(join(dir, "templates/a.yaml"), text);
  return dir;
}

/** Best of `runs`: wall and CPU (user+sys) milliseconds of `helm template`. */
function timeHelm(dir: string): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = spawnSync(
      "bash",
      ["-c", `TIMEFORMAT='%3U %3S'; time "$0" template "$1" >/dev/null`, helmPath(4), dir],
      {
        env: helmEnv(),
        encoding: "utf8",
      },
    );
    wall = Math.min(wall, performance.now() - t0);
    if (res.status !== 0) throw new Error(res.stderr);
    const [u, s] = res.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    cpu = Math.min(cpu, (u! + s!) * 1000);
  }
  return { wall, cpu };
}

function timeOurs(text: string): { cold: number; warm: number } {
  const once = () => {
    const c0 = process.cpuUsage();
    renderTemplate(text, null, funcs, "c/templates/a.yaml");
    const cu = process.cpuUsage(c0);
    return (cu.user + cu.system) / 1000;
  };
  const cold = once();
  let warm = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) warm = Math.min(warm, once());
  return { cold, warm };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
for (const crypto of [false, true]) {
  const text = template(loops, crypto);
  const helmFull = timeHelm(chart(text));
  const helmEmpty = timeHelm(chart(template(0, false)));
  const ours = timeOurs(text);
  const marginal = helmFull.cpu - helmEmpty.cpu;
  console.log(
    `${loops} loops of hashes/regex/dates/random/AES${crypto ? " + one genCA, genSignedCert, ecdsa key, htpasswd" : ""}`,
  );
  console.log(`  capstan in-process cpu: ${ms(ours.cold)} cold, ${ms(ours.warm)} warm`);
  console.log(
    `  helm template: wall ${ms(helmFull.wall)}, cpu ${ms(helmFull.cpu)}; empty chart cpu ${ms(helmEmpty.cpu)}`,
  );
  console.log(
    `  ratio helm/capstan cpu: ${(helmFull.cpu / ours.cold).toFixed(2)}x cold, marginal ${(marginal / ours.cold).toFixed(2)}x cold, ${(marginal / ours.warm).toFixed(2)}x warm`,
  );
}
