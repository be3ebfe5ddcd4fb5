import path from 'node:path';
import { parseReportJson } from '@aver/bench-report';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

const temp = useTempDir('aver-e2e-protocol-');

const FIB = `fn fib(n: Int) -> Int
    match n
        0 -> 0
        1 -> 1
        _ -> fib(n - 1) + fib(n - 2)

fn main() -> Int
    fib(10)
`;
const LOOP = `fn spin(n: Int) -> Int
    spin(n + 1)

fn main() -> Int
    spin(0)
`;
const HOG = `fn grow(items: List<Int>, n: Int) -> List<Int>
    match n
        0 -> items
        _ -> grow(List.prepend(n, items), n - 1)

fn main() -> Int
    List.len(grow([], 100000000))
`;

/** Writes `name.av` and `name.toml` (2 iterations, no warmup, plus `extra`) under `scenarios/`. */
function scenario(name: string, program: string, extra = ''): string {
  temp.write(`scenarios/${name}.av`, program);
  return temp.write(`scenarios/${name}.toml`, `entry = "${name}.av"\niterations = 2\nwarmup = 0\n${extra}`);
}

describe('aver-bench end to end: runaway programs', () => {
  it('ends an endless loop at its timeout_ms and still runs and reports the rest of the folder', () => {
    scenario('a_fib', FIB);
    scenario('b_loop', LOOP, 'timeout_ms = 1500\n');
    scenario('c_fib', FIB);
    const dir = path.join(temp.dir(), 'scenarios');
    const human = spawnCli([dir]);
    expect(human.code).toBe(1);
    expect(human.stderr).toBe('bench run (b_loop): timed out after 1500 ms\n');
    expect(human.stdout).toContain(
      '\n\nb_loop [vm]\n  failed:       timed out after 1500 ms\n\nc_fib [vm]\n',
    );
    expect(human.stdout.startsWith('a_fib [vm]\n')).toBe(true);

    const json = spawnCli([dir, '--json']);
    expect(json.code).toBe(1);
    const lines = json.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1]!)).toEqual({
      kind: 'failure',
      scenario: 'b_loop',
      target: 'vm',
      error: 'timeout',
      message: 'timed out after 1500 ms',
    });
    expect([parseReportJson(lines[0]!).response_bytes, parseReportJson(lines[2]!).response_bytes]).toEqual([
      2, 2,
    ]);
  });

  it('does not save a baseline that would miss the scenario that timed out', () => {
    scenario('a_fib', FIB);
    scenario('b_loop', LOOP, 'timeout_ms = 500\n');
    const out = path.join(temp.dir(), 'baseline.json');
    const run = spawnCli([path.join(temp.dir(), 'scenarios'), '--save-baseline', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`save-baseline: '${out}' not written: 1 scenario run(s) failed\n`);
  });

  it('ends a scenario past its memory_limit_mb with a clear error', () => {
    const manifest = scenario('hog', HOG, 'memory_limit_mb = 64\n');
    const run = spawnCli([manifest, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      kind: 'failure',
      scenario: 'hog',
      target: 'vm',
      error: 'memory',
      message: 'out of memory: the isolate reached its heap limit of 64 MiB',
    });
    expect(run.stderr).toBe('bench run: out of memory: the isolate reached its heap limit of 64 MiB\n');
  });

  it('refuses memory_limit_mb that a process-wide heap flag would silently override, in both isolation modes', () => {
    const manifest = scenario('hog', HOG, 'memory_limit_mb = 64\n');
    const message =
      'cannot apply the memory limit of 64 MiB: --max-old-space-size=4096 (NODE_OPTIONS) sets the heap of every ' +
      'isolate in this process; remove it, or remove memory_limit_mb';
    for (const isolation of ['worker', 'process']) {
      const run = spawnCli([manifest, '--isolation', isolation], {
        env: { NODE_OPTIONS: '--max-old-space-size=4096' },
      });
      expect({ isolation, ...run }).toEqual({
        isolation,
        code: 1,
        stdout: '',
        stderr: `bench run: ${message}\n`,
      });
    }
  });

  it('refuses a Vector beyond the size limit and a String past the engine limit as run errors in our words', () => {
    for (const size of ['1000000000', '100000000']) {
      const manifest = scenario('vector', `fn main() -> Int\n    Vector.len(Vector.new(${size}, 0))\n`);
      expect(spawnCli([manifest])).toEqual({
        code: 1,
        stdout: '',
        stderr: `bench run: Runtime error [line 2]: Vector.new: size ${size} is above the limit of 33554432 elements\n`,
      });
    }
    // The String limit is the largest power of two within an eighth of the heap limit, capped at V8's longest
    // string (536,870,888): with 8 GiB the cap applies, whatever the machine's default heap.
    const doubling = scenario(
      'doubling',
      'fn grow(s: String, n: Int) -> String\n    match n\n        0 -> s\n        _ -> grow("{s}{s}", n - 1)\n\n' +
        'fn main() -> Int\n    String.len(grow("ab", 40))\n',
      'memory_limit_mb = 8192\n',
    );
    expect(spawnCli([doubling])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'bench run: Runtime error [line 4]: string too long: the result would exceed 536870888 characters\n',
    });
  });

  // Found by fuzzing (bench/README.md): a String built faster than the step budget can notice (each step doubles
  // it) once aborted the whole process with V8's "JavaScript heap out of memory" under memory_limit_mb = 512,
  // when the engine copied one huge rope into a flat block. Under a heap limit of 128 MiB the limit is 2^24.
  const GROWING_STRINGS: Record<string, [line: number, program: string]> = {
    // The fuzzer's input: a map interpolated into its own keys.
    map_keys: [
      4,
      'fn build(n: Int, m: Map<String, Int>) -> Map<String, Int>\n    match n\n        0 -> m\n' +
        '        _ -> build(n - 1, Map.set(m, "key{m}", n))\n\nfn main() -> Int\n    Map.len(build(5000, {}))\n',
    ],
    concatenation: [
      4,
      'fn grow(s: String, n: Int) -> String\n    match n\n        0 -> s\n        _ -> grow(s + s, n - 1)\n\n' +
        'fn main() -> Int\n    String.len(grow("ßé", 40))\n',
    ],
    // 64 replacements of 2^21 characters: 2^27, above the limit and below V8's own, in one flat block.
    replace: [
      9,
      'fn grow(s: String, n: Int) -> String\n    match n\n        0 -> s\n        _ -> grow("{s}{s}", n - 1)\n\n' +
        'fn main() -> Int\n    big = grow("ab", 20)\n    many = grow("a", 6)\n' +
        '    String.len(String.replace(many, "a", big))\n',
    ],
    // Forty copies of 2^21 characters in a Vector's display.
    display: [
      9,
      'fn grow(s: String, n: Int) -> String\n    match n\n        0 -> s\n        _ -> grow("{s}{s}", n - 1)\n\n' +
        'fn main() -> Int\n    big = grow("ab", 20)\n    copies = Vector.new(40, big)\n    String.len("{copies}")\n',
    ],
  };
  for (const target of ['vm', 'js'])
    it(`ends Strings that outgrow a small heap with the String limit's error, never a process abort (${target})`, () => {
      for (const [name, [line, program]] of Object.entries(GROWING_STRINGS)) {
        const manifest = scenario(name, program, 'memory_limit_mb = 128\n');
        expect({ name, ...spawnCli([manifest, '--target', target]) }).toEqual({
          name,
          code: 1,
          stdout: '',
          stderr: `bench run: Runtime error [line ${line}]: string too long: the result would exceed 16777216 characters\n`,
        });
      }
    });

  it('stops long built-in work at timeout_ms: copies of a 4-million-element Vector, and the folder goes on', () => {
    scenario(
      'a_copies',
      'fn spin(v: Vector<Int>, keep: Vector<Int>, n: Int) -> Int\n    match n\n        0 -> Vector.len(v)\n' +
        '        _ -> spin(Option.withDefault(Vector.set(keep, 1, n), keep), keep, n - 1)\n\n' +
        'fn main() -> Int\n    v = Vector.new(4000000, 0)\n    spin(v, v, 100000)\n',
      'timeout_ms = 1000\n',
    );
    scenario('b_fib', FIB);
    const run = spawnCli([path.join(temp.dir(), 'scenarios'), '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('bench run (a_copies): timed out after 1000 ms\n');
    const lines = run.stdout.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({
      kind: 'failure',
      scenario: 'a_copies',
      target: 'vm',
      error: 'timeout',
      message: 'timed out after 1000 ms',
    });
    expect(parseReportJson(lines[1]!).response_bytes).toBe(2);
  });

  it('takes --timeout for an ad-hoc .av run', () => {
    const program = temp.write('loop.av', LOOP);
    const run = spawnCli([program, '--timeout', '500ms', '--iterations', '1', '--warmup', '0']);
    expect(run).toEqual({
      code: 1,
      stdout: 'loop [vm]\n  failed:       timed out after 500 ms\n',
      stderr: 'bench run: timed out after 500 ms\n',
    });
  });
});

