import type { Binary, Expr } from '../ast.js';
import { Op } from '../chunk.js';
import { assertNever } from '../passes/walk.js';
import { INT32_MAX, INT32_MIN } from './constants.js';
import type { UnitCompiler } from './unit-compiler.js';

const NUMBER_COMPARES: Readonly<Record<string, number>> = {
  '<': Op.LT_NUM,
  '<=': Op.LE_NUM,
  '>': Op.GT_NUM,
  '>=': Op.GE_NUM,
};
const STRING_COMPARES: Readonly<Record<string, number>> = {
  '<': Op.LT_STR,
  '<=': Op.LE_STR,
  '>': Op.GT_STR,
  '>=': Op.GE_STR,
};

/** A binary operator: `ADD_INT_IMM`/`SUB_INT_IMM` for an Int plus or minus a small literal, else a typed opcode. */
export function compileBinary(compiler: UnitCompiler, expr: Binary): void {
  const kind = expr.operandKind;
  if (kind === undefined) throw compiler.error(`operator '${expr.op}' without an operand type`, expr);
  const right = expr.right;
  if (kind === 'Int' && (expr.op === '+' || expr.op === '-') && right.kind === 'IntLit') {
    const value = right.value;
    if (value >= INT32_MIN && value <= INT32_MAX) {
      compiler.expr(expr.left);
      compiler.builder.line = expr.span.line;
      compiler.builder.emit(expr.op === '+' ? Op.ADD_INT_IMM : Op.SUB_INT_IMM, 0, Number(value));
      return;
    }
  }
  compiler.expr(expr.left);
  compiler.expr(right);
  compiler.builder.line = expr.span.line;
  compiler.builder.emit(binaryOpcode(compiler, expr), -1);
}

/** The opcode of a binary operator for its operand type (from the checker's `operandKind`). */
function binaryOpcode(compiler: UnitCompiler, expr: Binary): number {
  const kind = expr.operandKind;
  const numeric = kind === 'Int' || kind === 'Float';
  switch (expr.op) {
    case '+':
      if (kind === 'String') return Op.CONCAT_STR;
      return kind === 'Float' ? Op.ADD_FLOAT : Op.ADD_INT;
    case '-':
      return kind === 'Float' ? Op.SUB_FLOAT : Op.SUB_INT;
    case '*':
      return kind === 'Float' ? Op.MUL_FLOAT : Op.MUL_INT;
    case '/':
      return kind === 'Float' ? Op.DIV_FLOAT : Op.DIV_INT;
    case '==':
      return kind === 'Float' ? Op.EQ_FLOAT : kind === 'other' ? Op.EQ : Op.EQ_PRIM;
    case '!=':
      return kind === 'Float' ? Op.NE_FLOAT : kind === 'other' ? Op.NE : Op.NE_PRIM;
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (numeric) return NUMBER_COMPARES[expr.op];
      if (kind === 'String') return STRING_COMPARES[expr.op];
      throw compiler.error(`operator '${expr.op}' on ${kind}`, expr);
    default:
      return assertNever(expr.op);
  }
}

/** `-x` is `0 - x` in 0.15–0.20 (the reference's precedence table): Int wraps, and `-(0.0)` is `0.0`. Literals fold. */
export function compileNegate(compiler: UnitCompiler, expr: Extract<Expr, { kind: 'Negate' }>): void {
  const operand = expr.operand;
  if (operand.kind === 'IntLit') {
    compiler.int(-operand.value);
    return;
  }
  if (operand.kind === 'FloatLit') {
    compiler.constant(0 - operand.value);
    return;
  }
  compiler.expr(operand);
  compiler.builder.line = expr.span.line;
  compiler.builder.emit(expr.operandKind === 'Float' ? Op.NEG_FLOAT : Op.NEG_INT, 0);
}
