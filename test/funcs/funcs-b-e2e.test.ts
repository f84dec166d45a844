// Part B's functions through the template executor with helm's whole function
// map: Go signatures (argument conversion, wrong-type errors), printing of
// time values and certificates, pipelines, against helm 4.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cryptoFuncs } from "../../src/funcs/crypto.ts";
import { dateFuncs } from "../../src/funcs/dates.ts";
import { hashFuncs } from "../../src/funcs/hash.ts";
import { helmFuncMap } from "../../src/funcs/index.ts";
import { randomFuncs } from "../../src/funcs/random.ts";
import { regexFuncs } from "../../src/funcs/regex.ts";
import { installNodeFuncsPlatform } from "../../src/node/funcs-platform.ts";
import { renderTemplate } from "../../src/template/template.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";

installNodeFuncsPlatform();
const funcs = { ...helmFuncMap(), ...hashFuncs, ...regexFuncs, ...randomFuncs, ...cryptoFuncs, ...dateFuncs };

const cases = [
  // signatures: wrong types, untyped constants, nil
  "{{ sha256sum 1 }}",
  "{{ sha1sum nil }}",
  '{{ adler32sum "" }}',
  '{{ regexMatch 1 "a" }}',
  '{{ regexFindAll "a" "banana" "2" }}',
  '{{ regexFindAll "a" "banana" 2.0 }}',
  '{{ regexFindAll "a" "banana" -1 | typeOf }} {{ regexSplit "a" "banana" -1 | printf "%q" }}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Go replacement template
  '{{ regexReplaceAll "(?P<x>a)" "banana" "<${x}>" }}',
  "{{ randAlpha 2.5 }}",
  '{{ randAlpha "3" }}',
  "{{ randInt 1 2 | typeOf }} {{ randAlpha 3 | len }} {{ randBytes 3 | len }}",
  '{{ dateModify "1h" "x" }}',
  '{{ unixEpoch "x" }}',
  '{{ toDate "2006-01-02" "2024-07-01" | printf "%v|%s|%T" }}',
  '{{ toDate "2006-01-02" "2024-07-01" | toJson }} {{ toDate "2006-01-02" "2024-07-01" | toYaml }}',
  '{{ toDate "2006-01-02T15:04:05.999999999Z07:00" "2024-07-01T10:00:00.5+02:00" | toJson }}',
  '{{ toDate "2006-01-02" "2024-07-01" | typeOf }} {{ toDate "2006-01-02" "2024-07-01" | kindOf }}',
  '{{ (toDate "2006-01-02" "2024-07-01").Add 3600000000000 }}',
  '{{ (toDate "2006-01-02" "2024-07-01").Sub (toDate "2006-01-02" "2024-06-01") }}',
  '{{ (toDate "2006-01-02" "2024-07-01").Weekday }} {{ (toDate "2006-01-02" "2024-07-01").Month }}',
  '{{ (toDate "2006-01-02" "2024-07-01").UTC.Unix }} {{ (toDate "2006-01-02" "2024-07-01").YearDay }}',
  '{{ dateInZone "2006-01-02 MST" 1700000000 "Asia/Tokyo" }} {{ date "2006" (int64 0) }}',
  '{{ duration 3725 }} {{ duration (int64 3725) }} {{ duration "3725" }} {{ duration 3725.0 }}',
  '{{ durationRound "49h" }} {{ durationRound (int64 5000000000) }}',
  '{{ now | date "2006" | len }} {{ now | typeOf }} {{ now | htmlDate | len }}',
  '{{ if toDate "x" "y" }}t{{ end }} {{ toDate "x" "y" }}',
  '{{ derivePassword 1 "pin" "a" "b" "c" }}',
  '{{ derivePassword -1 "pin" "a" "b" "c" }}',
  '{{ $c := genCA "x" 1 }}{{ $c.Cert | trunc 27 }} {{ typeOf $c }} {{ kindOf $c }} {{ $c.Key | trunc 31 }}',
  '{{ genSignedCert "x" nil nil 1 (dict) }}',
  '{{ genSelfSignedCert "x" "a" nil 1 }}',
  '{{ genSelfSignedCert "x" (list) (list) 1 | typeOf }}',
  '{{ htpasswd "u:" "p" }} {{ genPrivateKey "x" }}',
  '{{ encryptAES "k" "" }}|{{ decryptAES "k" "" }}',
  '{{ uuidv4 | len }} {{ shuffle "aaa" }}',
  '{{ $d := (toDate "2006-01-02" "2024-07-01").Sub (toDate "2006-01-02" "2024-06-01") }}{{ $d.Hours }} {{ $d.Minutes }} {{ $d.Seconds }} {{ $d.Milliseconds }} {{ $d.String }} {{ $d.Round 7000000000000 }} {{ $d.Truncate 7000000000000 }} {{ $d.Abs }}',
  '{{ $d := (toDate "2006-01-02" "2024-06-01").Sub (toDate "2006-01-02 15:04:05.000" "2024-07-01 01:02:03.456") }}{{ $d.Hours }} {{ $d.Minutes }} {{ $d.Seconds }} {{ $d }}',
  '{{ now.UTC | toString | contains "m=" }} {{ now | toString | contains "m=" }}',
  '{{ (toDate "2006-01-02" "2024-07-01").Month.String }} {{ (toDate "2006-01-02" "2024-07-01").Month | typeOf }} {{ (toDate "2006-01-02" "2024-07-01").Month | kindOf }}',
  // A fixed date's Month, not now's: helm's answer is cached, and now's month changes.
  '{{ now.Month | typeOf }} {{ (toDate "2006-01-02" "2024-07-01").Month | toJson }} {{ (toDate "2006-01-02" "2024-07-01").Truncate 86400000000000 }}',
  '{{ now.Location }} {{ now.UTC.Location }} {{ now.Location | typeOf }} {{ (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00+02:00").Location | printf "%q" }}',
  '{{ $t := toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00+02:00" }}{{ $t.In now.Location }} {{ $t.IsDST }} {{ $t.UTC.In $t.Location }}',
];

