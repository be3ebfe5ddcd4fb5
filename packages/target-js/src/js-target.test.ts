import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest } from '@aver/bench-manifest';
import { isRunError, runScenario, vmTarget } from '@aver/bench-runner';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { jsTarget } from './js-target.js';

const scenarios = resolve(fileURLToPath(import.meta.url), '../../../../bench/scenarios');

describe('the js target under the runner', () => {
  const temp = useTempDir('aver-js-target-');

  it('measures a scenario in a fresh isolate and gives the vm response and digest', async () => {
    const manifest = { ...loadManifest(join(scenarios, 'fib.toml')), warmup: 2, iterations: 3 };
    const js = await runScenario(manifest, jsTarget);
    const vm = await runScenario(manifest, vmTarget);
    expect(js.scenario.target).toBe('js');
    expect(js.backend.name).toBe('js');
    expect(js.response_bytes).toBe(3);
    expect(js.response_sha256).toBe(vm.response_sha256);
    expect(js.passes_applied).toEqual(vm.passes_applied);
    expect(js.compiler_visible_allocs).toBe(vm.compiler_visible_allocs);
    expect(js.counters).toBeNull();
    expect(js.samples_ms).toHaveLength(3);
  });

  it('reports a runtime error with the vm message and line', async () => {
    const entry = temp.write(
      'boom.av',
      'fn half(n: Int) -> Int\n    n / 0\n\nfn main() -> Int\n    half(4)\n',
    );
    const manifest = {
      ...loadManifest(join(scenarios, 'fib.toml')),
      name: 'boom',
      entry,
      moduleRoot: temp.dir(),
    };
    const failure = await runScenario({ ...manifest, warmup: 0, iterations: 1 }, jsTarget, {
      isolation: 'inline',
    }).catch((error: unknown) => error);
    expect(isRunError(failure) && failure.kind).toBe('runtime');
    expect((failure as Error).message).toBe('Runtime error [line 2]: division by zero');
  });

  it('reports a type error as the typecheck stage, before anything runs', async () => {
    const entry = temp.write('bad.av', 'fn main() -> Int\n    "text"\n');
    const manifest = {
      ...loadManifest(join(scenarios, 'fib.toml')),
      name: 'bad',
      entry,
      moduleRoot: temp.dir(),
    };
    const failure = await runScenario(manifest, jsTarget, { isolation: 'inline' }).catch(
      (error: unknown) => error,
    );
    expect(isRunError(failure) && failure.kind).toBe('typecheck');
    expect((failure as Error).message).toBe(
      "error[2:5]: Function 'main': body returns String but declared return type is Int",
    );
  });
});
