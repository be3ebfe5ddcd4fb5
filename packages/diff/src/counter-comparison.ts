import type { FunctionCounters, RunCounters } from '@aver/bench-report';
import type { Verdict } from './time-comparison.js';

/** One counter on both sides. */
export interface CountDelta {
  readonly base: number;
  readonly head: number;
  /** `(head − base) / base × 100`; `null` when base is 0 (any growth from nothing). */
  readonly delta_pct: number | null;
}

/** How one Aver function's counts changed. Functions are matched by name and file name. */
export interface FunctionChange {
  readonly name: string;
  /** The file's base name (`fib.av`), from head when the function exists there. */
  readonly file: string;
  /** Its line, from head when it exists there; `null` for top-level code. */
  readonly line: number | null;
  readonly calls: number;
  readonly instructions: number;
  readonly allocations: number;
}

/** How the count of one opcode changed. */
export interface OpcodeChange {
  readonly opcode: string;
  readonly base: number;
  readonly head: number;
  readonly delta: number;
}

/** The functions and opcodes whose counts changed most between two counted runs (head minus base). */
export interface CounterChanges {
  /** Largest instruction change first (at most `TOP_CHANGES`). */
  readonly functions: readonly FunctionChange[];
  /** Largest change first (at most `TOP_CHANGES`). */
  readonly opcodes: readonly OpcodeChange[];
}

/** The deterministic side of a comparison: counted work, its verdict, and what changed most. */
export interface CounterComparison extends CounterChanges {
  readonly verdict: Verdict;
  /** Why, in a few words: `instructions +9.8 % > +0 %`, `not counted`, `counts differ between base replicates`. */
  readonly reason: string;
  /** Growth allowed before `regression` (the manifest's `instructions_pct`, else 0: counts are exact). */
  readonly limit_pct: number;
  readonly instructions: CountDelta | null;
  readonly calls: CountDelta | null;
  readonly allocations: CountDelta | null;
}

/** How many functions and opcodes a comparison lists. */
export const TOP_CHANGES = 5;

/**
 * Compares the counted runs of two sides. Counts are exact, so there is no statistics: growth of executed
 * instructions or allocations strictly above `limitPct` is a `regression`; otherwise shrinking of either strictly
 * below `−limitPct` is an `improvement`; otherwise `unchanged`. It is `inconclusive` when a side was not counted,
 * or when a side's replicates counted different work (the program is not deterministic, so counts prove nothing).
 * @param base Counters of each base replicate that counted (often one).
 * @param head Counters of each head replicate that counted.
 * @param limitPct The allowed growth in percent. @default 0
 * @returns The comparison.
 */
export function compareCounters(
  base: readonly RunCounters[],
  head: readonly RunCounters[],
  limitPct = 0,
): CounterComparison {
  const empty = {
    limit_pct: limitPct,
    instructions: null,
    calls: null,
    allocations: null,
    functions: [],
    opcodes: [],
  };
  if (base.length === 0 || head.length === 0)
    return {
      ...empty,
      verdict: 'inconclusive',
      reason: `${base.length === 0 ? 'base' : 'head'} not counted`,
    };
  for (const [side, runs] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (
      !runs.every(
        (run) => run.instructions === runs[0]!.instructions && run.allocations === runs[0]!.allocations,
      )
    )
      return { ...empty, verdict: 'inconclusive', reason: `counts differ between ${side} replicates` };
  }
  const before = base[0]!;
  const after = head[0]!;
  const instructions = countDelta(before.instructions, after.instructions);
  const allocations = countDelta(before.allocations, after.allocations);
  const common = {
    ...counterChanges(before, after),
    limit_pct: limitPct,
    instructions,
    calls: countDelta(before.calls, after.calls),
    allocations,
  };
  const grown = [
    ['instructions', instructions],
    ['allocations', allocations],
  ].find(([, delta]) => growthPct(delta as CountDelta) > limitPct);
  if (grown !== undefined) {
    const [name, delta] = grown as [string, CountDelta];
    return { ...common, verdict: 'regression', reason: `${name} ${signedPct(delta)} > +${limitPct}%` };
  }
  const shrunk = [
    ['instructions', instructions],
    ['allocations', allocations],
  ].find(([, delta]) => growthPct(delta as CountDelta) < -limitPct);
  if (shrunk !== undefined) {
    const [name, delta] = shrunk as [string, CountDelta];
    return { ...common, verdict: 'improvement', reason: `${name} ${signedPct(delta)}` };
  }
  return { ...common, verdict: 'unchanged', reason: 'same work' };
}

