import assert from "node:assert/strict";
import { test } from "node:test";
import { dateFuncs } from "../../src/funcs/dates.ts";
import { goInt } from "../../src/funcs/goargs.ts";
import { durationString, parseDuration } from "../../src/funcs/time/duration.ts";
import type { GoTime } from "../../src/funcs/time/time.ts";
import { useNodeZoneinfo } from "../../src/node/zoneinfo.ts";
import { GoInt, type Value } from "../../src/template/value.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { assertSameAsHelm, type DirectCase, goQuote } from "./oracle-b.ts";

useNodeZoneinfo();

const f = (name: string, ...args: Value[]) => dateFuncs[name]!.fn(...args);
const show = (v: Value) => (v instanceof GoInt ? String(v.v) : String(v));
const RFC3339 = "2006-01-02T15:04:05Z07:00";
const at = (s: string) => f("toDate", RFC3339, s) as GoTime;
const atTpl = (s: string) => `(toDate "${RFC3339}" ${goQuote(s)})`;

const instants = [
  "2024-07-01T10:00:00Z",
  "2024-01-15T23:59:59+05:30",
  "1999-12-31T23:59:59-08:00",
  "2024-02-29T12:00:00Z",
  "1970-01-01T00:00:00Z",
  "2038-01-19T03:14:08Z",
  "2100-03-28T01:30:00Z",
  "0001-01-01T00:00:00Z",
  "1901-06-01T00:00:00Z",
];

const layouts = [
  "2006-01-02",
  "2006-01-02 15:04:05.999999999 -0700 MST",
  "Mon Jan _2 15:04:05 MST 2006",
  "Monday, 02-Jan-06 15:04:05 MST",
  "January 2, 2006 at 3:04pm (PM)",
  "03:04:05 PM Z07:00 Z0700 Z07 Z070000 Z07:00:00",
  "-07:00 -0700 -07 -070000 -07:00:00",
  "__2 002 .000 ,999 .9 .000000000",
  "Jan Janx January Monx Month",
  "_2006 06 1 01 2 02 _2",
  "literal text only",
  "",
];

const zones = [
  "UTC",
  "Local",
  "",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Lord_Howe",
  "America/Sao_Paulo",
  "Asia/Dubai",
  "Pacific/Chatham",
  "Africa/Casablanca",
  "Nope/Zone",
  "../etc/passwd",
  "EST5EDT",
];

test("dateInZone/date/htmlDate format Go layouts in IANA zones like helm", async () => {
  const cases: DirectCase[] = [];
  for (const i of instants) {
    for (const l of layouts) {
      cases.push({
        template: `{{ dateInZone ${goQuote(l)} ${atTpl(i)} "Europe/Berlin" }}`,
        ours: () => show(f("dateInZone", l, at(i), "Europe/Berlin")),
      });
      cases.push({
        template: `{{ date ${goQuote(l)} ${atTpl(i)} }}`,
        ours: () => show(f("date", l, at(i))),
      });
    }
    for (const z of zones) {
      const l = "2006-01-02 15:04:05 MST -07:00:00";
      cases.push({
        template: `{{ date_in_zone ${goQuote(l)} ${atTpl(i)} ${goQuote(z)} }}`,
        ours: () => show(f("date_in_zone", l, at(i), z)),
      });
      cases.push({
        template: `{{ htmlDateInZone ${atTpl(i)} ${goQuote(z)} }}`,
        ours: () => show(f("htmlDateInZone", at(i), z)),
      });
    }
    cases.push({ template: `{{ htmlDate ${atTpl(i)} }}`, ours: () => show(f("htmlDate", at(i))) });
    cases.push({ template: `{{ ${atTpl(i)} }}`, ours: () => show(at(i)) });
    cases.push({ template: `{{ unixEpoch ${atTpl(i)} }}`, ours: () => show(f("unixEpoch", at(i))) });
  }
  // Unix seconds as int and int64.
  for (const n of [0, 1700000000, -86400, 2147483647, 4102444800]) {
    cases.push({
      template: `{{ dateInZone "2006-01-02 15:04:05 MST" ${n} "America/New_York" }}`,
      ours: () => show(f("dateInZone", "2006-01-02 15:04:05 MST", goInt(n), "America/New_York")),
    });
    cases.push({
      template: `{{ dateInZone "2006-01-02 15:04:05 MST" (int64 ${n}) "Asia/Kolkata" }}`,
      ours: () => show(f("dateInZone", "2006-01-02 15:04:05 MST", BigInt(n), "Asia/Kolkata")),
    });
  }
  await assertSameAsHelm(cases);
});

