/**
 * Every runtime message text of the VM and the built-ins, in one place (language reference: "Errors and failure").
 * Messages are the bare text; `AverRuntimeError.format()` adds the `Runtime error [line N]: ` prefix.
 */
export const RuntimeMessages = {
  /**
   * Int `/` (and the unchecked Euclidean opcodes) with a zero divisor (language reference: "Runtime semantics: Int").
   */
  divisionByZero: (): string => 'division by zero',
  /**
   * `Int.div(i64::MIN, -1)` in the 0.24+ surface: the quotient does not fit in Int, so it is an `Err` value like a
   * zero divisor (Oracle addendum: "Two confirmations"). The reference's text is not pinned; this one is ours.
   */
  intDivOverflow: (): string => 'integer overflow',
  /**
   * A verify case calls an effect outside Oracle's classified set (Oracle addendum: "Running one case", the
   * reference's text).
   */
  effectViolation: (name: string, effect: string): string =>
    `Runtime effect violation: cannot call '${name}' (missing effect: ${effect})`,
  /**
   * A trace projection that is not the whole left side of a `verify f trace` case (Oracle addendum: "Grammar"; ours).
   */
  traceProjectionMisplaced: (chain: string): string =>
    `the trace projection '${chain}' is evaluated only as the whole left side of a \`verify <fn> trace\` case, on a direct call of the verified function`,
  /**
   * `BranchPath.child(p, i)` with a negative `i` (Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`", the
   * reference's text).
   */
  branchPathNegativeIndex: (index: string): string =>
    `BranchPath.child: \`idx\` must be non-negative, got ${index}`,
  /**
   * `BranchPath.parse(s)` of a malformed dewey path (Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`", the
   * reference's text).
   */
  branchPathInvalid: (text: string): string =>
    `BranchPath.parse: \`${text}\` is not a valid dewey-decimal path (expected empty string for root or dot-separated non-negative integers like "0", "2.0")`,
  /** `Char.toCode("")` (language reference: "Pure namespaces", Char). */
  charToCodeEmpty: (): string => 'Char.toCode: string is empty',
  /** `Vector.new` with a negative size (language reference: "Pure namespaces", Vector). */
  vectorNegativeSize: (size: string): string => `Vector.new: size must not be negative, got ${size}`,
  /** A Vector longer than `MAX_VECTOR_LENGTH` (`Vector.new`, `Vector.fromList`). */
  vectorTooLarge: (operation: string, size: string, limit: number): string =>
    `${operation}: size ${size} is above the limit of ${limit} elements`,
  /** A String grew past the JavaScript engine's longest string (V8's `Invalid string length`). */
  stringTooLong: (limit: number): string => `string too long: the result would exceed ${limit} characters`,
  /** An array grew past the JavaScript engine's longest array (V8's `Invalid array length`). */
  collectionTooLarge: (): string =>
    'collection too large: the result would exceed the longest array of the JavaScript engine',
  /** The native stack ran out (V8's `Maximum call stack size exceeded`), e.g. rendering a value nested very deeply. */
  nativeStackExhausted: (): string => 'value nested too deeply: the native stack ran out',
  /** Any other resource limit of the JavaScript engine. */
  engineLimit: (detail: string): string => `the JavaScript engine ran out of room (${detail})`,
  /** `Random.int` with an empty range. */
  randomEmptyRange: (min: string, max: string): string =>
    `Random.int: min (${min}) must not be greater than max (${max})`,
  /** A service that is type-checked but has no implementation in this runtime. */
  serviceUnavailable: (name: string, namespace: string): string =>
    `${name} is not available in this runtime (service '${namespace}' is not implemented)`,
  /** A top-level binding read (through a function) by a top-level statement that runs before it. */
  globalReadTooEarly: (): string => 'a top-level binding is read before its definition has run',
  /** `main` is called with no arguments (language reference: "Top-level items"), so it cannot declare parameters. */
  mainHasParameters: (count: number): string =>
    `main is called with no arguments, but it declares ${count} parameter${count === 1 ? '' : 's'}`,
  /** A failed `match` (`MATCH_FAIL`); formatted without the `Runtime error` prefix. */
  nonExhaustiveMatch: (line: number | null): string =>
    line === null ? 'Non-exhaustive match' : `Non-exhaustive match at line ${line}`,
  /** `Int.fromString` failure value (an `Err`, not a runtime error). */
  cannotParseInt: (text: string): string => `Cannot parse '${text}' as Int`,
  /** `Float.fromString` failure value (an `Err`, not a runtime error). */
  cannotParseFloat: (text: string): string => `Cannot parse '${text}' as Float`,
  /** `Console.readLine` at end of input (an `Err` value). */
  endOfInput: (): string => 'EOF',
  /** `Byte.toHex` outside 0..255 (an `Err` value). */
  byteOutOfRange: (value: string): string => `Byte.toHex: ${value} is out of range 0-255`,
  /** `Byte.fromHex` with anything but exactly two hex digits (an `Err` value). */
  invalidHexByte: (text: string): string => `Byte.fromHex: '${text}' is not a two-digit hex byte`,
  /** A sandboxed run called an effect its policy denies (sandbox.ts). */
  effectDenied: (effect: string, origin: string): string =>
    `${effect} is denied in bench mode; allow it in ${origin} with [effects] allow = ["${effect}"]`,
  /** `main` declares an effect the sandbox denies, found before the run. */
  declaredEffectDenied: (effect: string, origin: string): string =>
    `main declares effect '${effect}', which bench mode denies; allow it in ${origin} with [effects] allow = ["${effect}"]`,
  /** A `Disk.*` path outside the policy's disk root. */
  pathOutsideRoot: (effect: string, target: string, root: string, origin: string): string =>
    `${effect}: '${target}' is outside the disk root '${root}' ([effects] disk_root in ${origin})`,
  /** A policy that allows an effect no built-in has. */
  unknownAllowedEffect: (name: string, closest: string | null, origin: string): string =>
    `${origin}: [effects] allow names an unknown effect '${name}'${closest === null ? '' : `; did you mean '${closest}'?`}`,
  /** A policy whose disk root is not a folder. */
  diskRootNotFolder: (folder: string, origin: string): string =>
    `${origin}: [effects] disk_root '${folder}' is not a folder`,
  /** A `Disk.*` failure (an `Err` value), phrased like Rust's `io::Error` display. */
  diskFailure: (operation: string, path: string, reason: string): string =>
    `${operation} '${path}': ${reason}`,
} as const;