describe('aver-bench end to end: replicates, isolation and warm-up', () => {
  it('runs replicates in fresh processes with --isolation process', () => {
    const manifest = scenario('fib', FIB);
    const run = spawnCli([manifest, '--replicates', '2', '--isolation', 'process', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = parseReportJson(run.stdout);
    expect(report.replicates?.map((replicate) => replicate.samples_ms.length)).toEqual([2, 2]);
    expect(report.samples_ms).toHaveLength(4);
    expect(report.counters?.calls).toBeGreaterThan(0);
  });

  it('warms up until stable with warmup = "auto" and records the warm-up used', () => {
    const manifest = temp.write('scenarios/auto.toml', 'entry = "fib.av"\niterations = 2\nwarmup = "auto"\n');
    temp.write('scenarios/fib.av', FIB);
    const run = spawnCli([manifest, '--json']);
    expect(run.code).toBe(0);
    const report = parseReportJson(run.stdout);
    const [replicate] = report.replicates ?? [];
    expect(replicate?.warmup_stable).not.toBeNull();
    expect(replicate?.warmup_count).toBeGreaterThanOrEqual(7);
    expect(report.scenario.warmup_count).toBe(replicate?.warmup_count);
  });

  it('takes --warmup auto for an ad-hoc .av run', () => {
    const program = temp.write('fib.av', FIB);
    const run = spawnCli([program, '--warmup', 'auto', '--iterations', '2', '--json']);
    expect(run.code).toBe(0);
    expect(parseReportJson(run.stdout).replicates?.[0]?.warmup_stable).not.toBeNull();
  });
});
