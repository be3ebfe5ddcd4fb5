import type { Expr, GivenClause, VerifyBlock } from '../ast.js';
import { CLASSIFIED_EFFECTS, effectDimension, isGenerative } from '../oracle/effect-dimensions.js';
import { visitExprs } from '../passes/walk.js';
import type { CheckContext } from './context.js';
import { type FunctionInfo, type ModuleInfo, resolveTypeExpr } from './environment.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg, verifyContextName } from './messages.js';
import { BOOL, compatible, type FnType, INT, INVALID, namedType, type Type, UNKNOWN } from './types.js';

/**
 * A `given` after checking: its type, and for an effect reference the effect its values stub (Oracle addendum:
 * "Running one case").
 */
export interface CheckedGiven {
  readonly name: string;
  readonly type: Type;
  /** The effect method a stub given replaces (snapshot or generative); `null` for a value or output given. */
  readonly stubs: string | null;
}

/** A checked verify block: its module (`null` = the entry), the function it verifies, and its givens. */
export interface CheckedVerifyBlock {
  readonly block: VerifyBlock;
  readonly module: string | null;
  /** Qualified name of the verified function, or `null` when it does not exist (an error was reported). */
  readonly fnQualifiedName: string | null;
  readonly givens: readonly CheckedGiven[];
}

const BRANCH_PATH = namedType('BranchPath');

/**
 * Checks a verify block (language reference: "Top-level items"; Oracle addendum: "Checker rules and messages"): the
 * function must be defined in the same file; `given` domains are typed against their declared type (ranges need Int)
 * or, for an effect reference, as stub functions; `when` premises are Bool; both sides of each case are typed and
 * comparable; a cases block has cases that call the function on their left side. The block inherits the verified
 * function's effects (so it may call an effectful function, reported as `<verify:f>` otherwise). Trace and law blocks
 * get Oracle's rules: one stub given per effect, a stub for every generative effect (trace), stub signatures (trace),
 * no unclassified effects, no trace law on an effectful recursive function.
 */
export function checkVerifyBlock(
  ctx: CheckContext,
  module: ModuleInfo,
  block: VerifyBlock,
): CheckedVerifyBlock {
  ctx.module = module;
  const fn = module.functions.get(block.fnName);
  const law = block.law !== null;
  ctx.body = {
    name: verifyContextName(block.fnName),
    effects: fn?.effects ?? [],
    ret: null,
    verify: { trace: block.trace, law },
  };
  ctx.scope.clear();
  if (fn === undefined) ctx.error(block.span, msg.verifyUnknownFunction(block.fnName));
  const givens = block.givens.map((given) => checkGiven(ctx, block, given));
  if (fn !== undefined) checkOracleRules(ctx, block, fn, givens);
  for (const premise of block.whens) {
    const type = inferExpr(ctx, premise, BOOL);
    if (compatible(BOOL, type)) continue;
    const message = law
      ? msg.lawWhenNotBool(`${block.fnName}.${block.law}`, ctx.show(type))
      : msg.verifyWhenNotBool(ctx.show(type));
    ctx.error(premise.span, message);
  }
  if (!law && block.cases.length === 0) ctx.error(block.span, msg.verifyNoCases(block.fnName));
  block.cases.forEach((verifyCase, index) => {
    const left = inferExpr(ctx, verifyCase.lhs, null);
    const right = inferExpr(ctx, verifyCase.rhs, left);
    if (!compatible(left, right))
      ctx.error(verifyCase.span, msg.verifyCaseMismatch(ctx.show(left), ctx.show(right)));
    if (!law && fn !== undefined && !callsFunction(verifyCase.lhs, fn.qualifiedName))
      ctx.error(verifyCase.span, msg.verifyCaseMustCall(block.fnName, index + 1));
  });
  ctx.scope.clear();
  return { block, module: module.key, fnQualifiedName: fn?.qualifiedName ?? null, givens };
}

function checkGiven(ctx: CheckContext, block: VerifyBlock, given: GivenClause): CheckedGiven {
  const checked =
    given.effect === null ? checkValueGiven(ctx, block, given) : checkStubGiven(ctx, block, given);
  if (!ctx.scope.declare(given.name, checked.type)) ctx.error(given.span, msg.alreadyDefined(given.name));
  return checked;
}

function checkValueGiven(ctx: CheckContext, block: VerifyBlock, given: GivenClause): CheckedGiven {
  // A law names an unknown given type its own way (Oracle addendum: "Checker rules and messages").
  const report = (span: Expr['span'], message: string) => {
    const unknown = /^Unknown type '(.*)'$/.exec(message);
    ctx.error(
      span,
      block.law !== null && unknown ? msg.unknownLawGivenType(unknown[1], given.name) : message,
    );
  };
  const where = `Verify '${block.fnName}', given '${given.name}'`;
  const type = resolveTypeExpr(ctx.env, ctx.module, given.type!, report, where);
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
      if (!compatible(type, actual))
        ctx.error(item.span, msg.verifyGivenMismatch(given.name, ctx.show(actual), ctx.show(type)));
    }
  }
  return { name: given.name, type, stubs: null };
}

