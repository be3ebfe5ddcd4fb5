import type { HostContext } from './builtins/builtin-def.js';
import { chargeWork, checkDeadline, type LimitState } from './vm-support.js';

/** `Time.sleep` without a host clock of its own: blocks the thread (the reference's sleep is synchronous too). */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The host of a run with a deadline or a step budget: long built-in work is charged to both (`charge`), time
 * blocked on stdin does not count against the deadline (an interactive program waits for its user, it does not
 * run away), and `Time.sleep` past the deadline sleeps until the deadline and fails there. Without limits the
 * host is returned as it is, so unlimited runs pay nothing.
 * @param host The run's host (`createHost`).
 * @param limits The run's limits.
 * @param run The run's limit state, once it exists (the closures are only called while it runs): a VM `Run`, or
 *   another backend's own.
 * @returns The host to give the run.
 */
export function limitHost(
  host: HostContext,
  limits: { readonly timeoutMs: number | null; readonly stepBudget: number | null },
  run: () => LimitState,
): HostContext {
  if (limits.timeoutMs === null && limits.stepBudget === null) return host;
  const limited: HostContext = { ...host, charge: (units) => chargeWork(run(), units) };
  if (limits.timeoutMs === null) return limited;
  const sleep = host.sleep ?? blockFor;
  return {
    ...limited,
    readLine: () => {
      const start = performance.now();
      try {
        return host.readLine();
      } finally {
        run().deadline += performance.now() - start;
      }
    },
    sleep: (ms) => {
      const current = run();
      const remaining = current.deadline - performance.now();
      if (ms <= remaining) return sleep(ms);
      sleep(Math.max(0, Math.ceil(remaining)) + 1);
      checkDeadline(current);
    },
  };
}
