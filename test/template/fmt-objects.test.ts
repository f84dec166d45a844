// fmt on host objects (GoObject): structs, pointers to structs, String() and
// GoString() methods, and String() on a pointer receiver. The doubles below
// mirror the Go types helm hands to templates (*semver.Version,
// common.KubeVersion, time.Time) field for field; expected text comes from
// helm printing the real values.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sprint, sprintf, sprintTemplateValue } from "../../src/template/fmt.ts";
import { GO_TYPE, GoInt, GoObject, type Value } from "../../src/template/value.ts";
import { helmRenderCases } from "../helpers/template-cases.ts";
import { type Arg, D, fmtCase, I, L, printfTemplate } from "./fmt-args.ts";

class SemverDouble extends GoObject {
  readonly goType = "*semver.Version";
  readonly goKind = "ptr";
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
  ) {
    super();
  }
  override fields(): [string, Value][] {
    return [
      ["major", new GoInt(this.major, "uint64")],
      ["minor", new GoInt(this.minor, "uint64")],
      ["patch", new GoInt(this.patch, "uint64")],
      ["pre", this.pre],
      ["metadata", this.metadata],
      ["original", this.original],
    ];
  }
  override toString(): string {
    return `${this.major}.${this.minor}.${this.patch}${this.pre ? `-${this.pre}` : ""}${this.metadata ? `+${this.metadata}` : ""}`;
  }
}

/** common.KubeVersion: String() has a pointer receiver, so fmt does not see it. */
class KubeVersionDouble extends GoObject {
  readonly goType = "common.KubeVersion";
  readonly goKind = "struct";
  override readonly stringNeedsAddress = true;
  override fields(): [string, Value][] {
    return [
      ["Version", "v1.35.0"],
      ["normalizedVersion", "v1.35.0"],
      ["Major", "1"],
      ["Minor", "35"],
    ];
  }
  override toString(): string {
    return "v1.35.0";
  }
}

class TimeDouble extends GoObject {
  readonly goType = "time.Time";
  readonly goKind = "struct";
  override toString(): string {
    return "2020-01-02 00:00:00 +0000 UTC";
  }
  override goString(): string {
    return "time.Date(2020, time.January, 2, 0, 0, 0, 0, time.UTC)";
  }
}

const SEMVER: Arg = { t: `(semver "1.2.3")`, v: new SemverDouble(1n, 2n, 3n, "", "", "1.2.3") };
const SEMVER_PRE: Arg = {
  t: `(semver "1.2.3-rc.1+b")`,
  v: new SemverDouble(1n, 2n, 3n, "rc.1", "b", "1.2.3-rc.1+b"),
};
const KUBE: Arg = { t: ".Capabilities.KubeVersion", v: new KubeVersionDouble() };
// "UTC" parses as UTC in every local zone, so helm's answer does not depend on TZ.
const TIME: Arg = { t: `(toDate "2006-01-02 MST" "2020-01-02 UTC")`, v: new TimeDouble() };

/** A named integer type with a String method (time.Duration, time.Month). */
class NamedIntDouble extends GoObject {
  constructor(
    readonly goType: string,
    readonly goKind: string,
    private readonly v: Value,
    private readonly str: string,
  ) {
    super();
  }
  override toString(): string {
    return this.str;
  }
  override underlying(): Value {
    return this.v;
  }
}
const DAY = `((toDate "2006-01-02" "2020-01-02").Sub (toDate "2006-01-02" "2020-01-01"))`;
const DURATION: Arg = { t: DAY, v: new NamedIntDouble("time.Duration", "int64", 86400000000000n, "24h0m0s") };
const MONTH: Arg = {
  t: `(toDate "2006-01-02" "2020-01-02").Month`,
  v: new NamedIntDouble("time.Month", "int", new GoInt(1n), "January"),
};

/** A slice of a named Go type (e.g. []string from splitList, []int from until). */
function typed(t: string, items: Value[]): Value {
  return Object.assign(items, { [GO_TYPE]: t });
}
const STRINGS: Arg = { t: `(splitList "," "a,b")`, v: typed("[]string", ["a", "b"]) };
const INTS: Arg = {
  t: "(until 3)",
  v: typed(
    "[]int",
    [0n, 1n, 2n].map((n) => new GoInt(n)),
  ),
};
const EMPTY_BYTES: Arg = { t: `(.Files.GetBytes "nope")`, v: new Uint8Array(0) };

