import { escapeControlChars } from '@aver/bench-report';
import type { CounterChanges, FunctionChange, OpcodeChange } from './counter-comparison.js';

const grouping = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 0 });

/** `+2,000` / `-35`: a signed count with thousands separators. */
export function formatSignedCount(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '-' : '±'}${grouping.format(Math.abs(value))}`;
}

/**
 * One function's change, naming where it is defined: `` `step` (fib.av:4): +2,000 calls, +18,000 instructions ``.
 * Only the counts that changed are listed.
 */
export function formatFunctionChange(change: FunctionChange): string {
  const where = change.line === null ? change.file : `${change.file}:${change.line}`;
  const parts: string[] = [];
  if (change.calls !== 0) parts.push(`${formatSignedCount(change.calls)} calls`);
  if (change.instructions !== 0) parts.push(`${formatSignedCount(change.instructions)} instructions`);
  if (change.allocations !== 0) parts.push(`${formatSignedCount(change.allocations)} allocations`);
  return `\`${change.name}\` (${where}): ${parts.join(', ')}`;
}

/** One opcode's change: `` `CALL`: +2,000 executed (1,973 → 3,973) ``. */
export function formatOpcodeChange(change: OpcodeChange): string {
  return `\`${change.opcode}\`: ${formatSignedCount(change.delta)} executed (${grouping.format(change.base)} → ${grouping.format(change.head)})`;
}

/**
 * The lines that name what changed most: one per function, then one per opcode, each after `indent` and ending in
 * `\n`; empty when nothing changed.
 */
export function formatCounterChanges(changes: CounterChanges, indent: string): string {
  return [...changes.functions.map(formatFunctionChange), ...changes.opcodes.map(formatOpcodeChange)]
    .map((line) => `${indent}${escapeControlChars(line)}\n`)
    .join('');
}
