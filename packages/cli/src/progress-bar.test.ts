import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './cli-io.js';
import { createProgressBar } from './progress-bar.js';

function terminal(): { io: CliIo; frames: () => string[] } {
  let written = '';
  const io: CliIo = {
    stdout: () => {},
    stderr: (text) => {
      written += text;
    },
    env: {},
    stderrIsTTY: true,
    stderrColumns: 120,
  };
  // Each frame is drawn after moving to column 1 (`ESC[1G`) and ends by clearing the rest of the line.
  const frames = () =>
    written
      .split('\x1b[1G')
      .slice(1)
      .map((frame) => frame.replace(/\x1b\[0K.*$/s, ''));
  return { io, frames };
}

describe('createProgressBar', () => {
  // cli-progress redraws on a timer and throttles updates; a fake clock lets every step draw a frame.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('advances by expected cost, shows each replicate, and clears the line when stopped', () => {
    const { io, frames } = terminal();
    const bar = createProgressBar(io, { costs: [3, 1] });
    const steps = [
      () => bar.start(0, 'fib'),
      () => bar.replicate(1, 3),
      () => bar.replicate(2, 3),
      () => bar.replicate(3, 3),
      () => bar.finish(0),
      () => bar.start(1, 'sort'),
      () => bar.finish(1),
    ];
    for (const step of steps) {
      step();
      vi.advanceTimersByTime(1000);
    }
    bar.stop();
    const shown = frames()
      .map((frame) => frame.replace(/ \| \d+s elapsed \| eta (…|\d+s)$/, ''))
      .filter((frame, index, all) => frame !== all[index - 1]);
    // fib costs 3 of 4: each of its three replicates is a quarter of the run.
    expect(shown).toEqual([
      '░░░░░░░░░░░░░░░░░░░░ 0% | 1/2 fib',
      '█████░░░░░░░░░░░░░░░ 25% | 1/2 fib (replicate 2/3)',
      '██████████░░░░░░░░░░ 50% | 1/2 fib (replicate 3/3)',
      '███████████████░░░░░ 75% | 1/2 fib (replicate 3/3)',
      '███████████████░░░░░ 75% | 2/2 sort',
      '████████████████████ 100% | 2/2 sort',
      '\x1b[2K',
    ]);
    expect(frames()[0]).toMatch(/eta …$/);
    expect(frames().at(-2)).toMatch(/\| 7s elapsed \| eta 0s$/);
  });

  it('counts one per scenario when a cost is unknown', () => {
    const { io, frames } = terminal();
    const bar = createProgressBar(io, { costs: [10, null] });
    bar.start(0, 'a');
    vi.advanceTimersByTime(1000);
    bar.finish(0);
    vi.advanceTimersByTime(1000);
    bar.stop();
    expect(frames().filter((frame) => /^█{10}░{10} 50% \| 1\/2 a /.test(frame)).length).toBeGreaterThan(0);
  });
});
