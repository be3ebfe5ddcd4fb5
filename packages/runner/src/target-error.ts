/** Why a target name could not be used: nobody knows it, or it is a reference target this build does not ship. */
export type TargetErrorKind = 'unknown' | 'unavailable';

/** A `--target` that cannot be used; the message is one line (the reference's text for an unknown name). */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  readonly kind: TargetErrorKind;
  /** The name that was asked for. */
  readonly target: string;

  constructor(kind: TargetErrorKind, target: string, message: string) {
    super(message);
    this.kind = kind;
    this.target = target;
  }
}
