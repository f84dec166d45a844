// Sprig's random functions: rand* strings (goutils.CryptoRandom*), randBytes,
// randInt (math/rand), shuffle (xstrings.Shuffle) and uuidv4 (google/uuid).
// Alphabets, lengths and errors follow the Go code; values come from the
// crypto provider.
import { GoError, type GoFunc, type Value } from "../template/value.ts";
import { base64Encode, hex } from "./bytes.ts";
import { cryptoProvider, randomBelow, secureRandomBytes } from "./crypto-provider.ts";
import { goInt, intArg } from "./goargs.ts";

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
let ASCII = "";
for (let c = 32; c < 127; c++) ASCII += String.fromCharCode(c);

// CryptoRandom draws from ' '..'z' and keeps letters/digits, so each kept
// character is uniform over this alphabet; a negative count is an error Sprig drops.
function randomString(count: number, alphabet: string): string {
  if (count <= 0) return "";
  let out = "";
  for (let i = 0; i < count; i++) out += alphabet[randomBelow(alphabet.length)];
  return out;
}

function randString(alphabet: string): GoFunc {
  return { params: ["int"], result: "string", fn: (n: Value) => randomString(intArg(n), alphabet) };
}

/** A version 4 UUID, lower-case hex with dashes. */
export function uuidv4(): string {
  const b = secureRandomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const randomFuncs: Record<string, GoFunc> = {
  randAlphaNum: randString(UPPER + LOWER + DIGITS),
  randAlpha: randString(UPPER + LOWER),
  randNumeric: randString(DIGITS),
  randAscii: randString(ASCII),
  randBytes: {
    params: ["int"],
    result: "string",
    returnsError: true,
    fn: (n) => {
      const count = intArg(n);
      if (count < 0) throw new GoError("runtime error: makeslice: len out of range");
      return base64Encode(cryptoProvider().randomBytes(count));
    },
  },
  randInt: {
    params: ["int", "int"],
    result: "int",
    fn: (min, max) => {
      const lo = intArg(min);
      const span = intArg(max) - lo;
      if (span <= 0) throw new GoError("invalid argument to Intn");
      return goInt(randomBelow(span) + lo);
    },
  },
  shuffle: {
    params: ["string"],
    result: "string",
    fn: (s) => {
      const runes = Array.from(s as string);
      for (let i = runes.length - 1; i > 0; i--) {
        const j = randomBelow(i + 1);
        [runes[i], runes[j]] = [runes[j]!, runes[i]!];
      }
      return runes.join("");
    },
  },
  uuidv4: { params: [], result: "string", fn: () => uuidv4() },
};
