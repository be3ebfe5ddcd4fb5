import { describe, expect, it } from 'vitest';
import { measureReplicate } from './measure-replicate.js';
import { RunError } from './run-error.js';
import type { TargetJob } from './target.js';
import type { FakeTargetLog } from './test-helpers.js';
import { fakeTarget, scriptedClock } from './test-helpers.js';

const JOB: TargetJob = {
  scenario: 'fake',
  entry: 'fake.av',
  source: '',
  moduleRoot: '.',
  args: [],
  sandbox: { allow: [], diskRoot: null, origin: 'fake.toml' },
};
const PLAN = { iterations: 3, warmup: 2, count: true } as const;

function newLog(): FakeTargetLog {
  return { prepared: 0, runs: 0, counted: 0, disposed: 0 };
}

async function failure(promise: Promise<unknown>): Promise<RunError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof RunError) return error;
  throw new Error(`expected a RunError, got ${String(error)}`);
}

describe('measureReplicate', () => {
  it('prepares once, warms up, times each iteration with the clock and counts once, untimed', async () => {
    const log = newLog();
    const measurement = await measureReplicate(
      fakeTarget('fake', {}, log),
      JOB,
      PLAN,
      scriptedClock([4, 2, 3]),
    );
    expect(measurement).toEqual({
      samplesMs: [4, 2, 3],
      warmupRuns: 2,
      warmupStable: null,
      responseText: 'héllo',
      passesApplied: ['tco', 'typecheck'],
      compilerVisibleAllocs: 2,
      backend: { averVersion: '9.9.9', build: 'release', wasmtimeVersion: null },
      counters: { instructions: 100, calls: 5, allocations: 7, by_opcode: null, functions: null },
    });
    expect(log).toEqual({ prepared: 1, runs: 5, counted: 1, disposed: 1 });
  });

  it('skips the counted run when asked, and for a target that cannot count', async () => {
    const log = newLog();
    const skipped = await measureReplicate(
      fakeTarget('fake', {}, log),
      JOB,
      { ...PLAN, count: false },
      scriptedClock([]),
    );
    expect([skipped.counters, log.counted]).toEqual([null, 0]);
    const cannot = await measureReplicate(
      fakeTarget('fake', { countedRun: undefined }),
      JOB,
      PLAN,
      scriptedClock([]),
    );
    expect(cannot.counters).toBeNull();
  });

  it('passes the counters through verbatim, whatever detail the target adds', async () => {
    const detailed = {
      instructions: 1,
      calls: 2,
      allocations: 3,
      by_opcode: null,
      functions: null,
      byFunction: [{ name: 'fib', calls: 2 }],
    };
    const target = fakeTarget('fake', { countedRun: () => detailed });
    const measurement = await measureReplicate(target, JOB, PLAN, scriptedClock([]));
    expect(measurement.counters).toEqual(detailed);
  });

  it('awaits an asynchronous runOnce inside the timed region', async () => {
    let now = 0n;
    const clock = () => now;
    const target = fakeTarget('async', {
      runOnce: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        now += 7_000_000n;
        return null;
      },
    });
    const measurement = await measureReplicate(target, JOB, { ...PLAN, warmup: 0 }, clock);
    expect(measurement.samplesMs).toEqual([7, 7, 7]);
    expect(measurement.responseText).toBeNull();
  });

  it('fails as nondeterministic when a timed iteration renders another response, naming the bytes', async () => {
    let run = 0;
    const log = newLog();
    const responses = ['warm', 'ab\ncd', 'ab\ncd', 'ab\nc\u00e9'];
    const target = fakeTarget('fake', { runOnce: () => responses[run++] ?? '' }, log);
    const error = await failure(measureReplicate(target, JOB, { ...PLAN, warmup: 1 }, scriptedClock([])));
    expect(error.kind).toBe('nondeterministic');
    expect(error.message).toBe(
      'the response changed between timed iterations: iteration 3 differs from iteration 1 at byte 4: ' +
        'iteration 1 "d", iteration 3 "\\xc3\\xa9"',
    );
    expect(log.disposed).toBe(1);
  });

  it('lets a warm-up response differ (only timed iterations are compared)', async () => {
    let run = 0;
    const target = fakeTarget('fake', { runOnce: () => (run++ === 0 ? 'first' : 'steady') });
    const measurement = await measureReplicate(target, JOB, { ...PLAN, warmup: 1 }, scriptedClock([]));
    expect(measurement.responseText).toBe('steady');
  });

  it('refuses a response that is not a string or null, and a prepare without runOnce', async () => {
    const numeric = fakeTarget('num', { runOnce: () => 42 as unknown as string });
    expect(await failure(measureReplicate(numeric, JOB, PLAN, scriptedClock([])))).toEqual(
      new RunError('setup', "target 'num' returned a response of type number; expected a string or null"),
    );
    const broken = { name: 'broken', moduleUrl: 'file:///x.js', prepare: () => ({}) as never };
    expect(await failure(measureReplicate(broken, JOB, PLAN, scriptedClock([])))).toEqual(
      new RunError('setup', "target 'broken': prepare() must return an object with a runOnce() function"),
    );
  });

  it('lets a RunError of the program through and disposes of the prepared scenario', async () => {
    const log = newLog();
    const target = fakeTarget(
      'failing',
      {
        runOnce: () => {
          throw new RunError('runtime', 'Runtime error [line 3]: division by zero');
        },
      },
      log,
    );
    expect(await failure(measureReplicate(target, JOB, PLAN, scriptedClock([])))).toEqual(
      new RunError('runtime', 'Runtime error [line 3]: division by zero'),
    );
    expect(log.disposed).toBe(1);
  });

  it('warms up automatically and reports the runs it made', async () => {
    let now = 0n;
    const target = fakeTarget('fake', {
      runOnce: () => {
        now += 1_000_000n;
        return 'x';
      },
    });
    const measurement = await measureReplicate(target, JOB, { ...PLAN, warmup: 'auto' }, () => now);
    // Constant 1 ms runs: the first run, then two windows of ten whose medians agree.
    expect([measurement.warmupRuns, measurement.warmupStable]).toEqual([21, true]);
    expect(measurement.samplesMs).toEqual([1, 1, 1]);
  });
});
