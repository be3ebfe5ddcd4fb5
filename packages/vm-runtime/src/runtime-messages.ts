/**
 * Every runtime message text of the VM and the built-ins, in one place (language reference §4.7). Messages are
 * the bare text; `AverRuntimeError.format()` adds the `Runtime error [line N]: ` prefix.
 */
export const RuntimeMessages = {
  /** Int `/` (and the unchecked Euclidean opcodes) with a zero divisor (§4.1). */
  divisionByZero: (): string => 'division by zero',
  /**
   * `Int.div(i64::MIN, -1)` in the 0.24+ surface: the quotient does not fit in Int, so it is an `Err` value like a
   * zero divisor (§O.9). The reference's text is not pinned; this one is ours.
   */
  intDivOverflow: (): string => 'integer overflow',
  /** `Char.toCode("")` (§3.1 Char). */
  charToCodeEmpty: (): string => 'Char.toCode: string is empty',
  /** `Vector.new` with a negative size (§3.1 Vector). */
  vectorNegativeSize: (size: string): string => `Vector.new: size must not be negative, got ${size}`,
  /** `Vector.new` with a size no JS array can hold. */
  vectorTooLarge: (size: string): string => `Vector.new: size ${size} is too large`,
  /** `Random.int` with an empty range. */
  randomEmptyRange: (min: string, max: string): string =>
    `Random.int: min (${min}) must not be greater than max (${max})`,
  /** A service that is type-checked but has no implementation in this runtime. */
  serviceUnavailable: (name: string, namespace: string): string =>
    `${name} is not available in this runtime (service '${namespace}' is not implemented)`,
  /** A top-level binding read (through a function) by a top-level statement that runs before it. */
  globalReadTooEarly: (): string => 'a top-level binding is read before its definition has run',
  /** `main` is called with no arguments (§1.4), so it cannot declare parameters. */
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
  /** A `Disk.*` failure (an `Err` value), phrased like Rust's `io::Error` display. */
  diskFailure: (operation: string, path: string, reason: string): string =>
    `${operation} '${path}': ${reason}`,
} as const;
