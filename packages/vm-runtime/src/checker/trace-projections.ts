import type { Call, Expr, Member, TraceProjection, TraceStep } from '../ast.js';
import type { CheckContext } from './context.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import { BOOL, INT, INVALID, namedType, optionOf, type Type } from './types.js';

/**
 * Trace projections of Oracle verification (Oracle addendum: "Grammar", "`BranchPath`, `Trace`, `EffectEvent`"):
 * `f(a).result`, `f(a).trace` and the queries on a trace (`length()`, `event(k)`, `contains(x)`, `count(x)`,
 * `group(n)`, `branch(i)`). The checker types them and records the chain on each node (`projection`); the verify
 * runner evaluates one when it is the whole left side of a `verify f trace` case. They are legal only in
 * `verify f trace` and law blocks.
 */

/** The trace itself: the built-in record `Trace(events: List<EffectEvent>)`. */
export const TRACE = namedType('Trace');
/** The events of one `!`/`?!` group, and of one branch of it (internal types, not nameable in source). */
const TRACE_GROUP = namedType('<trace group>');
const TRACE_BRANCH = namedType('<trace branch>');
const EFFECT_EVENT = namedType('EffectEvent');

/** True for the types a trace query applies to. */
export function isTraceView(type: Type): boolean {
  return type.kind === 'Named' && (type.name === 'Trace' || type === TRACE_GROUP || type === TRACE_BRANCH);
}

/**
 * `call.result` / `call.trace` where `call` calls a user function (and no record field of that name exists):
 * types the projection, or returns `null` when `member` is not one.
 */
export function projectionMember(ctx: CheckContext, member: Member, objectType: Type): Type | null {
  const name = member.name;
  if (name !== 'result' && name !== 'trace') return null;
  const source = member.object;
  if (source.kind !== 'Call' || source.target?.kind !== 'function') return null;
  if (objectType.kind === 'Named') {
    const info = ctx.env.types.get(objectType.name);
    if (info?.kind === 'record' && info.fieldIndex.has(name)) return null;
  }
  if (ctx.body.verify === undefined || !(ctx.body.verify.trace || ctx.body.verify.law)) {
    ctx.error(member.span, msg.projectionOutsideTrace(name));
  }
  member.projection = { source, steps: [{ kind: name }] };
  return name === 'result' ? objectType : TRACE;
}

/** A query call on a trace view (`….trace.count(Random.int)`); `base` is the callee's object. */
export function traceQuery(ctx: CheckContext, call: Call, callee: Member, base: Type): Type {
  const object = callee.object;
  const chain = projectionOf(object);
  if (chain === null) {
    ctx.error(callee.span, msg.traceQueryOnValue());
    return INVALID;
  }
  const step = queryStep(ctx, call, callee.name, base);
  if (step === null) return INVALID;
  const projection: TraceProjection = { source: chain.source, steps: [...chain.steps, step] };
  call.projection = projection;
  switch (step.kind) {
    case 'group':
      return TRACE_GROUP;
    case 'branch':
      return TRACE_BRANCH;
    case 'event':
      return optionOf(EFFECT_EVENT);
    case 'contains':
      return BOOL;
    default:
      return INT;
  }
}

function projectionOf(expr: Expr): TraceProjection | null {
  if (expr.kind === 'Member' || expr.kind === 'Call') return expr.projection ?? null;
  return null;
}

function queryStep(ctx: CheckContext, call: Call, name: string, base: Type): TraceStep | null {
  const args = call.args;
  const arity = (expected: number) => {
    if (args.length === expected) return true;
    ctx.error(call.span, msg.traceQueryArity(name, expected, args.length));
    return false;
  };
  switch (name) {
    case 'length':
      return arity(0) ? { kind: 'length' } : null;
    case 'event':
    case 'group':
    case 'branch': {
      if (name === 'group' && !(base.kind === 'Named' && base.name === 'Trace')) {
        ctx.error(call.callee.span, msg.traceGroupNotOnTrace());
        return null;
      }
      if (name === 'branch' && base !== TRACE_GROUP) {
        ctx.error(call.callee.span, msg.traceBranchWithoutGroup());
        return null;
      }
      if (!arity(1)) return null;
      const arg = args[0];
      const parameter = name === 'event' ? 'k' : name === 'group' ? 'n' : 'i';
      if (arg.kind !== 'IntLit') {
        ctx.error(arg.span, msg.traceIndexLiteral(name, parameter));
        return null;
      }
      ctx.exprTypes.set(arg, INT);
      return { kind: name, index: Number(arg.value) };
    }
    case 'contains':
    case 'count': {
      if (!arity(1)) return null;
      const pattern = eventPattern(ctx, args[0]);
      if (pattern === null) {
        ctx.error(args[0].span, msg.traceQueryArgument(name));
        return null;
      }
      return { kind: name, method: pattern.method, args: pattern.args };
    }
    default:
      ctx.error(call.callee.span, msg.traceUnknownQuery(name));
      return null;
  }
}

/**
 * The argument of `.contains` / `.count`: an effect method (`Random.int`, any arguments) or a call of one whose
 * arguments are literals (`Console.print("rolled 4")`; a literal interpolation is one, a negative number is not).
 */
function eventPattern(ctx: CheckContext, arg: Expr): { method: string; args: Expr[] | null } | null {
  if (arg.kind === 'Member') {
    const method = effectMethod(ctx, arg);
    return method === null ? null : { method, args: null };
  }
  if (arg.kind !== 'Call' || arg.callee.kind !== 'Member' || arg.named.length > 0) return null;
  const method = effectMethod(ctx, arg.callee);
  if (method === null || !arg.args.every(isLiteral)) return null;
  for (const item of arg.args) inferExpr(ctx, item, null);
  return { method, args: [...arg.args] };
}

function effectMethod(ctx: CheckContext, member: Member): string | null {
  const name = ctx.nameOf(member);
  const builtin = ctx.env.builtins.functions.get(name);
  return builtin !== undefined && builtin.def.effects.length > 0 ? name : null;
}

function isLiteral(expr: Expr): boolean {
  switch (expr.kind) {
    case 'IntLit':
    case 'FloatLit':
    case 'StringLit':
    case 'BoolLit':
    case 'UnitLit':
      return true;
    case 'Interp':
      return expr.parts.every((part) => part.kind === 'Text' || isLiteral(part.expr));
    default:
      return false;
  }
}
