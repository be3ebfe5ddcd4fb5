import type {
  Binary,
  Expr,
  ListExpr,
  MapExpr,
  Negate,
  ProductExpr,
  Span,
  TryExpr,
  TupleExpr,
} from '../ast.js';
import { inferCall } from './calls.js';
import type { CheckContext } from './context.js';
import { inferMatch } from './match.js';
import { checkerMessages as msg } from './messages.js';
import { inferIdentValue, inferMemberValue } from './names.js';
import {
  BOOL,
  compatible,
  FLOAT,
  hasHoles,
  INT,
  INVALID,
  join,
  listOf,
  operandKindOf,
  STRING,
  type Type,
  UNIT,
  UNKNOWN,
} from './types.js';

/**
 * Infers the type of an expression bottom-up and records it in `ctx.exprTypes` (language reference:
 * "Inference and checking rules"). `expected` is the type the context wants, when known (annotation, parameter,
 * return type); it only fills in what the expression leaves open (`[]`, `{}`, `Option.None`, the other side of
 * `Result.Ok`/`Result.Err`) and is never reported against here: the caller compares and words the error.
 */
export function inferExpr(ctx: CheckContext, expr: Expr, expected: Type | null): Type {
  const type = inferUncached(ctx, expr, expected);
  ctx.exprTypes.set(expr, type);
  return type;
}

function inferUncached(ctx: CheckContext, expr: Expr, expected: Type | null): Type {
  switch (expr.kind) {
    case 'IntLit':
      return INT;
    case 'FloatLit':
      return FLOAT;
    case 'StringLit':
      return STRING;
    case 'BoolLit':
      return BOOL;
    case 'UnitLit':
      return UNIT;
    case 'Interp':
      // Any type may be interpolated up to 0.27; it is rendered with the display rules (language reference:
      // "Value display").
      for (const part of expr.parts) if (part.kind === 'Expr') inferExpr(ctx, part.expr, null);
      return STRING;
    case 'Ident':
      return inferIdentValue(ctx, expr);
    case 'Member': {
      const type = inferMemberValue(ctx, expr);
      return expected !== null && hasHoles(type) ? (join(type, expected) ?? type) : type;
    }
    case 'Call':
      return inferCall(ctx, expr, expected);
    case 'Binary':
      return inferBinary(ctx, expr);
    case 'Negate':
      return inferNegate(ctx, expr);
    case 'Tuple':
      return inferTuple(ctx, expr, expected);
    case 'List':
      return inferList(ctx, expr, expected);
    case 'Map':
      return inferMap(ctx, expr, expected);
    case 'Match':
      return inferMatch(ctx, expr, expected);
    case 'Try':
      return inferTry(ctx, expr);
    case 'Product':
      return inferProduct(ctx, expr);
  }
}

function inferTuple(ctx: CheckContext, expr: TupleExpr, expected: Type | null): Type {
  const hints =
    expected?.kind === 'Tuple' && expected.items.length === expr.items.length ? expected.items : null;
  const items = expr.items.map((item, i) => inferExpr(ctx, item, hints === null ? null : hints[i]));
  return { kind: 'Tuple', items };
}

function inferList(ctx: CheckContext, expr: ListExpr, expected: Type | null): Type {
  const hint = expected?.kind === 'List' ? expected.elem : null;
  if (expr.items.length === 0) return hint === null ? listOf(UNKNOWN) : (expected as Type);
  let elem: Type | null = null;
  for (const item of expr.items) {
    const type = inferExpr(ctx, item, hint ?? elem);
    if (elem === null) {
      elem = type;
      continue;
    }
    const joined = join(elem, type);
    if (joined === null) ctx.error(item.span, msg.listElementMismatch(ctx.show(elem), ctx.show(type)));
    else elem = joined;
  }
  return listOf(elem ?? UNKNOWN);
}

