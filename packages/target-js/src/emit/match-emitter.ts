import {
  coveredByEarlierArms,
  FRESH_PAYLOAD_RESULTS,
  isOwnedType,
  type MatchArm,
  type MatchExpr,
  type Pattern,
  type Type,
  WrapKind,
} from '@aver/vm-runtime';
import { type CodeLine, lineMark } from './code-writer.js';
import { wrapKindOf } from './module-constants.js';
import { intLiteral, type UnitEmitter } from './unit-emitter.js';

/** Where a `match` delivers its value: returned from the function (tail position) or stored in a variable. */
export type MatchDestination =
  | { readonly kind: 'return' }
  | { readonly kind: 'assign'; readonly variable: string };

/** What one arm's pattern needs: the conditions on the subject, then the binder assignments once they hold. */
interface ArmCode {
  readonly tests: string[];
  readonly binds: string[];
}

/**
 * Emits a `match` as JS statements: a `true`/`false` match as `if`/`else`; arms that all test a user variant or a
 * literal as a `switch` (on the variant tag, or on the value: `===`, the VM's comparison); anything else as an
 * `if`/`else if` chain. The subject is evaluated once, into the variable of its slot. Binders are assigned once the
 * arm's tests hold; a Vector or Map taken out of a container that stays alive is marked shared, as on the VM. A last
 * arm the earlier ones leave no choice about is not tested; otherwise the match ends in the VM's non-exhaustive
 * match error.
 */
export function emitMatch(emitter: UnitEmitter, match: MatchExpr, destination: MatchDestination): void {
  if (knownMatch(emitter, match, destination)) return;
  const types = emitter.context.types;
  const boolArms = boolBranchArms(match, types);
  if (boolArms !== null) {
    const condition = emitter.expr(match.subject).code;
    emitter.line(`${lineMark(match.span.line)}if (${condition}) {`);
    emitter.append(emitter.nested(() => emitter.armBody(boolArms[0].body, destination)));
    emitter.line('} else {');
    emitter.append(emitter.nested(() => emitter.armBody(boolArms[1].body, destination)));
    emitter.line('}');
    return;
  }
  const subject = match.subject;
  const slot = match.subjectSlot;
  if (slot === undefined || slot < 0) emitter.fail('match without a subject slot', match);
  const direct = subject.kind === 'Ident' && subject.slot === slot;
  const variable = emitter.local(slot, direct ? subject.name : '$subject');
  // A match that only takes an Option-returning built-in's result apart never needs the Option itself.
  const unboxed = !direct && onlyTakesOptionApart(match) ? emitter.unboxedOptionCall(subject) : null;
  if (!direct) {
    const value = unboxed ?? emitter.expr(subject);
    emitter.line(`${lineMark(match.span.line)}${variable} = ${value.code};`);
  }
  const subjectType = emitter.typeOf(subject);
  const fresh =
    !direct &&
    subject.kind === 'Call' &&
    subject.target?.kind === 'builtin' &&
    FRESH_PAYLOAD_RESULTS.has(subject.target.name);
  const arms = match.arms.map((arm) =>
    armCode(emitter, arm.pattern, variable, slot, subjectType, fresh, unboxed !== null),
  );
  const lastIndex = match.arms.length - 1;
  const exhaustive = coveredByEarlierArms(match.arms, lastIndex, emitter.context.checked.types);
  const failure = `throw $matchFailure(${match.span.line});`;
  const body = (index: number): CodeLine[] =>
    emitter.nested(() => {
      for (const bind of arms[index].binds) emitter.line(bind);
      emitter.armBody(match.arms[index].body, destination);
      if (destination.kind === 'assign') emitter.line('break;');
    });

  const switchOn = switchSubject(emitter, match.arms, variable, exhaustive);
  if (switchOn !== null) {
    emitter.line(`switch (${switchOn.subject}) {`);
    match.arms.forEach((_arm, index) => {
      const label = index === lastIndex && exhaustive ? 'default' : switchOn.labels[index];
      emitter.line(label === 'default' ? '  default: {' : `  case ${label}: {`);
      emitter.append(body(index), 2);
      emitter.line('  }');
    });
    if (!exhaustive) emitter.line(`  default: ${failure}`);
    emitter.line('}');
    return;
  }

  let opened = false;
  for (let index = 0; index <= lastIndex; index++) {
    const unconditional = arms[index].tests.length === 0 || (index === lastIndex && exhaustive);
    const lines = emitter.nested(() => {
      for (const bind of arms[index].binds) emitter.line(bind);
      emitter.armBody(match.arms[index].body, destination);
    });
    if (unconditional) {
      if (opened) emitter.line('} else {');
      emitter.append(lines, opened ? 1 : 0);
      if (opened) emitter.line('}');
      return;
    }
    emitter.line(`${opened ? '} else ' : ''}if (${arms[index].tests.join(' && ')}) {`);
    emitter.append(lines);
    opened = true;
  }
  emitter.line('} else {');
  emitter.line(`  ${failure}`);
  emitter.line('}');
}