/**
 * `given rnd: Random.int = [lowDie, highDie]`: each value is a function standing in for the effect (Oracle addendum:
 * "Classified effects and stub signatures", "Running one case"). In a trace block each stub must have the stub type
 * (snapshot: the method's own signature; generative: `(BranchPath, Int, args…)` first); elsewhere a wrong stub shows
 * up where the given is called.
 */
function checkStubGiven(ctx: CheckContext, block: VerifyBlock, given: GivenClause): CheckedGiven {
  const effect = given.effect!.name;
  const builtin = ctx.env.builtins.functions.get(effect);
  const dimension = effectDimension(effect);
  const items = given.domain.kind === 'list' ? given.domain.items : [];
  if (given.domain.kind === 'range') ctx.error(given.span, msg.verifyRangeNotInt(given.name, effect));
  let expected: FnType | null = null;
  if (builtin === undefined) ctx.error(given.effect!.span, msg.unknownEffectGiven(given.name, effect));
  else if (dimension === 'output') {
    if (block.law !== null) ctx.error(given.span, msg.outputGiven(given.name, effect));
  } else if (dimension === null)
    ctx.error(given.effect!.span, msg.unclassifiedEffectGiven(given.name, effect));
  else {
    const runtime = builtin.fnType;
    expected = {
      kind: 'Fn',
      params: isGenerative(dimension) ? [BRANCH_PATH, INT, ...runtime.params] : runtime.params,
      ret: runtime.ret,
      effects: [],
    };
  }
  let first: Type | null = null;
  for (const item of items) {
    const actual = inferExpr(ctx, item, null);
    first ??= actual;
    if (!isFunctionName(item)) {
      ctx.error(item.span, msg.stubNotFunction(given.name));
      continue;
    }
    if (block.trace && expected !== null && !compatible(expected, actual)) {
      ctx.error(item.span, msg.stubType(given.name, effect, ctx.show(expected), ctx.show(actual)));
    }
  }
  const type = block.trace && expected !== null ? expected : (first ?? expected ?? UNKNOWN);
  const stubs = expected !== null ? effect : null;
  return { name: given.name, type: type.kind === 'Invalid' ? INVALID : type, stubs };
}

/** A plain or qualified function name (`lowDie`, `Helpers.lowDie`), as a stub value must be. */
function isFunctionName(expr: Expr): boolean {
  return (expr.kind === 'Ident' || expr.kind === 'Member') && expr.resolution?.kind === 'function';
}

/**
 * The block-level rules of Oracle verification (Oracle addendum: "Checker rules and messages") that need the verified
 * function.
 */
function checkOracleRules(
  ctx: CheckContext,
  block: VerifyBlock,
  fn: FunctionInfo,
  givens: readonly CheckedGiven[],
): void {
  const byEffect = new Map<string, string[]>();
  block.givens.forEach((given) => {
    if (given.effect === null) return;
    const names = byEffect.get(given.effect.name) ?? [];
    names.push(given.name);
    byEffect.set(given.effect.name, names);
  });
  for (const [effect, names] of byEffect) {
    if (names.length > 1) ctx.error(block.span, msg.duplicateEffectGiven(block.fnName, effect, names));
  }
  const law = block.law !== null;
  if (block.trace) {
    const stubbed = new Set(givens.map((given) => given.stubs));
    const missing = fn.effects.filter(
      (effect) => isGenerative(effectDimension(effect)) && !stubbed.has(effect),
    );
    if (missing.length > 0) ctx.error(block.span, msg.missingStubs(block.fnName, [...new Set(missing)]));
  }
  if (block.trace || law) {
    const outside = fn.effects.filter((effect) => effectDimension(effect) === null);
    if (outside.length > 0) {
      const label = law ? 'verify law' : 'verify trace';
      ctx.error(block.span, msg.proofSubset(label, block.fnName, outside, CLASSIFIED_EFFECTS));
    }
  }
  if (block.trace && law && fn.effects.length > 0 && isRecursive(ctx, fn)) {
    ctx.error(block.span, msg.recursiveTraceLaw(block.fnName, block.law!, fn.effects));
  }
}

/**
 * Whether `expr` calls the function `qualifiedName` anywhere, inside projections included (even one whose query did
 * not check, so a mistake there is not also reported as a missing call).
 */
function callsFunction(expr: Expr, qualifiedName: string): boolean {
  const pending: unknown[] = [expr];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    const call = node as Expr;
    if (
      call.kind === 'Call' &&
      call.target?.kind === 'function' &&
      call.target.qualifiedName === qualifiedName
    )
      return true;
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'span' && key !== 'resolution' && key !== 'target' && key !== 'projection')
        pending.push(value);
    }
  }
  return false;
}

/** Whether `fn` can call itself, directly or through other functions (its bodies are checked already). */
function isRecursive(ctx: CheckContext, fn: FunctionInfo): boolean {
  const seen = new Set<string>();
  const pending = [fn.qualifiedName];
  while (pending.length > 0) {
    const current = ctx.env.functions.get(pending.pop()!);
    if (current === undefined) continue;
    let recursive = false;
    visitExprs(current.decl.body, (node) => {
      if (node.kind !== 'Call' || node.target?.kind !== 'function') return;
      const callee = node.target.qualifiedName;
      if (callee === fn.qualifiedName) recursive = true;
      if (!seen.has(callee)) {
        seen.add(callee);
        pending.push(callee);
      }
    });
    if (recursive) return true;
  }
  return false;
}
