import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { VmJob, VmMeasurement } from './measure-vm.js';
import * as messages from './messages.js';
import type { RunErrorKind } from './run-error.js';
import { RunError } from './run-error.js';

/**
 * The one message a VM worker posts: its measurement, a `RunError` as data (same kind and text as inline), or
 * an unexpected error (`internal`, a bug), which is rethrown as a plain `Error` like the inline path would.
 */
export type VmWorkerReply =
  | { readonly ok: true; readonly measurement: VmMeasurement }
  | { readonly ok: false; readonly kind: RunErrorKind; readonly message: string }
  | {
      readonly ok: false;
      readonly kind: 'internal';
      readonly message: string;
      readonly stack: string | null;
    };

/** Seams for tests. */
export interface RunInWorkerOptions {
  /** The worker's limits. @default the process's own (a worker inherits its heap limit, e.g. `--max-old-space-size`) */
  readonly resourceLimits?: ResourceLimits;
}

/**
 * Runs `script` in a new worker thread with `job` as its `workerData` and waits for its single reply; the
 * worker is terminated (and gone) before this settles. Its stdout and stderr are drained and dropped, so nothing
 * it writes reaches the caller's streams.
 * @param script The worker entry (`dist/vm-worker.js`).
 * @param job The plain-data job.
 * @param options Resource limits.
 * @returns The worker's measurement.
 * @throws {RunError} The worker's `RunError` unchanged; `setup` when the script is missing; `runtime` when the
 *   worker dies without replying (uncaught error, out of memory, exit).
 */
export async function runInWorker(
  script: URL,
  job: VmJob,
  options: RunInWorkerOptions = {},
): Promise<VmMeasurement> {
  if (!existsSync(script)) throw new RunError('setup', messages.workerScriptMissing(fileURLToPath(script)));
  const worker = new Worker(script, {
    workerData: job,
    stdout: true,
    stderr: true,
    ...(options.resourceLimits === undefined ? {} : { resourceLimits: options.resourceLimits }),
  });
  worker.stdout.resume();
  worker.stderr.resume();
  try {
    return await outcome(worker, options);
  } finally {
    await worker.terminate();
  }
}

/** The first of: the reply, an `error` event, an `exit` (Node delivers pending messages before `exit`). */
function outcome(worker: Worker, options: RunInWorkerOptions): Promise<VmMeasurement> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: VmWorkerReply) => {
      if (reply.ok) resolve(reply.measurement);
      else reject(replyError(reply));
    });
    worker.on('error', (error: unknown) => reject(deathError(error, options)));
    worker.on('exit', (code: number) => reject(new RunError('runtime', messages.workerExited(code))));
  });
}

function replyError(reply: Extract<VmWorkerReply, { ok: false }>): Error {
  if (reply.kind !== 'internal') return new RunError(reply.kind, reply.message);
  const bug = new Error(reply.message);
  if ('stack' in reply && reply.stack !== null) bug.stack = reply.stack;
  return bug;
}

const MIB = 1024 * 1024;

function deathError(error: unknown, options: RunInWorkerOptions): RunError {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limitMb =
      options.resourceLimits?.maxOldGenerationSizeMb ?? Math.round(getHeapStatistics().heap_size_limit / MIB);
    return new RunError('runtime', messages.workerOutOfMemory(limitMb));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new RunError('runtime', messages.workerFailed(detail.split('\n')[0] ?? ''));
}
