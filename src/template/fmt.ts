// Go's fmt package for template values: Sprint, Sprintln and Sprintf with
// every verb, flag, width, precision and argument index, and Go's error forms
// (%!d(string=x), %!(EXTRA ...), %!s(MISSING), ...). The structure follows
// Go's print.go (argument dispatch, reflection-style walk of composite
// values) and format.go (padding, integers, floats, strings).

import { goBytes, goString } from "./gostring.ts";
import {
  canBackquote,
  decodeRune,
  type FloatFormat,
  formatFloat,
  isPrint,
  quote,
  quoteRune,
  quoteRuneToASCII,
  quoteToASCII,
} from "./strconv.ts";
import { elemTypeName, goTypeName, isSignedIntKind } from "./types.ts";
import { GoFloat32, GoInt, GoObject, type Value } from "./value.ts";

/** Number of Unicode code points (Go counts runes for widths and precisions). */
function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Compares strings in UTF-8 byte order (code point order), as Go sorts map keys. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0xd800 && y < 0xd800) return x - y;
      return a.codePointAt(i)! - b.codePointAt(i)!;
    }
  }
  return a.length - b.length;
}

// A UTF-16 surrogate: only strings holding one sort differently by code units and by code points.
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Sorts strings in place as compareGoStrings orders them. Without surrogates
 * the default sort's code-unit order is that order, and it runs natively
 * rather than calling a comparison function per pair (cold code sorts map
 * keys and template paths this way).
 */
export function sortGoStrings(a: string[]): string[] {
  return SURROGATE.test(a.join("")) ? a.sort(compareGoStrings) : a.sort();
}

function validUTF8(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; ) {
    const [r, w] = decodeRune(b, i);
    if (r === 0xfffd && w === 1) return false;
    i += w;
  }
  return true;
}

function hasStringMethod(v: GoObject): boolean {
  return v.toString !== Object.prototype.toString && v.stringNeedsAddress !== true;
}

const U64 = 1n << 64n;
const MAX_RUNE = 0x10ffff;
/** A stand-in address for %p and nested pointers: Go prints a run-dependent address there. */
const FAKE_ADDRESS = 0xc000010000n;

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

class Printer {
  buf = "";
  // Flags of the current directive (Go's fmtFlags).
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  /** Printing a %!verb(...) form: methods like String() are not called. */
  erroring = false;
  reordered = false;
  goodArgNum = true;

  clearflags() {
    this.widPresent = this.precPresent = this.minus = this.plus = false;
    this.sharp = this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
  }

  // ---- format.go: padding ----

  writePadding(n: number) {
    if (n <= 0) return;
    this.buf += (this.zero && !this.minus ? "0" : " ").repeat(n);
  }

  pad(s: string) {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean) {
    this.pad(v ? "true" : "false");
  }

  // ---- format.go: integers ----

  /** Formats the integer v (negative only for signed kinds) in base 2, 8, 10 or 16. */
  fmtIntegerRaw(v: bigint, base: number, signed: boolean, verb: string, upper: boolean) {
    const negative = signed && v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      // Precision 0 and value 0 print nothing but padding.
      if (prec === 0 && u === 0n) {
        const z = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = z;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (upper) s = s.toUpperCase();
    if (s.length < prec) s = "0".repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = `0b${s}`;
      else if (base === 8) {
        if (s[0] !== "0") s = `0${s}`;
      } else if (base === 16) s = (upper ? "0X" : "0x") + s;
    }
    if (verb === "O") s = `0o${s}`;
    if (negative) s = `-${s}`;
    else if (this.plus) s = `+${s}`;
    else if (this.space) s = ` ${s}`;
    // Zero padding was done above as precision, or is ignored for an explicit precision.
    const z = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = z;
  }

