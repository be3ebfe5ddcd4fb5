import { type VerifyBlock, verifyPreamble } from '../ast.js';
import { checkLocalBinding } from './bodies.js';
import type { CheckContext } from './context.js';
import { type ModuleInfo, resolveTypeExpr } from './environment.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg, verifyContextName } from './messages.js';
import { BOOL, compatible, INT, type Type } from './types.js';

/** A checked verify block: its module (`null` = the entry), the function it verifies, and its `given` types. */
export interface CheckedVerifyBlock {
  readonly block: VerifyBlock;
  readonly module: string | null;
  /** Qualified name of the verified function, or `null` when it does not exist (an error was reported). */
  readonly fnQualifiedName: string | null;
  readonly givens: readonly { readonly name: string; readonly type: Type }[];
}

/**
 * Checks a verify block (§1.4, §2.4): the function must be defined in the same file; `given` domains are typed
 * against their declared type (ranges need Int); `when` premises are Bool; both sides of each case are typed and
 * must be comparable; and the block is pure, so an effectful call is reported as coming from `<verify:f>`.
 * `?` is allowed in cases (an Err fails the case at run time).
 */
export function checkVerifyBlock(
  ctx: CheckContext,
  module: ModuleInfo,
  block: VerifyBlock,
): CheckedVerifyBlock {
  ctx.module = module;
  ctx.body = { name: verifyContextName(block.fnName), effects: [], ret: null };
  ctx.scope.clear();
  const fn = module.functions.get(block.fnName);
  if (fn === undefined) ctx.error(block.span, msg.verifyUnknownFunction(block.fnName));
  const report = ctx.error;
  const givens: { name: string; type: Type }[] = [];
  for (const given of block.givens) {
    const type = resolveTypeExpr(
      ctx.env,
      module,
      given.type,
      report,
      `Verify '${block.fnName}', given '${given.name}'`,
    );
    const domain = given.domain;
    if (domain.kind === 'range') {
      if (type.kind !== 'Int' && type.kind !== 'Invalid')
        ctx.error(given.span, msg.verifyRangeNotInt(given.name, ctx.show(type)));
      for (const bound of [domain.from, domain.to]) {
        const actual = inferExpr(ctx, bound, INT);
        if (!compatible(INT, actual))
          ctx.error(bound.span, msg.verifyGivenMismatch(given.name, ctx.show(actual), 'Int'));
      }
    } else {
      for (const item of domain.items) {
        const actual = inferExpr(ctx, item, type);
        if (!compatible(type, actual)) {
          ctx.error(item.span, msg.verifyGivenMismatch(given.name, ctx.show(actual), ctx.show(type)));
        }
      }
    }
    if (!ctx.scope.declare(given.name, type)) ctx.error(given.span, msg.alreadyDefined(given.name));
    givens.push({ name: given.name, type });
  }
  for (const step of verifyPreamble(block)) {
    if (step.kind === 'Binding') {
      checkLocalBinding(ctx, step);
      continue;
    }
    const type = inferExpr(ctx, step.expr, BOOL);
    if (!compatible(BOOL, type)) ctx.error(step.expr.span, msg.verifyWhenNotBool(ctx.show(type)));
  }
  for (const verifyCase of block.cases) {
    const left = inferExpr(ctx, verifyCase.lhs, null);
    const right = inferExpr(ctx, verifyCase.rhs, left);
    if (!compatible(left, right))
      ctx.error(verifyCase.span, msg.verifyCaseMismatch(ctx.show(left), ctx.show(right)));
  }
  ctx.scope.clear();
  return { block, module: module.key, fnQualifiedName: fn?.qualifiedName ?? null, givens };
}