interface Case {
  template: string;
  ours: () => string;
}
const printf = (format: string, ...args: Arg[]): Case => ({
  template: printfTemplate(format, args),
  ours: () =>
    sprintf(
      format,
      args.map((a) => a.v),
    ),
});

const cases: Case[] = [
  printf(
    "%v|%+v|%s|%x|%X|%q|%10s|%-10v|%.2s",
    SEMVER,
    SEMVER,
    SEMVER,
    SEMVER,
    SEMVER,
    SEMVER,
    SEMVER,
    SEMVER,
    SEMVER,
  ),
  printf("%v|%+v", SEMVER_PRE, SEMVER_PRE),
  printf("%d", SEMVER),
  printf("%+d", SEMVER_PRE),
  printf("%#v", SEMVER),
  printf("%T", SEMVER),
  printf("%v|%s", L(SEMVER, SEMVER_PRE), D(["k", SEMVER])),
  printf("%v|%+v|%#v|%T|%s|%d|%q", KUBE, KUBE, KUBE, KUBE, KUBE, KUBE, KUBE),
  printf("%s|%v|%+v", L(KUBE), D(["a", KUBE]), L(KUBE)),
  printf("%v|%#v|%s|%T|%q|%x", TIME, TIME, TIME, TIME, TIME, TIME),
  printf("%v|%#v", L(TIME), D(["t", TIME])),
  printf("%30v|%-30s|", TIME, TIME),
  printf("%d %s", KUBE, SEMVER),
  printf("%!(EXTRA)", SEMVER, KUBE, TIME),
  {
    template: `{{ print ${SEMVER.t} ${KUBE.t} ${TIME.t} 1 }}`,
    ours: () => sprint([SEMVER.v, KUBE.v, TIME.v, new GoInt(1n)]),
  },
  printf("%#v|%v|%T|%q|%x|%5s|%d", STRINGS, STRINGS, STRINGS, STRINGS, STRINGS, STRINGS, STRINGS),
  printf("%#v|%v|%T|%x|%d|%s|%05d", INTS, INTS, INTS, INTS, INTS, INTS, INTS),
  printf("%#v|%v|%T", D(["s", STRINGS], ["i", INTS]), L(STRINGS, INTS), L(STRINGS)),
  printf("%#v|%v|%T|%s|%x|", EMPTY_BYTES, EMPTY_BYTES, EMPTY_BYTES, EMPTY_BYTES, EMPTY_BYTES),
  printf(
    "%v|%s|%d|%x|%#v|%T|%t|%q|%5.1s|%c|%08d",
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
    DURATION,
  ),
  printf(
    "%v|%s|%d|%x|%#v|%T|%t|%q|%5.1s|%c|%U",
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
    MONTH,
  ),
  printf("%v|%d|%#v", L(DURATION, MONTH), L(DURATION, MONTH), D(["m", MONTH])),
  printf("%*d|", MONTH, I(7)),
  {
    template: `{{ print ${DURATION.t} ${MONTH.t} 1 }}`,
    ours: () => sprint([DURATION.v, MONTH.v, new GoInt(1n)]),
  },
  { template: `{{ ${MONTH.t} }}`, ours: () => sprintTemplateValue(MONTH.v) },
  // {{ value }}: pointers print as their target, pointer-receiver String() counts when addressable.
  { template: `{{ ${SEMVER.t} }}`, ours: () => sprintTemplateValue(SEMVER.v) },
  { template: `{{ ${KUBE.t} }}`, ours: () => sprintTemplateValue(KUBE.v) },
  { template: `{{ $k := ${KUBE.t} }}{{ $k }}`, ours: () => sprintTemplateValue(KUBE.v) },
  { template: `{{ index (list ${KUBE.t}) 0 }}`, ours: () => sprintTemplateValue(KUBE.v, false) },
  { template: `{{ ${TIME.t} }}`, ours: () => sprintTemplateValue(TIME.v) },
  { template: `{{ list ${KUBE.t} ${SEMVER.t} }}`, ours: () => sprintTemplateValue(L(KUBE, SEMVER).v) },
];

test(`fmt: ${cases.length} cases on host objects and typed slices match helm`, async () => {
  const results = await helmRenderCases(cases.map((c) => fmtCase(c.template)));
  cases.forEach((c, i) => {
    const r = results[i]!;
    assert.equal(c.ours(), r.output ?? `ERROR: ${r.error}`, c.template);
  });
});
