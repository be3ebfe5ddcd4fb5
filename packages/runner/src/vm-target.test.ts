import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import { loadManifest } from '@aver/bench-manifest';
import { VERSION } from '@aver/vm-runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunError } from './run-error.js';
import type { RunScenarioOptions } from './run-scenario.js';
import { runScenario, runScenarioDetailed } from './run-scenario.js';
import { fakeManifest } from './test-helpers.js';

const HOST = { os: 'linux', arch: 'x86_64', cpus: 1 };
let work: string | null = null;

afterEach(() => {
  if (work !== null) rmSync(work, { recursive: true, force: true });
  work = null;
  vi.restoreAllMocks();
});

/** Writes a program into a temp folder and returns a manifest for it (3 iterations, 1 warmup). */
function program(name: string, source: string, overrides: Parameters<typeof fakeManifest>[0] = {}) {
  work ??= mkdtempSync(path.join(tmpdir(), 'aver-vm-target-'));
  const entry = path.join(work, `${name}.av`);
  mkdirSync(path.dirname(entry), { recursive: true });
  writeFileSync(entry, source);
  return fakeManifest({ name, entry, moduleRoot: work, ...overrides });
}

async function runError(
  manifest: ReturnType<typeof fakeManifest>,
  options: RunScenarioOptions = {},
): Promise<RunError> {
  const error = await runScenario(manifest, 'vm', { host: HOST, ...options }).catch(
    (caught: unknown) => caught,
  );
  if (error instanceof RunError) return error;
  throw new Error(`expected a RunError, got ${String(error)}`);
}

const FIB =
  'fn fib(n: Int) -> Int\n    match n\n        0 -> 0\n        1 -> 1\n        _ -> fib(n - 1) + fib(n - 2)\n\nfn main() -> Int\n    fib(10)\n';

