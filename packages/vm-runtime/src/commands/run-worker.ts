// The thread `aver run` runs a program in (started by run-isolated.ts): compiles and runs it with the command's
// arguments, writes its output synchronously to the process's descriptors, and posts the exit code.
import { parentPort, workerData } from 'node:worker_threads';
import type { CliIo } from '../cli.js';
import { OutputError, reportOutputError, writeAllSync } from '../fd-output.js';
import { readStdinLine } from '../run-host.js';
import { executeRun } from './run.js';
import { RUNNING, type RunWorkerData, type RunWorkerReply, WAITING_ON_STDIN } from './run-isolated.js';

function run(data: RunWorkerData): RunWorkerReply {
  const state = new Int32Array(data.state);
  const io: CliIo = {
    stdout: (text) => writeAllSync(1, `${text}\n`),
    stderr: (text) => writeAllSync(2, `${text}\n`),
    cwd: data.cwd,
    env: process.env,
    isTTY: data.isTTY,
    stdin: () => {
      Atomics.store(state, WAITING_ON_STDIN, 1);
      try {
        return readStdinLine();
      } finally {
        Atomics.store(state, WAITING_ON_STDIN, 0);
      }
    },
    usageError: () => 2,
  };
  try {
    return { code: executeRun(data.args, io, () => Atomics.store(state, RUNNING, 1)) };
  } catch (error) {
    if (error instanceof OutputError) return { code: reportOutputError(error, io.stderr) };
    const bug = error instanceof Error ? error : new Error(String(error));
    return { internal: bug.message, stack: bug.stack ?? null };
  }
}

if (parentPort !== null) parentPort.postMessage(run(workerData as RunWorkerData));