function inferMap(ctx: CheckContext, expr: MapExpr, expected: Type | null): Type {
  const keyHint = expected?.kind === 'Map' ? expected.key : null;
  const valueHint = expected?.kind === 'Map' ? expected.value : null;
  if (expr.entries.length === 0) {
    return keyHint === null ? { kind: 'Map', key: UNKNOWN, value: UNKNOWN } : (expected as Type);
  }
  let key: Type | null = null;
  let value: Type | null = null;
  for (const entry of expr.entries) {
    const keyType = inferExpr(ctx, entry.key, keyHint ?? key);
    const valueType = inferExpr(ctx, entry.value, valueHint ?? value);
    key = joinEntry(ctx, key, keyType, entry.key.span, msg.mapKeyMismatch);
    value = joinEntry(ctx, value, valueType, entry.value.span, msg.mapValueMismatch);
  }
  return { kind: 'Map', key: key ?? UNKNOWN, value: value ?? UNKNOWN };
}

function joinEntry(
  ctx: CheckContext,
  sofar: Type | null,
  next: Type,
  span: Span,
  message: (a: string, b: string) => string,
): Type {
  if (sofar === null) return next;
  const joined = join(sofar, next);
  if (joined !== null) return joined;
  ctx.error(span, message(ctx.show(sofar), ctx.show(next)));
  return sofar;
}

/** True for a type that does not constrain an operator (a hole or a type variable). */
function isOpen(type: Type): boolean {
  return type.kind === 'Unknown' || type.kind === 'Var' || type.kind === 'Any';
}

/** The primitive kinds an operator accepts, as a bit set. */
const NUMERIC = 1 | 2;
const NUMERIC_OR_STRING = 1 | 2 | 4;

function kindBit(type: Type): number {
  switch (type.kind) {
    case 'Int':
      return 1;
    case 'Float':
      return 2;
    case 'String':
      return 4;
    default:
      return 0;
  }
}

/**
 * Operators (language reference: "Inference and checking rules"): `+` on Int/Float/String pairs; `- * /` on Int/Float
 * pairs (plus `0 - Float`, the 0.15–0.20 desugaring of unary minus); `== !=` on compatible types; `< > <= >=` on
 * Int/Float/String pairs. No Int↔Float promotion. Fills `operandKind` for the compiler's typed opcodes.
 */
function inferBinary(ctx: CheckContext, expr: Binary): Type {
  const op = expr.op;
  const left = inferExpr(ctx, expr.left, null);
  const isEquality = op === '==' || op === '!=';
  const right = inferExpr(ctx, expr.right, isEquality && !isOpen(left) ? left : null);
  if (isEquality) {
    if (!compatible(left, right)) {
      ctx.error(expr.span, msg.equalityMismatch(ctx.show(left), ctx.show(right)));
    }
    expr.operandKind = operandKindOf(isOpen(left) || left.kind === 'Invalid' ? right : left);
    return BOOL;
  }
  const isComparison = op === '<' || op === '>' || op === '<=' || op === '>=';
  const allowed = op === '+' || isComparison ? NUMERIC_OR_STRING : NUMERIC;
  let result: Type;
  if (left.kind === 'Invalid' || right.kind === 'Invalid') {
    result = INVALID;
    expr.operandKind = operandKindOf(left.kind === 'Invalid' ? right : left);
  } else if (isOpen(left) && isOpen(right)) {
    result = UNKNOWN;
    expr.operandKind = 'other';
  } else if (isOpen(left) || isOpen(right)) {
    const known = isOpen(left) ? right : left;
    result = (kindBit(known) & allowed) !== 0 ? known : reportOperator(ctx, expr, left, right);
    expr.operandKind = operandKindOf(known);
  } else if (left.kind === right.kind && (kindBit(left) & allowed) !== 0) {
    result = left;
    expr.operandKind = left.kind as 'Int' | 'Float' | 'String';
    if (op === '/' && left.kind === 'Int') ctx.useEra('int-slash');
  } else if (op === '-' && right.kind === 'Float' && isLiteralZero(expr.left)) {
    result = FLOAT;
    expr.operandKind = 'Float';
  } else {
    result = reportOperator(ctx, expr, left, right);
    expr.operandKind = operandKindOf(left);
  }
  return isComparison && result.kind !== 'Invalid' ? BOOL : result;
}

