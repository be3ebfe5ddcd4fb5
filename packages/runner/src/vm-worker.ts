// The thread a `vm` scenario is measured in when isolation is 'worker' (the default): a fresh V8 isolate per
// scenario, so no scenario inherits another's JIT state and type feedback. It gets the job as `workerData`,
// measures with its own `process.hrtime.bigint`, posts one `VmWorkerReply` and ends. Started by `runInWorker`.
import { parentPort, workerData } from 'node:worker_threads';
import * as vm from '@aver/vm-runtime';
import type { VmJob } from './measure-vm.js';
import { measureVm } from './measure-vm.js';
import { RunError } from './run-error.js';
import type { VmWorkerReply } from './run-in-worker.js';

function measure(job: VmJob): VmWorkerReply {
  try {
    return { ok: true, measurement: measureVm(vm, job, process.hrtime.bigint) };
  } catch (error) {
    if (error instanceof RunError) return { ok: false, kind: error.kind, message: error.message };
    const bug = error instanceof Error ? error : new Error(String(error));
    return { ok: false, kind: 'internal', message: bug.message, stack: bug.stack ?? null };
  }
}

if (parentPort !== null) parentPort.postMessage(measure(workerData as VmJob));
