import type { BenchReport, FunctionCounters } from '@aver/bench-report';

/** How one Aver function's counts changed between two reports of a scenario. */
export interface FunctionChange {
  readonly name: string;
  /** `file:line` of its definition (`file` alone for top-level code). */
  readonly where: string;
  readonly calls: number;
  readonly instructions: number;
  readonly allocations: number;
}

/** Where a function is defined, as people read it: `fib.av:4`. */
export function functionPlace(counters: FunctionCounters): string {
  const file = counters.file.split(/[\\/]/).at(-1) ?? counters.file;
  return counters.line === null ? file : `${file}:${counters.line}`;
}

/**
 * The functions behind a change: per function (matched by name and file), head minus base of calls, instructions
 * and allocations, the largest instruction changes first (ties: larger call change, then name); functions whose
 * counts did not change are left out. Empty when either report has no per-function counters.
 * @param base The earlier report.
 * @param head The later report.
 * @param limit How many to keep.
 */
export function functionChanges(base: BenchReport, head: BenchReport, limit = 5): FunctionChange[] {
  const before = base.counters?.functions;
  const after = head.counters?.functions;
  if (before == null || after == null) return [];
  const key = (counters: FunctionCounters) => `${counters.name}\u0000${counters.file}`;
  const rows = new Map<
    string,
    { counters: FunctionCounters; base: FunctionCounters | null; head: FunctionCounters | null }
  >();
  for (const counters of before) rows.set(key(counters), { counters, base: counters, head: null });
  for (const counters of after) {
    const row = rows.get(key(counters));
    if (row === undefined) rows.set(key(counters), { counters, base: null, head: counters });
    else rows.set(key(counters), { ...row, counters, head: counters });
  }
  const delta = (
    row: { base: FunctionCounters | null; head: FunctionCounters | null },
    field: 'calls' | 'instructions' | 'allocations',
  ) => (row.head?.[field] ?? 0) - (row.base?.[field] ?? 0);
  return [...rows.values()]
    .map((row) => ({
      name: row.counters.name,
      where: functionPlace(row.counters),
      calls: delta(row, 'calls'),
      instructions: delta(row, 'instructions'),
      allocations: delta(row, 'allocations'),
    }))
    .filter((change) => change.calls !== 0 || change.instructions !== 0 || change.allocations !== 0)
    .sort(
      (left, right) =>
        Math.abs(right.instructions) - Math.abs(left.instructions) ||
        Math.abs(right.calls) - Math.abs(left.calls) ||
        (left.name < right.name ? -1 : left.name > right.name ? 1 : 0),
    )
    .slice(0, limit);
}
