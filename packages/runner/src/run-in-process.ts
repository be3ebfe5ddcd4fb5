import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IsolateReply, IsolateRequest } from './isolate-protocol.js';
import * as messages from './messages.js';
import { RunError } from './run-error.js';
import type { IsolateLimits, IsolateResult } from './run-in-worker.js';
import { replyError } from './run-in-worker.js';

/** The one message the child process gets: the isolate request and the limits of its worker. */
export interface ProcessRequest {
  readonly request: IsolateRequest;
  readonly limits: Omit<IsolateLimits, 'timeoutMs'>;
}

/** The built child-process entry (see `isolateEntryScript` for why tests run `dist/`). */
export function processEntryScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../dist/process-entry.cjs', import.meta.url)
    : new URL('./process-entry.cjs', import.meta.url);
}

/**
 * Measures one replicate in a new Node process (pyperf's model): the child runs the replicate in a worker of
 * its own with the same limits as isolation `'worker'`, sends its reply over IPC and exits. The child gets no
 * `execArgv` of ours (no loaders or inspector), inherits the environment (so `NODE_OPTIONS` applies), and its
 * stdout and stderr are ignored. When `timeoutMs` passes first, the child is killed.
 * @param request The plain-data request.
 * @param limits Stack, heap and time limits.
 * @returns The measurement.
 * @throws {RunError} Like `runInWorker`; `runtime` when the child ends without replying.
 */
export async function runInProcess(
  request: IsolateRequest,
  limits: IsolateLimits = {},
): Promise<IsolateResult> {
  const script = processEntryScript();
  if (!existsSync(script)) throw new RunError('setup', messages.isolateScriptMissing(fileURLToPath(script)));
  const { timeoutMs, ...workerLimits } = limits;
  const child = fork(fileURLToPath(script), [], {
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = outcome(child);
    child.send({ request, limits: workerLimits } satisfies ProcessRequest);
    if (timeoutMs === undefined) return await reply;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RunError('timeout', messages.timedOut(timeoutMs))), timeoutMs);
    });
    return await Promise.race([reply, expired]);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await closed;
  }
}

function outcome(child: ChildProcess): Promise<IsolateResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (reply: IsolateReply) => {
      if (reply.ok) resolve({ measurement: reply.measurement, codeCache: reply.codeCache });
      else reject(replyError(reply));
    });
    child.once('error', (error) => reject(new RunError('runtime', messages.isolateFailed(error.message))));
    // 'close' comes after the IPC channel is drained, so a reply sent just before exiting is not lost.
    child.once('close', (code, signal) =>
      reject(new RunError('runtime', messages.processExited(code, signal))),
    );
  });
}
