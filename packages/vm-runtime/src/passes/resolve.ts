import type { Expr, MatchExpr, Pattern } from '../ast.js';
import type { Type } from '../checker/index.js';
import type { CodeUnit } from './code-unit.js';
import { boolBranchArms } from './match-shape.js';
import { isOwnedType } from './ownership.js';
import { assertNever, childExprs } from './walk.js';

/** What `resolve` did: slots assigned over all units. */
export interface ResolveStats {
  readonly units: number;
  readonly slots: number;
}

/**
 * The `resolve` stage (language reference: "What each stage does"): maps every local of every code unit to a frame
 * slot and records the unit's `localCount`. Parameters take slots `0..arity`; bindings, pattern binders and match
 * temporaries follow. Slots of a `match` arm (its binders and any temporary) are reused by the next arm and after the
 * match, since they are dead there. A `match` on a local tests the local's own slot, and a plain binder pattern
 * shares the subject's slot (bindings are immutable), so neither costs a copy — except a Vector or Map subject, which
 * goes through a temporary so that `last_use` can decide whether the subject read moves or shares it.
 */
export function resolveSlots(units: readonly CodeUnit[], exprTypes: Map<Expr, Type>): ResolveStats {
  let slots = 0;
  for (const unit of units) {
    new SlotResolver(unit, exprTypes).run();
    slots += unit.localCount;
  }
  return { units: units.length, slots };
}

class SlotResolver {
  private readonly scopes: Map<string, number>[] = [new Map()];
  private next = 0;
  private max = 0;

  constructor(
    private readonly unit: CodeUnit,
    private readonly exprTypes: Map<Expr, Type>,
  ) {}

  run(): void {
    for (const param of this.unit.params) this.declare(param.name, this.allocate());
    const topLevel = this.unit.kind === 'topLevel';
    for (const stmt of this.unit.body) {
      if (stmt.kind === 'ExprStmt') {
        this.expr(stmt.expr);
        continue;
      }
      this.expr(stmt.value);
      // Top-level bindings are globals, reached through their `global` resolution.
      if (stmt.name === '_' || topLevel) continue;
      stmt.slot = this.allocate();
      this.declare(stmt.name, stmt.slot);
    }
    this.unit.localCount = this.max;
  }

  private expr(expr: Expr): void {
    if (expr.kind === 'Ident') {
      if (expr.resolution?.kind === 'local') expr.slot = this.lookup(expr.name);
      return;
    }
    if (expr.kind === 'Match') {
      this.match(expr);
      return;
    }
    for (const child of childExprs(expr)) this.expr(child);
  }

  private match(match: MatchExpr): void {
    const subject = match.subject;
    this.expr(subject);
    const mark = this.next;
    const direct =
      subject.kind === 'Ident' && subject.slot !== undefined && !isOwnedType(this.exprTypes.get(subject));
    // A true/false match is a conditional jump on the subject: it tests no slot (-1).
    if (boolBranchArms(match, this.exprTypes) !== null) match.subjectSlot = -1;
    else match.subjectSlot = direct ? (subject as { slot: number }).slot : this.allocate();
    for (const arm of match.arms) {
      const armMark = this.next;
      this.scopes.push(new Map());
      this.pattern(arm.pattern, match.subjectSlot);
      this.expr(arm.body);
      this.scopes.pop();
      this.next = armMark;
    }
    this.next = mark;
  }

  private pattern(pattern: Pattern, subjectSlot: number): void {
    switch (pattern.kind) {
      case 'WildcardPattern':
      case 'LiteralPattern':
      case 'NilPattern':
        return;
      case 'BindPattern':
        pattern.slot = subjectSlot;
        this.declare(pattern.name, subjectSlot);
        return;
      case 'ConsPattern':
        pattern.headSlot = this.binder(pattern.head);
        pattern.tailSlot = this.binder(pattern.tail);
        return;
      case 'ConstructorPattern':
        pattern.binderSlots = (pattern.binders ?? []).map((name) => this.binder(name));
        return;
      case 'TuplePattern':
        pattern.itemSlots = pattern.items.map((item) => {
          if (item.kind === 'WildcardPattern') return -1;
          const slot = this.allocate();
          this.pattern(item, slot);
          return slot;
        });
        return;
      default:
        assertNever(pattern);
    }
  }

  /** A fresh slot for a binder name, or -1 for `_`. */
  private binder(name: string): number {
    if (name === '_') return -1;
    const slot = this.allocate();
    this.declare(name, slot);
    return slot;
  }

  private allocate(): number {
    const slot = this.next++;
    if (this.next > this.max) this.max = this.next;
    return slot;
  }

  private declare(name: string, slot: number): void {
    this.scopes[this.scopes.length - 1].set(name, slot);
  }

  private lookup(name: string): number {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const slot = this.scopes[i].get(name);
      if (slot !== undefined) return slot;
    }
    throw new Error(`Internal error: local '${name}' of ${this.unit.name} has no slot`);
  }
}
