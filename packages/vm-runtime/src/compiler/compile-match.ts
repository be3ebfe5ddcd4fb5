import type { MatchExpr, Pattern } from '../ast.js';
import { Op } from '../chunk.js';
import type { Type } from '../checker/index.js';
import { boolBranchArms } from '../passes/match-shape.js';
import { FRESH_PAYLOAD_RESULTS, isOwnedType } from '../passes/ownership.js';
import { assertNever } from '../passes/walk.js';
import { normalizeInt } from '../values.js';
import { INT32_MAX, INT32_MIN, wrapKindOf, wrappedType } from './constants.js';
import { branchIfFalse } from './fused-instructions.js';
import { coveredByEarlierArms } from './match-coverage.js';
import { matchKnownValue } from './scalar-replacement.js';
import type { UnitCompiler } from './unit-compiler.js';

/** A `match`: a two-way branch for `true`/`false` arms, else arm-by-arm tests on the subject slot. */
export function compileMatch(compiler: UnitCompiler, match: MatchExpr, tail: boolean): void {
  if (compileBoolMatch(compiler, match, tail) || matchKnownValue(compiler, match, tail)) return;
  const subject = match.subject;
  const slot = match.subjectSlot;
  if (slot === undefined) throw compiler.error('match without a subject slot', match);
  const direct = subject.kind === 'Ident' && subject.slot === slot;
  if (!direct) {
    compiler.expr(subject);
    compiler.builder.emit(Op.STORE_LOCAL, -1, compiler.local(slot));
  }
  const subjectType = compiler.types.get(subject);
  const fresh =
    !direct &&
    subject.kind === 'Call' &&
    subject.target?.kind === 'builtin' &&
    FRESH_PAYLOAD_RESULTS.has(subject.target.name);
  const base = compiler.builder.depth;
  const ends: number[] = [];
  let exhaustive = false;
  match.arms.forEach((arm, index) => {
    compiler.builder.depth = base;
    compiler.builder.line = arm.span.line;
    const last = index === match.arms.length - 1;
    const unconditional = last && coveredByEarlierArms(match.arms, index, compiler.tables.checked.types);
    const fails: number[] = [];
    compilePattern(compiler, arm.pattern, slot, subjectType, fresh, unconditional ? null : fails);
    if (tail) compiler.tail(arm.body);
    else {
      compiler.expr(arm.body);
      if (!(last && fails.length === 0)) ends.push(compiler.builder.emit(Op.JUMP, 0, 0));
    }
    if (fails.length > 0) {
      const next = compiler.builder.here();
      for (const at of fails) compiler.builder.patchJump(at, next);
    } else if (last) exhaustive = true;
  });
  compiler.builder.depth = base;
  if (!exhaustive) {
    compiler.builder.line = match.span.line;
    compiler.builder.emit(Op.MATCH_FAIL, 0);
  }
  const end = compiler.builder.here();
  for (const at of ends) compiler.builder.patchJump(at, end);
  if (!tail) compiler.builder.depth = base + 1;
}

/** `match c` with arms `true`/`false` (either order, or one of them and `_`): a conditional jump. */
function compileBoolMatch(compiler: UnitCompiler, match: MatchExpr, tail: boolean): boolean {
  const arms = boolBranchArms(match, compiler.types);
  if (arms === null) return false;
  const [whenTrue, whenFalse] = arms;
  const jump = branchIfFalse(compiler, match.subject);
  const base = compiler.builder.depth;
  compiler.armBody(whenTrue, tail);
  const end = tail ? -1 : compiler.builder.emit(Op.JUMP, 0, 0);
  compiler.builder.depth = base;
  compiler.builder.patchJump(jump, compiler.builder.here());
  compiler.armBody(whenFalse, tail);
  if (end >= 0) compiler.builder.patchJump(end, compiler.builder.here());
  return true;
}

/**
 * Emits the tests of `pattern` against the value in `slot` (each failing jump goes to `fails`; `null` when the
 * arm is known to match) and the extractions into its binder slots. A Vector or Map taken out of a container
 * is marked shared unless the container is a fresh temporary (`fresh`).
 */
