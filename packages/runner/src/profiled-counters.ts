import type { RunCounters } from '@aver/bench-report';

/**
 * One distinct call stack, as a node of the call tree: the instructions executed while exactly this stack was on
 * top. The full stack is the chain of `function`s from the root down to this node.
 */
export interface StackSample {
  /** Index into `stacks` of the caller's stack (it comes earlier); `null` for a root. */
  readonly parent: number | null;
  /** Index into `functions` of the function on top. */
  readonly function: number;
  readonly instructions: number;
}

/**
 * The counters a target's counted run may return: the report's `RunCounters` plus the instruction profile by call
 * stack. `stacks` is not part of the report (it can hold thousands of stacks); `serializeReport` drops it, and
 * `--profile-out` writes it as a flame graph. Its `function` indexes `functions` as the target returned it (before
 * the report's own ordering).
 */
export interface ProfiledCounters extends RunCounters {
  readonly stacks?: readonly StackSample[];
  /** True when the target merged stacks beyond its limit into their ancestors (totals stay exact). */
  readonly stacks_truncated?: boolean;
}

/** Whether counted-run counters carry a stack profile. */
export function hasStackProfile(
  counters: RunCounters | null,
): counters is ProfiledCounters & { readonly stacks: readonly StackSample[] } {
  return (
    counters !== null && Array.isArray((counters as ProfiledCounters).stacks) && counters.functions != null
  );
}
