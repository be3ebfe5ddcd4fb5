import type { Expr, MatchExpr, Stmt } from '../ast.js';
import { Op } from '../chunk.js';
import type { Type } from '../checker/index.js';
import { isOwnedType } from '../passes/ownership.js';
import { wrapKindOf, wrappedType } from './constants.js';
import { armForKnownVariant } from './fusion-shapes.js';
import { constructionOf, onlyTakenApart } from './inline-analysis.js';
import type { UnitCompiler } from './unit-compiler.js';

/**
 * Scalar replacement: when `value` builds a record or variant and every later read of the local in `slot` only
 * takes it apart (`x.f`, `match x` on constructors), evaluates its components in source order into fresh slots
 * and records them as the local's known value (in `into`: the current context's, or an inlined callee's while its
 * arguments are evaluated) instead of building it. Returns false, and emits nothing, when the value must be built.
 */
export function scalarReplace(
  compiler: UnitCompiler,
  slot: number,
  value: Expr,
  rest: readonly Stmt[],
  into = compiler.known,
): boolean {
  const construction = constructionOf(value);
  if (construction === null || !onlyTakenApart(slot, rest)) return false;
  const first = compiler.allocateSlots(construction.components.length);
  const components = construction.components.map((_component, position) => first + position);
  construction.components.forEach((component, index) => {
    const position = construction.positions[index];
    const same = sameSlot(compiler, component);
    if (same !== null) components[position] = same;
    else {
      compiler.expr(component);
      compiler.builder.emit(Op.STORE_LOCAL, -1, components[position]);
    }
  });
  into.set(slot, { construction, components });
  return true;
}

/**
 * The frame slot already holding `expr` when it is a read of a local that is not a Vector or Map (bindings are
 * immutable and a read of such a value has no effect, so a component or inlined parameter can name that slot
 * instead of copying it); `null` otherwise.
 */
export function sameSlot(compiler: UnitCompiler, expr: Expr): number | null {
  if (expr.kind !== 'Ident' || expr.slot === undefined || compiler.known.has(expr.slot)) return null;
  return isOwnedType(compiler.types.get(expr)) ? null : compiler.local(expr.slot);
}

/**
 * `match x` on a scalar-replaced local: the variant is known, so the arm is chosen here and its binders name the
 * component slots directly.
 */
export function matchKnownValue(compiler: UnitCompiler, match: MatchExpr, tail: boolean): boolean {
  const subject = match.subject;
  const known =
    subject.kind === 'Ident' && subject.slot !== undefined ? compiler.known.get(subject.slot) : undefined;
  if (known === undefined) return false;
  const { typeName, variant } = known.construction;
  const arm = armForKnownVariant(match, typeName, variant);
  if (arm === undefined) throw compiler.error(`no arm matches ${typeName}.${variant}`, match);
  const aliased: [number, number | undefined][] = [];
  if (arm.pattern.kind === 'ConstructorPattern') {
    const slots = arm.pattern.binderSlots ?? [];
    const fieldTypes = payloadTypes(compiler, typeName, variant ?? '', compiler.types.get(subject));
    slots.forEach((binder, index) => {
      if (binder < 0) return;
      const component = known.components[index];
      if (isOwnedType(fieldTypes[index])) {
        // A Vector or Map binder gets a shared copy in its own slot: its last read moves it out of that slot,
        // which must not clear the component (a later `match x` or `x.field` reads it again).
        compiler.builder.emit(Op.LOAD_LOCAL_SHARE, 1, component);
        compiler.builder.emit(Op.STORE_LOCAL, -1, compiler.local(binder));
        return;
      }
      aliased.push([binder, compiler.aliases.get(binder)]);
      compiler.aliases.set(binder, component);
    });
  }
  compiler.armBody(arm, tail);
  // The arm's slots are reused after it (by later bindings and matches), so its binders stop naming components.
  for (const [binder, previous] of aliased) {
    if (previous === undefined) compiler.aliases.delete(binder);
    else compiler.aliases.set(binder, previous);
  }
  return true;
}

/** The payload types of a variant (a wrapper's inner type for `Some`/`Ok`/`Err`). */
function payloadTypes(
  compiler: UnitCompiler,
  typeName: string,
  variant: string,
  subjectType: Type | undefined,
): (Type | undefined)[] {
  const wrap = wrapKindOf(typeName, variant);
  if (wrap !== null) return [wrappedType(subjectType, wrap)];
  const declared = compiler.tables.checked.types.get(typeName);
  if (declared?.kind !== 'sum') return [];
  return [...(declared.variants.find((candidate) => candidate.name === variant)?.fields ?? [])];
}
