import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useTempDir } from '@aver/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsolateRequest } from './isolate-protocol.js';
import type { ReplicateMeasurement } from './measure-replicate.js';
import { RunError } from './run-error.js';
import { processHeapFlag, runInWorker } from './run-in-worker.js';

const temp = useTempDir('aver-run-in-worker-');
const REQUEST: IsolateRequest = {
  moduleUrl: 'file:///nowhere/target.js',
  targetName: 'fake',
  job: {
    scenario: 's',
    entry: 'main.av',
    source: 'fn main() -> Int\n    1\n',
    moduleRoot: '.',
    args: ['x'],
    sandbox: { allow: [], diskRoot: null, origin: 's.toml' },
  },
  plan: { iterations: 1, warmup: 0, count: true },
  moduleSource: null,
  codeCache: null,
  wantCodeCache: false,
};
const MEASUREMENT: ReplicateMeasurement = {
  samplesMs: [0.5],
  warmupRuns: 0,
  warmupStable: null,
  responseText: '42',
  passesApplied: ['tco', 'typecheck'],
  compilerVisibleAllocs: 0,
  backend: { averVersion: '9.9.9', build: 'release', wasmtimeVersion: null },
  counters: { instructions: 3, calls: 1, allocations: 0, by_opcode: null, functions: null },
};
const REPLY = JSON.stringify({ ok: true, measurement: MEASUREMENT, codeCache: null });

afterEach(() => {
  vi.restoreAllMocks();
});

/** A worker script in the temp folder; `parentPort` and `workerData` are in scope. */
function script(name: string, body: string): URL {
  return pathToFileURL(
    temp.write(`${name}.mjs`, `import { parentPort, workerData } from 'node:worker_threads';\n${body}\n`),
  );
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
  it('hands the request to the worker as plain data and returns its measurement', async () => {
    const echo = script(
      'echo',
      `const reply = ${REPLY};\nreply.measurement.responseText = JSON.stringify(workerData);\nparentPort.postMessage(reply);`,
    );
    const { measurement, codeCache } = await runInWorker(REQUEST, { script: echo });
    expect(JSON.parse(measurement.responseText ?? '')).toEqual(REQUEST);
    expect(measurement.counters).toEqual(MEASUREMENT.counters);
    expect(codeCache).toBeNull();
  });

  it('rebuilds a RunError the worker sent as data, kind and message unchanged', async () => {
    const failing = script(
      'run-error',
      "parentPort.postMessage({ ok: false, kind: 'typecheck', message: 'error[2:5]: a\\nerror[3:1]: b' });",
    );
    const error = await failure(runInWorker(REQUEST, { script: failing }));
    expect(error).toEqual(new RunError('typecheck', 'error[2:5]: a\nerror[3:1]: b'));
    expect(error).toBeInstanceOf(RunError);
  });

  it('rethrows an unexpected error of the measurement as a plain Error, like the inline path', async () => {
    const buggy = script(
      'bug',
      "parentPort.postMessage({ ok: false, kind: 'internal', message: 'Internal error: x', stack: 'Error: Internal error: x\\n    at here' });",
    );
    const error = await failure(runInWorker(REQUEST, { script: buggy }));
    expect(error).not.toBeInstanceOf(RunError);
    expect(error.message).toBe('Internal error: x');
    expect(error.stack).toBe('Error: Internal error: x\n    at here');
  });

  it('reports a worker that dies of an uncaught error as a runtime RunError', async () => {
    const error = await failure(
      runInWorker(REQUEST, { script: script('throws', "throw new Error('boom\\nmore');") }),
    );
    expect(error).toEqual(new RunError('runtime', 'isolate failed: boom'));
  });

  it('reports a worker that exits without a reply', async () => {
    const error = await failure(runInWorker(REQUEST, { script: script('exits', 'process.exit(3);') }));
    expect(error).toEqual(new RunError('runtime', 'isolate exited with code 3 before reporting a result'));
  });

  it('ends a worker that reaches its heap limit with a memory error, and the process survives', async () => {
    const hog = script('hog', 'const keep = [];\nfor (;;) keep.push(new Array(100_000).fill(keep.length));');
    const error = await failure(runInWorker(REQUEST, { script: hog, maxOldGenerationSizeMb: 32 }));
    expect(error).toEqual(
      new RunError('memory', 'out of memory: the isolate reached its heap limit of 32 MiB'),
    );
  });

  it('ends a worker stuck in an endless loop when the time limit passes', async () => {
    const spin = script('spin', 'for (;;) {}');
    const started = performance.now();
    const error = await failure(runInWorker(REQUEST, { script: spin, timeoutMs: 300 }));
    expect(error).toEqual(new RunError('timeout', 'timed out after 300 ms'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('gives the worker the stack size it asks for', async () => {
    const depth = script(
      'depth',
      `let max = 0;\nconst down = (n) => { max = n; down(n + 1); };\ntry { down(0); } catch {}\nconst reply = ${REPLY};\nreply.measurement.responseText = String(max);\nparentPort.postMessage(reply);`,
    );
    const small = Number(
      (await runInWorker(REQUEST, { script: depth, stackSizeMb: 1 })).measurement.responseText,
    );
    const large = Number(
      (await runInWorker(REQUEST, { script: depth, stackSizeMb: 16 })).measurement.responseText,
    );
    expect(large).toBeGreaterThan(small * 8);
  });

  it('reports a missing worker script as a setup error', async () => {
    const missing = pathToFileURL(path.join(temp.dir(), 'missing.js'));
    const error = await failure(runInWorker(REQUEST, { script: missing }));
    expect(error).toEqual(
      new RunError(
        'setup',
        `runner isolate script not found at ${path.join(temp.dir(), 'missing.js')}; build @aver/bench-runner first`,
      ),
    );
  });

  it('ends a worker that would keep running after its reply', async () => {
    const lingering = script('lingers', `setInterval(() => {}, 1000);\nparentPort.postMessage(${REPLY});`);
    await expect(runInWorker(REQUEST, { script: lingering })).resolves.toEqual({
      measurement: MEASUREMENT,
      codeCache: null,
    });
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
        `setTimeout(() => parentPort.postMessage(${REPLY}), 20);`,
      ].join('\n'),
    );
    await runInWorker(REQUEST, { script: noisy });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const written = [...stdout.mock.calls, ...stderr.mock.calls].flat().map(String).join('');
    expect(written).not.toContain('LEAK');
  });
});

describe('processHeapFlag', () => {
  it('finds a V8 heap flag on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(processHeapFlag(['--max-old-space-size=4096'], undefined)).toEqual({
      flag: '--max-old-space-size=4096',
      source: 'command line',
    });
    expect(processHeapFlag([], '--enable-source-maps --max_old_space_size=512')).toEqual({
      flag: '--max_old_space_size=512',
      source: 'NODE_OPTIONS',
    });
    expect(processHeapFlag([], '--max-heap-size=100')).toEqual({
      flag: '--max-heap-size=100',
      source: 'NODE_OPTIONS',
    });
  });

  it('finds nothing when no heap flag is given', () => {
    expect(processHeapFlag(['--stack-size=900', '--expose-gc'], '--max-semi-space-size=64')).toBeNull();
    expect(processHeapFlag([], undefined)).toBeNull();
  });
});
