// semver and semverCompare (Masterminds/semver v3.4.0 rules) against helm 4.
import { test } from "node:test";
import { assertNoDiffs } from "./differential-a.ts";

const versions = [
  "1.2.3",
  "v1.2.3",
  "1.2",
  "1",
  "v2",
  "1.2.3-alpha.1",
  "1.2.3-alpha.01",
  "1.2.3+build.5",
  "1.2.3-rc.1+meta",
  "1.2.3-beta",
  "01.2.3",
  "1.2.3.4",
  "",
  "x",
  "1.2.x",
  "99999999999999999999.0.0",
  "1.2.3-",
  "1.2.3+",
  "1.2.3-a..b",
  "1.0.0-0",
  "0.0.0",
  "0.1.0",
  "0.0.1",
  "2.0.0-rc.10",
  "2.0.0-rc.9",
  "V1.2.3",
  " 1.2.3",
];

const constraints = [
  ">= 1.2.3",
  ">=1.2",
  "> 1.2",
  "> 1.2.x",
  "> 1",
  "<1.3",
  "<= 1.2",
  "<= 1.x",
  "=< 1.2.3",
  "=1.2.3",
  "1.2.3",
  "1.2",
  "1.x",
  "*",
  "",
  "!=1.2.3",
  "!= 1.2",
  "!= 1.x",
  "~1.2.3",
  "~1.2",
  "~1",
  "~> 1.2",
  "~0.0.0",
  "^1.2.3",
  "^1.2",
  "^0.2.3",
  "^0.0.3",
  "^0.0",
  "^0",
  "^1.x",
  ">=1.0.0-0",
  ">=1.2.3-alpha",
  ">= 1.2, < 2.0",
  ">= 1.2 < 2.0",
  ">=1.1 <2 || >=3",
  "1.1 - 1.3",
  "1.1.0 - 2",
  ">1.0 || <0.5",
  "> 1.0 ,< 3.0",
  "abc",
  ">=",
  "1.2.3 ||",
  "=> 1.0",
  ">= 01.2",
  "<2.0.0-beta",
];

const cases: string[] = [];
for (const v of versions) {
  const q = JSON.stringify(v);
  cases.push(`{{ semver ${q} }}`);
  cases.push(
    `{{ $v := semver ${q} }}{{ $v.Major }}|{{ $v.Minor }}|{{ $v.Patch }}|{{ $v.Prerelease }}|{{ $v.Metadata }}|{{ $v.Original }}|{{ typeOf $v }}|{{ kindOf $v }}|{{ $v | toJson }}`,
  );
}
for (const c of constraints) {
  const line = versions
    .filter((v) => !["", "x", "1.2.x", "01.2.3", "1.2.3.4"].includes(v))
    .map((v) => `{{ semverCompare ${JSON.stringify(c)} ${JSON.stringify(v)} }}`)
    .join("|");
  cases.push(line);
}
cases.push(
  `{{ semverCompare ">1" "x" }}`,
  `{{ semverCompare "abc" "1.0.0" }}`,
  `{{ semverCompare ">=1.0" "" }}`,
  `{{ semverCompare "|| 1" "1.0.0" }}`,
  `{{ (semver "1.2.3").Compare (semver "1.2.4") }} {{ (semver "1.2.3").LessThan (semver "1.2.4") }} {{ (semver "2.0.0").GreaterThan (semver "1.9.9") }}`,
  `{{ (semver "1.2.3").Equal (semver "v1.2.3") }} {{ (semver "1.0.0-a").Compare (semver "1.0.0") }}`,
  `{{ (semver "v1.2.3-pre+m").IncPatch }} {{ (semver "v1.2.3").IncMinor }} {{ (semver "1.2.3").IncMajor }} {{ typeOf (semver "1.2.3").IncMajor }}`,
  `{{ ((semver "v1.2.3").IncPatch).Original }}`,
  `{{ (semver "1.2.3").String }}`,
  `{{ semver "1.2.3" | toString }} {{ semver "1.2.3" | quote }} {{ printf "%v %s" (semver "1.0") (semver "2.0") }}`,
  `{{ dict "v" (semver "1.2.3") | toYaml }}`,
  `{{ if semverCompare ">=1.19-0" "1.25.0-eks-123" }}yes{{ else }}no{{ end }}`,
  `{{ semverCompare ">=1.19-0" "v1.25.3+k3s1" }} {{ semverCompare "<1.19" "1.18.20-gke.900" }}`,
);

test("semver functions match helm", async () => {
  await assertNoDiffs(cases);
});