test("DST transitions and far-future rules (TZ footer) match helm", async () => {
  const cases: DirectCase[] = [];
  const l = "2006-01-02 15:04:05 MST -0700";
  const stamps = [
    "2024-03-31T00:59:59Z",
    "2024-03-31T01:00:00Z",
    "2024-10-27T00:59:59Z",
    "2024-10-27T01:00:00Z",
    "2024-03-10T06:59:59Z",
    "2024-03-10T07:00:00Z",
    "2050-07-01T00:00:00Z",
    "2050-12-01T00:00:00Z",
    "2400-06-15T12:00:00Z",
  ];
  for (const s of stamps) {
    for (const z of [
      "Europe/Berlin",
      "America/New_York",
      "Australia/Sydney",
      "Europe/London",
      "America/Santiago",
    ]) {
      cases.push({
        template: `{{ dateInZone ${goQuote(l)} ${atTpl(s)} ${goQuote(z)} }}`,
        ours: () => show(f("dateInZone", l, at(s), z)),
      });
    }
  }
  await assertSameAsHelm(cases);
});

test("toDate and mustToDate parse like Go's ParseInLocation(time.Local)", async () => {
  const cases: DirectCase[] = [];
  const pairs: [string, string][] = [
    ["2006-01-02", "2024-07-01"],
    ["2006-01-02", "2024-13-01"],
    ["2006-01-02", "2024-02-30"],
    ["2006-01-02", "2024-07-01x"],
    ["2006-01-02", "24-07-01"],
    ["2006-01-02", ""],
    [RFC3339, "2024-07-01T10:00:00+02:00"],
    [RFC3339, "2024-07-01T10:00:00Z"],
    [RFC3339, "2024-07-01T10:00:00.123456+02:00"],
    [RFC3339, "2024-07-01 10:00:00Z"],
    ["2006-01-02 MST", "2024-07-01 CEST"],
    ["2006-01-02 MST", "2024-07-01 UTC"],
    ["2006-01-02 MST", "2024-07-01 GMT+3"],
    ["2006-01-02 MST", "2024-07-01 +05"],
    ["2006-01-02 MST", "2024-07-01 cest"],
    ["2006-01-02 -0700", "2024-07-01 +0000"],
    ["2006-01-02 -0700", "2024-07-01 -0800"],
    ["2006-01-02 -07:00:00", "2024-07-01 +01:30:15"],
    ["2006-01-02 15:04:05.000 MST", "2024-01-01 10:00:00.123 PST"],
    ["2006-01-02 15:04:05", "2024-01-01 10:00:00.123456789123"],
    ["2006-01-02 15:04:05", "2024-01-01 24:00:00"],
    ["2006-01-02 15:04", "2024-01-01 10:60"],
    ["Jan _2 2006 3:04PM", "Feb  3 2024 12:15AM"],
    ["Jan _2 2006 3:04pm", "feb 3 2024 1:15pm"],
    ["January 2 2006", "FEBRUARY 3 2024"],
    ["Monday 2006-01-02", "Tuesday 2024-01-02"],
    ["Mon 2006-01-02", "Xyz 2024-01-02"],
    ["2006 002", "2024 060"],
    ["2006 002", "2023 366"],
    ["2006 __2 01", "2024  60 03"],
    ["06-01-02", "69-01-02"],
    ["06-01-02", "68-01-02"],
    ["2006-01-02 Z07:00", "2024-07-01 Z"],
    ["2006-01-02 Z07", "2024-07-01 +05"],
    ["15:04", "23:10"],
    ["2006-1-2  15:04", "2024-7-9 01:02"],
    ["2006-01-02T15:04:05.999999999Z07:00", "2024-07-01T10:00:00.5-03:00"],
    ["2006-01-02 ,000", "2024-07-01 ,123"],
  ];
  for (const [l, v] of pairs) {
    cases.push({
      template: `{{ toDate ${goQuote(l)} ${goQuote(v)} }}`,
      ours: () => show(f("toDate", l, v)),
    });
    cases.push({
      template: `{{ mustToDate ${goQuote(l)} ${goQuote(v)} }}`,
      ours: () => show(f("mustToDate", l, v)),
    });
  }
  await assertSameAsHelm(cases);
});

