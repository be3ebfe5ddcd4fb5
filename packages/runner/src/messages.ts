/**
 * Every message text of @aver/bench-runner. Reference templates (bench spec: "Targets", "Running a scenario") are
 * marked "reference".
 */

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

/** `registerTarget` with something that is not a `TargetRunner`. */
export const notATarget = (): string =>
  'a bench target needs a string `name`, a string `moduleUrl` and a `prepare(job)` function';

/** A manifest with no timed iterations (the reference panics in `from_samples`). */
export const noIterations = (scenario: string): string =>
  `scenario '${scenario}' has no timed iterations; \`iterations\` must be > 0`;

/** `runScenario` asked for no replicates. */
export const badReplicates = (value: number): string => `replicates must be a positive integer, got ${value}`;

/** `buildReport` without replicates. */
export const noReplicates = (scenario: string): string =>
  `scenario '${scenario}' has no replicates to report`;

/** `buildReport` with replicates of different targets. */
export const mixedTargets = (first: string, other: string): string =>
  `cannot report replicates of targets '${first}' and '${other}' together`;

/** `prepare` returned something without `runOnce`. */
export const badPrepared = (target: string): string =>
  `target '${target}': prepare() must return an object with a runOnce() function`;

/** `runOnce` returned something that is not a rendered response. */
export const badResponse = (target: string, got: string): string =>
  `target '${target}' returned a response of type ${got}; expected a string or null`;

/** A timed iteration rendered another response than the first one. */
export const responseChanged = (iteration: number, offset: number, first: string, current: string): string =>
  `the response changed between timed iterations: iteration ${iteration} differs from iteration 1 at byte ${offset}: ` +
  `iteration 1 ${first}, iteration ${iteration} ${current}`;

/** A replicate rendered another response than the first replicate. */
export const replicateResponseChanged = (
  replicate: number,
  offset: number,
  first: string,
  current: string,
): string =>
  `the response changed between replicates: replicate ${replicate} differs from replicate 1 at byte ${offset}: ` +
  `replicate 1 ${first}, replicate ${replicate} ${current}`;

/** Reference: the entry program cannot be read. */
export const readEntry = (entry: string, detail: string): string => `${entry}: ${detail}`;

/** `runScenario` was given a clock and asked for an isolate, which times with its own clock. */
export const clockNeedsInline = (): string =>
  "an injected clock needs isolation 'inline' (a worker or a process times with its own process.hrtime.bigint)";

/** The built isolate entry is not there (running from sources without a build). */
export const isolateScriptMissing = (path: string): string =>
  `runner isolate script not found at ${path}; build @aver/bench-runner first`;

/** The isolate failed outside the measurement (an uncaught error). */
export const isolateFailed = (detail: string): string => `isolate failed: ${detail}`;

/** The isolate's worker thread ended without posting a result. */
export const isolateExited = (code: number): string =>
  `isolate exited with code ${code} before reporting a result`;

/** The isolate's child process ended without sending a result. */
export const processExited = (code: number | null, signal: string | null): string =>
  `isolate process ${signal === null ? `exited with code ${code}` : `was killed by ${signal}`} before reporting a result`;

/** The scenario's time limit passed and its isolate was ended. */
export const timedOut = (limitMs: number): string => `timed out after ${limitMs} ms`;

/** The isolate reached its heap limit and was stopped. */
export const outOfMemory = (limitMb: number): string =>
  `out of memory: the isolate reached its heap limit of ${limitMb} MiB`;

/** A heap limit was asked for, but a process-wide V8 heap flag overrides every worker's `resourceLimits`. */
export const heapLimitOverridden = (limitMb: number, flag: string, source: string): string =>
  `cannot apply the memory limit of ${limitMb} MiB: ${flag} (${source}) sets the heap of every isolate in this ` +
  'process; remove it, or remove memory_limit_mb';

/** The target's module could not be imported in the isolate. */
export const targetModuleLoad = (name: string, url: string, detail: string): string =>
  `cannot load target '${name}' from ${url}: ${detail}`;

/** The target's module has no `target` export. */
export const targetModuleNoExport = (name: string, url: string): string =>
  `${url} does not export \`target\`, a bench target named '${name}' (name, moduleUrl, prepare)`;

/** The target's module exports a target of another name. */
export const targetModuleWrongName = (expected: string, got: string, url: string): string =>
  `${url} exports bench target '${got}', not '${expected}'`;

/** Where an ad-hoc `.av` run could allow an effect: it has no manifest of its own. */
export const adHocSandboxOrigin = (path: string): string => `a .toml manifest for ${path}`;
