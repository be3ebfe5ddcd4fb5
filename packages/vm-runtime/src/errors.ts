import { RuntimeMessages } from './runtime-messages.js';

/** What went wrong at run time: a runtime error, a failed match, or a resource limit of the host VM. */
export type RuntimeErrorKind = 'runtime' | 'match' | 'limit';

/**
 * The one error an Aver program can raise at run time (language reference: "Errors and failure"): integer division by
 * zero, `Char.toCode("")`, a bad vector size, a failed match, host failures. Built-ins throw it without a line; the
 * VM fills in `line` from its line table before the error leaves the run.
 */
export class AverRuntimeError extends Error {
  override readonly name = 'AverRuntimeError';
  /** Source line of the failing instruction, or `null` when unknown. */
  line: number | null;
  readonly kind: RuntimeErrorKind;

  /**
   * @param message the bare message, e.g. `division by zero`.
   * @param kind `runtime` (default), `match` or `limit`.
   * @param line the source line when already known.
   */
  constructor(message: string, kind: RuntimeErrorKind = 'runtime', line: number | null = null) {
    super(message);
    this.kind = kind;
    this.line = line;
  }

  /**
   * Renders the error the way `aver run` prints it: `Runtime error [line N]: msg`, `Runtime error: msg`, or
   * `Non-exhaustive match at line N` for a failed match.
   */
  format(): string {
    if (this.kind === 'match') return RuntimeMessages.nonExhaustiveMatch(this.line);
    return this.line === null
      ? `Runtime error: ${this.message}`
      : `Runtime error [line ${this.line}]: ${this.message}`;
  }
}

/** Creates the runtime error of a failed `match` at `line` (`MATCH_FAIL`). */
export function matchFailure(line: number | null): AverRuntimeError {
  return new AverRuntimeError(RuntimeMessages.nonExhaustiveMatch(line), 'match', line);
}

/** A broken internal invariant of the runtime ("this should never happen"); never caused by an Aver program. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  constructor(message: string) {
    super(`Internal error: ${message}`);
  }
}
