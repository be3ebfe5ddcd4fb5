// The in-process lane's worker (a child process): runs each input it is sent through its driver and sends one
// result per input, in order. It lives apart so that the supervisor can end it when an input hangs or exhausts
// the heap, and survive it when V8 aborts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { driveManifest, driveProgram, prepareManifestFolder } from './drivers/in-process.mjs';
import { classifyInProcess } from './verdict.mjs';

const workerData = JSON.parse(process.env.AVER_FUZZ_WORKER);
const scratch = path.join(workerData.scratchDir, `manifest-${workerData.id}`);
mkdirSync(scratch, { recursive: true });
prepareManifestFolder(scratch, workerData.entryFiles);

/** Keeps a finding's messages readable in its reproducer: the first few, each cut to a few KB. */
function excerpt(messages) {
  return messages
    .slice(0, 20)
    .map((message) => (message.length > 4000 ? `${message.slice(0, 4000)}…` : message));
}

process.on('message', (inputs) => {
  for (const input of inputs) {
    const started = performance.now();
    const outcome = input.driver === 'program' ? driveProgram(input) : driveManifest(input, scratch);
    const classification = classifyInProcess(outcome, input.text);
    const detail =
      classification.verdict === 'ok'
        ? null
        : { stage: outcome.stage, thrown: outcome.thrown, messages: excerpt(outcome.messages) };
    process.send({
      index: input.index,
      stage: outcome.stage,
      ...classification,
      detail,
      durationMs: performance.now() - started,
    });
  }
});
