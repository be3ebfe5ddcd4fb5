import type { Call, Expr, Ident, MatchExpr, Span } from '../ast.js';
import type { Type } from '../checker/index.js';
import { cloneStmts, type TypeTables } from './clone.js';
import type { CodeUnit, UnitParam } from './code-unit.js';
import { visitExprs } from './walk.js';

/**
 * Intrinsic calls that `buffer_build` writes into the tree (as `Call`s with a built-in target of these names);
 * the compiler turns them into the `BUFFER_*` opcodes.
 */
export const BufferIntrinsic = {
  /** `__buf_new(sep)`: a new string buffer with separator `sep`. */
  create: '__buf_new',
  /** `__buf_append(buf, e1, …, ek)`: appends each String (separator before all but the first); gives `buf`. */
  append: '__buf_append',
  /** `__buf_then(a, b)`: evaluates `a`, drops it, gives `b` (in tail position when the call is). */
  sequence: '__buf_then',
  /** `__buf_finalize(buf)`: the buffer's text. */
  finalize: '__buf_finalize',
} as const;

/** The name of the buffer parameter of a `__buffered` variant (not a valid Aver identifier, so never shadowed). */
export const BUFFER_PARAM = '<buffer>';
const BUFFER_TYPE: Type = { kind: 'Named', name: '<StringBuffer>' };

/** What `buffer_build` did. */
export interface BufferBuildStats {
  /** Names of the `<fn>__buffered` variants created. */
  readonly variants: readonly string[];
  /** `String.join` calls now compiled as a buffered call. */
  readonly sinks: number;
}

/**
 * The `buffer_build` stage (language reference: "What each stage does", 0.15.0): deforestation of
 * `String.join(f(…), sep)` when `f` builds its `List<String>` recursively. It adds a variant
 * `f__buffered(…, <buffer>)` that appends each element straight into a string buffer (the separator before every
 * element but the first) and rewrites the join to `__buf_finalize(f__buffered(…, __buf_new(sep)))`. No list is built,
 * and `List.prepend(e, f(rest))` recursion becomes a tail call.
 *
 * Recognised shapes. `f` (any module) must return `List<String>`, end in an expression, and every result it can
 * give (through the arms of tail `match`es) must be one of:
 * - a list literal `[e1, …, ek]` (including `[]`): append e1…ek;
 * - `List.prepend(e, r)`: append e, then r;
 * - `List.concat(a, r)`: a, then r;
 * - `f(args)`: continue in `f__buffered(args, <buffer>)` (a tail call when in tail position);
 * where `r` and `a` are again of these shapes, with at least one recursive call in the whole body. Elements are
 * appended in the order the original evaluates them, and nothing else in `f` changes, so output and effects are
 * identical. The separator must be a String literal or a local (reading it earlier cannot be observed).
 */
export function buildBufferedVariants(units: CodeUnit[], tables: TypeTables): BufferBuildStats {
  const byName = new Map<string, CodeUnit>();
  for (const unit of units) if (unit.kind === 'function') byName.set(unit.name, unit);
  const variants = new Map<string, CodeUnit>();
  const verdicts = new Map<string, boolean>();
  const qualifies = (name: string): boolean => {
    let verdict = verdicts.get(name);
    if (verdict === undefined) {
      const unit = byName.get(name);
      verdict = unit !== undefined && isBufferable(unit);
      verdicts.set(name, verdict);
    }
    return verdict;
  };

  const sinks: Call[] = [];
  const collectSinks = (unit: CodeUnit) =>
    visitExprs(unit.body, (expr) => {
      const source = expr.kind === 'Call' ? sinkSource(expr) : null;
      if (source !== null && qualifies(source)) sinks.push(expr as Call);
    });
  for (const unit of units) collectSinks(unit);
  for (const sink of sinks) {
    const name = sinkSource(sink)!;
    if (!variants.has(name)) variants.set(name, makeVariant(byName.get(name)!, tables));
  }
  for (const variant of variants.values()) {
    units.push(variant);
    collectSinks(variant);
  }
  const rewritten = new Set<Call>();
  for (const sink of sinks) {
    if (rewritten.has(sink)) continue;
    rewritten.add(sink);
    const source = sink.args[0] as Call;
    const create = intrinsic(BufferIntrinsic.create, [sink.args[1]], sink.span);
    const call = callFunction(`${sinkSource(sink)}__buffered`, [...source.args, create], source.span, false);
    sink.lowered = intrinsic(BufferIntrinsic.finalize, [call], sink.span);
  }
  return { variants: [...variants.values()].map((variant) => variant.name), sinks: rewritten.size };
}