/**
 * `match x` on a scalar-replaced local: its variant is known, so the arm is chosen here and its binders take the
 * component variables (a Vector or Map component gets a shared reference, as on the VM).
 */
function knownMatch(emitter: UnitEmitter, match: MatchExpr, destination: MatchDestination): boolean {
  const known = emitter.knownValue(match.subject);
  if (known === undefined) return false;
  const { typeName, variant } = known.construction;
  const arm = match.arms.find(
    (candidate) =>
      candidate.pattern.kind === 'WildcardPattern' ||
      (candidate.pattern.kind === 'ConstructorPattern' &&
        candidate.pattern.resolution?.typeName === typeName &&
        candidate.pattern.resolution.variant === (variant ?? '')),
  );
  if (arm === undefined) return emitter.fail(`no arm matches ${typeName}.${variant}`, match);
  if (arm.pattern.kind === 'ConstructorPattern') {
    const wrap = wrapKindOf(typeName, variant ?? '');
    const declared = emitter.context.checked.types.get(typeName);
    const fieldTypes: readonly (Type | undefined)[] =
      wrap !== null
        ? [wrappedType(emitter.typeOf(match.subject), wrap)]
        : declared?.kind === 'sum'
          ? (declared.variants.find((candidate) => candidate.name === variant)?.fields ?? [])
          : [];
    const names = arm.pattern.binders ?? [];
    (arm.pattern.binderSlots ?? []).forEach((binder, index) => {
      if (binder < 0) return;
      const component = known.components[index];
      const value = isOwnedType(fieldTypes[index]) ? `$share(${component})` : component;
      emitter.line(`${emitter.local(binder, names[index])} = ${value};`);
    });
  }
  emitter.armBody(arm.body, destination);
  return true;
}

/**
 * The `switch` form of a match, or `null`: every tested arm (all but an untested last one) is a user variant, or an
 * Int or String literal followed by a catch-all; gives what to switch on and each tested arm's label.
 */
function switchSubject(
  emitter: UnitEmitter,
  arms: readonly MatchArm[],
  variable: string,
  exhaustive: boolean,
): { subject: string; labels: string[] } | null {
  if (arms.length < 2) return null;
  const last = arms[arms.length - 1].pattern;
  const tested = (exhaustive ? arms.slice(0, -1) : arms).map((arm) => arm.pattern);
  const tags = tested.map((pattern) => {
    if (pattern.kind !== 'ConstructorPattern' || pattern.resolution === undefined) return null;
    const { typeName, variant } = pattern.resolution;
    if (typeName === 'Option' || typeName === 'Result') return null;
    return String(emitter.context.constants.variantTag(typeName, variant, pattern.span.line));
  });
  if (tags.every((tag) => tag !== null)) return { subject: `${variable}.tag`, labels: tags as string[] };
  if (!exhaustive || (last.kind !== 'WildcardPattern' && last.kind !== 'BindPattern')) return null;
  const literals = tested.map((pattern) => {
    if (pattern.kind !== 'LiteralPattern') return null;
    const literal = pattern.literal;
    if (literal.kind === 'IntLit') return intLiteral(literal.value);
    if (literal.kind === 'StringLit') return JSON.stringify(literal.value);
    return null;
  });
  if (literals.every((label) => label !== null)) return { subject: variable, labels: literals as string[] };
  return null;
}

/**
 * The tests and binder assignments of `pattern` against the value at `access` (a variable or a path into the
 * subject) whose frame slot is `slot` and type `type`.
 */
function armCode(
  emitter: UnitEmitter,
  pattern: Pattern,
  access: string,
  slot: number,
  type: Type | undefined,
  fresh: boolean,
  unboxed: boolean,
): ArmCode {
  const code: ArmCode = { tests: [], binds: [] };
  if (unboxed && pattern.kind === 'ConstructorPattern') {
    // The subject holds the payload, or `undefined` for `None`.
    const some = pattern.resolution?.variant === 'Some';
    code.tests.push(`${access} ${some ? '!==' : '==='} undefined`);
    const binder = pattern.binderSlots?.[0] ?? -1;
    if (some && binder >= 0) {
      const owned = !fresh && type?.kind === 'Option' && isOwnedType(type.inner);
      const value = owned ? `$share(${access})` : access;
      code.binds.push(`${emitter.local(binder, pattern.binders![0])} = ${value};`);
    }
    return code;
  }
  collect(emitter, pattern, access, slot, type, fresh, code);
  return code;
}

/** True when every arm is `Option.Some(…)`, `Option.None` or `_`: the match only takes its Option apart. */
function onlyTakesOptionApart(match: MatchExpr): boolean {
  return match.arms.every(
    (arm) =>
      arm.pattern.kind === 'WildcardPattern' ||
      (arm.pattern.kind === 'ConstructorPattern' && arm.pattern.resolution?.typeName === 'Option'),
  );
}

