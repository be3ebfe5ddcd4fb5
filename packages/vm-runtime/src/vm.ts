import { Op } from './chunk.js';
import { compareStrings, valuesEqual } from './equality.js';
import { matchFailure } from './errors.js';
import { formatFloat } from './float-format.js';
import { type Int, intAdd, intDiv, intMul, intNegate, intSub } from './int64.js';
import {
  EMPTY_LIST,
  type FunctionValue,
  ListValue,
  type MapValue,
  NONE,
  RecordValue,
  TupleValue,
  UNIT,
  type Value,
  VariantValue,
  type VectorValue,
  WrapKind,
  WrapValue,
} from './values.js';
import { MAX_STRING_LENGTH, stringTooLong } from './engine-limits.js';
import {
  buildMap,
  buildPermutedRecord,
  callValue,
  checkDeadline,
  copyVectorWith,
  MAX_JS_DEPTH,
  firstErr,
  globalReadTooEarly,
  growFrames,
  growStack,
  interpolationText,
  markShared,
  type Run,
  STACK_SLACK,
  StringBuffer,
  // biome-ignore lint/correctness/noUnusedImports: used by the counting loop generated from this file.
  stepBudgetExhausted,
  takeItems,
  unknownOpcode,
  updateRecord,
  withLine,
} from './vm-support.js';

/**
 * The bytecode VM (the language reference's "bytecode VM" section: code objects, frames, the opcode set): one loop
 * switching over the opcodes with the code, ip, frame and stack in locals (clox `run()`); the slow paths are named
 * helpers in `vm-support.ts`. Locals and temporaries live on the shared `Run.stack` (`stack[bp + slot]`). The
 * first `MAX_JS_DEPTH` nested Aver calls are JS calls of the loop function (`runFrames`); deeper ones are records
 * of three words (function, return ip, base pointer) on `Run.frames`, so recursion depth is bounded by `maxFrames`,
 * not by the JS stack. Why calls are JS calls: V8 optimises a function that is called often at its next call, with
 * one TurboFan job; a loop entered once per run can only be optimised on-stack, and V8 then compiles it twice at
 * once (on-stack and for the next entry), which on a busy machine delays optimised code past the first dozen runs.
 *
 * The cases name their opcodes through the `Op` table of `chunk.ts`; the build (`scripts/inline-opcodes.mjs`, also
 * applied by the test config) replaces each of those names in this file with its number, so V8 dispatches through a
 * jump table over literals.
 *
 * `vm-counting.ts` is generated from `runLoop` by `scripts/generate-counting-loop.mjs`: every `// @count:` comment
 * below becomes code there, so the default loop pays nothing for instruction, call and allocation counters.
 */

// @loop-start
/**
 * Runs chunk `entry`, whose arguments the caller has put in `stack[0..arity)`, until it returns; returns its
 * result. Throws `AverRuntimeError` (with the source line filled in) on failure.
 */
export function runLoop(run: Run, entry: number): Value {
  // @count: run.counting!.entryNode = run.counting!.enter(-1, entry);
  return runFrames(run, entry, 0, 0, 0);
}

/**
 * Runs chunk `entry`, whose frame starts at `stack[base]` with its arguments in place, until it returns; returns
 * its result. A call opens its frame as a JS call of this function while `depth` is below `MAX_JS_DEPTH` (so V8
 * sees ordinary calls, and optimises this function at a call rather than on-stack), and as a record on
 * `Run.frames` beyond it (so recursion depth is bounded by `maxFrames`, not by the JS stack). `baseFp` is the
 * frame pointer of this call's own frame: a return at it leaves this JS call.
 */
