import type { ConstructorPattern, MatchExpr, Pattern, Span } from '../ast.js';
import type { CheckContext } from './context.js';
import { isVisible, lookupBareType, shortTypeName, type TypeInfo, type VariantRef } from './environment.js';
import { checkExhaustive } from './exhaustiveness.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import { isWrapperVariant, WRAPPER_REFS } from './names.js';
import {
  BOOL,
  compatible,
  FLOAT,
  INT,
  INVALID,
  join,
  listOf,
  optionOf,
  resultOf,
  STRING,
  type Type,
  UNKNOWN,
} from './types.js';

/**
 * Types a `match` (language reference: "`match` and patterns", "Inference and checking rules"): each arm's pattern
 * against the subject (binders get the payload types), each arm body in its own scope, the arms joined into one type,
 * then exhaustiveness (language reference: "Exhaustiveness").
 */
export function inferMatch(ctx: CheckContext, expr: MatchExpr, expected: Type | null): Type {
  const subject = inferExpr(ctx, expr.subject, null);
  let result: Type | null = null;
  for (const arm of expr.arms) {
    ctx.scope.enter();
    checkPattern(ctx, arm.pattern, subject);
    const armType = inferExpr(ctx, arm.body, expected ?? result);
    ctx.scope.exit();
    if (result === null) {
      result = armType;
      continue;
    }
    const joined = join(result, armType);
    if (joined === null) {
      ctx.error(arm.body.span, msg.armMismatch(ctx.show(result), ctx.show(armType)));
      result = INVALID;
    } else {
      result = joined;
    }
  }
  checkExhaustive(ctx, expr, subject);
  return result ?? INVALID;
}

function declareBinder(ctx: CheckContext, name: string, type: Type, span: Span): void {
  if (name === '_') return;
  if (!ctx.scope.declare(name, type)) ctx.error(span, msg.alreadyDefined(name));
}

function isOpen(type: Type): boolean {
  return type.kind === 'Unknown' || type.kind === 'Var' || type.kind === 'Any';
}

/** The type a mismatched or unconstrained sub-pattern's binders get. */
function fallback(subject: Type, mismatched: boolean): Type {
  return mismatched || subject.kind === 'Invalid' ? INVALID : UNKNOWN;
}

/** Checks one pattern against the subject type and declares its binders in the current scope. */
export function checkPattern(ctx: CheckContext, pattern: Pattern, subject: Type): void {
  switch (pattern.kind) {
    case 'WildcardPattern':
      return;
    case 'BindPattern':
      declareBinder(ctx, pattern.name, subject, pattern.span);
      return;
    case 'LiteralPattern': {
      const literal = pattern.literal;
      const type =
        literal.kind === 'IntLit'
          ? INT
          : literal.kind === 'FloatLit'
            ? FLOAT
            : literal.kind === 'StringLit'
              ? STRING
              : BOOL;
      ctx.exprTypes.set(literal, type);
      if (!compatible(subject, type)) mismatch(ctx, pattern, subject);
      return;
    }
    case 'NilPattern':
      if (subject.kind !== 'List' && !isOpen(subject) && subject.kind !== 'Invalid')
        mismatch(ctx, pattern, subject);
      return;
    case 'ConsPattern': {
      let elem: Type;
      if (subject.kind === 'List') {
        elem = subject.elem;
      } else {
        const bad = !isOpen(subject) && subject.kind !== 'Invalid';
        if (bad) mismatch(ctx, pattern, subject);
        elem = fallback(subject, bad);
      }
      declareBinder(ctx, pattern.head, elem, pattern.span);
      declareBinder(ctx, pattern.tail, listOf(elem), pattern.span);
      return;
    }
    case 'TuplePattern': {
      const items = pattern.items;
      if (subject.kind === 'Tuple' && subject.items.length === items.length) {
        for (let i = 0; i < items.length; i++) checkPattern(ctx, items[i], subject.items[i]);
        return;
      }
      const bad = !isOpen(subject) && subject.kind !== 'Invalid';
      if (bad) mismatch(ctx, pattern, subject);
      const itemType = fallback(subject, bad);
      for (const item of items) checkPattern(ctx, item, itemType);
      return;
    }
    case 'ConstructorPattern':
      checkConstructorPattern(ctx, pattern, subject);
      return;
  }
}