function collect(
  emitter: UnitEmitter,
  pattern: Pattern,
  access: string,
  slot: number,
  type: Type | undefined,
  fresh: boolean,
  code: ArmCode,
): void {
  const shared = (value: string, owned: boolean) => (owned ? `$share(${value})` : value);
  switch (pattern.kind) {
    case 'WildcardPattern':
      return;
    case 'BindPattern': {
      const target = emitter.local(pattern.slot ?? slot, pattern.name);
      if (target !== access) code.binds.push(`${target} = ${access};`);
      return;
    }
    case 'LiteralPattern': {
      const literal = pattern.literal;
      const value =
        literal.kind === 'IntLit'
          ? intLiteral(literal.value)
          : literal.kind === 'FloatLit'
            ? Object.is(literal.value, -0)
              ? '-0'
              : String(literal.value)
            : JSON.stringify(literal.value);
      code.tests.push(`${access} === ${value}`);
      return;
    }
    case 'NilPattern':
      code.tests.push(`${access}.length === 0`);
      return;
    case 'ConsPattern': {
      code.tests.push(`${access}.length !== 0`);
      const head = pattern.headSlot ?? -1;
      const tail = pattern.tailSlot ?? -1;
      const ownedHead = !fresh && type?.kind === 'List' && isOwnedType(type.elem);
      if (head >= 0)
        code.binds.push(`${emitter.local(head, pattern.head)} = ${shared(`${access}.head`, ownedHead)};`);
      if (tail >= 0) code.binds.push(`${emitter.local(tail, pattern.tail)} = ${access}.tail;`);
      return;
    }
    case 'TuplePattern': {
      const items = type?.kind === 'Tuple' ? type.items : [];
      pattern.items.forEach((item, index) => {
        const itemSlot = pattern.itemSlots?.[index] ?? -1;
        if (itemSlot < 0) return;
        const path = `${access}.items[${index}]`;
        if (item.kind === 'BindPattern') {
          const owned = !fresh && isOwnedType(items[index]);
          code.binds.push(`${emitter.local(itemSlot, item.name)} = ${shared(path, owned)};`);
          return;
        }
        collect(emitter, item, path, itemSlot, items[index], false, code);
      });
      return;
    }
    case 'ConstructorPattern': {
      const resolution = pattern.resolution;
      if (resolution === undefined) emitter.fail(`unresolved pattern ${pattern.path.join('.')}`, pattern);
      const { typeName, variant } = resolution;
      const binders = pattern.binderSlots ?? [];
      const names = pattern.binders ?? [];
      const wrap = wrapKindOf(typeName, variant);
      if (wrap !== null) {
        // An Option is `None` or a `Some`: testing against the one `None` reads no field of a value that may lack it.
        code.tests.push(type?.kind === 'Option' ? `${access} !== $NONE` : `${access}.wrap === ${wrap}`);
        if (binders.length > 0 && binders[0] >= 0) {
          const inner = wrappedType(type, wrap);
          const owned = !fresh && isOwnedType(inner);
          code.binds.push(`${emitter.local(binders[0], names[0])} = ${shared(`${access}.value`, owned)};`);
        }
        return;
      }
      if (typeName === 'Option' && variant === 'None') {
        code.tests.push(`${access} === $NONE`);
        return;
      }
      const constants = emitter.context.constants;
      const tag = constants.variantTag(typeName, variant, pattern.span.line);
      code.tests.push(`${access}.tag === ${tag}`);
      const declared = emitter.context.checked.types.get(typeName);
      const fields = declared?.kind === 'sum' ? declared.variants[tag].fields : [];
      binders.forEach((binder, index) => {
        if (binder < 0) return;
        const value = shared(`${access}.fields[${index}]`, isOwnedType(fields[index]));
        code.binds.push(`${emitter.local(binder, names[index])} = ${value};`);
      });
      return;
    }
    default:
      emitter.fail(`unknown pattern ${(pattern as Pattern).kind}`, pattern);
  }
}

/** The payload type of an Ok/Err/Some pattern on a subject of type `type`. */
function wrappedType(type: Type | undefined, wrap: number): Type | undefined {
  if (type?.kind === 'Option') return type.inner;
  if (type?.kind === 'Result') return wrap === WrapKind.Ok ? type.ok : type.err;
  return undefined;
}

/**
 * The arms of a `match` on a Bool with exactly a `true` and a `false` arm (either order, or one of them and `_`),
 * as `[whenTrue, whenFalse]`; `null` for any other match (the VM compiles these to one conditional jump too).
 */
function boolBranchArms(match: MatchExpr, types: ReadonlyMap<unknown, Type>): [MatchArm, MatchArm] | null {
  const arms = match.arms;
  if (arms.length !== 2 || types.get(match.subject)?.kind !== 'Bool') return null;
  const first = boolPattern(arms[0].pattern);
  const second = arms[1].pattern.kind === 'WildcardPattern' ? 'any' : boolPattern(arms[1].pattern);
  if (first === null || second === null || first === second) return null;
  return first ? [arms[0], arms[1]] : [arms[1], arms[0]];
}

function boolPattern(pattern: Pattern): boolean | null {
  return pattern.kind === 'LiteralPattern' && pattern.literal.kind === 'BoolLit'
    ? pattern.literal.value
    : null;
}
