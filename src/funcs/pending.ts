// Stand-ins for part B's groups that have not landed yet (crypto, dates), so
// that templates naming them parse as in helm. Each fails when called. Remove
// a name here once its real group is in index.ts (later groups win anyway).
import { GoError, type GoFunc } from "../template/value.ts";

const PENDING = [
  "ago",
  "bcrypt",
  "buildCustomCert",
  "date",
  "dateInZone",
  "dateModify",
  "date_in_zone",
  "date_modify",
  "decryptAES",
  "derivePassword",
  "duration",
  "durationRound",
  "encryptAES",
  "genCA",
  "genCAWithKey",
  "genPrivateKey",
  "genSelfSignedCert",
  "genSelfSignedCertWithKey",
  "genSignedCert",
  "genSignedCertWithKey",
  "htmlDate",
  "htmlDateInZone",
  "htpasswd",
  "mustDateModify",
  "mustToDate",
  "must_date_modify",
  "now",
  "toDate",
  "unixEpoch",
];

export const pendingFuncs: Record<string, GoFunc> = Object.fromEntries(
  PENDING.map((name) => [
    name,
    {
      params: [],
      variadic: "interface {}",
      result: "interface {}",
      fn: () => {
        throw new GoError(`capstan: ${name} is not implemented yet`);
      },
    },
  ]),
);