describe('the vm target', () => {
  it('measures a real program: response, hash, passes, allocations, counters and the backend', async () => {
    const report = await runScenario(program('fib', FIB), 'vm', { host: HOST });
    expect(report.scenario).toMatchObject({
      name: 'fib',
      target: 'vm',
      iterations_count: 3,
      warmup_count: 1,
    });
    expect(report.backend).toEqual({
      name: 'vm',
      aver_version: VERSION,
      build: 'release',
      wasmtime_version: null,
    });
    expect(report.response_bytes).toBe(2);
    // printf 55 | sha256sum
    expect(report.response_sha256).toBe('02d20bbd7e394ad5999a4cebabac9619732c343a4cac99470c03e23ba2bdc2bc');
    expect(report.passes_applied.length).toBeGreaterThan(0);
    expect(report.passes_applied).toContain('typecheck');
    expect(typeof report.compiler_visible_allocs).toBe('number');
    expect(report.counters?.calls).toBeGreaterThanOrEqual(177);
    expect(report.counters?.instructions).toBeGreaterThan(report.counters?.calls ?? 0);
    expect(report.samples_ms).toHaveLength(3);
  });

  it('times each iteration between two reads of the injected clock', async () => {
    let now = 0n;
    const clock = () => (now += 2_000_000n);
    const report = await runScenario(program('fib', FIB, { iterations: 4 }), 'vm', { host: HOST, clock });
    expect(report.samples_ms).toEqual([2, 2, 2, 2]);
    expect(report.iterations.p50_ms).toBe(2);
  });

  it('gives a null response for Unit and keeps the program console silent', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const source = 'fn main() -> Unit\n    ! [Console.print]\n    Console.print("should not appear")\n';
    const report = await runScenario(program('unit', source), 'vm', { host: HOST });
    expect([report.response_bytes, report.response_sha256]).toEqual([null, null]);
    expect(write.mock.calls.flat().join('')).not.toContain('should not appear');
  });

  it('passes the manifest args to Args.get()', async () => {
    const source = 'fn main() -> String\n    ! [Args.get]\n    String.join(Args.get(), "+")\n';
    const report = await runScenario(program('args', source, { args: ['a', 'b'] }), 'vm', { host: HOST });
    // printf 'a+b' | sha256sum
    expect(report.response_sha256).toBe('300273daf0bb57c239f83585d71ced54ce6b3b5fb81615abbeeb3f9cf5fae92f');
  });

  it('computes expected_match from the rendered response', async () => {
    const manifest = program('fib', FIB, {
      expected: { responseBytes: 2, responseBytesMin: null, responseBytesMax: null },
    });
    expect((await runScenario(manifest, 'vm', { host: HOST })).expected_match).toBe(true);
  });

  it('fails as nondeterministic when the response changes between timed iterations', async () => {
    // Each run appends one character to a file and returns the whole file, so every response is one byte
    // longer than the one before: the runs do not do the same work.
    work ??= mkdtempSync(path.join(tmpdir(), 'aver-vm-target-'));
    const log = path.join(work, 'growing.txt');
    const source = `fn main() -> Result<String, String>\n    ! [Disk.appendText, Disk.readText]\n    _ = Disk.appendText("${log}", "x")?\n    Disk.readText("${log}")\n`;
    const allow = { effects: { allow: ['Disk.appendText', 'Disk.readText'], diskRoot: null } };
    const error = await runError(program('growing', source, allow));
    expect(error.kind).toBe('nondeterministic');
    // warmup 1, so the first timed run renders Result.Ok("xx") and the second Result.Ok("xxx").
    expect(error.message).toBe(
      'the response changed between timed iterations: iteration 2 differs from iteration 1 at byte 13: ' +
        'iteration 1 "\\")", iteration 2 "x\\")"',
    );
  });

  it('denies before the run an effect main declares that the manifest does not allow', async () => {
    const source = 'fn main() -> Unit\n    ! [Console.print, Disk.deleteDir]\n    Console.print("x")\n';
    const manifest = program('wipe', source);
    for (const isolation of ['inline', 'worker'] as const) {
      const error = await runError(manifest, { isolation });
      expect({ kind: error.kind, message: error.message }, isolation).toEqual({
        kind: 'sandbox',
        message: `error[2:23]: main declares effect 'Disk.deleteDir', which bench mode denies; allow it in ${manifest.path} with [effects] allow = ["Disk.deleteDir"]`,
      });
    }
  });

  it('denies at run time a call the checker could not see (a top-level statement), naming the effect', async () => {
    const source = 'home = Env.get("HOME")\n\nfn main() -> Int\n    1\n';
    const manifest = program('peek', source);
    const error = await runError(manifest, { isolation: 'inline' });
    expect({ kind: error.kind, message: error.message }).toEqual({
      kind: 'runtime',
      message: `Runtime error [line 1]: Env.get is denied in bench mode; allow it in ${manifest.path} with [effects] allow = ["Env.get"]`,
    });
  });

  it('runs an allowed effect, with Disk paths confined to the disk root', async () => {
    work ??= mkdtempSync(path.join(tmpdir(), 'aver-vm-target-'));
    mkdirSync(path.join(work, 'data'), { recursive: true });
    writeFileSync(path.join(work, 'data', 'in.txt'), 'hello');
    writeFileSync(path.join(work, 'secret.txt'), 'secret');
    const read = (target: string) =>
      `fn main() -> String\n    ! [Disk.readText]\n    Result.withDefault(Disk.readText("${target}"), "failed")\n`;
    const effects = { allow: ['Disk.readText'], diskRoot: path.join(work, 'data') };
    const ok = await runScenarioDetailed(program('reads', read('in.txt'), { effects }), 'vm', {
      host: HOST,
      isolation: 'inline',
    });
    expect(ok.responseText).toBe('hello');
    const escaping = await runError(program('escapes', read('../secret.txt'), { effects }), {
      isolation: 'inline',
    });
    expect(escaping.message).toMatch(
      /^Runtime error \[line 3\]: Disk\.readText: '\.\.\/secret\.txt' is outside the disk root /,
    );
  });

  it('reports an allow list naming an unknown effect as a setup error', async () => {
    const effects = { allow: ['Disk.readtext'], diskRoot: null };
    const manifest = program('typo', 'fn main() -> Int\n    1\n', { effects });
    const error = await runError(manifest, { isolation: 'inline' });
    expect({ kind: error.kind, message: error.message }).toEqual({
      kind: 'setup',
      message: `${manifest.path}: [effects] allow names an unknown effect 'Disk.readtext'; did you mean 'Disk.readText'?`,
    });
  });

  it('resolves depends from the manifest module root', async () => {
    const manifest = program(
      'app',
      'module App\n    depends [Models.User]\n\nfn main() -> String\n    Models.User.name()\n',
    );
    const lib = path.join(work!, 'lib');
    mkdirSync(path.join(lib, 'models'), { recursive: true });
    writeFileSync(
      path.join(lib, 'models', 'user.av'),
      'module User\n    exposes [name]\n\nfn name() -> String\n    "Ada"\n',
    );
    const report = await runScenario({ ...manifest, moduleRoot: lib }, 'vm', { host: HOST });
    expect(report.response_bytes).toBe(3);
  });

  it('reports a missing entry as a read error naming the entry', async () => {
    const manifest = program('fib', FIB);
    const missing = { ...manifest, entry: path.join(work!, 'gone.av') };
    const error = await runError(missing);
    expect(error.kind).toBe('read');
    expect(error.message.startsWith(`${missing.entry}: `)).toBe(true);
  });

  it('reports a syntax error as a parse error', async () => {
    const error = await runError(program('broken', 'fn main( -> Int\n'));
    expect(error.kind).toBe('parse');
    expect(error.message).not.toBe('');
  });

  it('reports type errors as `error[L:C]: msg` lines', async () => {
    const error = await runError(program('typed', 'fn main() -> Int\n    "text"\n'));
    expect(error.kind).toBe('typecheck');
    for (const line of error.message.split('\n')) expect(line).toMatch(/^error\[\d+:\d+\]: \S/);
  });

  it('reports a runtime error with the VM text, also during warm-up', async () => {
    const source = 'fn zero() -> Int\n    0\n\nfn main() -> Int\n    10 / zero()\n';
    const error = await runError(program('div', source, { iterations: 1, warmup: 1 }));
    expect(error.kind).toBe('runtime');
    expect(error.message).toMatch(/^Runtime error( \[line 5\])?: division by zero$/);
  });

  it('fails a run whose main returns Result.Err, as aver run does (exit 1), in warm-up or timed runs', async () => {
    const source = 'fn main() -> Result<Int, String>\n    Result.Err("no luck")\n';
    for (const warmup of [0, 2]) {
      const error = await runError(program('err', source, { iterations: 2, warmup }), {
        isolation: 'inline',
      });
      expect({ kind: error.kind, message: error.message }).toEqual({
        kind: 'runtime',
        message: 'main returned error: no luck',
      });
    }
  });

  it('returns the rendered response with the report from runScenarioDetailed', async () => {
    const run = await runScenarioDetailed(program('text', 'fn main() -> String\n    "a\\nb"\n'), 'vm', {
      host: HOST,
      isolation: 'inline',
    });
    expect(run.responseText).toBe('a\nb');
    expect(run.report.response_bytes).toBe(3);
  });
});

