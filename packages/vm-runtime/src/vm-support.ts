import type { BuiltinImpl, HostContext } from './builtins/builtin-def.js';
import { CHARGE_THRESHOLD } from './builtins/work-cost.js';
import type { Chunk } from './chunk.js';
import type { CountingState } from './counting-state.js';
import { displayValue } from './display.js';
import { mapKeyOf } from './equality.js';
import { AverRuntimeError } from './errors.js';
import { checkedString, engineLimitError } from './engine-limits.js';
import {
  type FunctionValue,
  MapValue,
  type RecordType,
  RecordValue,
  type SumType,
  UNIT,
  type Value,
  VariantValue,
  VectorValue,
  WrapKind,
  WrapValue,
} from './values.js';
import { RuntimeMessages } from './runtime-messages.js';
import { VmMessages } from './vm-messages.js';

/**
 * What the VM loop (`vm.ts`) and its counting twin (`vm-counting.ts`) share, internal to the package: the state of a
 * run, and the slow paths the loop calls out of line (stack growth, limits, building records and maps, errors),
 * so the loop itself stays a switch of short cases.
 */

/** Everything the VM needs from a compiled program; shared by every run of it. */
export interface ProgramCode {
  /** Compiled functions, indexed by the `fn` operand. */
  readonly chunks: readonly Chunk[];
  /** `BUILTINS[i].impl` (with the `Int.mod` of the program's era), indexed by the `builtin` operand. */
  readonly builtinImpls: readonly BuiltinImpl[];
  /** 1 where a built-in returns a freshly built heap value (counted as an allocation). */
  readonly builtinAllocates: Uint8Array;
  readonly recordTypes: readonly RecordType[];
  readonly sumTypes: readonly SumType[];
  readonly globalCount: number;
}

/** Calls between two deadline checks. */
export const DEADLINE_CHECK_INTERVAL = 4096;
/**
 * Calls nested deeper than this run on `Run.frames` instead of as JS calls of the loop (its JS frames are large, and
 * the loop may itself be called from deep JS code).
 */
export const MAX_JS_DEPTH = 32;
/** Spare stack slots beyond a frame's needs: built-ins read four argument slots whatever their arity. */
export const STACK_SLACK = 8;

/**
 * What the limits of a run read and update: the deadline, the step budget and the built-in work charged since the
 * clock was last read. A `Run` is one; another backend keeps its own (`counting: null` when it counts nothing).
 */
export interface LimitState {
  deadline: number;
  workSinceClock: number;
  readonly timeoutMs: number | null;
  readonly stepBudget: number | null;
  readonly counting: CountingState | null;
}

/** The state of one execution of a program: stack, frames, globals, host, limits, counters. */
export class Run implements LimitState {
  frameCapacity: number;
  /** Calls left before the next deadline check (shared by every JS call of the loop). */
  countdown = DEADLINE_CHECK_INTERVAL;
  /**
   * `performance.now()` value after which the run fails, or `Infinity`. Moved later by the time the run spends
   * blocked on stdin (run-limits.ts), so an interactive program is not timed while it waits for its user.
   */
  deadline: number;
  /** Built-in work charged since the clock was last read (`chargeWork`). */
  workSinceClock = 0;

  constructor(
    readonly code: ProgramCode,
    readonly stack: Value[],
    readonly frames: number[],
    readonly globals: Value[],
    readonly host: HostContext,
    readonly maxFrames: number,
    readonly timeoutMs: number | null,
    readonly stepBudget: number | null,
    readonly counting: CountingState | null,
  ) {
    this.frameCapacity = Math.min(frames.length - (frames.length % 3), maxFrames * 3);
    this.deadline = timeoutMs === null ? Number.POSITIVE_INFINITY : performance.now() + timeoutMs;
  }
}

