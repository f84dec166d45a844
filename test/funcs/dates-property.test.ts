// Random instants, zones and layouts against helm: exercises the calendar,
// TZif transitions, POSIX footer rules and every layout element together.
import { test } from "node:test";
import fc from "fast-check";
import { dateFuncs } from "../../src/funcs/dates.ts";
import { useNodeZoneinfo } from "../../src/node/zoneinfo.ts";
import { assertSameAsHelm, type DirectCase, goQuote } from "./oracle-b.ts";

useNodeZoneinfo();

const ZONES = [
  "UTC",
  "Local",
  "Europe/Berlin",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Moscow",
  "Europe/Lisbon",
  "America/New_York",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "America/St_Johns",
  "America/Havana",
  "America/Caracas",
  "America/Santiago",
  "America/Asuncion",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tokyo",
  "Asia/Shanghai",
  "Asia/Tehran",
  "Asia/Jerusalem",
  "Asia/Gaza",
  "Australia/Sydney",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "Australia/Eucla",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Pacific/Kiritimati",
  "Africa/Casablanca",
  "Africa/Cairo",
  "Antarctica/Troll",
  "EST5EDT",
  "CET",
  "Etc/GMT+5",
];
const ELEMENTS = [
  "2006",
  "06",
  "01",
  "1",
  "Jan",
  "January",
  "02",
  "2",
  "_2",
  "002",
  "__2",
  "Mon",
  "Monday",
  "15",
  "03",
  "3",
  "04",
  "4",
  "05",
  "5",
  "PM",
  "pm",
  ".000",
  ".999999999",
  ",9",
  "MST",
  "-0700",
  "-07:00",
  "-07",
  "-070000",
  "Z07:00",
  "Z0700",
  " ",
  "-",
  ":",
  "T",
  "x",
];

// Longer runs: PROP_RUNS=3000 PROP_SEED=1 node --import tsx --test test/funcs/*-property.test.ts
const SEED = Number(process.env.PROP_SEED ?? 42);
const RUNS = Number(process.env.PROP_RUNS ?? 300);

test("dateInZone over random instants, zones and layouts matches helm", async () => {
  const samples = fc.sample(
    fc.record({
      sec: fc.integer({ min: -2_500_000_000, max: 5_000_000_000 }),
      zone: fc.constantFrom(...ZONES),
      layout: fc.array(fc.constantFrom(...ELEMENTS), { minLength: 1, maxLength: 8 }).map((a) => a.join("")),
    }),
    { seed: SEED, numRuns: RUNS },
  );
  const cases: DirectCase[] = samples.map(({ sec, zone, layout }) => ({
    template: `{{ dateInZone ${goQuote(layout)} (int64 ${sec}) ${goQuote(zone)} }}`,
    ours: () => dateFuncs.dateInZone!.fn(layout, BigInt(sec), zone) as string,
  }));
  await assertSameAsHelm(cases);
});

test("toDate round-trips random instants through random layouts like helm", async () => {
  const samples = fc.sample(
    fc.record({
      sec: fc.integer({ min: -2_000_000_000, max: 4_000_000_000 }),
      layout: fc.constantFrom(
        "2006-01-02T15:04:05Z07:00",
        "Mon Jan _2 15:04:05 MST 2006",
        "02 Jan 06 15:04 -0700",
        "2006-01-02 15:04:05.000000 -07:00:00",
        "January 2 2006 3:04:05pm",
        "2006 002 15",
      ),
      zone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"),
    }),
    { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2) },
  );
  const cases: DirectCase[] = samples.map(({ sec, layout, zone }) => {
    const text = dateFuncs.dateInZone!.fn(layout, BigInt(sec), zone) as string;
    return {
      template: `{{ toDate ${goQuote(layout)} ${goQuote(text)} }}`,
      ours: () => String(dateFuncs.toDate!.fn(layout, text)),
    };
  });
  await assertSameAsHelm(cases);
});