const SCENARIOS_DIR = fileURLToPath(new URL('../../../bench/scenarios', import.meta.url));
const SCENARIOS = ['map_lookup', 'match_dispatch', 'record', 'string_interp', 'vector_ops'];

/** The report fields that do not depend on timing. */
function untimed(report: Awaited<ReturnType<typeof runScenario>>) {
  const { iterations: _stats, samples_ms: samples, ...rest } = report;
  return { ...rest, sampleCount: samples?.length };
}

describe('the vm target in worker, process and inline isolation', () => {
  const programs = (): ReturnType<typeof fakeManifest>[] => [
    program('fib', FIB, { expected: { responseBytes: 2, responseBytesMin: null, responseBytesMax: null } }),
    program('unit', 'fn main() -> Unit\n    ! [Console.print]\n    Console.print("quiet")\n'),
    program('args', 'fn main() -> String\n    ! [Args.get]\n    String.join(Args.get(), "+")\n', {
      args: ['a', 'b'],
    }),
    ...SCENARIOS.map((name) => ({
      ...loadManifest(path.join(SCENARIOS_DIR, `${name}.toml`)),
      iterations: 2,
      warmup: 0,
    })),
  ];

  it('produces the same response, hash, passes, counters, allocations and expected_match', async () => {
    for (const manifest of programs()) {
      const inline = await runScenario(manifest, 'vm', { host: HOST, isolation: 'inline' });
      const worker = await runScenario(manifest, 'vm', { host: HOST, isolation: 'worker' });
      const child = await runScenario(manifest, 'vm', { host: HOST, isolation: 'process' });
      expect(untimed(worker), manifest.name).toEqual(untimed(inline));
      expect(untimed(child), manifest.name).toEqual(untimed(inline));
      expect(worker.counters, manifest.name).not.toBeNull();
    }
  });

  it('turns failures in a worker or a process into the same RunError kinds and messages as inline', async () => {
    const failing = [
      program('div', 'fn zero() -> Int\n    0\n\nfn main() -> Int\n    10 / zero()\n', { warmup: 0 }),
      program('broken', 'fn main( -> Int\n'),
      program('typed', 'fn main() -> Int\n    "text"\n'),
      { ...program('fib', FIB), entry: path.join(work!, 'gone.av') },
      program('err', 'fn main() -> Result<Int, String>\n    Result.Err("no luck")\n'),
    ];
    const kinds: string[] = [];
    for (const manifest of failing) {
      const inline = await runError(manifest, { isolation: 'inline' });
      const worker = await runError(manifest, { isolation: 'worker' });
      const child = await runError(manifest, { isolation: 'process' });
      for (const isolated of [worker, child]) {
        expect({ kind: isolated.kind, message: isolated.message }).toEqual({
          kind: inline.kind,
          message: inline.message,
        });
      }
      kinds.push(worker.kind);
    }
    expect(kinds).toEqual(['runtime', 'parse', 'typecheck', 'read', 'runtime']);
  });

  it('measures every scenario in its own worker thread and ends it, so order cannot matter', async () => {
    const ended: Worker[] = [];
    const ids: number[] = [];
    const terminate = Worker.prototype.terminate;
    vi.spyOn(Worker.prototype, 'terminate').mockImplementation(function (this: Worker) {
      ended.push(this);
      ids.push(this.threadId);
      return terminate.call(this);
    });
    const [first, second, third] = programs();
    for (const manifest of [first!, second!, third!, first!])
      await runScenario(manifest, 'vm', { host: HOST });
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(ids).not.toContain(threadId);
    for (const worker of ended) expect(worker.threadId).toBe(-1);
  });

  it('runs inline on the calling thread', async () => {
    const spawned = vi.spyOn(Worker.prototype, 'terminate');
    await runScenario(program('fib', FIB), 'vm', { host: HOST, isolation: 'inline' });
    expect(spawned).not.toHaveBeenCalled();
  });

  it('uses an injected clock inline and refuses it with a worker, which has its own clock', async () => {
    const clock = () => 0n;
    const report = await runScenario(program('fib', FIB), 'vm', { host: HOST, clock });
    expect(report.samples_ms).toEqual([0, 0, 0]);
    await expect(
      runScenario(program('fib', FIB), 'vm', { host: HOST, clock, isolation: 'worker' }),
    ).rejects.toThrowError(
      new TypeError(
        "an injected clock needs isolation 'inline' (a worker or a process times with its own process.hrtime.bigint)",
      ),
    );
  });
});

