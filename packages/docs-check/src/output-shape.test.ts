import { describe, expect, it } from 'vitest';
import { missingSampleLine, normaliseOutputLine } from './output-shape.js';

describe('normaliseOutputLine', () => {
  it('hides measured times, ratios, percentages, the host pair and the cpu count, but keeps counts', () => {
    expect(normaliseOutputLine('  wall_time:    min=47µs  p50=1.25ms  max=2s')).toBe(
      '  wall_time:    min=<measured>  p50=<measured>  max=<measured>',
    );
    expect(normaliseOutputLine('fib: noise floor 2.47% within a run, 1.19x slower')).toBe(
      'fib: noise floor <measured> within a run, <measured> slower',
    );
    expect(normaliseOutputLine('  host:         macos/aarch64 (8 cpus)')).toBe(
      '  host:         <host> (<cpus>)',
    );
    expect(normaliseOutputLine('Saved noise → noise/linux-x86_64-vm.noise.json (1 scenario)')).toBe(
      'Saved noise → noise/<host>-vm.noise.json (1 scenario)',
    );
    expect(normaliseOutputLine('  iterations:   30 (warmup 30)   ')).toBe('  iterations:   30 (warmup 30)');
  });
});

describe('missingSampleLine', () => {
  const actual = [
    'warning: still warming up',
    'fib [vm]',
    '  iterations:   30 (warmup 30)',
    '  p50=48µs',
    '',
  ].join('\n');

  it('accepts output that has every sample line in order, with other lines between', () => {
    expect(missingSampleLine(['fib [vm]', '', '  iterations:   30 (warmup 30)', '  p50=75µs'], actual)).toBe(
      null,
    );
  });

  it('returns the first sample line that is missing or out of order', () => {
    expect(missingSampleLine(['fib [vm]', '  iterations:   30 (warmup 3)'], actual)).toBe(
      '  iterations:   30 (warmup 3)',
    );
    expect(missingSampleLine(['  p50=75µs', 'fib [vm]'], actual)).toBe('fib [vm]');
  });
});
