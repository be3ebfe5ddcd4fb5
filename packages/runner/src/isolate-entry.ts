// The thread a replicate is measured in (isolation 'worker', and inside the child process of 'process'): a fresh
// V8 isolate, so no scenario inherits another's JIT state and type feedback. It gets an `IsolateRequest` as
// `workerData`, imports the target's module by URL, runs the protocol with its own `process.hrtime.bigint`,
// posts one `IsolateReply` and ends. Bundled into `dist/isolate-entry.cjs` (one file loads faster than many ES
// modules); started by `runInWorker`.
import { parentPort, workerData } from 'node:worker_threads';
import type { IsolateReply, IsolateRequest } from './isolate-protocol.js';
import { errorReply } from './isolate-protocol.js';
import { loadTarget } from './load-target.js';
import { measureReplicate } from './measure-replicate.js';

async function measure(request: IsolateRequest): Promise<IsolateReply> {
  try {
    const loaded = await loadTarget(
      request.moduleUrl,
      request.targetName,
      request.codeCache,
      request.moduleSource,
    );
    const measurement = await measureReplicate(
      loaded.target,
      request.job,
      request.plan,
      process.hrtime.bigint,
    );
    const wantCache = request.wantCodeCache || loaded.codeCacheRejected;
    const codeCache = wantCache && loaded.script !== null ? loaded.script.createCachedData() : null;
    return { ok: true, measurement, codeCache };
  } catch (error) {
    return errorReply(error);
  }
}

if (parentPort !== null) {
  const port = parentPort;
  void measure(workerData as IsolateRequest).then((reply) => port.postMessage(reply));
}
