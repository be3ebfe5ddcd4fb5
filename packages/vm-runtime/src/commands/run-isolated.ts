import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { VmMessages } from '../vm-messages.js';
import type { ProgramArgs } from './program-args.js';
import { colourOn, paintRed } from './program-args.js';

/** What the program worker gets: the parsed command line and what it needs of the command's context. */
export interface RunWorkerData {
  readonly args: ProgramArgs;
  readonly cwd: string;
  readonly isTTY: boolean;
  /** Two Int32 flags the watchdog reads: `RUNNING` once the program runs, `WAITING_ON_STDIN` while it waits. */
  readonly state: SharedArrayBuffer;
}

/** Index of the flag set once the program is compiled and starts to run (the time limit starts there). */
export const RUNNING = 0;
/** Index of the flag set while the program is blocked on stdin (that time does not count). */
export const WAITING_ON_STDIN = 1;

/** The worker's one message: the exit code, or a bug to report as an internal error. */
export type RunWorkerReply =
  | { readonly code: number }
  | { readonly internal: string; readonly stack: string | null };

/** A bug in the worker, reported by the command as `internal error: …` (exit 70). */
export class RunWorkerBug extends Error {
  override readonly name = 'RunWorkerBug';
}

/** How often the watchdog looks at the program, in milliseconds. */
const WATCHDOG_TICK_MS = 100;
const MIB = 1024 * 1024;

/**
 * Runs `aver run`'s program in a worker thread, so that its faults end the program and not the command:
 * - memory: the worker's heap is limited to this process's (`--max-old-space-size`, e.g. via `NODE_OPTIONS`), and
 *   reaching it ends the worker: `Runtime error: out of memory …`, exit 1, instead of V8's fatal error and native
 *   stack with exit 134;
 * - time: the VM stops at the deadline itself; a watchdog ends the worker if the program overruns it by a grace
 *   period anyway (work the VM cannot interrupt), counting from the start of the run (not the compile) and not the
 *   time the program spends blocked on stdin.
 * The worker writes the program's output synchronously to the process's descriptors, in order.
 * @param args The parsed command line.
 * @param io Where to say how the program ended, and the context the worker needs.
 * @returns The exit code.
 */
export function runIsolated(
  args: ProgramArgs,
  io: {
    readonly stderr: (line: string) => void;
    readonly cwd: string;
    readonly isTTY: boolean;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): Promise<number> {
  const state = new SharedArrayBuffer(8);
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / MIB);
  const data: RunWorkerData = { args, cwd: io.cwd, isTTY: io.isTTY, state };
  const worker = new Worker(new URL('./run-worker.js', import.meta.url), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
  });
  const colour = colourOn(io);
  const fail = (message: string): number => {
    io.stderr(paintRed(message, colour));
    return 1;
  };
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => number): void => {
      if (settled) return;
      settled = true;
      if (watchdog !== null) clearInterval(watchdog);
      void worker.terminate();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    const flags = new Int32Array(state);
    const timeoutMs = args.timeoutMs;
    let active = 0;
    let last = performance.now();
    const watchdog =
      timeoutMs === null
        ? null
        : setInterval(() => {
            const now = performance.now();
            if (Atomics.load(flags, RUNNING) === 1 && Atomics.load(flags, WAITING_ON_STDIN) === 0)
              active += now - last;
            last = now;
            if (active > timeoutMs + graceMs(timeoutMs))
              settle(() => fail(VmMessages.runTimedOut(timeoutMs)));
          }, WATCHDOG_TICK_MS);
    worker.on('message', (reply: RunWorkerReply) =>
      settle(() => {
        if ('code' in reply) return reply.code;
        const bug = new RunWorkerBug(reply.internal);
        if (reply.stack !== null) bug.stack = reply.stack;
        throw bug;
      }),
    );
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return fail(VmMessages.runOutOfMemory(heapLimitMb));
        throw error;
      }),
    );
    worker.on('exit', (code) =>
      settle(() => {
        throw new RunWorkerBug(VmMessages.runWorkerExited(code));
      }),
    );
  });
}

/** How long past its deadline a program may run before the watchdog ends it: the VM normally stops it first. */
function graceMs(timeoutMs: number): number {
  return Math.max(1000, timeoutMs / 10);
}
