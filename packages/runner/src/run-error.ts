/**
 * The stage a scenario failed in. The reference's variants (bench spec: "Running a scenario"): reading or parsing the
 * entry, type-checking, compiling, running, or setting the target up. Ours: `timeout` (the scenario's `timeout_ms`
 * passed and its isolate was ended), `memory` (the isolate reached its heap limit), `nondeterministic` (the
 * response changed between timed iterations or replicates, so the runs did not do the same work) and `sandbox`
 * (`main` declares an effect bench mode denies; found before the run).
 */
export type RunErrorKind =
  | 'read'
  | 'parse'
  | 'typecheck'
  | 'compile'
  | 'runtime'
  | 'setup'
  | 'timeout'
  | 'memory'
  | 'nondeterministic'
  | 'sandbox';

const KINDS: ReadonlySet<string> = new Set<RunErrorKind>([
  'read',
  'parse',
  'typecheck',
  'compile',
  'runtime',
  'setup',
  'timeout',
  'memory',
  'nondeterministic',
  'sandbox',
]);

/**
 * A scenario that could not be measured. `message` is the reference's text for the stage (for example
 * `Runtime error [line 3]: division by zero`); the CLI adds the `bench run: ` prefix.
 */
export class RunError extends Error {
  override readonly name = 'RunError';
  readonly kind: RunErrorKind;

  constructor(kind: RunErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/**
 * Whether `value` is a `RunError`, recognised by its name and kind rather than `instanceof`: a target package
 * may carry its own copy of this package, and the isolate loads targets from bundles, so the class is not
 * always the same object.
 * @param value Anything thrown.
 * @returns Whether it is a `RunError` of a known kind.
 */
export function isRunError(value: unknown): value is RunError {
  if (!(value instanceof Error) || value.name !== 'RunError') return false;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.has(kind);
}
