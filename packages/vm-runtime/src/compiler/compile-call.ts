import type { Call, CallTarget } from '../ast.js';
import { BUILTIN_INDEX, BUILTINS } from '../builtins/index.js';
import { Op } from '../chunk.js';
import { BufferIntrinsic } from '../passes/buffer-build.js';
import { BORROWING_BUILTINS, FRESH_OWNED_RESULTS, isOwnedType } from '../passes/ownership.js';
import { assertNever } from '../passes/walk.js';
import type { Value } from '../values.js';
import { wrapKindOf } from './constants.js';
import { fuseWithDefault } from './fused-instructions.js';
import { isInlinable } from './inline-analysis.js';
import { inlineCall } from './inline-call.js';
import type { UnitCompiler } from './unit-compiler.js';

/**
 * A call: of a top-level function (`CALL`, or its body inlined when it is a small leaf), a built-in, a constructor,
 * a record construction or update, or a function value (`CALL_VALUE`).
 */
export function compileCall(compiler: UnitCompiler, call: Call): void {
  if (call.lowered !== undefined) {
    compiler.expr(call.lowered);
    return;
  }
  const target = call.target;
  if (target === undefined) throw compiler.error('call without a resolved target', call);
  switch (target.kind) {
    case 'function': {
      const index = compiler.functionIndex(target.qualifiedName, call);
      const callee = compiler.tables.units[index];
      // The verify code inlines nothing: an effect dispatch must know which function made the call (Oracle addendum:
      // "Running one case").
      if (compiler.slotBase === 0 && compiler.tables.oracle === null && isInlinable(callee)) {
        inlineCall(compiler, call, callee);
        return;
      }
      for (const arg of call.args) compiler.expr(arg);
      compiler.builder.line = call.span.line;
      const argc = call.args.length;
      compiler.builder.emit(Op.CALL, 1 - argc, index, argc);
      return;
    }
    case 'builtin':
      compileBuiltinCall(compiler, call, target.name);
      return;
    case 'variant':
      compileConstruction(compiler, call, target);
      return;
    case 'record': {
      for (const arg of call.named) compiler.expr(arg.value);
      compiler.builder.line = call.span.line;
      const record = compiler.recordIndex(target.typeName, call);
      const count = call.named.length;
      const order = new Int32Array(count);
      target.fieldOrder.forEach((namedIndex, declIndex) => {
        order[namedIndex] = declIndex;
      });
      if (order.every((declIndex, namedIndex) => declIndex === namedIndex)) {
        compiler.builder.emit(Op.RECORD_NEW, 1 - count, record, count);
      } else {
        compiler.builder.emit(
          Op.RECORD_NEW_PERM,
          1 - count,
          record,
          compiler.builder.addConstant(order as unknown as Value),
        );
      }
      return;
    }
    case 'recordUpdate': {
      compiler.expr(call.args[0]);
      for (const arg of call.named) compiler.expr(arg.value);
      compiler.builder.line = call.span.line;
      const indexes = Int32Array.from(target.fieldIndexes);
      const record = compiler.recordIndex(target.typeName, call);
      compiler.builder.emit(
        Op.RECORD_UPDATE,
        -call.named.length,
        record,
        compiler.builder.addConstant(indexes as unknown as Value),
      );
      return;
    }
    case 'value': {
      compiler.expr(call.callee);
      for (const arg of call.args) compiler.expr(arg);
      compiler.builder.line = call.span.line;
      compiler.builder.emit(Op.CALL_VALUE, -call.args.length, call.args.length);
      if (isOwnedType(compiler.types.get(call))) compiler.builder.emit(Op.SHARE, 0);
      return;
    }
    default:
      assertNever(target);
  }
}

/** Built-in calls: buffer intrinsics, the inline list and vector opcodes, else `CALL_BUILTIN`. */
/** Built-in calls: buffer intrinsics, the inline list and vector opcodes, else `CALL_BUILTIN`. */
function compileBuiltinCall(compiler: UnitCompiler, call: Call, name: string): void {
  const args = call.args;
  switch (name) {
    case BufferIntrinsic.create:
      compiler.expr(args[0]);
      compiler.builder.emit(Op.BUFFER_NEW, 0);
      return;
    case BufferIntrinsic.append:
      compiler.expr(args[0]);
      for (let i = 1; i < args.length; i++) {
        compiler.expr(args[i]);
        compiler.builder.emit(Op.BUFFER_APPEND_SEP_UNLESS_FIRST, -1);
      }
      return;
    case BufferIntrinsic.sequence:
      compiler.expr(args[0]);
      compiler.builder.emit(Op.POP, -1);
      compiler.expr(args[1]);
      return;
    case BufferIntrinsic.finalize:
      compiler.expr(args[0]);
      compiler.builder.emit(Op.BUFFER_FINALIZE, 0);
      return;
    case 'List.len':
      compiler.expr(args[0]);
      compiler.builder.line = call.span.line;
      compiler.builder.emit(Op.LIST_LEN, 0);
      return;
    case 'List.prepend':
      compiler.expr(args[0]);
      compiler.expr(args[1]);
      compiler.builder.line = call.span.line;
      compiler.builder.emit(Op.LIST_PREPEND, -1);
      return;
    case 'Option.withDefault':
      if (fuseWithDefault(compiler, call)) return;
      break;
    case 'Vector.get':
      compiler.borrowingArgs(args);
      compiler.builder.line = call.span.line;
      compiler.builder.emit(Op.VECTOR_GET, -1);
      return;
  }
  let index = BUILTIN_INDEX.get(name);
  if (index === undefined) throw compiler.error(`unknown built-in '${name}'`, call);
  const oracle = compiler.tables.oracle;
  if (oracle !== null && BUILTINS[index].effects.length > 0)
    index = oracle.effectSlot(index, compiler.caller);
  if (BORROWING_BUILTINS.has(name)) compiler.borrowingArgs(args);
  else for (const arg of args) compiler.expr(arg);
  compiler.builder.line = call.span.line;
  compiler.builder.emit(Op.CALL_BUILTIN, 1 - args.length, index, args.length);
  if (isOwnedType(compiler.types.get(call)) && !FRESH_OWNED_RESULTS.has(name))
    compiler.builder.emit(Op.SHARE, 0);
}

/** `Shape.Rect(w, h)`, `Result.Ok(x)`, `Option.Some(x)`. */
function compileConstruction(
  compiler: UnitCompiler,
  call: Call,
  target: Extract<CallTarget, { kind: 'variant' }>,
): void {
  for (const arg of call.args) compiler.expr(arg);
  compiler.builder.line = call.span.line;
  const wrap = wrapKindOf(target.typeName, target.variant);
  if (wrap !== null) {
    compiler.builder.emit(Op.WRAP, 0, wrap);
    return;
  }
  const count = call.args.length;
  if (count === 0) {
    compiler.constant(compiler.variantValue(target.typeName, target.variant, call));
    return;
  }
  const sum = compiler.tables.sumIndex.get(target.typeName);
  if (sum === undefined) throw compiler.error(`unknown sum type '${target.typeName}'`, call);
  compiler.builder.emit(
    Op.VARIANT_NEW,
    1 - count,
    sum,
    compiler.variantTag(target.typeName, target.variant, call),
    count,
  );
}