function compilePattern(
  compiler: UnitCompiler,
  pattern: Pattern,
  slot: number,
  type: Type | undefined,
  fresh: boolean,
  fails: number[] | null,
): void {
  const builder = compiler.builder;
  switch (pattern.kind) {
    case 'WildcardPattern':
    case 'BindPattern':
      return;
    case 'LiteralPattern': {
      if (fails === null) return;
      const literal = pattern.literal;
      if (literal.kind === 'IntLit' && literal.value >= INT32_MIN && literal.value <= INT32_MAX) {
        fails.push(builder.emit(Op.MATCH_INT, 0, compiler.local(slot), Number(literal.value), 0));
        return;
      }
      const value = literal.kind === 'IntLit' ? normalizeInt(literal.value) : literal.value;
      fails.push(builder.emit(Op.MATCH_CONST, 0, compiler.local(slot), builder.addConstant(value), 0));
      return;
    }
    case 'NilPattern':
      if (fails !== null) fails.push(builder.emit(Op.MATCH_NIL, 0, compiler.local(slot), 0));
      return;
    case 'ConsPattern': {
      if (fails !== null) fails.push(builder.emit(Op.MATCH_CONS, 0, compiler.local(slot), 0));
      const head = pattern.headSlot ?? -1;
      const tail = pattern.tailSlot ?? -1;
      if (head >= 0 || tail >= 0)
        builder.emit(Op.UNCONS, 0, compiler.local(slot), compiler.local(head), compiler.local(tail));
      if (head >= 0 && !fresh && type?.kind === 'List' && isOwnedType(type.elem))
        builder.emit(Op.SHARE_LOCAL, 0, compiler.local(head));
      return;
    }
    case 'ConstructorPattern':
      compileConstructorPattern(compiler, pattern, slot, type, fresh, fails);
      return;
    case 'TuplePattern': {
      const items = type?.kind === 'Tuple' ? type.items : [];
      pattern.items.forEach((item, index) => {
        const itemSlot = pattern.itemSlots?.[index] ?? -1;
        if (itemSlot < 0) return;
        builder.emit(Op.ITEM_TO_LOCAL, 0, compiler.local(slot), index, compiler.local(itemSlot));
        if (!fresh && isOwnedType(items[index])) builder.emit(Op.SHARE_LOCAL, 0, compiler.local(itemSlot));
        compilePattern(compiler, item, itemSlot, items[index], false, fails);
      });
      return;
    }
    default:
      assertNever(pattern);
  }
}

function compileConstructorPattern(
  compiler: UnitCompiler,
  pattern: Extract<Pattern, { kind: 'ConstructorPattern' }>,
  slot: number,
  type: Type | undefined,
  fresh: boolean,
  fails: number[] | null,
): void {
  const builder = compiler.builder;
  const resolution = pattern.resolution;
  if (resolution === undefined) throw compiler.error(`unresolved pattern ${pattern.path.join('.')}`, pattern);
  const { typeName, variant } = resolution;
  const wrap = wrapKindOf(typeName, variant);
  const binders = pattern.binderSlots ?? [];
  if (wrap !== null) {
    if (fails !== null) fails.push(builder.emit(Op.MATCH_WRAP, 0, compiler.local(slot), wrap, 0));
    if (binders.length > 0 && binders[0] >= 0) {
      builder.emit(Op.UNWRAP_TO_LOCAL, 0, compiler.local(slot), compiler.local(binders[0]));
      if (!fresh && isOwnedType(wrappedType(type, wrap)))
        builder.emit(Op.SHARE_LOCAL, 0, compiler.local(binders[0]));
    }
    return;
  }
  if (typeName === 'Option' && variant === 'None') {
    if (fails !== null) fails.push(builder.emit(Op.MATCH_NONE, 0, compiler.local(slot), 0));
    return;
  }
  const tag = compiler.variantTag(typeName, variant, pattern);
  if (fails !== null) fails.push(builder.emit(Op.MATCH_VARIANT, 0, compiler.local(slot), tag, 0));
  const declared = compiler.tables.checked.types.get(typeName);
  const fieldTypes = declared?.kind === 'sum' ? declared.variants[tag].fields : [];
  binders.forEach((binder, index) => {
    if (binder < 0) return;
    builder.emit(Op.FIELD_TO_LOCAL, 0, compiler.local(slot), index, compiler.local(binder));
    if (isOwnedType(fieldTypes[index])) builder.emit(Op.SHARE_LOCAL, 0, compiler.local(binder));
  });
}
