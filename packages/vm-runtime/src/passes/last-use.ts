import type { Expr, MatchExpr, Pattern } from '../ast.js';
import type { CodeUnit } from './code-unit.js';
import { assertNever, childExprs } from './walk.js';

/** What `last_use` found over all units. */
export interface LastUseStats {
  readonly reads: number;
  readonly lastUses: number;
}

/**
 * The `last_use` stage (language reference: "What each stage does"): flags each read of a local slot that no path
 * from it reads again (`Ident.lastUse`). It is a backward liveness pass over slots: a function body is a tree of
 * statements, `match` arms and expressions evaluated left to right (no loops; a tail call ends the body), so one walk
 * in reverse evaluation order with a live-slot set decides every read. Slot-based liveness also covers binders that
 * share their subject's slot. The compiler turns a last read of a Vector or Map into `MOVE_LOCAL` and any other read
 * of one into `LOAD_LOCAL_SHARE` (see ownership.ts).
 */
export function markLastUses(units: readonly CodeUnit[]): LastUseStats {
  const stats = { reads: 0, lastUses: 0 };
  for (const unit of units) {
    const live = new Set<number>();
    for (let i = unit.body.length - 1; i >= 0; i--) {
      const stmt = unit.body[i];
      if (stmt.kind === 'Binding') {
        if (stmt.slot !== undefined) live.delete(stmt.slot);
        backward(stmt.value, live, stats);
      } else backward(stmt.expr, live, stats);
    }
  }
  return stats;
}

function backward(expr: Expr, live: Set<number>, stats: { reads: number; lastUses: number }): void {
  if (expr.kind === 'Ident') {
    if (expr.slot === undefined) return;
    stats.reads++;
    expr.lastUse = !live.has(expr.slot);
    if (expr.lastUse) stats.lastUses++;
    live.add(expr.slot);
    return;
  }
  if (expr.kind === 'Match') {
    backwardMatch(expr, live, stats);
    return;
  }
  const children = childExprs(expr);
  for (let i = children.length - 1; i >= 0; i--) backward(children[i], live, stats);
}

function backwardMatch(
  match: MatchExpr,
  live: Set<number>,
  stats: { reads: number; lastUses: number },
): void {
  const after = [...live];
  const subjectSlot = match.subjectSlot!;
  live.clear();
  for (const arm of match.arms) {
    const armLive = new Set(after);
    backward(arm.body, armLive, stats);
    killBinders(arm.pattern, subjectSlot, armLive);
    // Pattern tests and extractions read the subject slot (a true/false branch has none: -1).
    if (subjectSlot >= 0) armLive.add(subjectSlot);
    for (const slot of armLive) live.add(slot);
  }
  const subject = match.subject;
  const direct = subject.kind === 'Ident' && subject.slot === subjectSlot;
  // A temporary subject slot is written by the subject's evaluation.
  if (!direct) live.delete(subjectSlot);
  backward(subject, live, stats);
}

/** Removes the slots a pattern defines (binders that share the subject slot define nothing new). */
function killBinders(pattern: Pattern, subjectSlot: number, live: Set<number>): void {
  switch (pattern.kind) {
    case 'WildcardPattern':
    case 'LiteralPattern':
    case 'NilPattern':
      return;
    case 'BindPattern':
      if (pattern.slot !== subjectSlot) live.delete(pattern.slot!);
      return;
    case 'ConsPattern':
      live.delete(pattern.headSlot!);
      live.delete(pattern.tailSlot!);
      return;
    case 'ConstructorPattern':
      for (const slot of pattern.binderSlots ?? []) live.delete(slot);
      return;
    case 'TuplePattern':
      pattern.items.forEach((item, index) => {
        const slot = pattern.itemSlots![index];
        if (slot < 0) return;
        killBinders(item, slot, live);
        live.delete(slot);
      });
      return;
    default:
      assertNever(pattern);
  }
}
