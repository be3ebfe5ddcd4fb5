import type { Call, Expr } from '../ast.js';
import { Op } from '../chunk.js';
import { isOwnedType } from '../passes/ownership.js';
import { setOrKeepShape } from './fusion-shapes.js';
import type { UnitCompiler } from './unit-compiler.js';

const COMPARE_JUMPS: Readonly<Record<string, number>> = {
  '<': Op.JUMP_IF_NOT_LT,
  '<=': Op.JUMP_IF_NOT_LE,
  '>': Op.JUMP_IF_NOT_GT,
  '>=': Op.JUMP_IF_NOT_GE,
};

/**
 * `Option.withDefault(Vector.get(v, i), d)` → `VECTOR_GET_OR`, and `Option.withDefault(Vector.set(v, i, x), v)`
 * → `VECTOR_SET_OR_KEEP`, which updates `v` in place when this is its last use and it is unshared.
 */
export function fuseWithDefault(compiler: UnitCompiler, call: Call): boolean {
  const [option, fallback] = call.args;
  if (option.kind !== 'Call' || option.target?.kind !== 'builtin' || option.lowered !== undefined)
    return false;
  const inner = option.target.name;
  if (inner === 'Vector.get') {
    compiler.borrowingArgs([option.args[0], option.args[1], fallback]);
    compiler.builder.line = call.span.line;
    compiler.builder.emit(Op.VECTOR_GET_OR, -2);
    if (isOwnedType(compiler.types.get(call))) compiler.builder.emit(Op.SHARE, 0);
    return true;
  }
  const shape = setOrKeepShape(call);
  if (shape === null) return false;
  const { vector, moves } = shape;
  compiler.builder.emit(moves ? Op.MOVE_LOCAL : Op.LOAD_LOCAL_SHARE, 1, compiler.local(vector.slot));
  compiler.expr(shape.index);
  compiler.expr(shape.item);
  compiler.builder.line = call.span.line;
  compiler.builder.emit(Op.VECTOR_SET_OR_KEEP, -2);
  return true;
}

/**
 * Emits code that evaluates a Bool and jumps when it is false (fusing an Int/Float comparison or a primitive
 * equality into the jump); returns the jump to patch.
 */
export function branchIfFalse(compiler: UnitCompiler, cond: Expr): number {
  if (cond.kind === 'Binary') {
    const kind = cond.operandKind;
    const compare = COMPARE_JUMPS[cond.op];
    const primitiveEquality = kind === 'Int' || kind === 'String' || kind === 'Bool' || kind === 'Unit';
    let jump: number | undefined;
    if (compare !== undefined && (kind === 'Int' || kind === 'Float')) jump = compare;
    else if (cond.op === '==' && primitiveEquality) jump = Op.JUMP_IF_NOT_EQ;
    else if (cond.op === '!=' && primitiveEquality) jump = Op.JUMP_IF_EQ;
    if (jump !== undefined) {
      compiler.expr(cond.left);
      compiler.expr(cond.right);
      compiler.builder.line = cond.span.line;
      return compiler.builder.emit(jump, -2, 0);
    }
  }
  compiler.expr(cond);
  return compiler.builder.emit(Op.JUMP_IF_FALSE, -1, 0);
}
