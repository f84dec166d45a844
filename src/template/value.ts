// The Go value model that templates see. Go's static types show through in
// chart output (typeOf, %T, %d vs %v, int vs float64 comparisons), so every
// value carries enough to know its Go type:
//
//   Go type                      JS representation
//   nil                          null
//   bool                         boolean
//   string                       string
//   float64                      number            (every number read from YAML/JSON values)
//   int64                        bigint            (Sprig arithmetic, --set integers, UseNumber JSON)
//   int, int32, uint8, ...       GoInt             (template literals, len, until, ...)
//   float32                      GoFloat32         (rare)
//   []interface {}               Array             (tag GO_TYPE for []string, []int, ...)
//   map[string]interface {}      Map<string, ...>  (tag GO_TYPE for map[string]string, common.Values, ...)
//   []byte                       Uint8Array
//   structs, pointers, time...   GoObject subclasses (Release, Chart metadata, Files, time.Time, ...)
//
// bigint for int64 and the Symbol.for protocols below let the yaml and values
// layers produce and consume these values without importing this module.

/** Symbol naming the Go type of a tagged Array or Map (absent: []interface {} / map[string]interface {}). */
export const GO_TYPE: unique symbol = Symbol.for("capstan.goType") as any;
/**
 * Symbol for the methods of a named slice or map type (common.VersionSet's Has,
 * engine.files' Get, ...), bound to the tagged Array or Map that carries them.
 * As in Go, a method wins over a map key of the same name.
 */
export const GO_METHODS: unique symbol = Symbol.for("capstan.goMethods") as any;
/** Method symbol: return the value encoding/json would marshal (a tree of null/boolean/string/number/bigint/Array/Map). */
export const MARSHAL_JSON: unique symbol = Symbol.for("capstan.marshalJSON") as any;

export type IntKind =
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "uintptr";

/** A Go integer of a kind other than int64 (int64 is a plain bigint). */
export class GoInt {
  constructor(
    readonly v: bigint,
    readonly kind: IntKind = "int",
  ) {}
  [MARSHAL_JSON](): bigint {
    return this.v;
  }
}

/** A Go float32 (float64 is a plain number). */
export class GoFloat32 {
  constructor(readonly v: number) {}
  [MARSHAL_JSON](): number {
    return this.v;
  }
}

export type GoMap = Map<string, Value> & { [GO_TYPE]?: string; [GO_METHODS]?: Record<string, GoFunc> };
export type GoSlice = Value[] & { [GO_TYPE]?: string; [GO_METHODS]?: Record<string, GoFunc> };

export type Value =
  | null
  | boolean
  | string
  | number
  | bigint
  | GoInt
  | GoFloat32
  | GoSlice
  | GoMap
  | Uint8Array
  | GoObject;

/**
 * A host object: a Go struct, pointer to struct, or other named type exposed to
 * templates (`.Release`, `.Chart`, `.Files`, `.Capabilities`, time.Time, ...).
 * Fields are read with `.Name`; methods are called with `.Name arg...`.
 */
export abstract class GoObject {
  /** Go type as %T prints it, e.g. "*chart.Metadata", "time.Time", "common.Files". */
  abstract readonly goType: string;
  /** reflect.Kind name as kindOf prints it: "struct", "ptr", "map", "slice", ... */
  abstract readonly goKind: string;
  /** Field value, or undefined when the type has no such field. */
  field(_name: string): Value | undefined {
    return undefined;
  }
  /** Method, or undefined when the type has no such method. */
  method(_name: string): GoFunc | undefined {
    return undefined;
  }
  /** Exported fields in declaration order, for %v / %+v printing. */
  fields(): [string, Value][] {
    return [];
  }
  /** Whether Go's truth test finds this value non-empty (structs are always true). */
  truth(): boolean {
    return true;
  }
  /** Optional: what fmt's %v prints (for types with a String() method, like time.Time). */
  toString?(): string;
  /**
   * Optional: true when String() has a pointer receiver and this value is not a
   * pointer (helm's common.KubeVersion): fmt (printf, print) then ignores
   * toString, while the executor's own output of an addressable value (a struct
   * field, {{ .Capabilities.KubeVersion }}) still uses it, as Go does.
   */
  readonly stringNeedsAddress?: boolean;
  /** Optional: what %#v prints (Go's GoString method, e.g. time.Time's `time.Date(...)`). */
  goString?(): string;
  /**
   * Optional, for named basic types (goKind "int64", "string", ...; e.g.
   * time.Duration, time.Month): the value of the underlying type, which fmt
   * verbs other than String's (%d, %x, %#v, %!t(...)) print.
   */
  underlying?(): Value;
  /**
   * Optional, with underlying: the value of this same named type that holds
   * `v` (reflect's Convert), e.g. the time.Month elements of a range over one.
   */
  withUnderlying?(v: Value): GoObject;
  /**
   * Optional: Go's == between this value and another of the same Go type
   * (struct fields, unexported ones too; pointer identity for pointers to
   * shared objects such as *time.Location). Absent: JS identity.
   */
  goEqual?(other: GoObject): boolean;
}

/**
 * The value behind a named basic type (time.Month → its int, time.Duration →
 * its int64), which reflect's Kind and Int/Float/String accessors see; any
 * other value as it is.
 */
export function basicValue(v: Value): Value {
  return v instanceof GoObject && v.underlying !== undefined ? v.underlying() : v;
}

/**
 * A Go type as written in a function signature. The executor uses these to
 * apply Go's calling rules: argument count, assignability, untyped constant
 * conversion, and the "wrong type for value; expected X; got Y" errors.
 * Examples: "interface {}", "string", "int", "int64", "float64", "bool",
 * "[]interface {}", "[]string", "map[string]interface {}", "[]byte".
 */
export type GoType = string;

/**
 * A function callable from templates: built-ins, Sprig, Helm, and methods of
 * host objects. `fn` throws GoError for a returned error or a panic; the
 * executor reports it as `error calling NAME: MESSAGE`.
 */
export interface GoFunc {
  /** Declared parameter types, excluding the variadic one. */
  params: GoType[];
  /** Element type of a final variadic parameter (`...interface {}` → "interface {}"). */
  variadic?: GoType;
  /** Declared result type (a second `error` result is implied by throwing). */
  result: GoType;
  /** Whether the Go function's second result is `error`. */
  returnsError?: boolean;
  /**
   * Optional: every result type of a Go method whose results a template cannot
   * take (time.Time's Date returns three values): calling it fails with Go's
   * goodFunc error. Absent for the usual (result) and (result, error).
   */
  results?: GoType[];
  fn: (...args: Value[]) => Value;
}

/** An error returned or a panic raised by a Go function; the message is Go's text. */
export class GoError extends Error {
  override name = "GoError";
}
