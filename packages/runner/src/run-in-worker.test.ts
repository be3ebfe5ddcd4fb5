import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { VmJob, VmMeasurement } from './measure-vm.js';
import { RunError } from './run-error.js';
import { runInWorker } from './run-in-worker.js';

const work = mkdtempSync(path.join(tmpdir(), 'aver-run-in-worker-'));
const JOB: VmJob = {
  entry: 'main.av',
  moduleRoot: '.',
  args: ['x'],
  warmup: 0,
  iterations: 1,
  source: 'fn main() -> Int\n    1\n',
};
const MEASUREMENT: VmMeasurement = {
  samplesMs: [0.5],
  responseText: '42',
  responseBytesSeen: [2],
  passesApplied: ['tco', 'typecheck'],
  compilerVisibleAllocs: 0,
  counters: { instructions: 3, calls: 1, allocations: 0 },
  averVersion: '9.9.9',
};

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A worker script in the temp folder; `parentPort` and `workerData` are in scope. */
function script(name: string, body: string): URL {
  const file = path.join(work, `${name}.mjs`);
  writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${body}\n`);
  return pathToFileURL(file);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof Error) return error;
  throw new Error(`expected an error, got ${String(error)}`);
}

describe('runInWorker', () => {
  it('hands the job to the worker as plain data and returns its measurement', async () => {
    const echo = script(
      'echo',
      `parentPort.postMessage({ ok: true, measurement: { ...${JSON.stringify(MEASUREMENT)}, responseText: JSON.stringify(workerData) } });`,
    );
    const measurement = await runInWorker(echo, JOB);
    expect(JSON.parse(measurement.responseText ?? '')).toEqual(JOB);
    expect(measurement.counters).toEqual(MEASUREMENT.counters);
  });

  it('rebuilds a RunError the worker sent as data, kind and message unchanged', async () => {
    const failing = script(
      'run-error',
      "parentPort.postMessage({ ok: false, kind: 'typecheck', message: 'error[2:5]: a\\nerror[3:1]: b' });",
    );
    const error = await failure(runInWorker(failing, JOB));
    expect(error).toEqual(new RunError('typecheck', 'error[2:5]: a\nerror[3:1]: b'));
    expect(error).toBeInstanceOf(RunError);
  });

  it('rethrows an unexpected error of the measurement as a plain Error, like the inline path', async () => {
    const buggy = script(
      'bug',
      "parentPort.postMessage({ ok: false, kind: 'internal', message: 'Internal error: x', stack: 'Error: Internal error: x\\n    at here' });",
    );
    const error = await failure(runInWorker(buggy, JOB));
    expect(error).not.toBeInstanceOf(RunError);
    expect(error.message).toBe('Internal error: x');
    expect(error.stack).toBe('Error: Internal error: x\n    at here');
  });

  it('reports a worker that dies of an uncaught error as a runtime RunError', async () => {
    const error = await failure(runInWorker(script('throws', "throw new Error('boom\\nmore');"), JOB));
    expect(error).toEqual(new RunError('runtime', 'vm worker failed: boom'));
  });

  it('reports a worker that exits without a reply', async () => {
    const error = await failure(runInWorker(script('exits', 'process.exit(3);'), JOB));
    expect(error).toEqual(new RunError('runtime', 'vm worker exited with code 3 before reporting a result'));
  });

  it('reports a worker that runs out of memory, and the process survives', async () => {
    const hog = script('hog', 'const keep = [];\nfor (;;) keep.push(new Array(100_000).fill(keep.length));');
    const error = await failure(runInWorker(hog, JOB, { resourceLimits: { maxOldGenerationSizeMb: 32 } }));
    expect(error).toEqual(new RunError('runtime', 'vm worker ran out of memory (JS heap limit 32 MiB)'));
  });

  it('reports a missing worker script as a setup error', async () => {
    const missing = pathToFileURL(path.join(work, 'missing.js'));
    const error = await failure(runInWorker(missing, JOB));
    expect(error).toEqual(
      new RunError(
        'setup',
        `vm worker script not found at ${path.join(work, 'missing.js')}; build @aver/bench-runner first`,
      ),
    );
  });

  it('ends a worker that would keep running after its reply', async () => {
    const lingering = script(
      'lingers',
      `setInterval(() => {}, 1000);\nparentPort.postMessage({ ok: true, measurement: ${JSON.stringify(MEASUREMENT)} });`,
    );
    await expect(runInWorker(lingering, JOB)).resolves.toEqual(MEASUREMENT);
  });

  it("keeps the worker's stdout and stderr out of the caller's streams", async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const noisy = script(
      'noisy',
      [
        "console.log('LEAK console.log');",
        "console.error('LEAK console.error');",
        "process.stdout.write('LEAK stdout\\n');",
        "process.stderr.write('LEAK stderr\\n');",
        "process.emitWarning('LEAK warning');",
        `setTimeout(() => parentPort.postMessage({ ok: true, measurement: ${JSON.stringify(MEASUREMENT)} }), 20);`,
      ].join('\n'),
    );
    await runInWorker(noisy, JOB);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const written = [...stdout.mock.calls, ...stderr.mock.calls].flat().map(String).join('');
    expect(written).not.toContain('LEAK');
  });
});
