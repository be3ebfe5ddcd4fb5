import type { MatchArm, Pattern } from '../ast.js';
import type { CheckedType } from '../checker/index.js';

/**
 * True when arm `index` must match whenever every earlier arm failed, so its tests can be skipped: a pattern
 * without tests, `[]` after `[h, ..t]` (or the reverse), a Bool literal after the other one, or the last uncovered
 * constructor of `Option`, `Result` or a user sum type after arms for all the others (constructor sub-patterns are
 * binders only in 0.15–0.20, so such an arm matches its whole variant). Anything else keeps its tests and the
 * match ends in `MATCH_FAIL`.
 */
export function coveredByEarlierArms(
  arms: readonly MatchArm[],
  index: number,
  types: ReadonlyMap<string, CheckedType>,
): boolean {
  const pattern = arms[index].pattern;
  const earlier = arms.slice(0, index).map((arm) => arm.pattern);
  switch (pattern.kind) {
    case 'WildcardPattern':
    case 'BindPattern':
      return true;
    case 'TuplePattern':
      return pattern.items.every(isIrrefutable);
    case 'NilPattern':
      return earlier.some((other) => other.kind === 'ConsPattern');
    case 'ConsPattern':
      return earlier.some((other) => other.kind === 'NilPattern');
    case 'LiteralPattern': {
      const literal = pattern.literal;
      if (literal.kind !== 'BoolLit') return false;
      return earlier.some(
        (other) =>
          other.kind === 'LiteralPattern' &&
          other.literal.kind === 'BoolLit' &&
          other.literal.value !== literal.value,
      );
    }
    case 'ConstructorPattern': {
      const resolution = pattern.resolution;
      if (resolution === undefined) return false;
      const variants = variantNames(resolution.typeName, types);
      if (variants === null) return false;
      const seen = new Set<string>();
      for (const other of earlier) {
        if (other.kind === 'ConstructorPattern' && other.resolution?.typeName === resolution.typeName) {
          seen.add(other.resolution.variant);
        }
      }
      return variants.every((name) => name === resolution.variant || seen.has(name));
    }
    default:
      return false;
  }
}

function isIrrefutable(pattern: Pattern): boolean {
  if (pattern.kind === 'WildcardPattern' || pattern.kind === 'BindPattern') return true;
  return pattern.kind === 'TuplePattern' && pattern.items.every(isIrrefutable);
}

function variantNames(typeName: string, types: ReadonlyMap<string, CheckedType>): readonly string[] | null {
  if (typeName === 'Option') return ['Some', 'None'];
  if (typeName === 'Result') return ['Ok', 'Err'];
  const declared = types.get(typeName);
  return declared?.kind === 'sum' ? declared.variants.map((variant) => variant.name) : null;
}
