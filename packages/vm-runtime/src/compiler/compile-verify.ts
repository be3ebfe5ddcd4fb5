import type { Expr, Stmt, TraceProjection } from '../ast.js';
import { Op } from '../chunk.js';
import type { OracleHook } from '../oracle/oracle-table.js';
import { describeSteps } from '../oracle/trace-query.js';
import type { CodeUnit } from '../passes/code-unit.js';
import { EMPTY_LIST, WrapKind } from '../values.js';
import { CompileError } from './compile-error.js';
import { branchIfFalse } from './fused-instructions.js';
import type { UnitCompiler } from './unit-compiler.js';
import { isTraced } from './verify-plans.js';

/**
 * What only the verify code compiles (Oracle verification, Oracle addendum: "Grammar" to "Running one case"): verify
 * cases, trace projections, and the hooks that tell the Oracle state about a case's start and the groups and branches
 * of independent products.
 */

/**
 * A verify case: its `when` premises (false → return Unit, the case is skipped), the Oracle `install` hook, then
 * `Result.Ok((lhs, rhs))`, where a left side that is a trace projection of the verified function is evaluated by
 * the `project` hook. A `?` that fails anywhere returns its `Result.Err` instead.
 */
export function compileVerifyCase(compiler: UnitCompiler, unit: CodeUnit): void {
  const body = unit.body;
  const builder = compiler.builder;
  const skips: number[] = [];
  for (let i = 0; i < body.length - 2; i++) {
    const step = body[i];
    if (step.kind === 'Binding') compiler.stmt(step);
    else skips.push(branchIfFalse(compiler, step.expr));
  }
  // The premises held: the case's stubs take effect and its trace starts (Oracle addendum: "Running one case"
  // steps 2–3).
  hook(compiler, 'install', 0, true);
  const lhs = (body[body.length - 2] as Extract<Stmt, { kind: 'ExprStmt' }>).expr;
  const role = unit.verify;
  const projection = lhs.kind === 'Member' || lhs.kind === 'Call' ? lhs.projection : undefined;
  if (role?.kind === 'case' && role.oracle.trace && isTraced(projection, role.block.fnName)) {
    compileProjection(compiler, projection!, true);
  } else compiler.expr(lhs);
  compiler.expr((body[body.length - 1] as Extract<Stmt, { kind: 'ExprStmt' }>).expr);
  builder.emit(Op.TUPLE_NEW, -1, 2);
  builder.emit(Op.WRAP, 0, WrapKind.Ok);
  builder.emit(Op.RETURN, -1);
  if (skips.length === 0) return;
  const skip = builder.here();
  for (const at of skips) builder.patchJump(at, skip);
  builder.emit(Op.UNIT, 1);
  builder.emit(Op.RETURN, -1);
}

/**
 * A trace projection (Oracle addendum: "Grammar"). As the whole left side of a trace case it runs its source call,
 * then the `project` hook applies the steps to the events; anywhere else the source call runs and the projection is a
 * run-time error, as in the reference.
 */
export function compileProjection(compiler: UnitCompiler, projection: TraceProjection, whole: boolean): void {
  const builder = compiler.builder;
  const descriptor = describeSteps(projection);
  compiler.expr(projection.source);
  if (!whole) {
    builder.emit(Op.POP, -1);
    compiler.constant(descriptor);
    hook(compiler, 'misplaced', 1, false);
    return;
  }
  compiler.constant(descriptor);
  const last = projection.steps[projection.steps.length - 1];
  if (last.kind === 'contains' || last.kind === 'count') {
    compiler.constant(last.method);
    if (last.args === null) builder.emit(Op.UNIT, 1);
    else if (last.args.length === 0) compiler.constant(EMPTY_LIST);
    else {
      for (const arg of last.args) compiler.expr(arg);
      builder.emit(Op.LIST_NEW, 1 - last.args.length, last.args.length);
    }
  } else {
    compiler.constant('');
    builder.emit(Op.UNIT, 1);
  }
  hook(compiler, 'project', 4, false);
}

/**
 * The items of an independent product, each announced as a branch of a new group (Oracle addendum: "Running one case"
 * step 6).
 */
export function compileTracedItems(compiler: UnitCompiler, items: readonly Expr[]): void {
  hook(compiler, 'groupEnter', 0, true);
  items.forEach((item, index) => {
    compiler.builder.emit(Op.INT, 1, index);
    hook(compiler, 'branch', 1, true);
    compiler.expr(item);
  });
  hook(compiler, 'groupExit', 0, true);
}

/** Calls an Oracle hook of the verify code with the `argc` values on the stack; `discard` pops its Unit. */
function hook(compiler: UnitCompiler, name: OracleHook, argc: number, discard: boolean): void {
  const oracle = compiler.tables.oracle;
  if (oracle === null)
    throw new CompileError(`Oracle hook '${name}' outside the verify code (${compiler.caller})`);
  compiler.builder.emit(Op.CALL_BUILTIN, 1 - argc, oracle.hook(name), argc);
  if (discard) compiler.builder.emit(Op.POP, -1);
}
