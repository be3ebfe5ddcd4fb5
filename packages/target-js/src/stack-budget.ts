/**
 * How many Aver calls may nest as plain JS calls on this thread before the rest continues on the heap. Measured
 * once per thread: the depth a small function reaches before the JS stack overflows, divided by ten, which leaves
 * room for generated functions with many locals and for the built-ins called at the deepest point. The main thread's
 * default stack gives about 1,000, a worker's 4 MiB about 5,000; past it, recursion costs a generator step per call
 * instead of failing, so the exact value only moves where the slower path starts.
 */
let budget: number | null = null;

const MIN_BUDGET = 100;
const MAX_BUDGET = 20_000;
const SAFETY_FACTOR = 10;

/**
 * The budget a run uses while this thread's has not been measured yet: small enough for any thread's stack. Probing
 * costs 3–10 ms in a fresh worker (tens of thousands of interpreted calls), more than the rest of a trivial
 * scenario's start-up, so `runJs` measures only after a run that went deeper than this, for the runs after it.
 */
export const PROVISIONAL_STACK_BUDGET = MIN_BUDGET;

/** The JS-stack budget of this thread if it has been measured, else `null`. */
export function measuredStackBudget(): number | null {
  return budget;
}

/** The JS-stack budget of this thread, in nested calls (measured on first use). */
export function jsStackBudget(): number {
  budget ??= Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, Math.floor(probeDepth() / SAFETY_FACTOR)));
  return budget;
}

/** The number of nested calls of a three-argument function the JS stack holds from here. */
function probeDepth(): number {
  let depth = 0;
  const down = (a: number, b: number, c: number): number => {
    depth++;
    return down(b, c, a) + 1;
  };
  try {
    down(1, 2, 3);
  } catch {
    // The expected stack overflow: `depth` is how far it got.
  }
  return depth;
}