/** The function a `String.join(f(…), sep)` sink joins, or `null` when the call is not such a sink. */
function sinkSource(call: Call): string | null {
  if (call.target?.kind !== 'builtin' || call.target.name !== 'String.join' || call.args.length !== 2)
    return null;
  const [list, separator] = call.args;
  if (list.kind !== 'Call' || list.target?.kind !== 'function') return null;
  const plainSeparator =
    separator.kind === 'StringLit' || (separator.kind === 'Ident' && separator.resolution?.kind === 'local');
  return plainSeparator ? list.target.qualifiedName : null;
}

function isBufferable(unit: CodeUnit): boolean {
  const ret = unit.ret;
  if (ret.kind !== 'List' || ret.elem.kind !== 'String') return false;
  const last = unit.body[unit.body.length - 1];
  if (last === undefined || last.kind !== 'ExprStmt') return false;
  const recursion = { calls: 0 };
  return convertible(last.expr, unit.name, recursion) && recursion.calls > 0;
}

/** True when `expr` is one of the recognised list-building shapes (see `buildBufferedVariants`). */
function convertible(expr: Expr, self: string, recursion: { calls: number }): boolean {
  switch (expr.kind) {
    case 'List':
      return true;
    case 'Match':
      return expr.arms.every((arm) => convertible(arm.body, self, recursion));
    case 'Call': {
      const target = expr.target;
      if (target?.kind === 'function' && target.qualifiedName === self) {
        recursion.calls++;
        return true;
      }
      if (target?.kind !== 'builtin' || expr.args.length !== 2) return false;
      if (target.name === 'List.prepend') return convertible(expr.args[1], self, recursion);
      if (target.name === 'List.concat') {
        return convertible(expr.args[0], self, recursion) && convertible(expr.args[1], self, recursion);
      }
      return false;
    }
    default:
      return false;
  }
}

/** Builds `f__buffered`: a copy of `f` with one more parameter whose result expression appends to it. */
function makeVariant(unit: CodeUnit, tables: TypeTables): CodeUnit {
  const body = cloneStmts(unit.body, tables);
  const last = body[body.length - 1];
  if (last.kind !== 'ExprStmt')
    throw new Error('Internal error: buffered function without a result expression');
  const name = `${unit.name}__buffered`;
  body[body.length - 1] = { ...last, expr: toBuffered(last.expr, unit.name, name, true, tables) };
  const params: UnitParam[] = [...unit.params, { name: BUFFER_PARAM, type: BUFFER_TYPE }];
  return { ...unit, name, kind: 'buffered', params, body, ret: BUFFER_TYPE, localCount: 0, facts: null };
}

/** The buffered form of a convertible expression: appends its elements and evaluates to the buffer. */
function toBuffered(expr: Expr, self: string, variant: string, tail: boolean, tables: TypeTables): Expr {
  const buffer = bufferRef(expr.span);
  switch (expr.kind) {
    case 'List':
      return expr.items.length === 0
        ? buffer
        : intrinsic(BufferIntrinsic.append, [buffer, ...expr.items], expr.span);
    case 'Match': {
      const arms = expr.arms.map((arm) => ({
        ...arm,
        body: toBuffered(arm.body, self, variant, tail, tables),
      }));
      const match: MatchExpr = { ...expr, arms };
      tables.exprTypes.set(match, BUFFER_TYPE);
      return match;
    }
    case 'Call': {
      const target = expr.target;
      if (target?.kind === 'function' && target.qualifiedName === self) {
        return callFunction(variant, [...expr.args, buffer], expr.span, tail);
      }
      const [first, rest] = expr.args;
      const head =
        target?.kind === 'builtin' && target.name === 'List.prepend'
          ? intrinsic(BufferIntrinsic.append, [buffer, first], first.span)
          : toBuffered(first, self, variant, false, tables);
      return intrinsic(
        BufferIntrinsic.sequence,
        [head, toBuffered(rest, self, variant, tail, tables)],
        expr.span,
      );
    }
    default:
      throw new Error(`Internal error: ${expr.kind} is not a buffered shape`);
  }
}

function bufferRef(span: Span): Ident {
  return { kind: 'Ident', name: BUFFER_PARAM, span, resolution: { kind: 'local', name: BUFFER_PARAM } };
}

function intrinsic(name: string, args: readonly Expr[], span: Span): Call {
  const callee: Ident = { kind: 'Ident', name, span };
  return { kind: 'Call', callee, args, named: [], span, target: { kind: 'builtin', name } };
}

function callFunction(qualifiedName: string, args: readonly Expr[], span: Span, tail: boolean): Call {
  const callee: Ident = { kind: 'Ident', name: qualifiedName, span };
  return { kind: 'Call', callee, args, named: [], span, target: { kind: 'function', qualifiedName }, tail };
}