function isLiteralZero(expr: Expr): boolean {
  return expr.kind === 'IntLit' && expr.value === 0n;
}

function reportOperator(ctx: CheckContext, expr: Binary, left: Type, right: Type): Type {
  const l = ctx.show(left);
  const r = ctx.show(right);
  switch (expr.op) {
    case '+':
      ctx.error(expr.span, msg.plusMismatch(l, r));
      break;
    case '<':
    case '>':
    case '<=':
    case '>=':
      ctx.error(expr.span, msg.comparisonMismatch(l, r));
      break;
    default:
      ctx.error(expr.span, msg.arithmeticMismatch(l, r));
  }
  return INVALID;
}

/**
 * Unary minus is `0 - x` in 0.15–0.20: Int stays Int, Float stays Float (language reference:
 * "Expressions, precedence and associativity"), anything else is the `-` error.
 */
function inferNegate(ctx: CheckContext, expr: Negate): Type {
  const operand = inferExpr(ctx, expr.operand, null);
  switch (operand.kind) {
    case 'Int':
    case 'Float':
      expr.operandKind = operand.kind;
      return operand;
    case 'Invalid':
      return INVALID;
    case 'Unknown':
    case 'Var':
    case 'Any':
      expr.operandKind = 'other';
      return UNKNOWN;
    default:
      ctx.error(expr.span, msg.arithmeticMismatch('Int', ctx.show(operand)));
      return INVALID;
  }
}

/**
 * `e?` (language reference: "Error propagation and independent products", "Inference and checking rules"): `e` must
 * be a Result and the enclosing function must return a compatible Result.
 */
function inferTry(ctx: CheckContext, expr: TryExpr): Type {
  const inner = inferExpr(ctx, expr.expr, null);
  if (inner.kind === 'Invalid') return INVALID;
  if (isOpen(inner)) return UNKNOWN;
  if (inner.kind !== 'Result') {
    ctx.error(expr.span, msg.tryOnNonResult('?', ctx.show(inner)));
    return INVALID;
  }
  checkPropagation(ctx, expr.span, '?', inner.err);
  return inner.ok;
}

/** `(a, b)!` gives the tuple of the components; `(a, b)?!` unwraps each Result and propagates the first Err. */
function inferProduct(ctx: CheckContext, expr: ProductExpr): Type {
  const items = expr.items.map((item) => inferExpr(ctx, item, null));
  if (!expr.unwrap) return { kind: 'Tuple', items };
  let errType: Type | null = null;
  const unwrapped = items.map((item, i) => {
    if (item.kind === 'Result') {
      errType ??= item.err;
      return item.ok;
    }
    if (item.kind !== 'Invalid' && !isOpen(item)) {
      ctx.error(expr.items[i].span, msg.tryOnNonResult('?!', ctx.show(item)));
      return INVALID;
    }
    return item.kind === 'Invalid' ? INVALID : UNKNOWN;
  });
  if (errType !== null) checkPropagation(ctx, expr.span, '?!', errType);
  return { kind: 'Tuple', items: unwrapped };
}

function checkPropagation(ctx: CheckContext, span: Span, op: string, errType: Type): void {
  const ret = ctx.body.ret;
  if (ret === null || ret.kind === 'Invalid') return; // verify blocks: an Err fails the case instead
  if (ret.kind !== 'Result') {
    ctx.error(span, msg.tryOutsideResultFn(op, ctx.show(ret)));
  } else if (!compatible(ret.err, errType)) {
    ctx.error(span, msg.tryErrMismatch(op, ctx.show(errType), ctx.show(ret.err)));
  }
}
