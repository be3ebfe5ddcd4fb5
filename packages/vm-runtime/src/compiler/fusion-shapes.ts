import type { Call, Expr, Ident, MatchArm, MatchExpr } from '../ast.js';
import { readsSlot } from './inline-analysis.js';

/**
 * Shapes the compilers fuse, found on the annotated tree (shared by the bytecode compiler and other backends, so
 * both fuse exactly the same calls and take the same ownership decisions).
 */

/** `Option.withDefault(Vector.set(v, i, x), v)` on a local `v`: its parts, and whether the read of `v` moves it. */
export interface SetOrKeepShape {
  readonly vector: Ident & { readonly slot: number };
  readonly index: Expr;
  readonly item: Expr;
  /**
   * The vector is read once, before the index and the item; that read moves it only when the fallback read it
   * stands for is the last one and neither the index nor the item reads the vector (they run after the move).
   */
  readonly moves: boolean;
}

/** The set-or-keep shape of an `Option.withDefault` call, or `null` when it is not one. */
export function setOrKeepShape(call: Call): SetOrKeepShape | null {
  const [option, fallback] = call.args;
  if (option.kind !== 'Call' || option.target?.kind !== 'builtin' || option.lowered !== undefined)
    return null;
  if (option.target.name !== 'Vector.set') return null;
  const [vector, index, item] = option.args;
  if (
    vector.kind !== 'Ident' ||
    fallback.kind !== 'Ident' ||
    vector.slot === undefined ||
    vector.slot !== fallback.slot ||
    vector.resolution?.kind !== 'local'
  ) {
    return null;
  }
  const moves = fallback.lastUse === true && !readsSlot(index, vector.slot) && !readsSlot(item, vector.slot);
  return { vector: vector as Ident & { slot: number }, index, item, moves };
}

/**
 * The arm a `match` takes on a value whose variant is known at compile time (a scalar-replaced construction of
 * `typeName.variant`; `variant` is `null` for a record): the first `_` arm or constructor arm of that variant.
 */
export function armForKnownVariant(
  match: MatchExpr,
  typeName: string,
  variant: string | null,
): MatchArm | undefined {
  return match.arms.find(
    (candidate) =>
      candidate.pattern.kind === 'WildcardPattern' ||
      (candidate.pattern.kind === 'ConstructorPattern' &&
        candidate.pattern.resolution?.typeName === typeName &&
        candidate.pattern.resolution.variant === (variant ?? '')),
  );
}