// Named Go integer types (time.Month, time.Weekday, time.Duration) as reflect
// sees them: fmt's integer verbs, eq/lt, index, range, cast (which knows Month
// and Weekday but not Duration), Sprig's empty; and == on time.Time, which
// compares the location pointer and the monotonic reading.
const M = '(toDate "2006-01-02" "2024-07-01").Month';
const namedTypes = [
  '{{ (toDate "2006-01-02" "2024-07-01").Weekday | printf "%d|%v" }}',
  `{{ ${M} | int }}`,
  `{{ $m := ${M} }}{{ printf "%d|%v|%s|%q|%x|%X|%c|%U|%#v|%T|%5d|%-8v|%o|%b|%e|%t|%08.3d|%+d" $m $m $m $m $m $m $m $m $m $m $m $m $m $m $m $m $m $m }}`,
  `{{ $m := ${M} }}{{ print $m 1 $m }}|{{ $m }}|{{ printf "%v %d %+v %#v" (list $m) (list $m) (list $m) (list $m) }}|{{ printf "%*d|%.*d" $m 1 $m 2 }}`,
  `{{ $m := ${M} }}{{ toString $m }} {{ quote $m }} {{ int $m }} {{ int64 $m }} {{ float64 $m }} {{ toDecimal $m }} {{ typeOf (int $m) }} {{ int (toString $m) }}`,
  `{{ $m := ${M} }}{{ add $m 1 }} {{ add1 $m }} {{ sub $m 1 }} {{ mul $m 2 }} {{ div $m 2 }} {{ mod $m 5 }} {{ max $m 3 }} {{ min $m 3 }} {{ biggest $m 10 }} {{ floor $m }} {{ round $m 2 }} {{ addf $m 1 }} {{ divf $m 2 }} {{ add $m 1.5 }}`,
  '{{ $d := (toDate "2006-01-02" "2024-07-02").Sub (toDate "2006-01-02" "2024-07-01") }}{{ int $d }} {{ int64 $d }} {{ float64 $d }} {{ add $d 1 }} {{ max $d 1 }} {{ printf "%d|%5d|%x|%#v|%e" $d $d $d $d $d }} {{ durationRound $d }} {{ duration $d }}',
  `{{ $m := ${M} }}{{ eq $m 7 }} {{ eq 7 $m }} {{ eq $m $m }} {{ eq $m (int64 7) }} {{ ne $m 8 }} {{ lt $m 8 }} {{ gt $m 8 }} {{ le $m 7 }} {{ ge $m 7 }} {{ eq $m 6 7 }} {{ lt 6 $m }} {{ eq $m (len "1234567") }}`,
  `{{ eq ${M} "July" }}`,
  `{{ eq ${M} 7.0 }}`,
  `{{ lt ${M} "x" }}`,
  '{{ $t := toDate "2006-01-02" "2024-07-01" }}{{ eq $t.Month $t.Weekday }} {{ lt $t.Weekday $t.Month }} {{ eq $t.Month (until 8 | last) }}',
  '{{ $d := (toDate "2006-01-02" "2024-07-02").Sub (toDate "2006-01-02" "2024-07-01") }}{{ eq $d 86400000000000 }} {{ gt $d 0 }} {{ eq $d (int64 86400000000000) }}',
  `{{ $m := ${M} }}{{ deepEqual $m 7 }} {{ deepEqual $m $m }} {{ has $m (list 7) }} {{ list $m $m 7 | uniq }} {{ without (list $m 7) 7 }} {{ sortAlpha (list $m "A" 3) }}`,
  `{{ $m := ${M} }}{{ toJson $m }} {{ toYaml (dict "m" $m) }} {{ kindOf $m }} {{ kindIs "int" $m }} {{ empty $m }} {{ default "x" $m }}`,
  '{{ $w := (toDate "2006-01-02" "2024-06-30").Weekday }}{{ $w }} {{ empty $w }} {{ default "x" $w }} {{ if $w }}t{{ else }}f{{ end }} {{ and $w 1 }} {{ not $w }} {{ coalesce 0 $w "c" }} {{ compact (list $w 1) }} {{ with $w }}w{{ else }}no{{ end }}',
  '{{ $t := toDate "2006-01-02" "2024-07-01" }}{{ $d := $t.Sub $t }}{{ $d }} {{ empty $d }} {{ default "z" $d }} {{ eq $d 0 }} {{ lt $d $t.Month }}',
  `{{ $m := ${M} }}{{ index (list 10 20 30 40 50 60 70 80) $m }} {{ index "abcdefghij" $m }} {{ slice (list 1 2 3 4 5 6 7 8) 1 $m }}`,
  '{{ index (list 1 2 3) (toDate "2006-01-02" "2024-12-01").Month }}',
  `{{ index (dict "a" 1) ${M} }}`,
  `{{ len ${M} }}`,
  `{{ until ${M} }}`,
  '{{ $m := (toDate "2006-01-02" "2024-03-01").Month }}{{ range $i := $m }}{{ $i }}|{{ typeOf $i }} {{ end }}',
  '{{ range (toDate "2006-01-02" "2024-07-03").Weekday }}{{ . }},{{ end }} {{ range (toDate "2006-01-02" "2024-06-30").Weekday }}x{{ else }}none{{ end }}',
  '{{ range $i, $e := (toDate "2006-01-02" "2024-03-01").Month }}{{ $i }}{{ end }}',
  '{{ $t := toDate "2006-01-02" "2024-07-01" }}{{ typeIs "int" $t.Month }} {{ typeIsLike "time.Month" $t.Month }} {{ kindOf ($t.Sub $t) }} {{ dig "a" "x" (dict "a" $t.Month) }} {{ mul $t.Month $t.Weekday }} {{ dict "m" $t.Month | toToml }}',
  '{{ $t := toDate "2006-01-02" "2024-07-01" }}{{ ($t.AddDate 0 0 6).Weekday }} {{ eq ($t.AddDate 0 0 6).Weekday 0 }} {{ $t.Weekday | toString | upper }}',
  // Methods with results a template cannot take (Date is the other way to a time.Month): goodFunc's error.
  '{{ (toDate "2006-01-02" "2024-07-01").Date }}',
  '{{ (toDate "2006-01-02" "2024-07-01").ISOWeek }}',
  "{{ now.Clock }}",
  "{{ now.Zone }}",
  "{{ now.ZoneBounds }}",
  "{{ now.Date 1 }}",
  // time.Time ==: the instant, the *Location (Local, nil for UTC, a shared unnamed fixed
  // zone per whole hour) and the monotonic reading (now's, kept by Add, dropped by In/UTC/Round)
  '{{ eq (toDate "2006-01-02" "2024-07-01") (toDate "2006-01-02" "2024-07-01") }} {{ ne (toDate "2006-01-02" "2024-07-01") (toDate "2006-01-02" "2024-07-02") }}',
  '{{ $t := toDate "2006-01-02" "2024-07-01" }}{{ eq $t $t.UTC }} {{ eq $t.UTC $t.UTC }} {{ eq $t ($t.Add 0) }} {{ eq $t ($t.Add 1) }} {{ eq $t $t.Local }} {{ eq $t ($t.In $t.Location) }} {{ eq $t ($t.Round 0) }} {{ eq $t ($t.AddDate 0 0 0) }} {{ eq $t (dateModify "0s" $t) }}',
  "{{ $t := now }}{{ eq $t $t }} {{ eq $t ($t.Add 0) }} {{ eq $t ($t.Round 0) }} {{ eq ($t.Round 0) ($t.Round 0) }} {{ eq $t.UTC $t.UTC }} {{ eq $t $t.Local }}",
  '{{ $t := toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00+02:00" }}{{ eq $t (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00+02:00") }} {{ eq $t.UTC (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T08:00:00Z") }} {{ eq $t.Location (toDate "2006-01-02T15:04:05Z07:00" "2024-06-01T10:00:00+02:00").Location }}',
  '{{ $t := toDate "2006-01-02 MST" "2024-07-01 UTC" }}{{ eq $t $t.UTC }} {{ eq now.Location now.Location }} {{ eq $t.UTC.Location $t.Location }} {{ deepEqual $t $t.UTC }} {{ deepEqual (toDate "2006-01-02" "2024-07-01") (toDate "2006-01-02" "2024-07-01") }}',
  // Named zones and offsets that are not whole hours get a new *Location per parse.
  '{{ eq (toDate "2006-01-02 MST" "2024-07-01 PST") (toDate "2006-01-02 MST" "2024-07-01 PST") }} {{ $t := toDate "2006-01-02 MST" "2024-07-01 PST" }}{{ eq $t $t }} {{ eq $t.Location $t.Location }} {{ eq (toDate "2006-01-02 -0700" "2024-07-01 +0530") (toDate "2006-01-02 -0700" "2024-07-01 +0530") }} {{ eq (toDate "2006-01-02 -0700" "2024-07-01 -0300") (toDate "2006-01-02 -0700" "2024-07-01 -0300") }}',
  '{{ eq (toDate "2006-01-02 MST" "2024-07-01 GMT+3") (toDate "2006-01-02 MST" "2024-07-01 GMT+3") }} {{ eq (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00+14:00") (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00+14:00") }} {{ eq (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00-12:00") (toDate "2006-01-02T15:04:05Z07:00" "2024-07-01T10:00:00-12:00") }}',
  '{{ eq (toDate "2006-01-02" "2024-07-01") 1 }}',
  '{{ eq (toDate "2006-01-02" "2024-07-01") (toDate "2006-01-02" "2024-07-01").Month }}',
  '{{ eq (toDate "2006-01-02" "2024-07-01") (list 1) }}',
  '{{ eq (toDate "2006-01-02" "2024-07-01") nil }} {{ eq (semver "1.2.3") (semver "1.2.3") }} {{ $c := genCA "x" 1 }}{{ eq $c $c }}',
];

test("part B functions through the executor match helm", () => compare(cases));
test("named integer types and time.Time equality through the executor match helm", () => compare(namedTypes));

async function compare(cases: string[]) {
  const helm = await helmRenderCases(cases.map((template) => ({ template })));
  const diffs: string[] = [];
  cases.forEach((t, i) => {
    const h = helm[i]!;
    let ours: string | undefined;
    let err: string | undefined;
    try {
      ours = renderTemplate(t, null, funcs, "chart/templates/case.yaml");
    } catch (e) {
      err = (e as Error).message;
    }
    if (h.error !== undefined) {
      // helm 4 re-lays out some executor errors; the message after the node must agree.
      const msg = err?.slice(err.lastIndexOf(">: ") + 3);
      if (msg === undefined || !h.error.endsWith(msg))
        diffs.push(`${t}\n  helm: ${h.error}\n  ours: ${err ?? ours}`);
    } else if (err !== undefined || ours !== h.output) {
      diffs.push(`${t}\n  helm: ${JSON.stringify(h.output)}\n  ours: ${err ?? JSON.stringify(ours)}`);
    }
  });
  assert.equal(diffs.length, 0, `${diffs.length} of ${cases.length} differ:\n${diffs.join("\n")}`);
}
