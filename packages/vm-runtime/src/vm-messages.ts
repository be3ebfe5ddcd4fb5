/**
 * Message texts of the compiler, the VM limits and the `run`/`verify` commands, in one place. Runtime errors of
 * Aver programs themselves live in runtime-messages.ts.
 */
export const VmMessages = {
  /** The frame stack limit of `RunOptions.maxFrames` was hit (non-tail recursion too deep). */
  stackOverflow: (maxFrames: number): string => `stack overflow: more than ${maxFrames} frames`,
  /** `RunOptions.timeoutMs` passed. */
  deadlineExceeded: (timeoutMs: number): string => `deadline of ${timeoutMs} ms exceeded`,
  /** `RunOptions.stepBudget` steps (instructions and long built-in work) ran. */
  stepBudgetExhausted: (budget: number): string => `step budget of ${budget} steps exhausted`,
  /**
   * `main` returned `Result.Err(e)` (language reference: "Errors and failure"); `shown` is the display of `e` (a
   * String raw).
   */
  mainReturnedError: (shown: string): string => `main returned error: ${shown}`,
  /** A source file could not be read. */
  cannotRead: (path: string, reason: string): string => `${path}: ${reason}`,
  /** The compiler met a construct the checker should have rejected or annotated. */
  cannotCompile: (what: string, line: number): string => `VM compile: ${what} (line ${line})`,
  /** `runProgram` called again from inside a run of the same program (a built-in callback). */
  reentrantRun: (): string => 'a program cannot be run again while it is running',
  /** `aver run`'s watchdog ended a program that ran past its deadline (work the VM could not interrupt). */
  runTimedOut: (timeoutMs: number): string => `Runtime error: deadline of ${timeoutMs} ms exceeded`,
  /** `aver run`'s program reached the heap limit of its worker. */
  runOutOfMemory: (limitMb: number): string =>
    `Runtime error: out of memory: the program needed more than the heap limit of ${limitMb} MiB ` +
    '(raise it with NODE_OPTIONS=--max-old-space-size=MIB)',
  /** `aver run`'s worker ended without reporting how the program ended (a bug). */
  runWorkerExited: (code: number): string => `the program's worker exited with code ${code} without a result`,
  /** Standard output could not be written (a full disk, a bad descriptor). */
  cannotWriteStdout: (reason: string): string => `aver: cannot write to stdout: ${reason}`,
  /** `aver verify` found nothing to run. */
  noVerifyBlocks: (path: string): string => `No verify blocks found in ${path}.`,
  /**
   * A block whose domains, computed at run time, give more than the reference's 10,000 cases (Oracle addendum:
   * "Expansion").
   */
  verifyExpandsTooFar: (law: boolean, max: number): string =>
    `${law ? 'Law verify' : 'verify trace'} expands to more than ${max} cases (max ${max})`,
} as const;
