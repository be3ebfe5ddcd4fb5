// The child process of isolation 'process' (pyperf's model: a fresh Node process per replicate). It receives one
// `ProcessRequest` over IPC, measures it in a worker of its own (so stack and heap limits apply exactly as with
// isolation 'worker'), sends one `IsolateReply` back and exits. Bundled into `dist/process-entry.cjs`; started
// by `runInProcess`, which ends it when the time limit passes.
import type { IsolateReply } from './isolate-protocol.js';
import { errorReply } from './isolate-protocol.js';
import type { ProcessRequest } from './run-in-process.js';
import { runInWorker } from './run-in-worker.js';

async function measure({ request, limits }: ProcessRequest): Promise<IsolateReply> {
  try {
    const { measurement, codeCache } = await runInWorker(request, limits);
    return { ok: true, measurement, codeCache };
  } catch (error) {
    return errorReply(error);
  }
}

process.once('message', (message: ProcessRequest) => {
  void measure(message).then((reply) => {
    process.send?.(reply, () => process.disconnect());
  });
});
