import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { IsolateReply, IsolateRequest } from './isolate-protocol.js';
import type { ReplicateMeasurement } from './measure-replicate.js';
import * as messages from './messages.js';
import { RunError } from './run-error.js';

/** Limits of one isolate. */
export interface IsolateLimits {
  /** Stack size of the thread, in MiB. @default Node's */
  readonly stackSizeMb?: number;
  /** Heap limit in MiB. @default the process's own (`--max-old-space-size`, `NODE_OPTIONS`) */
  readonly maxOldGenerationSizeMb?: number;
  /** Wall-clock time after which the isolate is ended and the replicate fails with `timeout`. @default none */
  readonly timeoutMs?: number;
}

/** What an isolate gave back: the measurement and, when asked for, a code cache of the target module. */
export interface IsolateResult {
  readonly measurement: ReplicateMeasurement;
  readonly codeCache: Uint8Array | null;
}

/** Seams for tests. */
export interface RunInWorkerOptions extends IsolateLimits {
  /** The worker entry. @default the built `isolate-entry.cjs` */
  readonly script?: URL;
}

/**
 * The generic worker entry, built next to this file in `dist/`. Under vitest this module runs from `src/*.ts`,
 * and a worker thread is plain Node that vitest does not transform, so it runs the package's build (`test`
 * depends on `build`).
 */
export function isolateEntryScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../dist/isolate-entry.cjs', import.meta.url)
    : new URL('./isolate-entry.cjs', import.meta.url);
}

/**
 * Measures one replicate in a new worker thread (a fresh V8 isolate) and waits for its single reply; the worker
 * is terminated (and gone) before this settles. Its stdout and stderr are drained and dropped. When `timeoutMs`
 * passes first, the worker is terminated, which stops even a program in an endless loop.
 * @param request The plain-data request.
 * @param options Limits, and the script for tests.
 * @returns The measurement.
 * @throws {RunError} The isolate's `RunError` unchanged; `setup` when the script is missing; `timeout` when the
 *   time limit passed; `memory` when the heap limit was reached; `runtime` when the worker dies without
 *   replying (an uncaught error, an exit).
 */
export async function runInWorker(
  request: IsolateRequest,
  options: RunInWorkerOptions = {},
): Promise<IsolateResult> {
  const script = options.script ?? isolateEntryScript();
  if (!existsSync(script)) throw new RunError('setup', messages.isolateScriptMissing(fileURLToPath(script)));
  if (options.maxOldGenerationSizeMb !== undefined) {
    const override = processHeapFlag();
    if (override !== null)
      throw new RunError(
        'setup',
        messages.heapLimitOverridden(options.maxOldGenerationSizeMb, override.flag, override.source),
      );
  }
  const resourceLimits: ResourceLimits = {
    ...(options.stackSizeMb === undefined ? {} : { stackSizeMb: options.stackSizeMb }),
    ...(options.maxOldGenerationSizeMb === undefined
      ? {}
      : { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb }),
  };
  const worker = new Worker(script, { workerData: request, stdout: true, stderr: true, resourceLimits });
  worker.stdout.resume();
  worker.stderr.resume();
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = outcome(worker, options);
    if (options.timeoutMs === undefined) return await reply;
    const limit = options.timeoutMs;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RunError('timeout', messages.timedOut(limit))), limit);
    });
    return await Promise.race([reply, expired]);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

/** The first of: the reply, an `error` event, an `exit` (Node delivers pending messages before `exit`). */
function outcome(worker: Worker, limits: IsolateLimits): Promise<IsolateResult> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: IsolateReply) => {
      if (reply.ok) resolve({ measurement: reply.measurement, codeCache: reply.codeCache });
      else reject(replyError(reply));
    });
    worker.on('error', (error: unknown) => reject(deathError(error, limits)));
    worker.on('exit', (code: number) => reject(new RunError('runtime', messages.isolateExited(code))));
  });
}

/**
 * Rebuilds the error an isolate sent as data: a `RunError` of the same kind and message, or a plain `Error`
 * with the isolate's stack for a bug.
 * @param reply The failed reply.
 * @returns The error to throw.
 */
export function replyError(reply: Extract<IsolateReply, { ok: false }>): Error {
  if (reply.kind !== 'internal') return new RunError(reply.kind, reply.message);
  const bug = new Error(reply.message);
  if ('stack' in reply && reply.stack !== null) bug.stack = reply.stack;
  return bug;
}

const MIB = 1024 * 1024;

const HEAP_FLAG = /--max[-_](?:old[-_]space|heap)[-_]size(?:=\S*)?/;

/**
 * A V8 heap-size flag given to this process (`--max-old-space-size`, `--max-heap-size`, on the command line or in
 * `NODE_OPTIONS`), or `null`. Such a flag is process-wide: it silently wins over a worker's
 * `resourceLimits.maxOldGenerationSizeMb`, so a memory limit asked for with it in force would not hold.
 */
export function processHeapFlag(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): { flag: string; source: string } | null {
  for (const arg of execArgv) {
    const match = HEAP_FLAG.exec(arg);
    if (match !== null) return { flag: match[0], source: 'command line' };
  }
  const match = nodeOptions === undefined ? null : HEAP_FLAG.exec(nodeOptions);
  return match === null ? null : { flag: match[0], source: 'NODE_OPTIONS' };
}

function deathError(error: unknown, limits: IsolateLimits): RunError {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limitMb = limits.maxOldGenerationSizeMb ?? Math.round(getHeapStatistics().heap_size_limit / MIB);
    return new RunError('memory', messages.outOfMemory(limitMb));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new RunError('runtime', messages.isolateFailed(detail.split('\n')[0] ?? ''));
}