  fmtUnicode(v: bigint) {
    const u = v < 0n ? v + U64 : v;
    let s = u.toString(16).toUpperCase();
    const prec = this.precPresent && this.prec > 4 ? this.prec : 4;
    if (s.length < prec) s = "0".repeat(prec - s.length) + s;
    s = `U+${s}`;
    if (this.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u)))
      s += ` '${String.fromCodePoint(Number(u))}'`;
    const z = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = z;
  }

  /** The rune for %c and %q of an integer: U+FFFD when out of range. */
  static runeOf(v: bigint): number {
    const u = v < 0n ? v + U64 : v;
    if (u > BigInt(MAX_RUNE)) return 0xfffd;
    const r = Number(u);
    return r >= 0xd800 && r < 0xe000 ? 0xfffd : r;
  }

  fmtC(v: bigint) {
    this.pad(String.fromCodePoint(Printer.runeOf(v)));
  }

  fmtQc(v: bigint) {
    const r = Printer.runeOf(v);
    this.pad(this.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  // ---- format.go: strings ----

  truncate(s: string): string {
    if (!this.precPresent) return s;
    let n = this.prec;
    for (let i = 0; i < s.length; i++) {
      if (--n < 0) return s.slice(0, i);
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) i++;
      }
    }
    return s;
  }

  fmtS(s: string) {
    this.pad(this.truncate(s));
  }

  /** Hexadecimal encoding of bytes: %x, % x, %#x, % #x. */
  fmtSbx(b: Uint8Array, upper: boolean) {
    const digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    const prefix = upper ? "0X" : "0x";
    let out = this.sharp ? prefix : "";
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += " ";
        if (this.sharp) out += prefix;
      }
      const c = b[i]!;
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string) {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) {
      this.pad(`\`${s}\``);
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  /** %q of bytes that may not be valid UTF-8: Go quotes invalid bytes as \xNN. */
  fmtQBytes(b: Uint8Array) {
    let end = b.length;
    if (this.precPresent) {
      let n = this.prec;
      for (let i = 0; i < b.length; ) {
        if (--n < 0) {
          end = i;
          break;
        }
        i += decodeRune(b, i)[1];
      }
    }
    const t = b.subarray(0, end);
    if (this.sharp && validUTF8(t)) {
      const s = goString(t);
      if (canBackquote(s)) {
        this.pad(`\`${s}\``);
        return;
      }
    }
    this.pad(this.plus ? quoteToASCII(t) : quote(t));
  }

  // ---- format.go: floats ----

  fmtFloatRaw(v: number, size: 32 | 64, verb: string, prec: number) {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb as FloatFormat, prec, size);
    if (num[0] !== "-" && num[0] !== "+") num = `+${num}`;
    if (this.space && num[0] === "+" && !this.plus) num = ` ${num.slice(1)}`;
    // Infinities and NaN are never zero padded.
    if (num[1] === "I" || num[1] === "N") {
      const z = this.zero;
      this.zero = false;
      if (num[1] === "N" && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = z;
      return;
    }
    // '#' forces a decimal point and keeps (restores) trailing zeros.
    if (this.sharp && verb !== "b") {
      let digits = 0;
      if (verb === "v" || verb === "g" || verb === "G" || verb === "x") {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = "";
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i]!;
        if (c === ".") {
          hasDecimalPoint = true;
          continue;
        }
        if (c === "p" || c === "P" || ((c === "e" || c === "E") && verb !== "x" && verb !== "X")) {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        }
        if (c !== "0") sawNonzeroDigit = true;
        if (sawNonzeroDigit) digits--;
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === "0") digits--;
        num += ".";
      }
      if (digits > 0) num += "0".repeat(digits);
      num += tail;
    }
    if (this.plus || num[0] !== "+") {
      // With zero padding the sign goes before the zeros.
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // ---- print.go ----

  badVerb(verb: string, v: Value) {
    this.erroring = true;
    this.buf += `%!${verb}(`;
    if (v == null) this.buf += "<nil>";
    else {
      this.buf += `${goTypeName(v)}=`;
      this.printArg(v, "v");
    }
    this.buf += ")";
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string, arg: Value = v) {
    if (verb === "t" || verb === "v") this.fmtBoolean(v);
    else this.badVerb(verb, arg);
  }

  fmt0x64(v: bigint, leading0x: boolean) {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtIntegerRaw(v, 16, false, "v", false);
    this.sharp = sharp;
  }

  fmtInteger(v: bigint, signed: boolean, verb: string, arg: Value) {
    switch (verb) {
      case "v":
        if (this.sharpV && !signed) this.fmt0x64(v, true);
        else this.fmtIntegerRaw(v, 10, signed, verb, false);
        return;
      case "d":
        return this.fmtIntegerRaw(v, 10, signed, verb, false);
      case "b":
        return this.fmtIntegerRaw(v, 2, signed, verb, false);
      case "o":
      case "O":
        return this.fmtIntegerRaw(v, 8, signed, verb, false);
      case "x":
        return this.fmtIntegerRaw(v, 16, signed, verb, false);
      case "X":
        return this.fmtIntegerRaw(v, 16, signed, verb, true);
      case "c":
        return this.fmtC(v);
      case "q":
        return this.fmtQc(v);
      case "U":
        return this.fmtUnicode(v);
      default:
        this.badVerb(verb, arg);
    }
  }

  fmtFloat(v: number, size: 32 | 64, verb: string, arg: Value) {
    switch (verb) {
      case "v":
        return this.fmtFloatRaw(v, size, "g", -1);
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        return this.fmtFloatRaw(v, size, verb, -1);
      case "f":
      case "e":
      case "E":
        return this.fmtFloatRaw(v, size, verb, 6);
      case "F":
        return this.fmtFloatRaw(v, size, "f", 6);
      default:
        this.badVerb(verb, arg);
    }
  }

  fmtString(v: string, verb: string, arg: Value) {
    switch (verb) {
      case "v":
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case "s":
        return this.fmtS(v);
      case "x":
        return this.fmtSbx(goBytes(v), false);
      case "X":
        return this.fmtSbx(goBytes(v), true);
      case "q":
        return this.fmtQ(v);
      default:
        this.badVerb(verb, arg);
    }
  }

  fmtBytes(v: Uint8Array, verb: string, typeString: string, depth: number) {
    switch (verb) {
      case "v":
      case "d":
        if (this.sharpV) {
          this.buf += `${typeString}{`;
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.buf += ", ";
            this.fmt0x64(BigInt(v[i]!), true);
          }
          this.buf += "}";
        } else {
          this.buf += "[";
          for (let i = 0; i < v.length; i++) {
            if (i > 0) this.buf += " ";
            this.fmtIntegerRaw(BigInt(v[i]!), 10, false, verb, false);
          }
          this.buf += "]";
        }
        return;
      case "s":
        return this.fmtS(goString(v));
      case "x":
        return this.fmtSbx(v, false);
      case "X":
        return this.fmtSbx(v, true);
      case "q":
        return this.fmtQBytes(v);
      default:
        this.printSlice(
          Array.from(v, (c) => new GoInt(BigInt(c), "uint8")),
          "[]uint8",
          verb,
          depth,
        );
    }
  }

  fmtPointer(v: Value, verb: string) {
    const kind =
      v instanceof GoObject
        ? v.goKind
        : Array.isArray(v) || v instanceof Uint8Array
          ? "slice"
          : v instanceof Map
            ? "map"
            : "";
    if (kind !== "ptr" && kind !== "map" && kind !== "slice" && kind !== "func") {
      this.badVerb(verb, v);
      return;
    }
    switch (verb) {
      case "v":
        if (this.sharpV) {
          this.buf += `(${goTypeName(v)})(`;
          this.fmt0x64(FAKE_ADDRESS, true);
          this.buf += ")";
        } else this.fmt0x64(FAKE_ADDRESS, !this.sharp);
        return;
      case "p":
        return this.fmt0x64(FAKE_ADDRESS, !this.sharp);
      case "b":
      case "o":
      case "d":
      case "x":
      case "X":
        return this.fmtInteger(FAKE_ADDRESS, false, verb, v);
      default:
        this.badVerb(verb, v);
    }
  }

  /** Uses the value's GoString() or String() method where Go's handleMethods would. */
  handleMethods(v: GoObject, verb: string): boolean {
    if (this.erroring) return false;
    if (this.sharpV) {
      if (typeof v.goString !== "function") return false;
      this.fmtS(v.goString());
      return true;
    }
    if (verb !== "v" && verb !== "s" && verb !== "x" && verb !== "X" && verb !== "q") return false;
    if (!hasStringMethod(v)) return false;
    this.fmtString(v.toString!(), verb, v);
    return true;
  }

  printArg(arg: Value, verb: string) {
    if (arg == null) {
      if (verb === "T" || verb === "v") this.pad("<nil>");
      else this.badVerb(verb, null);
      return;
    }
    if (verb === "T") {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === "p") {
      this.fmtPointer(arg, "p");
      return;
    }
    switch (typeof arg) {
      case "boolean":
        return this.fmtBool(arg, verb);
      case "number":
        return this.fmtFloat(arg, 64, verb, arg);
      case "bigint":
        return this.fmtInteger(arg, true, verb, arg);
      case "string":
        return this.fmtString(arg, verb, arg);
    }
    if (arg instanceof GoInt) return this.fmtInteger(arg.v, isSignedIntKind(arg.kind), verb, arg);
    if (arg instanceof GoFloat32) return this.fmtFloat(arg.v, 32, verb, arg);
    if (arg instanceof Uint8Array) return this.fmtBytes(arg, verb, "[]byte", 0);
    if (arg instanceof GoObject && this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0);
  }

  /** Go's printValue: the reflection walk, where nested nils print as <nil>. */
  printValue(v: Value, verb: string, depth: number) {
    // undefined (an invalid value, if one slips through) prints as nil too.
    if (v == null) {
      // A nil inside a container or struct is a nil interface value.
      this.buf += this.sharpV ? "interface {}(nil)" : "<nil>";
      return;
    }
    switch (typeof v) {
      case "boolean":
        return this.fmtBool(v, verb);
      case "number":
        return this.fmtFloat(v, 64, verb, v);
      case "bigint":
        return this.fmtInteger(v, true, verb, v);
      case "string":
        return this.fmtString(v, verb, v);
    }
    if (v instanceof GoInt) return this.fmtInteger(v.v, isSignedIntKind(v.kind), verb, v);
    if (v instanceof GoFloat32) return this.fmtFloat(v.v, 32, verb, v);
    if (v instanceof Uint8Array) {
      if (verb === "s" || verb === "q" || verb === "x" || verb === "X")
        return this.fmtBytes(v, verb, "[]uint8", depth);
      return this.printSlice(
        Array.from(v, (c) => new GoInt(BigInt(c), "uint8")),
        "[]uint8",
        verb,
        depth,
      );
    }
    if (Array.isArray(v)) return this.printSlice(v, goTypeName(v), verb, depth);
    if (v instanceof Map) return this.printMap([...v.entries()], goTypeName(v), verb, depth);
    if (v instanceof GoObject) {
      if (depth > 0 && this.handleMethods(v, verb)) return;
      if (v.underlying !== undefined && this.printUnderlying(v, v.underlying(), verb)) return;
      switch (v.goKind) {
        case "ptr":
          // Go prints &{...} for a pointer to a struct only at the top level.
          if (depth === 0) {
            this.buf += "&";
            return this.printStruct(v, v.goType.replace(/^\*/, ""), verb, depth + 1);
          }
          return this.fmtPointer(v, verb);
        case "map":
          return this.printMap(v.fields(), v.goType, verb, depth);
        case "slice":
        case "array":
          return this.printSlice(
            v.fields().map(([, x]) => x),
            v.goType,
            verb,
            depth,
          );
        default:
          return this.printStruct(v, v.goType, verb, depth);
      }
    }
  }

  /** A named basic type (time.Duration, ...) prints as its underlying value, with its own type in errors. */
  printUnderlying(obj: GoObject, u: Value, verb: string): boolean {
    const kind = obj.goKind;
    if (kind === "string" && typeof u === "string") this.fmtString(u, verb, obj);
    else if (kind === "bool" && typeof u === "boolean") this.fmtBool(u, verb, obj);
    else if ((kind === "float64" || kind === "float32") && typeof u === "number")
      this.fmtFloat(u, kind === "float32" ? 32 : 64, verb, obj);
    else if (/^u?int(8|16|32|64|ptr)?$/.test(kind) && (typeof u === "bigint" || u instanceof GoInt))
      this.fmtInteger(typeof u === "bigint" ? u : u.v, isSignedIntKind(kind), verb, obj);
    else return false;
    return true;
  }

  printSlice(items: Value[], typeName: string, verb: string, depth: number) {
    if (
      (verb === "s" || verb === "q" || verb === "x" || verb === "X") &&
      /^(uint8|byte)$/.test(elemTypeName(typeName))
    ) {
      const bytes = Uint8Array.from(items, (x) => Number(x instanceof GoInt ? x.v : 0));
      return this.fmtBytes(bytes, verb, typeName, depth);
    }
    if (this.sharpV) {
      this.buf += `${typeName}{`;
      for (let i = 0; i < items.length; i++) {
        if (i > 0) this.buf += ", ";
        this.printValue(items[i]!, verb, depth + 1);
      }
      this.buf += "}";
      return;
    }
    this.buf += "[";
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.buf += " ";
      this.printValue(items[i]!, verb, depth + 1);
    }
    this.buf += "]";
  }

  printMap(entries: [string, Value][], typeName: string, verb: string, depth: number) {
    this.buf += this.sharpV ? `${typeName}{` : "map[";
    entries.sort((a, b) => compareGoStrings(a[0], b[0]));
    for (let i = 0; i < entries.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ", " : " ";
      this.printValue(entries[i]![0], verb, depth + 1);
      this.buf += ":";
      this.printValue(entries[i]![1], verb, depth + 1);
    }
    this.buf += this.sharpV ? "}" : "]";
  }

  printStruct(v: GoObject, typeName: string, verb: string, depth: number) {
    if (this.sharpV) this.buf += typeName;
    this.buf += "{";
    const fields = v.fields();
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ", " : " ";
      if (this.plusV || this.sharpV) this.buf += `${fields[i]![0]}:`;
      this.printValue(fields[i]![1], verb, depth + 1);
    }
    this.buf += "}";
  }

  // ---- print.go: Printf ----
  // The parsing helpers return the new index and leave their other results in
  // these fields (no tuple allocations on the hot path).
  num = 0;
  isnum = false;
  argNumOut = 0;
  found = false;

  /** Go's parsenum: digits at s[start..end) into this.num/this.isnum; returns the index after them. */
  parsenum(s: string, start: number, end: number): number {
    this.num = 0;
    this.isnum = false;
    if (start >= end) return end;
    let num = 0;
    let i = start;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      // Overflow: a crazy long number; Go gives up on the rest of the format.
      if (tooLarge(num)) return end;
      num = num * 10 + c - 48;
      this.isnum = true;
    }
    this.num = num;
    return i;
  }

  /** Go's intFromArg: argument argNum as a width or precision into this.num/this.isnum; returns the next argNum. */
  intFromArg(a: Value[], argNum: number): number {
    this.num = 0;
    this.isnum = false;
    if (argNum >= a.length) return argNum;
    const v = a[argNum]!;
    let n = typeof v === "bigint" ? v : v instanceof GoInt ? v.v : undefined;
    if (v instanceof GoObject && v.underlying !== undefined && /^u?int/.test(v.goKind)) {
      const u = v.underlying();
      n = typeof u === "bigint" ? u : u instanceof GoInt ? u.v : undefined;
    }
    // Every int kind fits Go's int here except uint64 values of 2^63 and above.
    if (n !== undefined && n < 1n << 63n) {
      if (n > 1_000_000n || n < -1_000_000n) return argNum + 1; // tooLarge
      this.num = Number(n);
      this.isnum = true;
    }
    return argNum + 1;
  }

  /** Go's argNumber: an explicit [n] index at format[i:] into this.argNumOut/this.found; returns the new index. */
  argNumber(argNum: number, format: string, i: number, numArgs: number): number {
    this.argNumOut = argNum;
    this.found = false;
    if (format.length <= i || format.charCodeAt(i) !== 91) return i;
    this.reordered = true;
    // parseArgNumber: at least "[n]", up to the first "]".
    let index = 0;
    let wid = 1;
    let ok = false;
    if (format.length - i >= 3) {
      const close = format.indexOf("]", i + 1);
      if (close >= 0) {
        wid = close - i + 1;
        const newi = this.parsenum(format, i + 1, close);
        if (this.isnum && newi === close) {
          index = this.num - 1;
          ok = true;
        }
      }
    }
    this.found = ok;
    if (ok && index >= 0 && index < numArgs) {
      this.argNumOut = index;
      return i + wid;
    }
    this.goodArgNum = false;
    return i + wid;
  }

  printVerb(arg: Value, verb: string): void {
    if (verb === "v" || verb === "w") {
      this.sharpV = this.sharp;
      this.sharp = false;
      this.plusV = this.plus;
      this.plus = false;
    }
    // %w is only valid in Errorf; Sprintf reports it as a bad verb.
    if (verb === "w") this.badVerb(verb, arg);
    else this.printArg(arg, verb);
  }

  doPrintf(format: string, a: Value[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const pct = format.indexOf("%", i);
      if (pct < 0) {
        this.buf += i === 0 ? format : format.slice(i);
        break;
      }
      if (pct > i) this.buf += format.slice(i, pct);
      i = pct + 1;
      this.clearflags();
      flags: for (; i < end; i++) {
        const c = format.charCodeAt(i);
        switch (c) {
          case 35: // #
            this.sharp = true;
            break;
          case 48: // 0: zero padding only to the left
            this.zero = !this.minus;
            break;
          case 43: // +
            this.plus = true;
            break;
          case 45: // -
            this.minus = true;
            this.zero = false;
            break;
          case 32: // space
            this.space = true;
            break;
          default:
            // Fast path: a lower-case ASCII verb right after the flags.
            if (c >= 97 && c <= 122 && argNum < a.length) {
              this.printVerb(a[argNum]!, format[i]!);
              argNum++;
              i++;
              continue formatLoop;
            }
            break flags;
        }
      }
      i = this.argNumber(argNum, format, i, a.length);
      argNum = this.argNumOut;
      afterIndex = this.found;
      if (i < end && format.charCodeAt(i) === 42) {
        // *: width from an argument
        i++;
        argNum = this.intFromArg(a, argNum);
        this.wid = this.num;
        this.widPresent = this.isnum;
        if (!this.widPresent) this.buf += "%!(BADWIDTH)";
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        i = this.parsenum(format, i, end);
        this.wid = this.num;
        this.widPresent = this.isnum;
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format.charCodeAt(i) === 46) {
        // .precision
        i++;
        if (afterIndex) this.goodArgNum = false;
        i = this.argNumber(argNum, format, i, a.length);
        argNum = this.argNumOut;
        afterIndex = this.found;
        if (i < end && format.charCodeAt(i) === 42) {
          i++;
          argNum = this.intFromArg(a, argNum);
          this.prec = this.num;
          this.precPresent = this.isnum;
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += "%!(BADPREC)";
          afterIndex = false;
        } else {
          i = this.parsenum(format, i, end);
          this.prec = this.num;
          this.precPresent = true; // "%.d" means precision 0
        }
      }
      if (!afterIndex) {
        i = this.argNumber(argNum, format, i, a.length);
        argNum = this.argNumOut;
        afterIndex = this.found;
      }
      if (i >= end) {
        this.buf += "%!(NOVERB)";
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp >= 0xd800 && cp < 0xe000 ? 0xfffd : cp);
      i += cp > 0xffff ? 2 : 1;
      if (verb === "%") this.buf += "%";
      else if (!this.goodArgNum) this.buf += `%!${verb}(BADINDEX)`;
      else if (argNum >= a.length) this.buf += `%!${verb}(MISSING)`;
      else {
        this.printVerb(a[argNum]!, verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearflags();
      this.buf += "%!(EXTRA ";
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.buf += ", ";
        const arg = a[k]!;
        if (arg == null) this.buf += "<nil>";
        else {
          this.buf += `${goTypeName(arg)}=`;
          this.printArg(arg, "v");
        }
      }
      this.buf += ")";
    }
  }
}

