import path from 'node:path';
import type { BenchReport } from '@aver/bench-report';
import { captureHost } from '@aver/bench-runner';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

// The gate fails closed: each case the issue lists, through the built `aver-bench` on the vm target.

const temp = useTempDir('aver-gate-');

const ANSWER = 'fn main() -> Int\n    42\n';
const FAILING = 'fn main() -> Result<Int, String>\n    Result.Err("no luck")\n';

/** Writes `scenarios/NAME.av` and `scenarios/NAME.toml` (2 iterations, no warmup, plus `extra`). */
function scenario(name: string, program: string, extra = ''): string {
  temp.write(`scenarios/${name}.av`, program);
  return temp.write(`scenarios/${name}.toml`, `entry = "${name}.av"\niterations = 2\nwarmup = 0\n${extra}`);
}

const scenariosDir = () => path.join(temp.dir(), 'scenarios');
const baselinesDir = () => path.join(temp.dir(), 'baselines');

function hostFile(): string {
  const host = captureHost();
  return `${host.os}-${host.arch}-vm.json`;
}

/** A baseline line for `name` whose times are all `ms`. */
function baselineLine(name: string, ms = 1e6): string {
  const report: BenchReport = {
    scenario: { name, entry: `${name}.av`, target: 'vm', iterations_count: 2, warmup_count: 0 },
    backend: { name: 'vm', aver_version: '0.1.0', build: 'release', wasmtime_version: null },
    host: { os: 'linux', arch: 'x86_64', cpus: 2 },
    iterations: { min_ms: ms, max_ms: ms, mean_ms: ms, p50_ms: ms, p95_ms: ms, p99_ms: ms },
    response_bytes: 2,
    expected_match: null,
    passes_applied: ['tco', 'typecheck', 'interp_lower', 'buffer_build', 'resolve', 'last_use', 'analyze'],
    compiler_visible_allocs: 0,
    response_sha256: null,
    samples_ms: null,
    counters: null,
    replicates: null,
  };
  return JSON.stringify(report);
}

