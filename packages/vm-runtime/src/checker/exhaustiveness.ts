import type { MatchArm, MatchExpr, Pattern } from '../ast.js';
import type { CheckContext } from './context.js';
import type { ProgramEnv } from './environment.js';
import { checkerMessages as msg } from './messages.js';
import { BOOL, listOf, namedType, optionOf, resultOf, type Type, UNKNOWN } from './types.js';

/**
 * Reports a non-exhaustive `match` (language reference: "Exhaustiveness"): exhaustive when an arm is a catch-all
 * (`_`, a binder, or a tuple of catch-alls), or when Bool / Option / Result / a user sum type / List are fully
 * covered. A tuple is covered over the product of its components' constructor sets, like the upstream checker:
 * `(Ok, Ok)`, `(Ok, Err)`, `(Err, Ok)` and `(Err, Err)` cover a pair of Results. Int, Float and String literals, and
 * every other type, need a catch-all.
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
  // A constructor pattern that did not resolve was reported already; more about this match would be a cascade.
  if (arms.some((arm) => hasUnresolvedConstructor(arm.pattern))) return null;
  let type = subject;
  if (type.kind === 'Invalid') return null;
  if (type.kind === 'Unknown' || type.kind === 'Var' || type.kind === 'Any') type = typeFromPatterns(arms);
  if (type.kind === 'Tuple' || arms.some((arm) => arm.pattern.kind === 'TuplePattern')) {
    return missingTupleCases(env, arms, type);
  }
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

function hasUnresolvedConstructor(pattern: Pattern): boolean {
  if (pattern.kind === 'ConstructorPattern') return pattern.resolution === undefined;
  return pattern.kind === 'TuplePattern' && pattern.items.some(hasUnresolvedConstructor);
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

// ---------------------------------------------------------------------------------------------------------------
// Tuples: the product of the components' constructor sets

/** Missing tuple cases shown in a message; more are summarised as `…`. */
const SHOWN_TUPLE_CASES = 5;

/** One constructor of a finite type: how a pattern names it, how a message shows it, and its sub-columns. */
interface Constructor {
  readonly key: string;
  readonly label: string;
  /** The component types a tuple constructor expands into (empty for every other constructor). */
  readonly items: readonly Type[];
}

/** A pattern, or `null` for a catch-all (`_`, a binder). */
type Cell = Pattern | null;

function missingTupleCases(env: ProgramEnv, arms: readonly MatchArm[], subject: Type): string | null {
  const rows = arms.map((arm): Cell[] => [cellOf(arm.pattern)]);
  const cases = uncovered(env, rows, [subject], SHOWN_TUPLE_CASES + 1).map((witness) => witness[0]);
  if (cases.length === 0) return null;
  if (cases.every((text) => /^[(), _]*$/.test(text))) return msg.nonExhaustiveCatchAll();
  const shown = cases.slice(0, SHOWN_TUPLE_CASES).join(', ');
  return msg.nonExhaustive(cases.length > SHOWN_TUPLE_CASES ? `${shown}, …` : shown);
}

function cellOf(pattern: Pattern): Cell {
  return pattern.kind === 'WildcardPattern' || pattern.kind === 'BindPattern' ? null : pattern;
}

/**
 * The value vectors (as texts, one per column) that no row matches, at most `limit` of them: the usefulness
 * algorithm of pattern-matrix compilation (Maranget, "Warnings for pattern matching"), specialised by each
 * constructor of a finite column type; a column of an infinite type (Int, String, Float, records …) is covered only
 * by its catch-all rows, and shows as `_`.
 */
function uncovered(
  env: ProgramEnv,
  rows: readonly Cell[][],
  types: readonly Type[],
  limit: number,
): string[][] {
  if (types.length === 0) return rows.length > 0 ? [] : [[]];
  const column = rows.map((row) => row[0]);
  const type = columnType(types[0], column);
  const rest = types.slice(1);
  const constructors = constructorsOf(env, type);
  // Nothing to enumerate: an infinite type, or a column of catch-alls only (shown as `_`, not as each constructor).
  if (constructors === null || column.every((cell) => cell === null)) {
    const width = constructors?.length === 1 ? constructors[0].items.length : 0;
    const catchAll = rows.filter((row) => row[0] === null).map((row) => row.slice(1));
    return uncovered(env, catchAll, rest, limit).map((witness) => [wildcardText(width), ...witness]);
  }
  const found: string[][] = [];
  for (const ctor of constructors) {
    const width = ctor.items.length;
    const specialised: Cell[][] = [];
    for (const row of rows) {
      const head = row[0];
      if (head === null) specialised.push([...new Array<Cell>(width).fill(null), ...row.slice(1)]);
      else if (keyOf(head) === ctor.key) {
        const items = head.kind === 'TuplePattern' ? head.items.map(cellOf) : [];
        specialised.push([...items, ...row.slice(1)]);
      }
    }
    for (const witness of uncovered(env, specialised, [...ctor.items, ...rest], limit - found.length)) {
      const head = width === 0 ? ctor.label : `(${witness.slice(0, width).join(', ')})`;
      found.push([head, ...witness.slice(width)]);
    }
    if (found.length >= limit) break;
  }
  return found;
}

function wildcardText(width: number): string {
  return width === 0 ? '_' : `(${new Array(width).fill('_').join(', ')})`;
}

/** The column's type, read off its patterns when the checker left it open. */
function columnType(type: Type, column: readonly Cell[]): Type {
  if (type.kind !== 'Unknown' && type.kind !== 'Var' && type.kind !== 'Any') return type;
  const tuple = column.find((cell) => cell?.kind === 'TuplePattern');
  if (tuple !== undefined && tuple?.kind === 'TuplePattern') {
    return { kind: 'Tuple', items: tuple.items.map(() => UNKNOWN) };
  }
  return typeFromPatterns(column.filter((cell) => cell !== null).map((pattern) => ({ pattern }) as MatchArm));
}

/** The constructors of a finite type, in declaration order; `null` for a type only a catch-all covers. */
function constructorsOf(env: ProgramEnv, type: Type): Constructor[] | null {
  const simple = (key: string, label = key): Constructor => ({ key, label, items: [] });
  switch (type.kind) {
    case 'Bool':
      return [simple('true'), simple('false')];
    case 'Option':
      return [simple('Some', 'Option.Some'), simple('None', 'Option.None')];
    case 'Result':
      return [simple('Ok', 'Result.Ok'), simple('Err', 'Result.Err')];
    case 'List':
      return [simple('[]'), simple('[_, .._]')];
    case 'Tuple':
      return [{ key: '()', label: '()', items: type.items }];
    case 'Named': {
      const info = env.types.get(type.name);
      if (info === undefined || info.kind !== 'sum') return null;
      return info.variants.map((variant) => simple(variant.name, `${info.name}.${variant.name}`));
    }
    default:
      return null;
  }
}

/** Which constructor a refutable pattern tests (a literal of an infinite type tests none of them). */
function keyOf(pattern: Pattern): string | null {
  switch (pattern.kind) {
    case 'LiteralPattern':
      return pattern.literal.kind === 'BoolLit' ? String(pattern.literal.value) : null;
    case 'ConstructorPattern':
      return pattern.resolution?.variant ?? null;
    case 'NilPattern':
      return '[]';
    case 'ConsPattern':
      return '[_, .._]';
    case 'TuplePattern':
      return '()';
    default:
      return null;
  }
}
