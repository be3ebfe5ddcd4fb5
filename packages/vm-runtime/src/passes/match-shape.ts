import type { Expr, MatchArm, MatchExpr, Pattern } from '../ast.js';
import type { Type } from '../checker/index.js';

/**
 * The arms of a `match` on a Bool with exactly a `true` and a `false` arm (either order, or one of them and `_`),
 * as `[whenTrue, whenFalse]`; `null` for any other match. Such a match compiles to one conditional jump on the
 * subject, so it needs no subject slot.
 */
export function boolBranchArms(match: MatchExpr, exprTypes: Map<Expr, Type>): [MatchArm, MatchArm] | null {
  const arms = match.arms;
  if (arms.length !== 2 || exprTypes.get(match.subject)?.kind !== 'Bool') return null;
  const first = boolPattern(arms[0].pattern);
  const second = arms[1].pattern.kind === 'WildcardPattern' ? 'any' : boolPattern(arms[1].pattern);
  if (first === null || second === null || first === second) return null;
  return first ? [arms[0], arms[1]] : [arms[1], arms[0]];
}

/** `true`/`false` for a Bool literal pattern, `null` for anything else. */
function boolPattern(pattern: Pattern): boolean | null {
  return pattern.kind === 'LiteralPattern' && pattern.literal.kind === 'BoolLit'
    ? pattern.literal.value
    : null;
}