test("durations: duration, durationRound, dateModify, mustDateModify", async () => {
  const cases: DirectCase[] = [];
  const base = "2024-07-01T10:00:00Z";
  for (const d of [
    "1h",
    "-1.5h",
    "90m",
    "1h2m3.5s",
    "0",
    "",
    "bad",
    "1x",
    "+5s",
    ".5s",
    "1.s",
    "300ms",
    "1µs",
    "2us",
    "1ns",
    "9223372036854775807ns",
    "9223372036854775808ns",
    "-9223372036854775808ns",
    "100000000h",
  ]) {
    cases.push({
      template: `{{ dateModify ${goQuote(d)} ${atTpl(base)} }}`,
      ours: () => show(f("dateModify", d, at(base))),
    });
    cases.push({
      template: `{{ mustDateModify ${goQuote(d)} ${atTpl(base)} }}`,
      ours: () => show(f("mustDateModify", d, at(base))),
    });
    cases.push({ template: `{{ durationRound ${goQuote(d)} }}`, ours: () => show(f("durationRound", d)) });
  }
  for (const s of ["3725", "-61", "0", "abc", "99999999999999999999", "1.5", "", " 5"]) {
    cases.push({ template: `{{ duration ${goQuote(s)} }}`, ours: () => show(f("duration", s)) });
  }
  for (const n of [0, 1, 59, 60, 3725, 86400, -3725, 9223372036, 9223372037, 1000000000000]) {
    cases.push({ template: `{{ duration (int64 ${n}) }}`, ours: () => show(f("duration", BigInt(n))) });
    cases.push({ template: `{{ duration ${n} }}`, ours: () => show(f("duration", goInt(n))) });
    if (n < 9223372036)
      cases.push({
        template: `{{ durationRound (int64 ${n}000000000) }}`,
        ours: () => show(f("durationRound", BigInt(n) * 1000000000n)),
      });
    cases.push({ template: `{{ durationRound ${n} }}`, ours: () => show(f("durationRound", goInt(n))) });
  }
  cases.push({ template: "{{ duration 1.5 }}", ours: () => show(f("duration", 1.5)) });
  cases.push({ template: "{{ duration nil }}", ours: () => show(f("duration", null)) });
  for (const h of [1, 25, 24 * 31, 24 * 366, 24 * 365 * 3]) {
    cases.push({
      template: `{{ durationRound "${h}h1s" }}`,
      ours: () => show(f("durationRound", `${h}h1s`)),
    });
    cases.push({ template: `{{ durationRound "-${h}h" }}`, ours: () => show(f("durationRound", `-${h}h`)) });
  }
  await assertSameAsHelm(cases);
});

test("now, ago and time methods have helm's shape", async () => {
  const tpl = [
    "{{ now }}",
    "{{ now | typeOf }}",
    '{{ ago (toDate "2006-01-02" "2020-01-01") }}',
    "{{ ago 1.5 }}",
    // Compared with now's year in the same render: helm's answer is cached across years.
    '{{ eq (date "2006" 1.5) (now | date "2006") }}',
    '{{ (toDate "2006-01-02" "2024-07-01").Year }} {{ (toDate "2006-01-02" "2024-07-01").Month }} {{ (toDate "2006-01-02" "2024-07-01").Weekday }} {{ (toDate "2006-01-02" "2024-07-01").YearDay }}',
    '{{ (toDate "2006-01-02" "2024-07-01").UTC }} {{ (toDate "2006-01-02" "2024-07-01").Unix }} {{ (toDate "2006-01-02" "2024-07-01").IsZero }} {{ (toDate "x" "y").IsZero }}',
    '{{ (toDate "2006-01-02" "2024-07-01").AddDate 0 1 31 }} {{ (toDate "2006-01-02" "2024-07-01").Format "Jan 2" }}',
  ].join("\n");
  const [h] = await helmRenderCases([{ template: tpl }]);
  const lines = h!.output!.split("\n");
  // In the local zone (TZ, else /etc/localtime), the same one for helm and for us.
  const nowShape = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ ([+-]\d{4} \S+) m=\+\d+\.\d{9}$/;
  assert.match(lines[0]!, nowShape);
  assert.match(String(f("now")), nowShape);
  assert.equal(nowShape.exec(String(f("now")))![1], nowShape.exec(lines[0]!)![1]);
  assert.equal(lines[1], "time.Time");
  assert.equal((f("now") as GoTime).goType, "time.Time");
  assert.match(lines[2]!, /^\d+h\d+m\d+s$/);
  assert.match(String(f("ago", f("toDate", "2006-01-02", "2020-01-01"))), /^\d+h\d+m\d+s$/);
  // A float64 "date" means now: zero ago, this year.
  assert.equal(lines[3], "0s");
  assert.equal(String(f("ago", 1.5)), lines[3]);
  assert.equal(lines[4], "true");
  assert.equal(String(f("date", "2006", 1.5)), String(f("date", "2006", f("now"))));
  const t = f("toDate", "2006-01-02", "2024-07-01") as GoTime;
  const m = (name: string, ...a: Value[]) => show(t.method(name)!.fn(...a));
  assert.equal(lines[5], `${m("Year")} ${m("Month")} ${m("Weekday")} ${m("YearDay")}`);
  assert.equal(
    lines[6],
    `${m("UTC")} ${m("Unix")} ${m("IsZero")} ${String((f("toDate", "x", "y") as GoTime).method("IsZero")!.fn())}`,
  );
  assert.equal(lines[7], `${m("AddDate", goInt(0), goInt(1), goInt(31))} ${m("Format", "Jan 2")}`);
});

test("Go duration strings round-trip", () => {
  for (const [s, want] of [
    ["1h2m5s", "1h2m5s"],
    ["1.5s", "1.5s"],
    ["0", "0s"],
    ["1500ms", "1.5s"],
    ["1.5ms", "1.5ms"],
    ["1500us", "1.5ms"],
    ["999ns", "999ns"],
    ["-2h", "-2h0m0s"],
    ["61m", "1h1m0s"],
  ] as const) {
    assert.equal(durationString(parseDuration(s)), want, s);
  }
});
