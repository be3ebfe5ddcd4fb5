import path from 'node:path';
import { parseReportJson, parseReports } from '@aver/bench-report';
import { captureHost } from '@aver/bench-runner';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

const temp = useTempDir('aver-e2e-targets-');

/**
 * A target package in miniature, installed in the temp folder as `node_modules/@aver/bench-target-echo`: it
 * imports nothing of ours (a third party's package need not), renders `$ECHO_RESPONSE` (default `42`, what the vm
 * renders for the test program), and fails like a program would with `$ECHO_FAIL` (a `RunError` is recognised by
 * its name and kind) or like a bug with `$ECHO_CRASH`.
 */
const ECHO_TARGET = `
function runError(kind, message) {
  const error = new Error(message);
  error.name = 'RunError';
  error.kind = kind;
  return error;
}

export const target = {
  name: 'echo',
  moduleUrl: import.meta.url,
  prepare(job) {
    if (process.env.ECHO_FAIL) throw runError('parse', process.env.ECHO_FAIL);
    if (process.env.ECHO_CRASH) throw new Error(process.env.ECHO_CRASH);
    return {
      passesApplied: ['echo'],
      compilerVisibleAllocs: null,
      backend: { averVersion: '0.0.1-echo', build: 'release', wasmtimeVersion: null },
      runOnce: () => process.env.ECHO_RESPONSE ?? '42',
      countedRun: () => ({ instructions: job.source.length, calls: 1, allocations: 0 }),
    };
  },
};
`;

function installPackage(name: string, main: string): void {
  temp.write(
    `node_modules/@aver/bench-target-${name}/package.json`,
    JSON.stringify({
      name: `@aver/bench-target-${name}`,
      version: '0.0.1',
      type: 'module',
      main: 'index.js',
    }),
  );
  temp.write(`node_modules/@aver/bench-target-${name}/index.js`, main);
}

/** A folder with the echo package installed and one scenario whose program returns 42. */
function project(): string {
  installPackage('echo', ECHO_TARGET);
  temp.write('scenarios/answer.av', 'fn main() -> Int\n    42\n');
  return temp.write('scenarios/answer.toml', 'entry = "answer.av"\niterations = 2\nwarmup = 0\n');
}

function run(args: readonly string[], env: Record<string, string> = {}) {
  return spawnCli(args, { cwd: temp.dir(), env });
}

describe('aver-bench end to end: a target from a package', () => {
  it('loads @aver/bench-target-NAME from the current folder and measures it in a fresh isolate', () => {
    const manifest = project();
    const result = run([manifest, '--target', 'echo', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = parseReportJson(result.stdout);
    expect(report.scenario.target).toBe('echo');
    expect(report.backend).toEqual({
      name: 'echo',
      aver_version: '0.0.1-echo',
      build: 'release',
      wasmtime_version: null,
    });
    expect(report.passes_applied).toEqual(['echo']);
    expect(report.samples_ms).toHaveLength(2);
    expect(report.response_bytes).toBe(2);
    expect(report.counters).toEqual({
      instructions: 'fn main() -> Int\n    42\n'.length,
      calls: 1,
      allocations: 0,
      by_opcode: null,
      functions: null,
    });
  });

  it('runs the package target in a fresh process too', () => {
    const manifest = project();
    const result = run([
      manifest,
      '--target',
      'echo',
      '--isolation',
      'process',
      '--replicates',
      '2',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(parseReportJson(result.stdout).replicates).toHaveLength(2);
  });

  it('runs a scenario on vm and the package target, and passes when they agree', () => {
    const manifest = project();
    const result = run([path.dirname(manifest), '--target', 'vm,echo', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(
      parseReports(result.stdout).map((report) => report.response_sha256 !== null && report.backend.name),
    ).toEqual(['vm', 'echo']);
  });

  it('exits 1 when they disagree, naming both targets and the differing bytes', () => {
    const manifest = project();
    const result = run([manifest, '--target', 'vm,echo'], { ECHO_RESPONSE: '4\t2' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'targets disagree on scenario \'answer\': vm and echo responses differ at byte 1: vm "2", echo "\\t2"\n',
    );
  });

  it('keeps one baseline file per target in --baseline-dir', () => {
    const manifest = project();
    const host = captureHost();
    const baselines = path.join(temp.dir(), 'baselines');
    temp.write(`baselines/${host.os}-${host.arch}-echo.json`, '');
    const result = run([manifest, '--target', 'vm,echo', '--baseline-dir', baselines, '--require-baseline']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${baselines}${path.sep}${host.os}-${host.arch}-vm.json`);
  });

  it('says which targets are installed when a name has no package', () => {
    project();
    const result = run([path.join(temp.dir(), 'scenarios'), '--target', 'jit']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "unknown bench target 'jit'; expected one of: vm, wasm-gc, wasm-gc-v8, rust, echo, js\n",
    });
  });

  it('explains a package that does not export its target', () => {
    const manifest = project();
    installPackage('broken', 'export const runner = {};\n');
    const result = run([manifest, '--target', 'broken']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'bench target package @aver/bench-target-broken does not export `target` (an object with name, moduleUrl and prepare)\n',
    });
  });

  it("maps the package's RunError to `bench run:` and a bug to exit 70", () => {
    const manifest = project();
    expect(run([manifest, '--target', 'echo'], { ECHO_FAIL: 'no luck' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bench run: no luck\n',
    });
    const crash = run([manifest, '--target', 'echo'], { ECHO_CRASH: 'kaput' });
    expect(crash).toEqual({ code: 70, stdout: '', stderr: 'aver-bench: internal error: kaput\n' });
    const debug = run([manifest, '--target', 'echo'], { ECHO_CRASH: 'kaput', AVER_DEBUG: '1' });
    expect(debug.stderr).toMatch(
      /^aver-bench: internal error: kaput\nError: kaput\n {4}at .*bench-target-echo/,
    );
  });
});
