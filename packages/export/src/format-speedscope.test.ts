import { readFileSync } from 'node:fs';
import { compileSource, runProgram } from '@aver/vm-runtime';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { CountedRun, SpeedscopeFile } from './format-speedscope.js';
import { formatSpeedscope, MAX_SAMPLED_FRAMES, toSpeedscope } from './format-speedscope.js';

// speedscope's file format, written from its documentation (see the fixture's $comment).
const schema = JSON.parse(
  readFileSync(new URL('../test/fixtures/speedscope.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const row = (name: string, line: number | null, instructions: number) => ({
  name,
  file: 'fib.av',
  line,
  calls: 1,
  instructions,
  allocations: 0,
});

/** main (10 own) → fib (20 own) → fib (30 own), and main → helper (0 own) → fib (40 own). */
const tree: CountedRun = {
  name: 'fib [vm]',
  functions: [row('main', 9, 10), row('fib', 4, 90), row('helper', 7, 0)],
  stacks: [
    { parent: null, function: 0, instructions: 10 },
    { parent: 0, function: 1, instructions: 20 },
    { parent: 1, function: 1, instructions: 30 },
    { parent: 0, function: 2, instructions: 0 },
    { parent: 3, function: 1, instructions: 40 },
  ],
};

describe('toSpeedscope', () => {
  it('writes a call tree as a sampled profile: stacks root first, weighted by their own instructions', () => {
    const file = toSpeedscope([tree], 'aver-bench 0.1.0');
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.shared.frames).toEqual([
      { name: 'main', file: 'fib.av', line: 9 },
      { name: 'fib', file: 'fib.av', line: 4 },
      { name: 'helper', file: 'fib.av', line: 7 },
    ]);
    expect(file.profiles).toEqual([
      {
        type: 'sampled',
        name: 'fib [vm]',
        unit: 'none',
        startValue: 0,
        endValue: 100,
        samples: [[0], [0, 1], [0, 1, 1], [0, 2, 1]],
        weights: [10, 20, 30, 40],
      },
    ]);
    expect(file).toMatchObject({ name: 'fib [vm]', activeProfileIndex: 0, exporter: 'aver-bench 0.1.0' });
  });

  it('shares frames between profiles, and writes a run without a call tree as a flat profile', () => {
    const flat: CountedRun = {
      name: 'fib [js]',
      functions: [row('fib', 4, 90), row('__top_level__', null, 5)],
    };
    const file = toSpeedscope([tree, flat], 'x');
    expect(validate(file)).toBe(true);
    expect(file.shared.frames).toHaveLength(4);
    expect(file.shared.frames[3]).toEqual({ name: '__top_level__', file: 'fib.av' });
    expect(file.profiles[1]).toMatchObject({ samples: [[1], [3]], weights: [90, 5], endValue: 95 });
    expect(file.name).toBe('aver-bench counted runs');
  });

  it('writes a chain deeper than the sampled limit as an evented profile of the same tree', () => {
    const depth = Math.ceil(Math.sqrt(2 * MAX_SAMPLED_FRAMES)) + 1;
    const deep: CountedRun = {
      name: 'deep [vm]',
      functions: [row('down', 2, depth)],
      stacks: Array.from({ length: depth }, (_, index) => ({
        parent: index === 0 ? null : index - 1,
        function: 0,
        instructions: 1,
      })),
    };
    const file = toSpeedscope([deep], 'x');
    expect(validate(file)).toBe(true);
    const profile = file.profiles[0]!;
    if (profile.type !== 'evented') throw new Error('expected an evented profile');
    expect(profile.endValue).toBe(depth);
    expect(profile.events).toHaveLength(2 * depth);
    expect(profile.events.slice(0, 2)).toEqual([
      { type: 'O', frame: 0, at: 0 },
      { type: 'O', frame: 0, at: 1 },
    ]);
    expect(profile.events.at(-1)).toEqual({ type: 'C', frame: 0, at: depth });
  });
});

describe('formatSpeedscope of a real counted run', () => {
  it('validates, and its weights sum to the instruction total of the run', () => {
    const source =
      'module Fib\n    intent = "Calls."\n\nfn fib(n: Int) -> Int\n    ? "Naive."\n    match n < 2\n' +
      '        true -> n\n        false -> fib(n - 1) + fib(n - 2)\n\nfn main() -> Int\n    fib(12)\n';
    const compiled = compileSource(source, 'fib.av');
    if (!compiled.ok) throw new Error(compiled.message);
    const { counters } = runProgram(compiled.program, { count: true, console: 'silent' });
    const file = JSON.parse(
      formatSpeedscope(
        [{ name: 'fib [vm]', functions: counters!.byFunction, stacks: counters!.stacks }],
        'x',
      ),
    ) as SpeedscopeFile;
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    const profile = file.profiles[0]!;
    if (profile.type !== 'sampled') throw new Error('expected a sampled profile');
    const sum = profile.weights.reduce((total, weight) => total + weight, 0);
    expect(sum).toBe(counters!.instructions);
    expect(profile.endValue).toBe(counters!.instructions);
    // fib(12) recurses 12 deep below main: the deepest sample is main and twelve fib frames.
    expect(Math.max(...profile.samples.map((sample) => sample.length))).toBe(13);
    expect(file.shared.frames.map((frame) => frame.name)).toEqual(expect.arrayContaining(['main', 'fib']));
  });
});
