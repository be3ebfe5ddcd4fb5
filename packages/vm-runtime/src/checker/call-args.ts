import type { Call } from '../ast.js';
import type { CheckContext } from './context.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import { compatible, INVALID, type Type } from './types.js';

/** Infers every argument without expectations (after an error), so nested expressions are still checked. */
export function inferArgsLoosely(ctx: CheckContext, call: Call): Type {
  for (const arg of call.args) inferExpr(ctx, arg, null);
  for (const named of call.named) inferExpr(ctx, named.value, null);
  return INVALID;
}

/** Reports named arguments on a call that takes none (only records and `T.update` do), then types them. */
export function rejectNamedArgs(ctx: CheckContext, call: Call): void {
  if (call.named.length === 0) return;
  ctx.error(call.named[0].span, msg.namedArgsNotAllowed(ctx.nameOf(call.callee)));
  for (const named of call.named) inferExpr(ctx, named.value, null);
}

/**
 * Checks arity and each positional argument against `params` (language reference: "Checker errors worth reproducing"
 * messages).
 */
export function checkArgs(ctx: CheckContext, call: Call, params: readonly Type[]): void {
  const args = call.args;
  const arityOk = args.length === params.length;
  if (!arityOk) ctx.error(call.span, msg.arity(ctx.nameOf(call.callee), params.length, args.length));
  for (let i = 0; i < args.length; i++) {
    const param = i < params.length ? params[i] : null;
    const actual = inferExpr(ctx, args[i], param);
    if (arityOk && param !== null && !compatible(param, actual)) {
      ctx.error(
        args[i].span,
        msg.argument(i + 1, ctx.nameOf(call.callee), ctx.show(param), ctx.show(actual)),
      );
    }
  }
}
