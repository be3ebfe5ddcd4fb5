import { describe, expect, it } from 'vitest';
import { AUTO_WARMUP, isPromiseLike, warmUp } from './warm-up.js';

/** A program whose n-th run takes `durationMs(n)` on a fake clock. */
function program(durationMs: (run: number) => number) {
  let now = 0n;
  let runs = 0;
  return {
    clock: () => now,
    runOnce: () => {
      now += BigInt(Math.round(durationMs(runs++) * 1e6));
    },
    runs: () => runs,
  };
}

describe('warmUp', () => {
  it('makes a fixed number of untimed runs', async () => {
    const fake = program(() => 1);
    expect(await warmUp(fake.runOnce, 4, fake.clock)).toEqual({ runs: 4, stable: null });
    expect(fake.runs()).toBe(4);
  });

  it('awaits an asynchronous run before the next one', async () => {
    let running = 0;
    let overlapped = false;
    const runOnce = async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    };
    await warmUp(runOnce, 3, () => 0n);
    expect(overlapped).toBe(false);
  });

  it('auto: stops once two windows of ten runs have medians within 5 %', async () => {
    // 2 ms for the first 25 runs (the JIT not there yet), then 1 ms.
    const fake = program((run) => (run < 25 ? 2 : 1));
    const outcome = await warmUp(fake.runOnce, 'auto', fake.clock);
    // Windows after the first run: runs 2–11 (2 ms), 12–21 (2 ms): stable at 2 ms already.
    expect(outcome).toEqual({ runs: 21, stable: true });
  });

  it('auto: keeps going while the window medians still move', async () => {
    // Halves every ten runs until run 40, then flat at 1 ms.
    const fake = program((run) => (run < 40 ? 2 ** (4 - Math.floor(run / 10)) : 1));
    const outcome = await warmUp(fake.runOnce, 'auto', fake.clock);
    // Window medians (windows start at run 1): 16, 8, 4, 2, then 1, 1 → stable after the window ending at run 61.
    expect(outcome).toEqual({ runs: 61, stable: true });
  });

  it('auto: ends unstable when the run budget is spent', async () => {
    const fake = program((run) => (run % 20 < 10 ? 1 : 3));
    const outcome = await warmUp(fake.runOnce, 'auto', fake.clock);
    expect(outcome).toEqual({ runs: AUTO_WARMUP.maxRuns, stable: false });
  });

  it('auto: ends unstable when the time budget is spent, with shorter windows for slow programs', async () => {
    // 1.5 s for the first run, then 10 % faster every run: never stable.
    const fake = program((run) => 1500 * 0.9 ** run);
    const outcome = await warmUp(fake.runOnce, 'auto', fake.clock);
    // Windows of 3 runs (floor(10000 / (4 × 1500)) = 1, raised to the minimum 3). The budget is checked before
    // each window: 9.77 s have passed after run 10, so one more window runs (to 11.19 s) and the warm-up ends.
    expect(outcome).toEqual({ runs: 13, stable: false });
  });
});

describe('isPromiseLike', () => {
  it('recognises thenables only', () => {
    expect(isPromiseLike(Promise.resolve(1))).toBe(true);
    // A hand-made thenable, as a target built on another promise library might return.
    // biome-ignore lint/suspicious/noThenProperty: the thenable is the point of the test
    expect(isPromiseLike({ then: () => {} })).toBe(true);
    expect(isPromiseLike('text')).toBe(false);
    expect(isPromiseLike(null)).toBe(false);
    // biome-ignore lint/suspicious/noThenProperty: a `then` that is not a function is not a thenable
    expect(isPromiseLike({ then: 1 })).toBe(false);
  });
});