/** The `count` values at `stack[from..]` as a new array (small counts without the generic `slice`). */
export function takeItems(stack: Value[], from: number, count: number): Value[] {
  switch (count) {
    case 1:
      return [stack[from]];
    case 2:
      return [stack[from], stack[from + 1]];
    case 3:
      return [stack[from], stack[from + 1], stack[from + 2]];
    default:
      return stack.slice(from, from + count);
  }
}

/** Growth of the value and frame stacks goes in chunks pushed at once (one native call per chunk). */
const UNIT_CHUNK: readonly Value[] = Object.freeze(new Array<Value>(4096).fill(UNIT));
const ZERO_CHUNK: readonly number[] = Object.freeze(new Array<number>(3 * 1024).fill(0));

/** Grows the value stack to hold at least `needed` slots (plus slack); returns the new capacity. */
export function growStack(stack: Value[], needed: number): number {
  let capacity = Math.max(64, stack.length);
  while (capacity < needed + STACK_SLACK) capacity *= 2;
  while (stack.length + UNIT_CHUNK.length <= capacity) stack.push(...UNIT_CHUNK);
  while (stack.length < capacity) stack.push(UNIT);
  return capacity;
}

/** Grows the frame stack, or fails with the stack overflow limit error when `maxFrames` frames are open. */
export function growFrames(run: Run): void {
  const limit = run.maxFrames * 3;
  if (run.frameCapacity >= limit) {
    throw new AverRuntimeError(VmMessages.stackOverflow(run.maxFrames), 'limit');
  }
  const frames = run.frames;
  const target = Math.min(limit, Math.max(3 * 1024, frames.length * 2));
  while (frames.length + ZERO_CHUNK.length <= target) frames.push(...ZERO_CHUNK);
  while (frames.length < target) frames.push(0);
  run.frameCapacity = target;
}

/**
 * Called every `DEADLINE_CHECK_INTERVAL` calls: fails the run once its deadline has passed; returns the next
 * countdown.
 */
export function checkDeadline(run: LimitState): number {
  if (run.timeoutMs !== null && performance.now() > run.deadline) {
    throw new AverRuntimeError(VmMessages.deadlineExceeded(run.timeoutMs), 'limit');
  }
  return DEADLINE_CHECK_INTERVAL;
}

/** Units of built-in work between two reads of the clock (`chargeWork`): about a millisecond of work. */
export const WORK_CHECK_INTERVAL = 1 << 16;

/**
 * Charges `units` of built-in work (work-cost.ts) to the run before it is done: to the step budget of a counting
 * run, and towards the next read of the clock when the run has a deadline. Counters are not touched: built-in
 * work is not an instruction.
 */
export function chargeWork(run: LimitState, units: number): void {
  const counting = run.counting;
  if (counting !== null && run.stepBudget !== null) {
    counting.stepsLeft -= units;
    if (counting.stepsLeft < 0) throw stepBudgetExhausted(run);
  }
  if (run.timeoutMs === null) return;
  run.workSinceClock += units;
  if (run.workSinceClock >= WORK_CHECK_INTERVAL) {
    run.workSinceClock = 0;
    checkDeadline(run);
  }
}

/** The error of a counting run whose step budget ran out. */
export function stepBudgetExhausted(run: LimitState): AverRuntimeError {
  return new AverRuntimeError(VmMessages.stepBudgetExhausted(run.stepBudget ?? 0), 'limit');
}

/** Marks a Vector or Map shared (a second reference is about to exist); other values pass through. */
export function markShared(value: Value): Value {
  if (value instanceof VectorValue || value instanceof MapValue) value.shared = true;
  return value;
}

/** `CALL_VALUE` on a built-in or constructor value: runs it directly (no frame). */
export function callValue(run: Run, callee: FunctionValue, base: number, argc: number): Value {
  const stack = run.stack;
  if (callee.kind === 'builtin') {
    return run.code.builtinImpls[callee.index](
      run.host,
      stack[base],
      stack[base + 1],
      stack[base + 2],
      stack[base + 3],
    );
  }
  if (callee.sumType === null) return new WrapValue(callee.index as WrapKind, stack[base]);
  return new VariantValue(callee.sumType, callee.index, takeItems(stack, base, argc));
}

