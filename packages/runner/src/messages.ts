/** Every message text of @aver/bench-runner. Reference templates (spec §3, §8) are marked "reference". */

/** Reference (0.18–0.20 `BenchTarget::parse`): a target name nobody knows. */
export const unknownTarget = (name: string, expected: readonly string[]): string =>
  `unknown bench target '${name}'; expected one of: ${expected.join(', ')}`;

/** A reference target that this build does not ship. */
export const targetNotAvailable = (name: string, available: readonly string[]): string =>
  `target '${name}' is not available in this build (available: ${available.join(', ')})`;

/** `registerTarget` with a name that is taken. */
export const targetAlreadyRegistered = (name: string): string =>
  `bench target '${name}' is already registered`;

/** `registerTarget` with an empty or malformed name. */
export const badTargetName = (name: string): string =>
  `bench target name '${name}' is invalid (use lowercase letters, digits and '-')`;

/** A manifest with no timed iterations (the reference panics in `from_samples`). */
export const noIterations = (scenario: string): string =>
  `scenario '${scenario}' has no timed iterations; \`iterations\` must be > 0`;

/** A target that returned no samples or a wrong number of them. */
export const wrongSampleCount = (target: string, expected: number, got: number): string =>
  `target '${target}' returned ${got} timing sample(s) for ${expected} iteration(s)`;

/** A target that returned a sample that is not a finite, non-negative duration. */
export const badSample = (target: string, index: number, value: number): string =>
  `target '${target}' returned an invalid timing sample #${index + 1}: ${value}`;

/** Reference: the VM bytecode compiler failed. */
export const vmCompile = (detail: string): string => `VM compile: ${detail}`;

/** Rust's `io::Error` text for a file that is not UTF-8 (`read_to_string`). */
export const invalidUtf8 = (): string => 'stream did not contain valid UTF-8';

/** Reference: the entry program cannot be read. */
export const readEntry = (entry: string, detail: string): string => `${entry}: ${detail}`;

/** `runScenario` was given a clock and asked for a worker, which times with its own clock. */
export const clockNeedsInline = (): string =>
  "an injected clock needs isolation 'inline' (a worker times with its own process.hrtime.bigint)";

/** The built worker entry of the `vm` target is not there (running from sources without a build). */
export const workerScriptMissing = (path: string): string =>
  `vm worker script not found at ${path}; build @aver/bench-runner first`;

/** The scenario's worker thread failed outside the measurement (an uncaught error). */
export const workerFailed = (detail: string): string => `vm worker failed: ${detail}`;

/** The scenario's worker thread reached its heap limit and was stopped. */
export const workerOutOfMemory = (limitMb: number): string =>
  `vm worker ran out of memory (JS heap limit ${limitMb} MiB)`;

/** The scenario's worker thread ended without posting a result. */
export const workerExited = (code: number): string =>
  `vm worker exited with code ${code} before reporting a result`;
