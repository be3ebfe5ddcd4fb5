import { UNIT } from '../values.js';
import type { BuiltinImpls, HostContext } from './builtin-def.js';

function nowMs(host: HostContext): number {
  return host.now === undefined ? Date.now() : host.now();
}

/** Blocks the thread for `ms` milliseconds (`Time.sleep` is synchronous in the reference too). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The `Time` namespace (language reference: "Effectful namespaces"). */
export const TIME_IMPLS: BuiltinImpls = {
  /** The current time as RFC 3339 UTC with milliseconds, e.g. `2026-02-28T12:00:00.000Z`. */
  'Time.now': (host) => new Date(nowMs(host)).toISOString(),
  /** Milliseconds since the Unix epoch. */
  'Time.unixMs': (host) => Math.floor(nowMs(host)),
  /** Sleeps `ms` milliseconds; a negative duration does not sleep. */
  'Time.sleep': (host, a) => {
    const ms = Math.max(0, Number(a));
    if (host.sleep === undefined) sleepSync(ms);
    else host.sleep(ms);
    return UNIT;
  },
};
