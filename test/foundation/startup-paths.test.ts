// Fast paths taken for start-up speed must give what helm gives on both sides
// of the fast path (printable ASCII and the rest).
import { test } from "node:test";
import { assertSameAsHelm } from "../helpers/differential.ts";

test("Chart.yaml strings are sanitized as helm does (printable ASCII fast path and the rest)", async () => {
  await assertSameAsHelm({
    "Chart.yaml":
      'apiVersion: v2\nname: sane\nversion: 0.1.0\ndescription: "plain ASCII ~!@#$%^&*()_+`-={}|[]:;<>?,./"\nhome: "tab\\there\\u00a0nbsp\\u2003em \\u00e9t\\u00e9 \\u0007bell \\u200bzw"\nkeywords: ["a b", "c\\nd", "\\u4e2d"]\n',
    "templates/cm.yaml":
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  description: {{ .Chart.Description | quote }}\n  home: {{ .Chart.Home | quote }}\n  keywords: {{ .Chart.Keywords | toJson | quote }}\n",
  });
});