function isStringKind(v: Value): boolean {
  return typeof v === "string" || (v instanceof GoObject && v.goKind === "string");
}

/** %v of one value without flags, with fast paths for the common scalars. */
function sprintOne(v: Value): string {
  switch (typeof v) {
    case "string":
      return v;
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "true" : "false";
    case "number": {
      const a = Math.abs(v);
      // Here %v equals JS's own shortest form: no exponent either way.
      if (a >= 1e-4 && a < 1e6) return String(v);
      return formatFloat(v, "g", -1, 64);
    }
  }
  if (v == null) return "<nil>";
  if (v instanceof GoInt) return v.v.toString();
  const p = new Printer();
  p.printArg(v, "v");
  return p.buf;
}

/** fmt.Sprint: operands in their %v form, with spaces between operands when neither is a string. */
export function sprint(args: Value[]): string {
  if (args.length === 1) return sprintOne(args[0]!);
  let out = "";
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const isString = isStringKind(arg);
    if (i > 0 && !isString && !prevString) out += " ";
    out += sprintOne(arg);
    prevString = isString;
  }
  return out;
}

/**
 * What {{ value }} prints: text/template's printableValue, then fmt.Fprint. A
 * pointer is printed as what it points to (no "&"), and a String() method with a
 * pointer receiver counts when the value is addressable (a field, a variable),
 * unlike in print/printf, which receive copies.
 */
export function sprintTemplateValue(v: Value, addressable = true): string {
  if (v instanceof GoObject) {
    const stringer = v.toString !== Object.prototype.toString;
    if (v.goKind === "ptr") {
      if (stringer) return v.toString!();
      const p = new Printer();
      p.printStruct(v, v.goType.replace(/^\*/, ""), "v", 0);
      return p.buf;
    }
    if (stringer && v.stringNeedsAddress === true && addressable) return v.toString!();
  }
  return sprintOne(v);
}

/** fmt.Sprintln: operands in their %v form, always space separated, with a final newline. */
export function sprintln(args: Value[]): string {
  let out = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += " ";
    out += sprintOne(args[i]!);
  }
  return `${out}\n`;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: Value[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}
