import {
  BufferIntrinsic,
  type Call,
  type CodeUnit,
  type Expr,
  isInlinable,
  type LoweredProgram,
} from '@aver/vm-runtime';
import { NameScope, qualifiedIdentifier } from './js-names.js';

/** How one code unit becomes JavaScript. */
export interface UnitPlan {
  readonly unit: CodeUnit;
  /** Index in `LoweredProgram.units` (the VM's chunk index, which function values carry). */
  readonly index: number;
  /** The JS function's name (`fib`, `Data$Fibonacci$fib`, `$topLevel`). */
  readonly name: string;
  /**
   * The VM inlines direct calls of this function (a small leaf): they open no frame, so the JS function takes no
   * depth argument and does no depth check.
   */
  readonly inlined: boolean;
  /** The tail-call group this unit is merged into, or `null`. */
  readonly group: TailGroup | null;
  /** True when the unit tail-calls itself (its body runs in a loop). */
  readonly selfLoop: boolean;
}

/**
 * Functions that tail-call each other (mutual tail calls within a call-graph SCC): one JS function runs them all in
 * one loop, so a chain of such calls takes constant stack, like the VM's `TAIL_CALL`; each member keeps a small
 * JS function of its own name that enters the loop.
 */
export interface TailGroup {
  /** The merged function's name: the members' names joined by `$`. */
  readonly name: string;
  readonly members: readonly UnitPlan[];
  /** Parameters of the merged function: enough for the member with the most. */
  readonly arity: number;
}

/** What the module generator needs to know about the whole program. */
export interface ModulePlan {
  readonly units: readonly UnitPlan[];
  readonly byName: ReadonlyMap<string, UnitPlan>;
  readonly groups: readonly TailGroup[];
  /** Every module-level JS name (functions, groups, their deep variants): no local may shadow one. */
  readonly moduleNames: ReadonlySet<string>;
  /** The entry file's `main`, if any. */
  readonly main: UnitPlan | null;
  readonly topLevel: UnitPlan;
}

/**
 * Plans the JS functions of a lowered program: one per function, buffered variant and `__top_level__` (verify
 * units are the VM's `aver verify` business and are left out), their names, which are inlined by the VM, which run
 * in a loop, and which are merged into tail-call groups.
 */
export function planModule(lowered: LoweredProgram): ModulePlan {
  const scope = new NameScope();
  const drafts: { unit: CodeUnit; index: number; name: string }[] = [];
  lowered.units.forEach((unit, index) => {
    if (unit.kind === 'verify') return;
    const name = unit.kind === 'topLevel' ? '$topLevel' : scope.fresh(qualifiedIdentifier(unit.name));
    drafts.push({ unit, index, name });
  });

  const tails = new Map<string, Call[]>();
  for (const draft of drafts) tails.set(draft.unit.name, compiledTailCalls(draft.unit));
  const groupOf = mutualTailGroups(
    drafts.map((draft) => draft.unit.name),
    tails,
  );

  const plans = new Map<string, UnitPlan & { group: TailGroup | null }>();
  for (const draft of drafts) {
    const calls = tails.get(draft.unit.name)!;
    plans.set(draft.unit.name, {
      unit: draft.unit,
      index: draft.index,
      name: draft.name,
      inlined: isInlinable(draft.unit),
      group: null,
      selfLoop: calls.some((call) => targetOf(call) === draft.unit.name),
    });
  }
  const groups: TailGroup[] = [];
  for (const memberNames of groupOf) {
    const members = memberNames.map((name) => plans.get(name)!);
    const group: TailGroup = {
      name: scope.fresh(members.map((member) => member.name).join('$')),
      members,
      arity: Math.max(...members.map((member) => member.unit.params.length)),
    };
    for (const member of members) member.group = group;
    groups.push(group);
  }
  const units = [...plans.values()];
  const moduleNames = new Set<string>();
  for (const plan of units) moduleNames.add(plan.name).add(`${plan.name}$deep`).add(`${plan.name}$body`);
  for (const group of groups) moduleNames.add(group.name).add(`${group.name}$deep`);
  const mainPlan =
    lowered.checked.functions.get('main')?.module === null ? (plans.get('main') ?? null) : null;
  return {
    units,
    byName: plans,
    groups,
    moduleNames,
    main: mainPlan,
    topLevel: plans.get('__top_level__')!,
  };
}

function targetOf(call: Call): string | null {
  return call.target?.kind === 'function' ? call.target.qualifiedName : null;
}

/**
 * The calls a unit makes as tail calls, exactly where the VM compiler emits `TAIL_CALL_SELF`/`TAIL_CALL`: calls the
 * `tco` pass marked, reached through the tail positions of the result expression (match arms, a `buffer_build`
 * sequence's second part, a lowered sink). `__top_level__` has no result expression.
 */
export function compiledTailCalls(unit: CodeUnit): Call[] {
  const found: Call[] = [];
  if (unit.kind !== 'function' && unit.kind !== 'buffered') return found;
  const last = unit.body[unit.body.length - 1];
  const visit = (expr: Expr): void => {
    if (expr.kind === 'Match') {
      for (const arm of expr.arms) visit(arm.body);
      return;
    }
    if (expr.kind !== 'Call') return;
    if (expr.lowered !== undefined) {
      visit(expr.lowered);
      return;
    }
    if (expr.tail === true && expr.target?.kind === 'function') found.push(expr);
    else if (expr.target?.kind === 'builtin' && expr.target.name === BufferIntrinsic.sequence)
      visit(expr.args[1]);
  };
  if (last?.kind === 'ExprStmt') visit(last.expr);
  return found;
}

/** The groups (two or more units, in unit order) connected by tail calls between different units. */
function mutualTailGroups(names: readonly string[], tails: ReadonlyMap<string, Call[]>): string[][] {
  const parent = new Map<string, string>(names.map((name) => [name, name]));
  const find = (name: string): string => {
    let root = name;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(name, root);
    return root;
  };
  const linked = new Set<string>();
  for (const [caller, calls] of tails) {
    for (const call of calls) {
      const callee = targetOf(call);
      if (callee === null || callee === caller || !parent.has(callee)) continue;
      parent.set(find(caller), find(callee));
      linked.add(caller).add(callee);
    }
  }
  const groups = new Map<string, string[]>();
  for (const name of names) {
    if (!linked.has(name)) continue;
    const root = find(name);
    let group = groups.get(root);
    if (group === undefined) groups.set(root, (group = []));
    group.push(name);
  }
  return [...groups.values()];
}