describe('the vm target under limits', () => {
  const LOOP = 'fn spin(n: Int) -> Int\n    spin(n + 1)\n\nfn main() -> Int\n    spin(0)\n';

  it('ends a scenario stuck in an endless loop when its time limit passes, in a worker and in a process', async () => {
    for (const isolation of ['worker', 'process'] as const) {
      const started = performance.now();
      const error = await runError(program('spin', LOOP, { warmup: 0 }), { isolation, timeoutMs: 500 });
      expect(error, isolation).toEqual(new RunError('timeout', 'timed out after 500 ms'));
      expect(performance.now() - started, isolation).toBeLessThan(20_000);
    }
  });

  it('counts the time limit over every replicate of the scenario', async () => {
    // Each replicate takes a few ms; 200 replicates of a fresh isolate cannot fit in 300 ms.
    const error = await runError(program('fib', FIB, { warmup: 0, iterations: 1 }), {
      replicates: 200,
      timeoutMs: 300,
    });
    expect(error).toEqual(new RunError('timeout', 'timed out after 300 ms'));
  });

  it('ends a scenario that exceeds its memory limit with a clear error', async () => {
    const hog =
      'fn grow(items: List<Int>, n: Int) -> List<Int>\n    match n\n        0 -> items\n        _ -> grow(List.prepend(n, items), n - 1)\n\nfn main() -> Int\n    List.len(grow([], 100000000))\n';
    const error = await runError(program('hog', hog, { warmup: 0 }), { memoryLimitMb: 64 });
    expect(error).toEqual(
      new RunError('memory', 'out of memory: the isolate reached its heap limit of 64 MiB'),
    );
  });
});
