/**
 * The stage a scenario failed in (spec §8): reading or parsing the entry, type-checking, compiling, running, or
 * setting the target up.
 */
export type RunErrorKind = 'read' | 'parse' | 'typecheck' | 'compile' | 'runtime' | 'setup';

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