function countDelta(base: number, head: number): CountDelta {
  return { base, head, delta_pct: base === 0 ? null : ((head - base) / base) * 100 };
}

function growthPct(delta: CountDelta): number {
  if (delta.delta_pct !== null) return delta.delta_pct;
  return delta.head === 0 ? 0 : Number.POSITIVE_INFINITY;
}

function signedPct(delta: CountDelta): string {
  const pct = growthPct(delta);
  if (!Number.isFinite(pct)) return '+inf%';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/**
 * What changed most between two counted runs: the top functions and opcodes (see `topFunctionChanges`,
 * `topOpcodeChanges`); both lists are empty when the runs did the same work.
 */
export function counterChanges(
  base: RunCounters,
  head: RunCounters,
  limit: number = TOP_CHANGES,
): CounterChanges {
  return { functions: topFunctionChanges(base, head, limit), opcodes: topOpcodeChanges(base, head, limit) };
}

/**
 * The functions whose counts changed most: matched by name and file base name (the two sides of an A/B run live in
 * different folders), ranked by the size of the instruction change, then of the calls and allocations change, then
 * by name. A function on one side only counts as zero on the other.
 */
export function topFunctionChanges(
  base: RunCounters,
  head: RunCounters,
  limit: number = TOP_CHANGES,
): FunctionChange[] {
  const rows = new Map<string, { before?: FunctionCounters; after?: FunctionCounters }>();
  const key = (row: FunctionCounters) => `${row.name}\u0000${baseName(row.file)}`;
  for (const row of base.functions ?? []) rows.set(key(row), { ...rows.get(key(row)), before: row });
  for (const row of head.functions ?? []) rows.set(key(row), { ...rows.get(key(row)), after: row });
  const changes: FunctionChange[] = [];
  for (const { before, after } of rows.values()) {
    const shown = (after ?? before)!;
    const change = {
      name: shown.name,
      file: baseName(shown.file),
      line: shown.line,
      calls: (after?.calls ?? 0) - (before?.calls ?? 0),
      instructions: (after?.instructions ?? 0) - (before?.instructions ?? 0),
      allocations: (after?.allocations ?? 0) - (before?.allocations ?? 0),
    };
    if (change.calls !== 0 || change.instructions !== 0 || change.allocations !== 0) changes.push(change);
  }
  return changes
    .sort(
      (left, right) =>
        Math.abs(right.instructions) - Math.abs(left.instructions) ||
        Math.abs(right.calls) - Math.abs(left.calls) ||
        Math.abs(right.allocations) - Math.abs(left.allocations) ||
        (left.name < right.name ? -1 : left.name > right.name ? 1 : 0),
    )
    .slice(0, limit);
}

/** The opcodes whose counts changed most, largest change first, ties by name. */
export function topOpcodeChanges(
  base: RunCounters,
  head: RunCounters,
  limit: number = TOP_CHANGES,
): OpcodeChange[] {
  const before = base.by_opcode ?? {};
  const after = head.by_opcode ?? {};
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: OpcodeChange[] = [];
  for (const opcode of names) {
    const change = { opcode, base: before[opcode] ?? 0, head: after[opcode] ?? 0 };
    if (change.base !== change.head) changes.push({ ...change, delta: change.head - change.base });
  }
  return changes
    .sort(
      (left, right) =>
        Math.abs(right.delta) - Math.abs(left.delta) ||
        (left.opcode < right.opcode ? -1 : left.opcode > right.opcode ? 1 : 0),
    )
    .slice(0, limit);
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
