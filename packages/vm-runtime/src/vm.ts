import type { BuiltinImpl, HostContext } from './builtins/builtin-def.js';
import type { Chunk } from './chunk.js';
import { displayValue } from './display.js';
import { compareStrings, mapKeyOf, valuesEqual } from './equality.js';
import { AverRuntimeError, matchFailure } from './errors.js';
import { formatFloat } from './float-format.js';
import { type Int, intAdd, intDiv, intMul, intNegate, intSub } from './int64.js';
import {
  EMPTY_LIST,
  type FunctionValue,
  ListValue,
  MapValue,
  NONE,
  type RecordType,
  RecordValue,
  type SumType,
  TupleValue,
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
 * The bytecode VM (language reference §5.4–§5.7): one loop switching over numeric opcodes with the code, ip, frame
 * and stack in locals (clox `run()`), and the slow paths in named helpers below it. Aver calls never recurse in JS:
 * frames live in `Run.frames` (three words each: function, return ip, base pointer), locals and temporaries on the
 * shared `Run.stack` (`stack[bp + slot]`).
 *
 * `vm-counting.ts` is generated from `runLoop` by `scripts/generate-counting-loop.mjs`: every `// @count:` comment
 * below becomes code there, so the default loop pays nothing for instruction, call and allocation counters.
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

/** Instruction counters of a counting run, indexed by opcode. */
export interface CountingState {
  readonly opCounts: Float64Array;
  calls: number;
  allocations: number;
  /** Instructions left before the step budget is exhausted (a large number when there is no budget). */
  stepsLeft: number;
}

/** Calls between two deadline checks. */
export const DEADLINE_CHECK_INTERVAL = 4096;
/** Spare stack slots beyond a frame's needs: built-ins read four argument slots whatever their arity. */
export const STACK_SLACK = 8;

/** The state of one execution of a program: stack, frames, globals, host, limits, counters. */
export class Run {
  frameCapacity: number;
  /** `performance.now()` value after which the run fails, or `Infinity`. */
  readonly deadline: number;

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

// @loop-start
/**
 * Runs chunk `entry`, whose arguments the caller has put in `stack[0..arity)`, until it returns; returns its
 * result. Throws `AverRuntimeError` (with the source line filled in) on failure.
 */
export function runLoop(run: Run, entry: number): Value {
  const program = run.code;
  const chunks = program.chunks;
  const builtinImpls = program.builtinImpls;
  const recordTypes = program.recordTypes;
  const sumTypes = program.sumTypes;
  const stack = run.stack;
  const frames = run.frames;
  const globals = run.globals;
  const host = run.host;
  // @count: const counting = run.counting!;
  // @count: const opCounts = counting.opCounts;
  // @count: const builtinAllocates = program.builtinAllocates;
  let stackCapacity = stack.length;
  let chunkIndex = entry;
  let chunk = chunks[entry];
  let code = chunk.code;
  let consts = chunk.constants;
  let ip = 0;
  let bp = 0;
  let sp = chunk.localCount;
  let fp = 0;
  let countdown = DEADLINE_CHECK_INTERVAL;
  if (sp + chunk.maxStack + STACK_SLACK > stackCapacity)
    stackCapacity = growStack(stack, sp + chunk.maxStack);
  try {
    for (;;) {
      // @count: opCounts[code[ip]]++;
      // @count: if (--counting.stepsLeft < 0) throw stepBudgetExhausted(run);
      switch (code[ip++]) {
        case 1: // CONST
          stack[sp++] = consts[code[ip++]];
          break;
        case 2: // UNIT
          stack[sp++] = UNIT;
          break;
        case 3: // TRUE
          stack[sp++] = true;
          break;
        case 4: // FALSE
          stack[sp++] = false;
          break;
        case 5: // INT
          stack[sp++] = code[ip++];
          break;
        case 6: // LOAD_LOCAL
          stack[sp++] = stack[bp + code[ip++]];
          break;
        case 7: {
          // LOAD_LOCAL_SHARE
          const value = stack[bp + code[ip++]] as VectorValue | MapValue;
          value.shared = true;
          stack[sp++] = value;
          break;
        }
        case 8: {
          // MOVE_LOCAL
          const slot = bp + code[ip++];
          stack[sp++] = stack[slot];
          stack[slot] = undefined as unknown as Value;
          break;
        }
        case 9: // STORE_LOCAL
          stack[bp + code[ip++]] = stack[--sp];
          break;
        case 10: // LOAD_LOCAL_2
          stack[sp++] = stack[bp + code[ip++]];
          stack[sp++] = stack[bp + code[ip++]];
          break;
        case 11: {
          // LOAD_GLOBAL (a global whose top-level binding has not run yet is still `undefined`)
          const value = globals[code[ip++]];
          if (value === undefined) throw globalReadTooEarly();
          stack[sp++] = value;
          break;
        }
        case 12: // STORE_GLOBAL
          globals[code[ip++]] = markShared(stack[--sp]);
          break;
        case 13: // POP
          sp--;
          break;
        case 14: // SHARE
          (stack[sp - 1] as VectorValue | MapValue).shared = true;
          break;
        case 15: // LOAD_FIELD
          stack[sp++] = (stack[bp + code[ip]] as RecordValue).fields[code[ip + 1]];
          ip += 2;
          break;
        case 16: // SHARE_LOCAL
          (stack[bp + code[ip++]] as VectorValue | MapValue).shared = true;
          break;
        case 17: {
          // LOCAL_ADD_INT_IMM
          const a = stack[bp + code[ip]];
          const imm = code[ip + 1];
          ip += 2;
          if (typeof a === 'number') {
            const sum = a + imm;
            if (sum <= 9007199254740991 && sum >= -9007199254740991) {
              stack[sp++] = sum;
              break;
            }
          }
          stack[sp++] = intAdd(a as Int, imm);
          break;
        }
        case 18: {
          // LOCAL_SUB_INT_IMM
          const a = stack[bp + code[ip]];
          const imm = code[ip + 1];
          ip += 2;
          if (typeof a === 'number') {
            const difference = a - imm;
            if (difference <= 9007199254740991 && difference >= -9007199254740991) {
              stack[sp++] = difference;
              break;
            }
          }
          stack[sp++] = intSub(a as Int, imm);
          break;
        }
        case 20: {
          // ADD_INT
          const b = stack[--sp];
          const a = stack[sp - 1];
          if (typeof a === 'number' && typeof b === 'number') {
            const sum = a + b;
            if (sum <= 9007199254740991 && sum >= -9007199254740991) {
              stack[sp - 1] = sum;
              break;
            }
          }
          stack[sp - 1] = intAdd(a as Int, b as Int);
          break;
        }
        case 21: {
          // SUB_INT
          const b = stack[--sp];
          const a = stack[sp - 1];
          if (typeof a === 'number' && typeof b === 'number') {
            const difference = a - b;
            if (difference <= 9007199254740991 && difference >= -9007199254740991) {
              stack[sp - 1] = difference;
              break;
            }
          }
          stack[sp - 1] = intSub(a as Int, b as Int);
          break;
        }
        case 22: {
          // MUL_INT
          const b = stack[--sp];
          const a = stack[sp - 1];
          if (typeof a === 'number' && typeof b === 'number') {
            const product = a * b;
            if (product <= 9007199254740991 && product >= -9007199254740991) {
              stack[sp - 1] = product + 0;
              break;
            }
          }
          stack[sp - 1] = intMul(a as Int, b as Int);
          break;
        }
        case 23: {
          // DIV_INT
          const b = stack[--sp];
          stack[sp - 1] = intDiv(stack[sp - 1] as Int, b as Int);
          break;
        }
        case 24: {
          // NEG_INT
          const a = stack[sp - 1];
          stack[sp - 1] = typeof a === 'number' ? 0 - a : intNegate(a as Int);
          break;
        }
        case 25: {
          // ADD_INT_IMM
          const a = stack[sp - 1];
          const imm = code[ip++];
          if (typeof a === 'number') {
            const sum = a + imm;
            if (sum <= 9007199254740991 && sum >= -9007199254740991) {
              stack[sp - 1] = sum;
              break;
            }
          }
          stack[sp - 1] = intAdd(a as Int, imm);
          break;
        }
        case 26: {
          // SUB_INT_IMM
          const a = stack[sp - 1];
          const imm = code[ip++];
          if (typeof a === 'number') {
            const difference = a - imm;
            if (difference <= 9007199254740991 && difference >= -9007199254740991) {
              stack[sp - 1] = difference;
              break;
            }
          }
          stack[sp - 1] = intSub(a as Int, imm);
          break;
        }
        case 27: {
          // ADD_FLOAT
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) + b;
          break;
        }
        case 28: {
          // SUB_FLOAT
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) - b;
          break;
        }
        case 29: {
          // MUL_FLOAT
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) * b;
          break;
        }
        case 30: {
          // DIV_FLOAT
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) / b;
          break;
        }
        case 31: // NEG_FLOAT
          stack[sp - 1] = 0 - (stack[sp - 1] as number);
          break;
        case 32: {
          // CONCAT_STR
          const b = stack[--sp] as string;
          stack[sp - 1] = (stack[sp - 1] as string) + b;
          break;
        }
        case 35: {
          // EQ_PRIM
          const b = stack[--sp];
          stack[sp - 1] = stack[sp - 1] === b;
          break;
        }
        case 36: {
          // NE_PRIM
          const b = stack[--sp];
          stack[sp - 1] = stack[sp - 1] !== b;
          break;
        }
        case 37: {
          // EQ_FLOAT
          const b = stack[--sp] as number;
          const a = stack[sp - 1] as number;
          stack[sp - 1] = a === b || (Number.isNaN(a) && Number.isNaN(b));
          break;
        }
        case 38: {
          // NE_FLOAT
          const b = stack[--sp] as number;
          const a = stack[sp - 1] as number;
          stack[sp - 1] = !(a === b || (Number.isNaN(a) && Number.isNaN(b)));
          break;
        }
        case 39: {
          // EQ
          const b = stack[--sp];
          stack[sp - 1] = valuesEqual(stack[sp - 1], b);
          break;
        }
        case 40: {
          // NE
          const b = stack[--sp];
          stack[sp - 1] = !valuesEqual(stack[sp - 1], b);
          break;
        }
        case 41: {
          // LT_NUM
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) < b;
          break;
        }
        case 42: {
          // LE_NUM
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) <= b;
          break;
        }
        case 43: {
          // GT_NUM
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) > b;
          break;
        }
        case 44: {
          // GE_NUM
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) >= b;
          break;
        }
        case 45: {
          // LT_STR
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) < 0;
          break;
        }
        case 46: {
          // LE_STR
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) <= 0;
          break;
        }
        case 47: {
          // GT_STR
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) > 0;
          break;
        }
        case 48: {
          // GE_STR
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) >= 0;
          break;
        }
        case 50: // JUMP
          ip += code[ip] + 1;
          break;
        case 51: // JUMP_IF_FALSE
          if (stack[--sp] === false) ip += code[ip] + 1;
          else ip++;
          break;
        case 53: {
          // JUMP_IF_NOT_LT
          sp -= 2;
          if ((stack[sp] as number) < (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case 54: {
          // JUMP_IF_NOT_LE
          sp -= 2;
          if ((stack[sp] as number) <= (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case 55: {
          // JUMP_IF_NOT_GT
          sp -= 2;
          if ((stack[sp] as number) > (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case 56: {
          // JUMP_IF_NOT_GE
          sp -= 2;
          if ((stack[sp] as number) >= (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case 57: {
          // JUMP_IF_NOT_EQ
          sp -= 2;
          if (stack[sp] === stack[sp + 1]) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case 58: {
          // JUMP_IF_EQ
          sp -= 2;
          if (stack[sp] === stack[sp + 1]) ip += code[ip] + 1;
          else ip++;
          break;
        }
        case 60: {
          // CALL
          const target = code[ip];
          const argc = code[ip + 1];
          ip += 2;
          if (fp === run.frameCapacity) growFrames(run);
          if (--countdown === 0) countdown = checkDeadline(run);
          // @count: counting.calls++;
          frames[fp] = chunkIndex;
          frames[fp + 1] = ip;
          frames[fp + 2] = bp;
          fp += 3;
          chunkIndex = target;
          chunk = chunks[target];
          code = chunk.code;
          consts = chunk.constants;
          bp = sp - argc;
          sp = bp + chunk.localCount;
          ip = 0;
          if (sp + chunk.maxStack + STACK_SLACK > stackCapacity)
            stackCapacity = growStack(stack, sp + chunk.maxStack);
          break;
        }
        case 61: {
          // TAIL_CALL_SELF
          const argc = code[ip++];
          if (--countdown === 0) countdown = checkDeadline(run);
          // @count: counting.calls++;
          const base = sp - argc;
          for (let i = 0; i < argc; i++) stack[bp + i] = stack[base + i];
          sp = bp + chunk.localCount;
          ip = 0;
          break;
        }
        case 62: {
          // TAIL_CALL
          const target = code[ip];
          const argc = code[ip + 1];
          ip += 2;
          if (--countdown === 0) countdown = checkDeadline(run);
          // @count: counting.calls++;
          const base = sp - argc;
          for (let i = 0; i < argc; i++) stack[bp + i] = stack[base + i];
          chunkIndex = target;
          chunk = chunks[target];
          code = chunk.code;
          consts = chunk.constants;
          sp = bp + chunk.localCount;
          ip = 0;
          if (sp + chunk.maxStack + STACK_SLACK > stackCapacity)
            stackCapacity = growStack(stack, sp + chunk.maxStack);
          break;
        }
        case 63: {
          // CALL_VALUE
          const argc = code[ip++];
          const base = sp - argc - 1;
          const callee = stack[base] as FunctionValue;
          if (callee.kind !== 'fn') {
            // @count: if (callee.kind === 'ctor' || builtinAllocates[callee.index] === 1) counting.allocations++;
            stack[base] = callValue(run, callee, base + 1, argc);
            sp = base + 1;
            break;
          }
          if (fp === run.frameCapacity) growFrames(run);
          if (--countdown === 0) countdown = checkDeadline(run);
          // @count: counting.calls++;
          for (let i = 0; i < argc; i++) stack[base + i] = stack[base + i + 1];
          frames[fp] = chunkIndex;
          frames[fp + 1] = ip;
          frames[fp + 2] = bp;
          fp += 3;
          chunkIndex = callee.index;
          chunk = chunks[chunkIndex];
          code = chunk.code;
          consts = chunk.constants;
          bp = base;
          sp = bp + chunk.localCount;
          ip = 0;
          if (sp + chunk.maxStack + STACK_SLACK > stackCapacity)
            stackCapacity = growStack(stack, sp + chunk.maxStack);
          break;
        }
        case 64: {
          // CALL_BUILTIN
          const builtin = code[ip];
          const base = sp - code[ip + 1];
          ip += 2;
          // @count: if (builtinAllocates[builtin] === 1) counting.allocations++;
          stack[base] = builtinImpls[builtin](
            host,
            stack[base],
            stack[base + 1],
            stack[base + 2],
            stack[base + 3],
          );
          sp = base + 1;
          break;
        }
        case 65: {
          // RETURN
          const result = stack[sp - 1];
          if (fp === 0) return result;
          fp -= 3;
          sp = bp;
          chunkIndex = frames[fp];
          ip = frames[fp + 1];
          bp = frames[fp + 2];
          chunk = chunks[chunkIndex];
          code = chunk.code;
          consts = chunk.constants;
          stack[sp++] = result;
          break;
        }
        case 66: {
          // PROPAGATE_ERR
          const result = stack[sp - 1] as WrapValue;
          if (result.wrap === WrapKind.Ok) {
            stack[sp - 1] = result.value;
            ip++;
          } else ip += code[ip] + 1;
          break;
        }
        case 67: // MATCH_FAIL
          throw matchFailure(chunk.lines[ip - 1]);
        case 68: {
          // RETURN_LOCAL
          const result = stack[bp + code[ip]];
          if (fp === 0) return result;
          fp -= 3;
          sp = bp;
          chunkIndex = frames[fp];
          ip = frames[fp + 1];
          bp = frames[fp + 2];
          chunk = chunks[chunkIndex];
          code = chunk.code;
          consts = chunk.constants;
          stack[sp++] = result;
          break;
        }
        case 70: {
          // LIST_NEW
          const count = code[ip++];
          let list = EMPTY_LIST;
          for (let i = sp - 1; i >= sp - count; i--) list = new ListValue(stack[i], list, list.length + 1);
          sp -= count;
          stack[sp++] = list;
          // @count: counting.allocations++;
          break;
        }
        case 71: {
          // LIST_PREPEND
          const list = stack[--sp] as ListValue;
          stack[sp - 1] = new ListValue(stack[sp - 1], list, list.length + 1);
          // @count: counting.allocations++;
          break;
        }
        case 72: // LIST_LEN
          stack[sp - 1] = (stack[sp - 1] as ListValue).length;
          break;
        case 73: {
          // TUPLE_NEW
          const count = code[ip++];
          const items = takeItems(stack, sp - count, count);
          sp -= count;
          stack[sp++] = new TupleValue(items);
          // @count: counting.allocations++;
          break;
        }
        case 74: {
          // RECORD_NEW
          const type = recordTypes[code[ip]];
          const count = code[ip + 1];
          ip += 2;
          const fields = takeItems(stack, sp - count, count);
          sp -= count;
          stack[sp++] = new RecordValue(type, fields);
          // @count: counting.allocations++;
          break;
        }
        case 75: {
          // RECORD_NEW_PERM
          const type = recordTypes[code[ip]];
          const order = consts[code[ip + 1]] as unknown as Int32Array;
          ip += 2;
          sp -= order.length;
          stack[sp] = buildPermutedRecord(type, order, stack, sp);
          sp++;
          // @count: counting.allocations++;
          break;
        }
        case 76: // RECORD_GET
          stack[sp - 1] = (stack[sp - 1] as RecordValue).fields[code[ip++]];
          break;
        case 77: {
          // RECORD_UPDATE
          const indexes = consts[code[ip + 1]] as unknown as Int32Array;
          ip += 2;
          sp -= indexes.length;
          stack[sp - 1] = updateRecord(stack[sp - 1] as RecordValue, indexes, stack, sp);
          // @count: counting.allocations++;
          break;
        }
        case 78: {
          // VARIANT_NEW
          const type = sumTypes[code[ip]];
          const tag = code[ip + 1];
          const count = code[ip + 2];
          ip += 3;
          const fields = takeItems(stack, sp - count, count);
          sp -= count;
          stack[sp++] = new VariantValue(type, tag, fields);
          // @count: counting.allocations++;
          break;
        }
        case 79: // WRAP
          stack[sp - 1] = new WrapValue(code[ip++] as WrapKind, stack[sp - 1]);
          // @count: counting.allocations++;
          break;
        case 80: {
          // MAP_NEW
          const count = code[ip++];
          sp -= 2 * count;
          stack[sp] = buildMap(stack, sp, count);
          sp++;
          // @count: counting.allocations++;
          break;
        }
        case 81: {
          // PRODUCT_UNWRAP
          const count = code[ip++];
          const failed = firstErr(stack, sp - count, count);
          if (failed !== null) {
            stack[sp++] = failed;
            ip += code[ip] + 1;
            break;
          }
          ip++;
          const items = takeItems(stack, sp - count, count);
          for (let i = 0; i < count; i++) items[i] = (items[i] as WrapValue).value;
          sp -= count;
          stack[sp++] = new TupleValue(items);
          // @count: counting.allocations++;
          break;
        }
        case 90: // MATCH_INT
          if (stack[bp + code[ip]] === code[ip + 1]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case 91: // MATCH_CONST
          if (stack[bp + code[ip]] === consts[code[ip + 1]]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case 92: // MATCH_NIL
          if ((stack[bp + code[ip]] as ListValue).length === 0) ip += 2;
          else ip += code[ip + 1] + 2;
          break;
        case 93: // MATCH_CONS
          if ((stack[bp + code[ip]] as ListValue).length !== 0) ip += 2;
          else ip += code[ip + 1] + 2;
          break;
        case 94: // MATCH_VARIANT
          if ((stack[bp + code[ip]] as VariantValue).tag === code[ip + 1]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case 95: // MATCH_WRAP
          if ((stack[bp + code[ip]] as WrapValue).wrap === code[ip + 1]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case 96: // MATCH_NONE
          if (stack[bp + code[ip]] === NONE) ip += 2;
          else ip += code[ip + 1] + 2;
          break;
        case 100: {
          // UNCONS
          const list = stack[bp + code[ip]] as ListValue;
          const head = code[ip + 1];
          const tail = code[ip + 2];
          ip += 3;
          if (head >= 0) stack[bp + head] = list.head;
          if (tail >= 0) stack[bp + tail] = list.tail as ListValue;
          break;
        }
        case 101: // FIELD_TO_LOCAL
          stack[bp + code[ip + 2]] = (stack[bp + code[ip]] as VariantValue).fields[code[ip + 1]];
          ip += 3;
          break;
        case 102: // ITEM_TO_LOCAL
          stack[bp + code[ip + 2]] = (stack[bp + code[ip]] as TupleValue).items[code[ip + 1]];
          ip += 3;
          break;
        case 103: // UNWRAP_TO_LOCAL
          stack[bp + code[ip + 1]] = (stack[bp + code[ip]] as WrapValue).value;
          ip += 2;
          break;
        case 110: // TO_STRING
          stack[sp - 1] = interpolationText(stack[sp - 1]);
          break;
        case 111: // TO_STRING_INT
          stack[sp - 1] = String(stack[sp - 1]);
          break;
        case 112: // TO_STRING_FLOAT
          stack[sp - 1] = formatFloat(stack[sp - 1] as number);
          break;
        case 113: {
          // STRING_CONCAT
          const count = code[ip++];
          let text = stack[sp - count] as string;
          for (let i = sp - count + 1; i < sp; i++) text += stack[i] as string;
          sp -= count;
          stack[sp++] = text;
          // @count: counting.allocations++;
          break;
        }
        case 120: // BUFFER_NEW
          stack[sp - 1] = new StringBuffer(stack[sp - 1] as string) as unknown as Value;
          // @count: counting.allocations++;
          break;
        case 121: {
          // BUFFER_APPEND_SEP_UNLESS_FIRST
          const text = stack[--sp] as string;
          (stack[sp - 1] as unknown as StringBuffer).append(text);
          break;
        }
        case 122: // BUFFER_FINALIZE
          stack[sp - 1] = (stack[sp - 1] as unknown as StringBuffer).text;
          break;
        case 130: {
          // VECTOR_GET
          const index = stack[--sp];
          const items = (stack[sp - 1] as VectorValue).items;
          stack[sp - 1] =
            typeof index === 'number' && index >= 0 && index < items.length
              ? new WrapValue(WrapKind.Some, items[index])
              : NONE;
          // @count: counting.allocations++;
          break;
        }
        case 131: {
          // VECTOR_GET_OR
          const fallback = stack[--sp];
          const index = stack[--sp];
          const items = (stack[sp - 1] as VectorValue).items;
          stack[sp - 1] =
            typeof index === 'number' && index >= 0 && index < items.length ? items[index] : fallback;
          break;
        }
        case 132: {
          // VECTOR_SET_OR_KEEP
          const item = stack[--sp];
          const index = stack[--sp];
          const vector = stack[sp - 1] as VectorValue;
          if (typeof index === 'number' && index >= 0 && index < vector.items.length) {
            if (vector.shared) {
              stack[sp - 1] = copyVectorWith(vector, index, item);
              // @count: counting.allocations++;
            } else vector.items[index] = item;
          }
          break;
        }
        default:
          throw unknownOpcode(code[ip - 1]);
      }
    }
  } catch (error) {
    throw withLine(error, chunk, ip);
  }
}
// @loop-end

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
export function checkDeadline(run: Run): number {
  if (run.timeoutMs !== null && performance.now() > run.deadline) {
    throw new AverRuntimeError(VmMessages.deadlineExceeded(run.timeoutMs), 'limit');
  }
  return DEADLINE_CHECK_INTERVAL;
}

/** The error of a counting run whose step budget ran out. */
export function stepBudgetExhausted(run: Run): AverRuntimeError {
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

/** The text an interpolated value contributes (§4.8 display; Unit, which has no display, contributes `Unit`). */
export function interpolationText(value: Value): string {
  return displayValue(value) ?? 'Unit';
}

/** A copy of a shared vector with one item replaced (value semantics). */
export function copyVectorWith(vector: VectorValue, index: number, item: Value): VectorValue {
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
    return new AverRuntimeError(error.message, 'runtime', chunk.lines[ip > 0 ? ip - 1 : 0] || null);
  }
  return error;
}

/**
 * The string buffer of a `buffer_build` variant (§5.2): the separator goes before every element but the first.
 * It never escapes to Aver code: `BUFFER_FINALIZE` turns it into a String.
 */
export class StringBuffer {
  text = '';
  private first = true;
  constructor(readonly separator: string) {}

  append(element: string): void {
    if (this.first) this.first = false;
    else this.text += this.separator;
    this.text += element;
  }
}