function runFrames(run: Run, entry: number, base: number, baseFp: number, depth: number): Value {
  const program = run.code;
  const chunks = program.chunks;
  const stack = run.stack;
  const frames = run.frames;
  // @count: const counting = run.counting!;
  // @count: const opCounts = counting.opCounts;
  // @count: const fnCalls = counting.fnCalls;
  // @count: const fnAllocations = counting.fnAllocations;
  // @count: const builtinAllocates = program.builtinAllocates;
  // @count: let node = counting.entryNode;
  // Instructions run in the current frame since they were last added to its function and stack (added when the frame
  // changes: fewer memory updates per instruction, so the counting loop stays close to the default one).
  // @count: let executed = 0;
  let chunkIndex = entry;
  let chunk = chunks[entry];
  let code = chunk.code;
  let consts = chunk.constants;
  let ip = 0;
  let bp = base;
  let sp = base + chunk.localCount;
  let fp = baseFp;
  if (sp + chunk.maxStack + STACK_SLACK > stack.length) growStack(stack, sp + chunk.maxStack);
  try {
    for (;;) {
      // @count: opCounts[code[ip]]++;
      // @count: executed++;
      // @count: if (--counting.stepsLeft < 0) throw stepBudgetExhausted(run);
      switch (code[ip++]) {
        case Op.CONST:
          stack[sp++] = consts[code[ip++]];
          break;
        case Op.UNIT:
          stack[sp++] = UNIT;
          break;
        case Op.TRUE:
          stack[sp++] = true;
          break;
        case Op.FALSE:
          stack[sp++] = false;
          break;
        case Op.INT:
          stack[sp++] = code[ip++];
          break;
        case Op.LOAD_LOCAL:
          stack[sp++] = stack[bp + code[ip++]];
          break;
        case Op.LOAD_LOCAL_SHARE: {
          const value = stack[bp + code[ip++]] as VectorValue | MapValue;
          value.shared = true;
          stack[sp++] = value;
          break;
        }
        case Op.MOVE_LOCAL: {
          const slot = bp + code[ip++];
          stack[sp++] = stack[slot];
          stack[slot] = undefined as unknown as Value;
          break;
        }
        case Op.STORE_LOCAL:
          stack[bp + code[ip++]] = stack[--sp];
          break;
        case Op.LOAD_LOCAL_2:
          stack[sp++] = stack[bp + code[ip++]];
          stack[sp++] = stack[bp + code[ip++]];
          break;
        case Op.LOAD_GLOBAL: {
          // A global whose top-level binding has not run yet is still `undefined`.
          const value = run.globals[code[ip++]];
          if (value === undefined) throw globalReadTooEarly();
          stack[sp++] = value;
          break;
        }
        case Op.STORE_GLOBAL:
          run.globals[code[ip++]] = markShared(stack[--sp]);
          break;
        case Op.POP:
          sp--;
          break;
        case Op.SHARE:
          (stack[sp - 1] as VectorValue | MapValue).shared = true;
          break;
        case Op.LOAD_FIELD:
          stack[sp++] = (stack[bp + code[ip]] as RecordValue).fields[code[ip + 1]];
          ip += 2;
          break;
        case Op.SHARE_LOCAL:
          (stack[bp + code[ip++]] as VectorValue | MapValue).shared = true;
          break;
        case Op.LOCAL_ADD_INT_IMM: {
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
        case Op.LOCAL_SUB_INT_IMM: {
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
        case Op.ADD_INT: {
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
        case Op.SUB_INT: {
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
        case Op.MUL_INT: {
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
        case Op.DIV_INT: {
          const b = stack[--sp];
          stack[sp - 1] = intDiv(stack[sp - 1] as Int, b as Int);
          break;
        }
        case Op.NEG_INT: {
          const a = stack[sp - 1];
          stack[sp - 1] = typeof a === 'number' ? 0 - a : intNegate(a as Int);
          break;
        }
        case Op.ADD_INT_IMM: {
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
        case Op.SUB_INT_IMM: {
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
        case Op.ADD_FLOAT: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) + b;
          break;
        }
        case Op.SUB_FLOAT: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) - b;
          break;
        }
        case Op.MUL_FLOAT: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) * b;
          break;
        }
        case Op.DIV_FLOAT: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) / b;
          break;
        }
        case Op.NEG_FLOAT:
          stack[sp - 1] = 0 - (stack[sp - 1] as number);
          break;
        case Op.CONCAT_STR: {
          const b = stack[--sp] as string;
          const text = (stack[sp - 1] as string) + b;
          if (text.length > MAX_STRING_LENGTH) throw stringTooLong();
          stack[sp - 1] = text;
          break;
        }
        case Op.EQ_PRIM: {
          const b = stack[--sp];
          stack[sp - 1] = stack[sp - 1] === b;
          break;
        }
        case Op.NE_PRIM: {
          const b = stack[--sp];
          stack[sp - 1] = stack[sp - 1] !== b;
          break;
        }
        case Op.EQ_FLOAT: {
          const b = stack[--sp] as number;
          const a = stack[sp - 1] as number;
          stack[sp - 1] = a === b || (Number.isNaN(a) && Number.isNaN(b));
          break;
        }
        case Op.NE_FLOAT: {
          const b = stack[--sp] as number;
          const a = stack[sp - 1] as number;
          stack[sp - 1] = !(a === b || (Number.isNaN(a) && Number.isNaN(b)));
          break;
        }
        case Op.EQ: {
          const b = stack[--sp];
          stack[sp - 1] = valuesEqual(stack[sp - 1], b);
          break;
        }
        case Op.NE: {
          const b = stack[--sp];
          stack[sp - 1] = !valuesEqual(stack[sp - 1], b);
          break;
        }
        case Op.LT_NUM: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) < b;
          break;
        }
        case Op.LE_NUM: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) <= b;
          break;
        }
        case Op.GT_NUM: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) > b;
          break;
        }
        case Op.GE_NUM: {
          const b = stack[--sp] as number;
          stack[sp - 1] = (stack[sp - 1] as number) >= b;
          break;
        }
        case Op.LT_STR: {
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) < 0;
          break;
        }
        case Op.LE_STR: {
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) <= 0;
          break;
        }
        case Op.GT_STR: {
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) > 0;
          break;
        }
        case Op.GE_STR: {
          const b = stack[--sp] as string;
          stack[sp - 1] = compareStrings(stack[sp - 1] as string, b) >= 0;
          break;
        }
        case Op.JUMP:
          ip += code[ip] + 1;
          break;
        case Op.JUMP_IF_FALSE:
          if (stack[--sp] === false) ip += code[ip] + 1;
          else ip++;
          break;
        case Op.JUMP_IF_NOT_LT: {
          sp -= 2;
          if ((stack[sp] as number) < (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case Op.JUMP_IF_NOT_LE: {
          sp -= 2;
          if ((stack[sp] as number) <= (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case Op.JUMP_IF_NOT_GT: {
          sp -= 2;
          if ((stack[sp] as number) > (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case Op.JUMP_IF_NOT_GE: {
          sp -= 2;
          if ((stack[sp] as number) >= (stack[sp + 1] as number)) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case Op.JUMP_IF_NOT_EQ: {
          sp -= 2;
          if (stack[sp] === stack[sp + 1]) ip++;
          else ip += code[ip] + 1;
          break;
        }
        case Op.JUMP_IF_EQ: {
          sp -= 2;
          if (stack[sp] === stack[sp + 1]) ip += code[ip] + 1;
          else ip++;
          break;
        }
        case Op.CALL: {
          const target = code[ip];
          const argc = code[ip + 1];
          ip += 2;
          if (fp === run.frameCapacity) growFrames(run);
          if (--run.countdown <= 0) run.countdown = checkDeadline(run);
          // @count: fnCalls[target]++;
          // @count: counting.addInstructions(chunkIndex, node, executed);
          // @count: executed = 0;
          if (depth < MAX_JS_DEPTH) {
            const calleeBase = sp - argc;
            // @count: counting.entryNode = counting.enter(node, target);
            const result = runFrames(run, target, calleeBase, fp + 3, depth + 1);
            sp = calleeBase;
            stack[sp++] = result;
            break;
          }
          // @count: counting.saveNode(fp, node);
          // @count: node = counting.enter(node, target);
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
          if (sp + chunk.maxStack + STACK_SLACK > stack.length) growStack(stack, sp + chunk.maxStack);
          break;
        }
        case Op.TAIL_CALL_SELF: {
          const argc = code[ip++];
          if (--run.countdown <= 0) run.countdown = checkDeadline(run);
          // @count: fnCalls[chunkIndex]++;
          const base = sp - argc;
          for (let i = 0; i < argc; i++) stack[bp + i] = stack[base + i];
          sp = bp + chunk.localCount;
          ip = 0;
          break;
        }
        case Op.TAIL_CALL: {
          const target = code[ip];
          const argc = code[ip + 1];
          ip += 2;
          if (--run.countdown <= 0) run.countdown = checkDeadline(run);
          // @count: fnCalls[target]++;
          // @count: counting.addInstructions(chunkIndex, node, executed);
          // @count: executed = 0;
          // @count: node = counting.replace(node, target);
          const base = sp - argc;
          for (let i = 0; i < argc; i++) stack[bp + i] = stack[base + i];
          chunkIndex = target;
          chunk = chunks[target];
          code = chunk.code;
          consts = chunk.constants;
          sp = bp + chunk.localCount;
          ip = 0;
          if (sp + chunk.maxStack + STACK_SLACK > stack.length) growStack(stack, sp + chunk.maxStack);
          break;
        }
        case Op.CALL_VALUE: {
          const argc = code[ip++];
          const base = sp - argc - 1;
          const callee = stack[base] as FunctionValue;
          if (callee.kind !== 'fn') {
            // @count: if (callee.kind === 'ctor' || builtinAllocates[callee.index] === 1) fnAllocations[chunkIndex]++;
            stack[base] = callValue(run, callee, base + 1, argc);
            sp = base + 1;
            break;
          }
          if (fp === run.frameCapacity) growFrames(run);
          if (--run.countdown <= 0) run.countdown = checkDeadline(run);
          // @count: fnCalls[callee.index]++;
          // @count: counting.addInstructions(chunkIndex, node, executed);
          // @count: executed = 0;
          for (let i = 0; i < argc; i++) stack[base + i] = stack[base + i + 1];
          if (depth < MAX_JS_DEPTH) {
            // @count: counting.entryNode = counting.enter(node, callee.index);
            const result = runFrames(run, callee.index, base, fp + 3, depth + 1);
            sp = base;
            stack[sp++] = result;
            break;
          }
          // @count: counting.saveNode(fp, node);
          // @count: node = counting.enter(node, callee.index);
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
          if (sp + chunk.maxStack + STACK_SLACK > stack.length) growStack(stack, sp + chunk.maxStack);
          break;
        }
        case Op.CALL_BUILTIN: {
          const builtin = code[ip];
          const base = sp - code[ip + 1];
          ip += 2;
          // @count: if (builtinAllocates[builtin] === 1) fnAllocations[chunkIndex]++;
          stack[base] = program.builtinImpls[builtin](
            run.host,
            stack[base],
            stack[base + 1],
            stack[base + 2],
            stack[base + 3],
          );
          sp = base + 1;
          break;
        }
        case Op.RETURN: {
          const result = stack[sp - 1];
          // @count: counting.addInstructions(chunkIndex, node, executed);
          // @count: executed = 0;
          if (fp === baseFp) return result;
          fp -= 3;
          // @count: node = counting.savedNode(fp);
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
        case Op.PROPAGATE_ERR: {
          const result = stack[sp - 1] as WrapValue;
          if (result.wrap === WrapKind.Ok) {
            stack[sp - 1] = result.value;
            ip++;
          } else ip += code[ip] + 1;
          break;
        }
        case Op.MATCH_FAIL:
          throw matchFailure(chunk.lines[ip - 1]);
        case Op.RETURN_LOCAL: {
          const result = stack[bp + code[ip]];
          // @count: counting.addInstructions(chunkIndex, node, executed);
          // @count: executed = 0;
          if (fp === baseFp) return result;
          fp -= 3;
          // @count: node = counting.savedNode(fp);
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
        case Op.LIST_NEW: {
          const count = code[ip++];
          let list = EMPTY_LIST;
          for (let i = sp - 1; i >= sp - count; i--) list = new ListValue(stack[i], list, list.length + 1);
          sp -= count;
          stack[sp++] = list;
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.LIST_PREPEND: {
          const list = stack[--sp] as ListValue;
          stack[sp - 1] = new ListValue(stack[sp - 1], list, list.length + 1);
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.LIST_LEN:
          stack[sp - 1] = (stack[sp - 1] as ListValue).length;
          break;
        case Op.TUPLE_NEW: {
          const count = code[ip++];
          const items = takeItems(stack, sp - count, count);
          sp -= count;
          stack[sp++] = new TupleValue(items);
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.RECORD_NEW: {
          const type = program.recordTypes[code[ip]];
          const count = code[ip + 1];
          ip += 2;
          const fields = takeItems(stack, sp - count, count);
          sp -= count;
          stack[sp++] = new RecordValue(type, fields);
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.RECORD_NEW_PERM: {
          const type = program.recordTypes[code[ip]];
          const order = consts[code[ip + 1]] as unknown as Int32Array;
          ip += 2;
          sp -= order.length;
          stack[sp] = buildPermutedRecord(type, order, stack, sp);
          sp++;
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.RECORD_GET:
          stack[sp - 1] = (stack[sp - 1] as RecordValue).fields[code[ip++]];
          break;
        case Op.RECORD_UPDATE: {
          const indexes = consts[code[ip + 1]] as unknown as Int32Array;
          ip += 2;
          sp -= indexes.length;
          stack[sp - 1] = updateRecord(stack[sp - 1] as RecordValue, indexes, stack, sp);
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.VARIANT_NEW: {
          const type = program.sumTypes[code[ip]];
          const tag = code[ip + 1];
          const count = code[ip + 2];
          ip += 3;
          const fields = takeItems(stack, sp - count, count);
          sp -= count;
          stack[sp++] = new VariantValue(type, tag, fields);
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.WRAP:
          stack[sp - 1] = new WrapValue(code[ip++] as WrapKind, stack[sp - 1]);
          // @count: fnAllocations[chunkIndex]++;
          break;
        case Op.MAP_NEW: {
          const count = code[ip++];
          sp -= 2 * count;
          stack[sp] = buildMap(stack, sp, count);
          sp++;
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.PRODUCT_UNWRAP: {
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
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.MATCH_INT:
          if (stack[bp + code[ip]] === code[ip + 1]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case Op.MATCH_CONST:
          if (stack[bp + code[ip]] === consts[code[ip + 1]]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case Op.MATCH_NIL:
          if ((stack[bp + code[ip]] as ListValue).length === 0) ip += 2;
          else ip += code[ip + 1] + 2;
          break;
        case Op.MATCH_CONS:
          if ((stack[bp + code[ip]] as ListValue).length !== 0) ip += 2;
          else ip += code[ip + 1] + 2;
          break;
        case Op.MATCH_VARIANT:
          if ((stack[bp + code[ip]] as VariantValue).tag === code[ip + 1]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case Op.MATCH_WRAP:
          if ((stack[bp + code[ip]] as WrapValue).wrap === code[ip + 1]) ip += 3;
          else ip += code[ip + 2] + 3;
          break;
        case Op.MATCH_NONE:
          if (stack[bp + code[ip]] === NONE) ip += 2;
          else ip += code[ip + 1] + 2;
          break;
        case Op.UNCONS: {
          const list = stack[bp + code[ip]] as ListValue;
          const head = code[ip + 1];
          const tail = code[ip + 2];
          ip += 3;
          if (head >= 0) stack[bp + head] = list.head;
          if (tail >= 0) stack[bp + tail] = list.tail as ListValue;
          break;
        }
        case Op.FIELD_TO_LOCAL:
          stack[bp + code[ip + 2]] = (stack[bp + code[ip]] as VariantValue).fields[code[ip + 1]];
          ip += 3;
          break;
        case Op.ITEM_TO_LOCAL:
          stack[bp + code[ip + 2]] = (stack[bp + code[ip]] as TupleValue).items[code[ip + 1]];
          ip += 3;
          break;
        case Op.UNWRAP_TO_LOCAL:
          stack[bp + code[ip + 1]] = (stack[bp + code[ip]] as WrapValue).value;
          ip += 2;
          break;
        case Op.TO_STRING:
          stack[sp - 1] = interpolationText(stack[sp - 1]);
          break;
        case Op.TO_STRING_INT:
          stack[sp - 1] = String(stack[sp - 1]);
          break;
        case Op.TO_STRING_FLOAT:
          stack[sp - 1] = formatFloat(stack[sp - 1] as number);
          break;
        case Op.STRING_CONCAT: {
          const count = code[ip++];
          let text = stack[sp - count] as string;
          for (let i = sp - count + 1; i < sp; i++) text += stack[i] as string;
          if (text.length > MAX_STRING_LENGTH) throw stringTooLong();
          sp -= count;
          stack[sp++] = text;
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.BUFFER_NEW:
          stack[sp - 1] = new StringBuffer(stack[sp - 1] as string) as unknown as Value;
          // @count: fnAllocations[chunkIndex]++;
          break;
        case Op.BUFFER_APPEND_SEP_UNLESS_FIRST: {
          const text = stack[--sp] as string;
          (stack[sp - 1] as unknown as StringBuffer).append(text);
          break;
        }
        case Op.BUFFER_FINALIZE:
          stack[sp - 1] = (stack[sp - 1] as unknown as StringBuffer).text;
          break;
        case Op.VECTOR_GET: {
          const index = stack[--sp];
          const items = (stack[sp - 1] as VectorValue).items;
          stack[sp - 1] =
            typeof index === 'number' && index >= 0 && index < items.length
              ? new WrapValue(WrapKind.Some, items[index])
              : NONE;
          // @count: fnAllocations[chunkIndex]++;
          break;
        }
        case Op.VECTOR_GET_OR: {
          const fallback = stack[--sp];
          const index = stack[--sp];
          const items = (stack[sp - 1] as VectorValue).items;
          stack[sp - 1] =
            typeof index === 'number' && index >= 0 && index < items.length ? items[index] : fallback;
          break;
        }
        case Op.VECTOR_SET_OR_KEEP: {
          const item = stack[--sp];
          const index = stack[--sp];
          const vector = stack[sp - 1] as VectorValue;
          if (typeof index === 'number' && index >= 0 && index < vector.items.length) {
            if (vector.shared) {
              stack[sp - 1] = copyVectorWith(run, vector, index, item);
              // @count: fnAllocations[chunkIndex]++;
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
