import type { TraceProjection, TraceStep } from '../ast.js';
import { BUILTIN_RECORD_TYPES } from '../builtins/records.js';
import { valuesEqual } from '../equality.js';
import {
  ListValue,
  listFromArray,
  listToArray,
  NONE,
  normalizeInt,
  RecordValue,
  type Value,
  WrapKind,
  WrapValue,
} from '../values.js';

/**
 * One classified effect call the verified function made (Oracle addendum: "Running one case" step 5), with the groups
 * it happened in.
 */
export interface RecordedEvent {
  readonly method: string;
  readonly args: readonly Value[];
  /** Dewey path of the branch it ran in (`""` outside any `!`/`?!` group). */
  readonly path: string;
  /** Every group (case-wide index) and branch it ran inside, outermost first. */
  readonly groups: readonly { readonly group: number; readonly branch: number }[];
}

const EFFECT_EVENT = BUILTIN_RECORD_TYPES.get('EffectEvent')!;
const TRACE = BUILTIN_RECORD_TYPES.get('Trace')!;

/**
 * The `EffectEvent(method: …, args: […], path: …)` value of a recorded event (Oracle addendum:
 * "`BranchPath`, `Trace`, `EffectEvent`").
 */
export function eventValue(event: RecordedEvent): RecordValue {
  return new RecordValue(EFFECT_EVENT, [event.method, listFromArray(event.args), event.path]);
}

/**
 * A projection's steps after its source call, as one String operand of the projection hook: `trace|group:0|count`.
 * The event pattern of `contains`/`count` travels separately (method name and argument values).
 */
export function describeSteps(projection: TraceProjection): string {
  return projection.steps.map(stepText).join('|');
}

function stepText(step: TraceStep): string {
  switch (step.kind) {
    case 'group':
    case 'branch':
    case 'event':
      return `${step.kind}:${step.index}`;
    default:
      return step.kind;
  }
}

/** How a projection chain reads in a message: `.trace.group(0).count(…)`. */
export function projectionText(descriptor: string): string {
  return descriptor
    .split('|')
    .map((step) => {
      const [kind, index] = step.split(':');
      if (kind === 'result' || kind === 'trace') return `.${kind}`;
      if (kind === 'contains' || kind === 'count') return `.${kind}(…)`;
      return `.${kind}(${index ?? ''})`;
    })
    .join('');
}

/**
 * Applies a projection's steps to the events of the call (Oracle addendum: "Grammar"): `.trace` gives
 * `Trace(events: […])`; `.group(n)` and `.branch(i)` narrow the events; `length()`, `event(k)`, `contains(x)`,
 * `count(x)` query them. A pattern matches an event with its method and, when given, equal arguments (the path is
 * ignored).
 */
export function applyProjection(
  descriptor: string,
  events: readonly RecordedEvent[],
  method: string,
  patternArgs: readonly Value[] | null,
): Value {
  let selected = events;
  let group = -1;
  for (const step of descriptor.split('|').slice(1)) {
    const [kind, operand] = step.split(':');
    const index = Number(operand);
    switch (kind) {
      case 'group':
        group = index;
        selected = selected.filter((event) => event.groups.some((entry) => entry.group === index));
        break;
      case 'branch':
        selected = selected.filter((event) =>
          event.groups.some((entry) => entry.group === group && entry.branch === index),
        );
        break;
      case 'length':
        return selected.length;
      case 'event':
        return index < selected.length ? new WrapValue(WrapKind.Some, eventValue(selected[index])) : NONE;
      case 'contains':
        return selected.some((event) => matches(event, method, patternArgs));
      case 'count':
        return normalizeInt(BigInt(selected.filter((event) => matches(event, method, patternArgs)).length));
    }
  }
  return new RecordValue(TRACE, [listFromArray(selected.map(eventValue))]);
}

function matches(event: RecordedEvent, method: string, args: readonly Value[] | null): boolean {
  if (event.method !== method) return false;
  if (args === null) return true;
  return event.args.length === args.length && event.args.every((arg, index) => valuesEqual(arg, args[index]));
}

/** The pattern arguments the hook receives: a List of the literals, or Unit for a bare method reference. */
export function patternArgsOf(value: Value): readonly Value[] | null {
  return value instanceof ListValue ? listToArray(value) : null;
}