/** `RECORD_NEW_PERM`: fields were pushed in source order; `order[i]` is the declaration index of pushed field i. */
export function buildPermutedRecord(
  type: RecordType,
  order: Int32Array,
  stack: Value[],
  base: number,
): RecordValue {
  const fields: Value[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) fields[order[i]] = stack[base + i];
  return new RecordValue(type, fields);
}

/**
 * `RECORD_UPDATE`: a copy of `base` with field `indexes[i]` replaced by `stack[from + i]`. Fields copied over from
 * a record that may stay alive gain a second reference, so a Vector or Map among them is marked shared.
 */
export function updateRecord(
  base: RecordValue,
  indexes: Int32Array,
  stack: Value[],
  from: number,
): RecordValue {
  const fields = base.fields.slice();
  for (let i = 0; i < fields.length; i++) markShared(fields[i]);
  for (let i = 0; i < indexes.length; i++) fields[indexes[i]] = stack[from + i];
  return new RecordValue(base.type, fields);
}

/** `MAP_NEW`: `count` key/value pairs from `stack[base..]`; a later duplicate key wins. */
export function buildMap(stack: Value[], base: number, count: number): MapValue {
  const table = new Map<unknown, { key: Value; value: Value }>();
  for (let i = 0; i < count; i++) {
    const key = stack[base + 2 * i];
    table.set(mapKeyOf(key), { key, value: stack[base + 2 * i + 1] });
  }
  return new MapValue(table);
}

/** The first `Result.Err` among `count` Results at `stack[base..]`, or `null` when all are `Ok`. */
export function firstErr(stack: Value[], base: number, count: number): WrapValue | null {
  for (let i = 0; i < count; i++) {
    const result = stack[base + i] as WrapValue;
    if (result.wrap !== WrapKind.Ok) return result;
  }
  return null;
}

/** The text an interpolated value contributes: its display; Unit, which has no display, contributes `Unit`. */
export function interpolationText(value: Value): string {
  return displayValue(value) ?? 'Unit';
}

/** A copy of a shared vector with one item replaced (value semantics). */
export function copyVectorWith(run: Run, vector: VectorValue, index: number, item: Value): VectorValue {
  if (vector.items.length >= CHARGE_THRESHOLD && run.host.charge !== undefined)
    run.host.charge(vector.items.length);
  const items = vector.items.slice();
  items[index] = item;
  return new VectorValue(items);
}

/**
 * A top-level binding read before its statement ran: a function called from an earlier top-level statement reads
 * it (the checker rejects direct reads).
 */
export function globalReadTooEarly(): AverRuntimeError {
  return new AverRuntimeError(RuntimeMessages.globalReadTooEarly());
}

/** The error for a word that is not an opcode (a compiler bug, never an Aver program's fault). */
export function unknownOpcode(code: number): Error {
  return new Error(`Internal error: unknown opcode ${code}`);
}

/** Attaches the source line of the instruction at `ip` to a runtime error leaving the loop. */
export function withLine(error: unknown, chunk: Chunk, ip: number): unknown {
  if (error instanceof AverRuntimeError) {
    if (error.line === null) error.line = chunk.lines[ip > 0 ? ip - 1 : 0] || null;
    return error;
  }
  if (error instanceof RangeError) {
    // The JS engine ran out of room (a string or array beyond its limits): report it as the program's failure.
    return engineLimitError(error, chunk.lines[ip > 0 ? ip - 1 : 0] || null);
  }
  return error;
}

/**
 * The string buffer of a `buffer_build` variant: the separator goes before every element but the first.
 * It never escapes to Aver code: `BUFFER_FINALIZE` turns it into a String.
 */
export class StringBuffer {
  text = '';
  private first = true;
  constructor(readonly separator: string) {}

  append(element: string): void {
    if (this.first) this.first = false;
    else this.text += this.separator;
    this.text = checkedString(this.text + element);
  }
}