function mismatch(ctx: CheckContext, pattern: Pattern, subject: Type): void {
  ctx.error(pattern.span, msg.patternMismatch(ctx.sourceText(pattern.span), ctx.show(subject)));
}

interface ResolvedConstructor {
  readonly ref: VariantRef;
  readonly fields: readonly Type[];
  /** The type the pattern matches, for the compatibility check against the subject. */
  readonly owner: Type;
}

const OPTION_OWNER = optionOf(UNKNOWN);
const RESULT_OWNER = resultOf(UNKNOWN, UNKNOWN);

function checkConstructorPattern(ctx: CheckContext, pattern: ConstructorPattern, subject: Type): void {
  const resolved = resolveConstructorPattern(ctx, pattern, subject);
  const binders = pattern.binders ?? [];
  let fields: readonly Type[] = [];
  if (resolved !== null) {
    pattern.resolution = resolved.ref;
    fields = resolved.fields;
    if (!compatible(subject, resolved.owner)) {
      mismatch(ctx, pattern, subject);
      fields = fields.map(() => INVALID);
    } else if (binders.length !== fields.length) {
      ctx.error(pattern.span, msg.patternArity(pattern.path.join('.'), fields.length, binders.length));
    }
  }
  for (let i = 0; i < binders.length; i++) {
    declareBinder(ctx, binders[i], i < fields.length ? fields[i] : INVALID, pattern.span);
  }
}

function resolveConstructorPattern(
  ctx: CheckContext,
  pattern: ConstructorPattern,
  subject: Type,
): ResolvedConstructor | null {
  const path = pattern.path;
  const count = path.length;
  const variant = path[count - 1];
  if (count === 2 && isWrapperVariant(path[0], variant)) {
    const ref = WRAPPER_REFS[`${path[0]}.${variant}`];
    if (path[0] === 'Option') {
      const fields = variant === 'Some' ? [subject.kind === 'Option' ? subject.inner : UNKNOWN] : [];
      return { ref, fields, owner: OPTION_OWNER };
    }
    const payload = subject.kind !== 'Result' ? UNKNOWN : variant === 'Ok' ? subject.ok : subject.err;
    return { ref, fields: [payload], owner: RESULT_OWNER };
  }
  const info = count >= 2 ? lookupPatternType(ctx, pattern) : undefined;
  if (info === null) return null; // already reported, or in a dependency that failed to load
  const index = info?.kind === 'sum' ? info.variantIndex.get(variant) : undefined;
  if (info === undefined || info.kind !== 'sum' || index === undefined) {
    ctx.error(pattern.span, msg.unknownConstructor(path.join('.')));
    return null;
  }
  if (info.opaque && info.module !== ctx.module)
    ctx.error(pattern.span, msg.opaqueMatch(shortTypeName(info)));
  const resolved = info.variants[index];
  return { ref: resolved.ref, fields: resolved.fields, owner: info.type };
}

/** The sum type named by all but the last path segment; `null` when an error was already reported. */
function lookupPatternType(ctx: CheckContext, pattern: ConstructorPattern): TypeInfo | null | undefined {
  const path = pattern.path;
  const typeName = path[path.length - 2];
  if (path.length === 2) {
    const local = ctx.module.types.get(typeName);
    if (local !== undefined) return local;
    // A dependency's type named bare: `Tile.Wall -> …` (Oracle addendum: "`depends` name resolution").
    const bare = lookupBareType(ctx.module, typeName);
    if (bare?.kind === 'ambiguous') {
      ctx.error(pattern.span, msg.ambiguousTypeName(ctx.where(), typeName, bare.modules));
      return null;
    }
    return bare?.info;
  }
  const modulePath = path.slice(0, -2).join('.');
  const dep = ctx.module.deps.get(modulePath);
  if (dep === undefined) return ctx.module.missingDeps.has(modulePath) ? null : undefined;
  const info = dep.types.get(typeName);
  if (info === undefined || !isVisible(dep, typeName)) {
    ctx.error(pattern.span, msg.unknownMember(modulePath, typeName));
    return null;
  }
  return info;
}
