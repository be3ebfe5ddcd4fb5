import type { Call, Stmt } from '../ast.js';
import { Op } from '../chunk.js';
import type { CodeUnit } from '../passes/code-unit.js';
import type { KnownValue } from './inline-analysis.js';
import { sameSlot, scalarReplace } from './scalar-replacement.js';
import type { UnitCompiler } from './unit-compiler.js';

/**
 * Inlines a call of a small leaf function: the arguments go into slots above this unit's locals and the callee's
 * body is compiled there, its slots shifted by that base. The callee calls no Aver function (so there is no
 * recursion to unfold and no frame to reuse) and has no `?` (which would return from the wrong function).
 */
export function inlineCall(compiler: UnitCompiler, call: Call, callee: CodeUnit): void {
  const savedTop = compiler.extraTop;
  const savedKnown = compiler.known;
  const savedAliases = compiler.aliases;
  const base = compiler.allocateSlots(callee.localCount);
  // Arguments are evaluated in the caller's context; the callee's known values start with its taken-apart params.
  const calleeKnown = new Map<number, KnownValue>();
  const calleeAliases = new Map<number, number>();
  const pushed: number[] = [];
  call.args.forEach((arg, index) => {
    const same = sameSlot(compiler, arg);
    if (same !== null) calleeAliases.set(index, same);
    else if (!scalarReplace(compiler, index, arg, callee.body, calleeKnown)) {
      compiler.expr(arg);
      pushed.push(index);
    }
  });
  compiler.builder.line = call.span.line;
  for (let i = pushed.length - 1; i >= 0; i--) compiler.builder.emit(Op.STORE_LOCAL, -1, base + pushed[i]);
  compiler.known = calleeKnown;
  compiler.aliases = calleeAliases;
  compiler.slotBase = base;
  const body = callee.body;
  for (let i = 0; i < body.length - 1; i++) compiler.stmt(body[i], body.slice(i + 1));
  const last = body[body.length - 1] as Extract<Stmt, { kind: 'ExprStmt' }>;
  compiler.expr(last.expr);
  compiler.slotBase = 0;
  compiler.known = savedKnown;
  compiler.aliases = savedAliases;
  compiler.extraTop = savedTop;
}
