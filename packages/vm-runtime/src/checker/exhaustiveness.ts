import type { MatchArm, MatchExpr, Pattern } from '../ast.js';
import type { CheckContext } from './context.js';
import type { ProgramEnv } from './environment.js';
import { checkerMessages as msg } from './messages.js';
import { BOOL, listOf, namedType, optionOf, resultOf, type Type, UNKNOWN } from './types.js';

/**
 * Reports a non-exhaustive `match` (language reference §2.3): exhaustive when an arm is a catch-all (`_`, a
 * binder, or a tuple of catch-alls), or when Bool / Option / Result / a user sum type / List are fully covered.
 * Int, Float and String literals, tuples with refutable parts, and every other type need a catch-all.
 */
export function checkExhaustive(ctx: CheckContext, expr: MatchExpr, subject: Type): void {
  const message = missingCases(ctx.env, expr.arms, subject, (type) => ctx.show(type));
  if (message !== null) ctx.error(expr.span, message);
}

/** A pattern that matches every value of its type. */
export function isCatchAll(pattern: Pattern): boolean {
  switch (pattern.kind) {
    case 'WildcardPattern':
    case 'BindPattern':
      return true;
    case 'TuplePattern':
      return pattern.items.every(isCatchAll);
    default:
      return false;
  }
}

/**
 * The exhaustiveness message for these arms, or `null` when the match is exhaustive (or the subject type is
 * invalid, so nothing useful can be said).
 */
export function missingCases(
  env: ProgramEnv,
  arms: readonly MatchArm[],
  subject: Type,
  show: (type: Type) => string,
): string | null {
  for (const arm of arms) if (isCatchAll(arm.pattern)) return null;
  let type = subject;
  if (type.kind === 'Invalid') return null;
  if (type.kind === 'Unknown' || type.kind === 'Var' || type.kind === 'Any') type = typeFromPatterns(arms);
  switch (type.kind) {
    case 'Bool': {
      const missing = missingOf(['true', 'false'], arms, (pattern) =>
        pattern.kind === 'LiteralPattern' && pattern.literal.kind === 'BoolLit'
          ? String(pattern.literal.value)
          : null,
      );
      return missing.length === 0 ? null : msg.nonExhaustiveOn('Bool', missing.join(', '));
    }
    case 'Option':
    case 'Result': {
      const variants = type.kind === 'Option' ? ['Some', 'None'] : ['Ok', 'Err'];
      const missing = missingOf(variants, arms, (pattern) => variantOf(pattern, type.kind));
      return missing.length === 0
        ? null
        : msg.nonExhaustive(missing.map((v) => `${type.kind}.${v}`).join(', '));
    }
    case 'Named': {
      const info = env.types.get(type.name);
      if (info === undefined || info.kind !== 'sum') return msg.nonExhaustiveCatchAll();
      const missing = missingOf(
        info.variants.map((variant) => variant.name),
        arms,
        (pattern) => variantOf(pattern, info.name),
      );
      return missing.length === 0
        ? null
        : msg.nonExhaustive(missing.map((v) => `${info.name}.${v}`).join(', '));
    }
    case 'List': {
      const missing = missingOf(['[]', '[_, .._]'], arms, (pattern) =>
        pattern.kind === 'NilPattern' ? '[]' : pattern.kind === 'ConsPattern' ? '[_, .._]' : null,
      );
      return missing.length === 0 ? null : msg.nonExhaustiveOn(show(type), missing.join(', '));
    }
    default:
      return msg.nonExhaustiveCatchAll();
  }
}

/** The cases of `all` that no arm covers, in declaration order. */
function missingOf(
  all: readonly string[],
  arms: readonly MatchArm[],
  caseOf: (pattern: Pattern) => string | null,
) {
  const covered = new Set<string>();
  for (const arm of arms) {
    const name = caseOf(arm.pattern);
    if (name !== null) covered.add(name);
  }
  return all.filter((name) => !covered.has(name));
}

function variantOf(pattern: Pattern, typeName: string): string | null {
  if (pattern.kind !== 'ConstructorPattern' || pattern.resolution === undefined) return null;
  return pattern.resolution.typeName === typeName ? pattern.resolution.variant : null;
}

/** When the subject's type is open, the patterns say what is being matched. */
function typeFromPatterns(arms: readonly MatchArm[]): Type {
  for (const arm of arms) {
    const pattern = arm.pattern;
    switch (pattern.kind) {
      case 'ConstructorPattern': {
        const resolution = pattern.resolution;
        if (resolution === undefined) continue;
        if (resolution.typeName === 'Option') return optionOf(UNKNOWN);
        if (resolution.typeName === 'Result') return resultOf(UNKNOWN, UNKNOWN);
        return namedType(resolution.typeName);
      }
      case 'NilPattern':
      case 'ConsPattern':
        return listOf(UNKNOWN);
      case 'LiteralPattern':
        return pattern.literal.kind === 'BoolLit' ? BOOL : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }
  return UNKNOWN;
}
