import type { ReplicateMeasurement, ProtocolPlan } from './measure-replicate.js';
import type { RunErrorKind } from './run-error.js';
import { isRunError } from './run-error.js';
import type { TargetJob } from './target.js';

/** What a fresh isolate gets: plain data (a worker's `workerData`, a child process's first message). */
export interface IsolateRequest {
  /** The module to import, whose `target` export is the target. */
  readonly moduleUrl: string;
  readonly targetName: string;
  readonly job: TargetJob;
  readonly plan: ProtocolPlan;
  /** The text of `moduleUrl` when it is `.cjs`, read once by the caller (so no isolate reads it again), or `null`. */
  readonly moduleSource: string | null;
  /** A V8 code cache of `moduleUrl` (`.cjs` only) from an earlier isolate, or `null`. */
  readonly codeCache: Uint8Array | null;
  /** Whether to send a code cache of `moduleUrl` back with the result (for the isolates after this one). */
  readonly wantCodeCache: boolean;
}

/**
 * The one message an isolate posts: its measurement (with a code cache when asked for), a `RunError` as data
 * (kind and message, rebuilt unchanged on the caller's side), or an unexpected error (`internal`, a bug), which
 * is rethrown as a plain `Error` like the inline path would.
 */
export type IsolateReply =
  | {
      readonly ok: true;
      readonly measurement: ReplicateMeasurement;
      readonly codeCache: Uint8Array | null;
    }
  | { readonly ok: false; readonly kind: RunErrorKind; readonly message: string }
  | {
      readonly ok: false;
      readonly kind: 'internal';
      readonly message: string;
      readonly stack: string | null;
    };

/**
 * Turns anything a measurement threw into the reply that carries it across the isolate boundary.
 * @param error What was thrown.
 * @returns A `RunError` as data, or an `internal` reply with the message and stack.
 */
export function errorReply(error: unknown): Extract<IsolateReply, { ok: false }> {
  if (isRunError(error)) return { ok: false, kind: error.kind, message: error.message };
  const bug = error instanceof Error ? error : new Error(String(error));
  return { ok: false, kind: 'internal', message: bug.message, stack: bug.stack ?? null };
}