describe('the gate fails closed (aver-bench end to end)', () => {
  it('fails before running when --baseline-dir does not exist; without the gate it warns', () => {
    const manifest = scenario('answer', ANSWER);
    const typo = path.join(temp.dir(), 'baselnes');
    for (const target of [manifest, scenariosDir()]) {
      expect(spawnCli([target, '--baseline-dir', typo, '--fail-on-regression'])).toEqual({
        code: 1,
        stdout: '',
        stderr: `baseline-dir: folder '${typo}' does not exist (fails with --fail-on-regression)\n`,
      });
    }
    const lenient = spawnCli([manifest, '--baseline-dir', typo]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('answer [vm]\n');
    expect(lenient.stderr).toBe(`warning: baseline-dir: folder '${typo}' does not exist; nothing compared\n`);
    const file = temp.write('not-a-folder', '');
    expect(spawnCli([manifest, '--baseline-dir', file, '--fail-on-regression']).stderr).toBe(
      `baseline-dir: '${file}' is not a folder (fails with --fail-on-regression)\n`,
    );
  });

  it('fails before running on an empty or blank --compare file', () => {
    const manifest = scenario('answer', ANSWER);
    for (const text of ['', '\n  \n\t\n']) {
      const baseline = temp.write('empty.json', text);
      expect(spawnCli([manifest, '--compare', baseline, '--fail-on-regression'])).toEqual({
        code: 1,
        stdout: '',
        stderr: `compare: baseline '${baseline}' is empty (fails with --fail-on-regression)\n`,
      });
      const lenient = spawnCli([manifest, '--compare', baseline]);
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toBe(`compare: baseline '${baseline}' has no entry for scenario 'answer'\n`);
    }
  });

  it('fails after the reports when a scenario has no baseline entry, naming each one', () => {
    scenario('a_known', ANSWER);
    scenario('b_new', ANSWER);
    scenario('c_new', ANSWER);
    temp.write(`baselines/${hostFile()}`, `${baselineLine('a_known')}\n`);
    const baseline = path.join(baselinesDir(), hostFile());
    const missing = (name: string) =>
      `baseline-dir: baseline '${baseline}' has no entry for scenario '${name}' (fails with --fail-on-regression)\n`;
    const gated = spawnCli([
      scenariosDir(),
      '--json',
      '--baseline-dir',
      baselinesDir(),
      '--fail-on-regression',
    ]);
    expect(gated.code).toBe(1);
    const lines = gated.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).kind ?? JSON.parse(line).scenario.name)).toEqual([
      'diff',
      'a_known',
      'b_new',
      'c_new',
    ]);
    expect(gated.stderr).toBe(missing('b_new') + missing('c_new'));
    const lenient = spawnCli([scenariosDir(), '--baseline-dir', baselinesDir()]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain(
      '\nb_new: no baseline entry — skipped\nc_new: no baseline entry — skipped\n',
    );
    expect(lenient.stderr).toBe('');
  });

  it('fails on an [expected] mismatch, showing the start of the response escaped; without the gate it warns', () => {
    const long = `fn main() -> String\n    esc = Option.withDefault(Char.fromCode(27), "")\n    "tab\\there {esc}[31m ${'x'.repeat(400)}"\n`;
    const manifest = scenario('long', long, '[expected]\nresponse_bytes = 5\n');
    const shown = `"tab\\there \\u{1b}[31m ${'x'.repeat(200 - 15)}"…`;
    const problem = `long: response does not match [expected] response_bytes = 5; got 415 bytes: ${shown}`;
    const gated = spawnCli([manifest, '--fail-on-regression']);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain('  expected:     MISMATCH\n');
    expect(gated.stderr).toBe(`${problem} (fails with --fail-on-regression)\n`);
    const lenient = spawnCli([manifest]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe(`warning: ${problem}\n`);
    const unit = scenario('unit', 'fn main() -> Unit\n    Unit\n', '[expected]\nresponse_bytes_min = 1\n');
    expect(spawnCli([unit, '--fail-on-regression']).stderr).toBe(
      'unit: response does not match [expected] response_bytes_min = 1; got no response (main returned Unit) (fails with --fail-on-regression)\n',
    );
  });

  it('treats a main that returns Result.Err as a run error in every mode, like aver run', () => {
    const manifest = scenario('failing', FAILING);
    expect(spawnCli([manifest])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bench run: main returned error: no luck\n',
    });
    scenario('ok', ANSWER);
    const folder = spawnCli([scenariosDir(), '--json']);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toBe('');
    expect(folder.stderr).toBe('bench run (failing): main returned error: no luck\n');
  });

  it('keeps the lenient missing host file as a note, and fails on it with --require-baseline', () => {
    const manifest = scenario('answer', ANSWER);
    temp.write('baselines/elsewhere-vm.json', '');
    const expectedPath = path.join(baselinesDir(), hostFile());
    const lenient = spawnCli([manifest, '--baseline-dir', baselinesDir(), '--fail-on-regression']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe(`note: no baseline for this host at '${expectedPath}'; nothing compared\n`);
    expect(spawnCli([manifest, '--baseline-dir', baselinesDir(), '--require-baseline'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `baseline-dir: no baseline for this host at '${expectedPath}' (fails with --require-baseline)\n`,
    });
    expect(spawnCli([manifest, '--require-baseline']).code).toBe(2);
  });

  it('rejects impossible baseline values with the key and line before anything runs', () => {
    const manifest = scenario('answer', ANSWER);
    const negative = baselineLine('answer').replace('"p50_ms":1000000', '"p50_ms":-1');
    const infinite = baselineLine('answer').replace('"max_ms":1000000', '"max_ms":1e999');
    const zero = baselineLine('answer', 0);
    const unordered = baselineLine('answer').replace('"p95_ms":1000000', '"p95_ms":5');
    const cases: [string, string][] = [
      [negative, 'iterations.p50_ms: expected non-negative finite number, got -1'],
      [infinite, 'iterations.max_ms: expected non-negative finite number, got Infinity'],
      [
        zero,
        'iterations.p50_ms: expected a time above 0, got 0 (no run can be slower than a baseline of 0 by a percentage)',
      ],
      [unordered, 'iterations.p50_ms: 1000000 is above iterations.p95_ms (5), which no sample set can give'],
    ];
    for (const [line, detail] of cases) {
      const file = temp.write('baseline.json', `${baselineLine('other')}\n\n${line}\n`);
      expect(spawnCli([manifest, '--compare', file])).toEqual({
        code: 1,
        stdout: '',
        stderr: `compare: cannot parse baseline '${file}': line 3: ${detail}\n`,
      });
      temp.write(`baselines/${hostFile()}`, `${line}\n`);
      expect(spawnCli([scenariosDir(), '--baseline-dir', baselinesDir()])).toEqual({
        code: 1,
        stdout: '',
        stderr: `baseline-dir: parse error '${path.join(baselinesDir(), hostFile())}' line 1: ${detail}\n`,
      });
    }
    // A pretty single report: the line of the offending key.
    const pretty = JSON.stringify(JSON.parse(negative), null, 2);
    const file = temp.write('pretty.json', pretty);
    const keyLine = pretty.split('\n').findIndex((text) => text.includes('"p50_ms"')) + 1;
    expect(spawnCli([manifest, '--compare', file]).stderr).toBe(
      `compare: cannot parse baseline '${file}': line ${keyLine}: iterations.p50_ms: expected non-negative finite number, got -1\n`,
    );
  });
});
