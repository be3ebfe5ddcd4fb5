import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@aver/test-utils';
import { spawnCli } from './e2e-helpers.js';

const FAKE_TARGET = fileURLToPath(new URL('./fixtures/fake-target.mjs', import.meta.url));
const temp = useTempDir('aver-e2e-');

function manifest(): string {
  temp.write('prog.av', 'fn main() -> Int\n    1\n');
  return temp.write('prog.toml', 'entry = "prog.av"\niterations = 2\nwarmup = 0\n');
}

describe('aver-bench end to end: a target registered by another package', () => {
  it('runs on a target that registered itself, with no change to the runner', () => {
    const run = spawnCli([manifest(), '--target', 'fake', '--json'], { preload: FAKE_TARGET });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.scenario.target).toBe('fake');
    expect(report.backend).toEqual({
      name: 'fake',
      aver_version: '0.0.0-fake',
      build: 'release',
      wasmtime_version: null,
    });
    expect(report.samples_ms).toHaveLength(2);
    expect(report.response_bytes).toBe('prog'.length);
  });

  it('lists the registered target in the unknown-target message', () => {
    const run = spawnCli([manifest(), '--target', 'jit'], { preload: FAKE_TARGET });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: "unknown bench target 'jit'; expected one of: vm, wasm-gc, wasm-gc-v8, rust, fake\n",
    });
  });

  it('maps a RunError of the target to `bench run:` and exit 1', () => {
    const run = spawnCli([manifest(), '--target', 'fake'], {
      preload: FAKE_TARGET,
      env: { FAKE_FAIL: 'no luck' },
    });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'bench run: no luck\n' });
  });

  it('turns a bug into exit 70 with a one-line message, and shows the stack only with AVER_DEBUG=1', () => {
    const quiet = spawnCli([manifest(), '--target', 'fake'], {
      preload: FAKE_TARGET,
      env: { FAKE_CRASH: 'kaput' },
    });
    expect(quiet).toEqual({ code: 70, stdout: '', stderr: 'aver-bench: internal error: kaput\n' });
    const debug = spawnCli([manifest(), '--target', 'fake'], {
      preload: FAKE_TARGET,
      env: { FAKE_CRASH: 'kaput', AVER_DEBUG: '1' },
    });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(
      new RegExp(
        `^aver-bench: internal error: kaput\\nError: kaput\\n {4}at .*${path.basename(FAKE_TARGET)}`,
      ),
    );
  });
});
