import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from '@aver/bench-report';
import { captureHost } from '@aver/bench-runner';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@aver/test-utils';
import { NO_SUCH_FILE } from '../src/test-helpers.js';
import { CLI_MAIN, spawnCli } from './e2e-helpers.js';

const temp = useTempDir('aver-e2e-');

const FIB = `fn fib(n: Int) -> Int
    match n
        0 -> 0
        1 -> 1
        _ -> fib(n - 1) + fib(n - 2)

fn main() -> Int
    fib(10)
`;
const UNIT = `fn main() -> Unit
    ! [Console.print]
    Console.print("printed by the program")
`;
const DIV_ZERO = `fn zero() -> Int
    0

fn main() -> Int
    10 / zero()
`;
const TYPE_ERROR = `fn main() -> Int
    "not an int"
`;
const ARGS = `fn main() -> Int
    ! [Args.get]
    List.len(Args.get())
`;

/** Writes `name.av` and `name.toml` (3 iterations, no warmup, plus `extra`) under `scenarios/`; returns the toml. */
function scenario(name: string, program: string, extra = ''): string {
  temp.write(`scenarios/${name}.av`, program);
  return temp.write(`scenarios/${name}.toml`, `entry = "${name}.av"\niterations = 3\nwarmup = 0\n${extra}`);
}

function reportOf(json: string): BenchReport {
  return JSON.parse(json) as BenchReport;
}

/** The report as a baseline whose every time is `ms`: tiny → the current run regresses, huge → it is ok. */
function withTimes(report: BenchReport, ms: number): BenchReport {
  const iterations = { min_ms: ms, max_ms: ms, mean_ms: ms, p50_ms: ms, p95_ms: ms, p99_ms: ms };
  return { ...report, iterations, samples_ms: report.samples_ms?.map(() => ms) ?? null };
}

function hostBaseline(): string {
  const host = captureHost();
  return `${host.os}-${host.arch}-vm.json`;
}

describe('aver-bench end to end: single manifest', () => {
  it('prints the human report and exits 0', () => {
    const manifest = scenario('fib', FIB);
    const run = spawnCli([manifest]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('fib [vm]');
    expect(lines[1]).toBe(`  entry:        ${path.dirname(manifest)}${path.sep}fib.av`);
    expect(lines[2]).toMatch(/^ {2}backend: {6}aver \S+ \(release\)$/);
    expect(lines[4]).toBe('  iterations:   3 (warmup 0)');
    expect(lines[5]).toMatch(/^ {2}passes: {7}\S/);
    expect(lines[6]).toMatch(/^ {2}wall_time: {4}min=\S+ {2}p50=\S+ {2}p95=\S+ {2}max=\S+ {2}mean=\S+$/);
    expect(lines[7]).toBe('  response:     2 bytes');
  });

  it('prints pretty JSON with --json, with expected_match, counters, samples and the response hash', () => {
    const manifest = scenario('fib', FIB, '[expected]\nresponse_bytes = 2\n');
    const run = spawnCli([manifest, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('{\n  "scenario": {\n    "name": "fib",')).toBe(true);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const report = reportOf(run.stdout);
    expect(report.backend).toMatchObject({ name: 'vm', build: 'release', wasmtime_version: null });
    expect(report.host).toEqual(captureHost());
    expect(report.response_bytes).toBe(2);
    // printf 55 | sha256sum
    expect(report.response_sha256).toBe('02d20bbd7e394ad5999a4cebabac9619732c343a4cac99470c03e23ba2bdc2bc');
    expect(report.expected_match).toBe(true);
    expect(report.samples_ms).toHaveLength(3);
    expect(report.counters?.instructions).toBeGreaterThan(0);
    expect(report.passes_applied.length).toBeGreaterThan(0);
    expect(report.iterations.min_ms).toBeLessThanOrEqual(report.iterations.max_ms);
  });

  it('reports a mismatch with expected_match false and `expected: MISMATCH`', () => {
    const manifest = scenario('fib', FIB, '[expected]\nresponse_bytes_min = 10\n');
    const run = spawnCli([manifest]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  expected:     MISMATCH\n');
  });

  it('silences the program console and gives null response_bytes for Unit', () => {
    const manifest = scenario('unit', UNIT);
    const run = spawnCli([manifest, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('printed by the program');
    expect(run.stderr).not.toContain('printed by the program');
    const report = reportOf(run.stdout);
    expect([report.response_bytes, report.response_sha256, report.expected_match]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('passes the manifest args to the program', () => {
    const manifest = scenario('args', ARGS, 'args = ["a", "b", "c"]\n');
    const run = spawnCli([manifest, '--json']);
    expect(run.code).toBe(0);
    // printf 3 | sha256sum
    expect(reportOf(run.stdout).response_sha256).toBe(
      '4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce',
    );
  });

  it('keeps `..` in the entry and resolves depends from module_root', () => {
    temp.write('lib/models/user.av', 'module User\n    exposes [name]\n\nfn name() -> String\n    "Ada"\n');
    temp.write(
      'programs/app.av',
      'module App\n    depends [Models.User]\n\nfn main() -> String\n    Models.User.name()\n',
    );
    const manifest = temp.write(
      'bench/scenarios/app.toml',
      'entry = "../../programs/app.av"\nmodule_root = "../../lib"\niterations = 2\nwarmup = 0\n',
    );
    const run = spawnCli([manifest, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = reportOf(run.stdout);
    expect(report.scenario.entry).toBe(`${path.dirname(manifest)}${path.sep}../../programs/app.av`);
    expect(report.response_bytes).toBe(3);
  });

  it('keeps a relative manifest path relative in the report', () => {
    scenario('fib', FIB);
    const run = spawnCli(['scenarios/fib.toml', '--json'], { cwd: temp.dir() });
    expect(run.code).toBe(0);
    expect(reportOf(run.stdout).scenario.entry).toBe(`scenarios${path.sep}fib.av`);
  });

  it('exits 1 with `scenario load:` for manifest errors', () => {
    const missingEntry = temp.write('scenarios/none.toml', 'name = "x"\n');
    expect(spawnCli([missingEntry])).toEqual({
      code: 1,
      stdout: '',
      stderr: `scenario load: ${missingEntry}: missing required \`entry = "..."\`\n`,
    });
    const syntax = temp.write('scenarios/syntax.toml', 'entry = \n');
    const run = spawnCli([syntax]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `scenario load: ${syntax}: TOML parse error at line 1, column 9\n  |\n1 | entry = \n  |         ^\ninvalid value\n`,
    );
    const unreadable = path.join(temp.dir(), 'nope.toml');
    expect(spawnCli([unreadable]).stderr).toBe(
      `scenario load: cannot read '${unreadable}': ${NO_SUCH_FILE}\n`,
    );
  });

  it('prints the reference templates of entry, module_root and iterations byte for byte', () => {
    temp.write('scenarios/prog.av', FIB);
    const gone = temp.write('scenarios/gone.toml', 'entry = "../x/gone.av"\n');
    const resolved = `${path.join(temp.dir(), 'scenarios')}${path.sep}../x/gone.av`;
    expect(spawnCli([gone])).toEqual({
      code: 1,
      stdout: '',
      stderr: `scenario load: ${gone}: entry '../x/gone.av' does not exist (resolved to '${resolved}')\n`,
    });
    temp.write('scenarios/root.toml', 'entry = "prog.av"\nmodule_root = "lib"\n');
    expect(spawnCli(['root.toml'], { cwd: path.join(temp.dir(), 'scenarios') }).stderr).toBe(
      "scenario load: root.toml: module root 'lib' is not a directory (resolved to 'lib')\n",
    );
    temp.write('scenarios/zero.toml', 'entry = "prog.av"\niterations = 0\n');
    expect(spawnCli(['zero.toml'], { cwd: path.join(temp.dir(), 'scenarios') }).stderr).toBe(
      'scenario load: zero.toml: `iterations` must be > 0\n',
    );
  });

  it('exits 1 with `bench run:` for runtime, type and parse errors', () => {
    const runtime = spawnCli([scenario('div', DIV_ZERO)]);
    expect(runtime.code).toBe(1);
    expect(runtime.stdout).toBe('');
    expect(runtime.stderr).toMatch(/^bench run: Runtime error( \[line 5\])?: division by zero\n$/);
    const typecheck = spawnCli([scenario('typed', TYPE_ERROR)]);
    expect(typecheck.code).toBe(1);
    expect(typecheck.stderr).toMatch(/^bench run: error\[\d+:\d+\]: .+\n$/);
    const parse = spawnCli([scenario('broken', 'fn main( -> Int\n')]);
    expect(parse.code).toBe(1);
    expect(parse.stderr).toMatch(/^bench run: .+/);
    expect(parse.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('aver-bench end to end: ad-hoc .av', () => {
  it('runs a program with the ad-hoc defaults 30/3', () => {
    const program = temp.write('fib.AV', FIB);
    const run = spawnCli([program, '--json']);
    expect(run.code).toBe(0);
    const report = reportOf(run.stdout);
    expect(report.scenario).toEqual({
      name: 'fib',
      entry: program,
      target: 'vm',
      iterations_count: 30,
      warmup_count: 3,
    });
  });

  it('takes --iterations and --warmup and refuses --iterations 0 with exit 1', () => {
    const program = temp.write('fib.av', FIB);
    const run = spawnCli([program, '--iterations', '2', '--warmup', '0']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  iterations:   2 (warmup 0)\n');
    expect(spawnCli([program, '--iterations', '0'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `scenario load: ${program}: \`iterations\` must be > 0\n`,
    });
  });

  it('rejects --compare and --save-baseline', () => {
    const program = temp.write('fib.av', FIB);
    const run = spawnCli([program, '--save-baseline', path.join(temp.dir(), 'b.json')]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'ad-hoc `.av` mode: --compare / --save-baseline need a `.toml` manifest with per-scenario tolerances\n',
    });
  });

  it('reports a missing program or one that is not UTF-8 as a read error in Rust words', () => {
    const missing = path.join(temp.dir(), 'gone.av');
    expect(spawnCli([missing, '--iterations', '1'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `bench run: ${missing}: ${NO_SUCH_FILE}\n`,
    });
    const latin1 = temp.write('latin1.av', 'fn main() -> String\n    "caf\xe9"\n');
    writeFileSync(latin1, Buffer.from('fn main() -> String\n    "caf\xe9"\n', 'latin1'));
    expect(spawnCli(['latin1.av'], { cwd: temp.dir() })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bench run: latin1.av: stream did not contain valid UTF-8\n',
    });
  });
});

describe('aver-bench end to end: directory mode', () => {
  it('prints human reports in bytewise order separated by blank lines', () => {
    scenario('b_fib', FIB);
    scenario('a_unit', UNIT);
    const run = spawnCli([path.join(temp.dir(), 'scenarios')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const blocks = run.stdout.split('\n\n');
    expect(blocks.map((block) => block.split('\n')[0])).toEqual(['a_unit [vm]', 'b_fib [vm]']);
  });

  it('prints NDJSON with --json and saves an NDJSON baseline', () => {
    scenario('b_fib', FIB);
    scenario('a_unit', UNIT);
    const out = path.join(temp.dir(), 'baseline.json');
    const run = spawnCli([path.join(temp.dir(), 'scenarios'), '--json', '--save-baseline', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Saved baseline → ${out} (2 scenario(s))\n`);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => reportOf(line).scenario.name)).toEqual(['a_unit', 'b_fib']);
    const saved = readFileSync(out, 'utf8');
    expect(saved.endsWith('\n')).toBe(true);
    expect(
      saved
        .trimEnd()
        .split('\n')
        .map((line) => reportOf(line).scenario.name),
    ).toEqual(['a_unit', 'b_fib']);
    expect(readdirSync(temp.dir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gates with --baseline-dir: diff lines in JSON mode, exit 1 only with --fail-on-regression', () => {
    scenario('b_fib', FIB);
    scenario('a_unit', UNIT);
    const dir = path.join(temp.dir(), 'scenarios');
    const [unit, fib] = spawnCli([dir, '--json']).stdout.trimEnd().split('\n').map(reportOf);
    temp.write(
      `baselines/${hostBaseline()}`,
      `${JSON.stringify(withTimes(unit, 1e6))}\n${JSON.stringify(withTimes(fib, 1e-9))}\n`,
    );
    const baselines = path.join(temp.dir(), 'baselines');
    const gated = spawnCli([dir, '--json', '--baseline-dir', baselines, '--fail-on-regression']);
    expect(gated.code).toBe(1);
    const kinds = gated.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((value) =>
        value.kind === 'diff' ? `diff:${value.scenario}:${value.regressed}` : value.scenario.name,
      );
    expect(kinds).toEqual(['diff:a_unit:false', 'a_unit', 'diff:b_fib:true', 'b_fib']);
    const human = spawnCli([dir, '--baseline-dir', baselines]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\n\na_unit: ok\n[\s\S]*\nb_fib: REGRESSION\n/);
  });

  it('skips silently on stdout without a baseline for this host, noting it on stderr', () => {
    scenario('fib', FIB);
    temp.write('baselines/elsewhere-vm.json', '');
    const run = spawnCli([
      path.join(temp.dir(), 'scenarios'),
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note: no baseline for this host at '.*'; nothing compared\n$/);
  });

  it('rejects --compare, an empty folder, and a bad host baseline', () => {
    scenario('fib', FIB);
    const dir = path.join(temp.dir(), 'scenarios');
    expect(spawnCli([dir, '--compare', 'x.json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'directory mode: --compare needs a single scenario; use --baseline-dir DIR for batch gating\n',
    });
    temp.write('empty/notes.txt', '');
    const empty = path.join(temp.dir(), 'empty');
    expect(spawnCli([empty]).stderr).toBe(`scenarios dir '${empty}' has no *.toml manifests\n`);
    const bad = temp.write(`baselines/${hostBaseline()}`, 'not json\n');
    const run = spawnCli([dir, '--baseline-dir', path.join(temp.dir(), 'baselines')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^baseline-dir: parse error '${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' line 1: `),
    );
  });

  it('names the scenario in a run error and stops', () => {
    scenario('a_div', DIV_ZERO);
    scenario('b_fib', FIB);
    const run = spawnCli([path.join(temp.dir(), 'scenarios'), '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^bench run \(a_div\): Runtime error/);
  });
});

describe('aver-bench end to end: baselines and comparison', () => {
  it('saves a pretty single-report baseline and compares ok against it', () => {
    const manifest = scenario('fib', FIB);
    const out = path.join(temp.dir(), 'fib.json');
    const saved = spawnCli([manifest, '--save-baseline', out]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toBe(`Saved baseline → ${out}\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('{\n  "scenario": {\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const relaxed = temp.write('relaxed.json', JSON.stringify(withTimes(reportOf(text), 1e6), null, 2));
    const run = spawnCli([manifest, '--compare', relaxed, '--fail-on-regression']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n\nfib: ok\n {2}p50 {4}\S+ \(baseline 1000000\.00ms, -\d+\.\d%\) {2}ok\n/);
  });

  it('reports a regression: exit 0 without --fail-on-regression, 1 with it, no diff in JSON mode', () => {
    const manifest = scenario('fib', FIB);
    const current = reportOf(spawnCli([manifest, '--json']).stdout);
    const tiny = temp.write('tiny.json', JSON.stringify(withTimes(current, 1e-9), null, 2));
    const lenient = spawnCli([manifest, '--compare', tiny]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/\n\nfib: REGRESSION\n {2}p50 .*REGRESSION \(limit \+20%\)\n/);
    const strict = spawnCli([manifest, '--compare', tiny, '--fail-on-regression']);
    expect(strict.code).toBe(1);
    const json = spawnCli([manifest, '--compare', tiny, '--fail-on-regression', '--json']);
    expect(json.code).toBe(1);
    expect(reportOf(json.stdout).scenario.name).toBe('fib');
  });

  it('gates on executed instructions when the manifest opts in with tolerance.instructions_pct', () => {
    const manifest = scenario('fib', FIB, '[tolerance]\ninstructions_pct = 0\n');
    const current = reportOf(spawnCli([manifest, '--json']).stdout);
    const instructions = current.counters?.instructions ?? 0;
    expect(instructions).toBeGreaterThan(0);
    // Same times, one instruction fewer in the baseline: only the deterministic gate can fire.
    const leaner = {
      ...withTimes(current, 1e6),
      counters: { ...current.counters!, instructions: instructions - 1 },
    };
    const baseline = temp.write('leaner.json', JSON.stringify(leaner, null, 2));
    const run = spawnCli([manifest, '--compare', baseline, '--fail-on-regression']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `  note: counters.instructions grew: baseline=${instructions - 1} current=${instructions} (`,
    );
    expect(run.stdout).toContain(', limit +0%) — regression\n');
  });

  it('finds the entry by name in an NDJSON baseline; a missing entry exits 0, or 1 with --fail-on-regression', () => {
    const manifest = scenario('fib', FIB);
    const current = reportOf(spawnCli([manifest, '--json']).stdout);
    const other = { ...current, scenario: { ...current.scenario, name: 'other' } };
    const both = temp.write(
      'both.json',
      `${JSON.stringify(other)}\n${JSON.stringify(withTimes(current, 1e-9))}\n`,
    );
    expect(spawnCli([manifest, '--compare', both, '--fail-on-regression']).code).toBe(1);
    const onlyOther = temp.write('other.json', `${JSON.stringify(other)}\n${JSON.stringify(other)}\n`);
    const missing = spawnCli([manifest, '--compare', onlyOther]);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toBe(`compare: baseline '${onlyOther}' has no entry for scenario 'fib'\n`);
    const gated = spawnCli([manifest, '--compare', onlyOther, '--fail-on-regression']);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain('fib [vm]\n');
    expect(gated.stderr).toBe(
      `compare: baseline '${onlyOther}' has no entry for scenario 'fib' (fails with --fail-on-regression)\n`,
    );
  });

  it('exits 1 for an unreadable or unparsable baseline', () => {
    const manifest = scenario('fib', FIB);
    const missing = path.join(temp.dir(), 'missing.json');
    expect(spawnCli([manifest, '--compare', missing])).toMatchObject({
      code: 1,
      stderr: `compare: cannot read baseline '${missing}': ${NO_SUCH_FILE}\n`,
    });
    const garbage = temp.write('garbage.json', 'this is\nnot json\n');
    const run = spawnCli([manifest, '--compare', garbage]);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(`compare: cannot parse baseline '${garbage}': line 1: invalid JSON: `)).toBe(
      true,
    );
  });

  it('uses the host file of --baseline-dir for a single scenario', () => {
    const manifest = scenario('fib', FIB);
    const current = reportOf(spawnCli([manifest, '--json']).stdout);
    temp.write(`baselines/${hostBaseline()}`, `${JSON.stringify(withTimes(current, 1e-9))}\n`);
    const run = spawnCli([
      manifest,
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
      '--fail-on-regression',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\nfib: REGRESSION\n');
  });
});

describe('aver-bench end to end: usage', () => {
  it('exits 2 for --compare with --baseline-dir and for bad values', () => {
    const conflict = spawnCli(['x.toml', '--compare', 'a.json', '--baseline-dir', 'b']);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain(
      "the argument '--compare <PATH>' cannot be used with '--baseline-dir <DIR>'",
    );
    const bad = spawnCli(['x.av', '--iterations', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid value 'abc' for '--iterations <N>'");
    expect(spawnCli([]).code).toBe(2);
    expect(spawnCli(['x.toml', '--bogus']).code).toBe(2);
  });

  it('exits 1 for a target that is not available or unknown', () => {
    // The workspace installs @aver/bench-target-js, so `js` is among the targets listed.
    expect(spawnCli(['x.toml', '--target', 'rust'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "target 'rust' is not available in this build (available: vm, js)\n",
    });
    expect(spawnCli(['x.toml', '--target', 'nope'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "unknown bench target 'nope'; expected one of: vm, wasm-gc, wasm-gc-v8, rust, js\n",
    });
  });

  it.skipIf(!existsSync('/dev/full'))(
    'reports a failed write to stdout in one line with exit 1, never a stack trace',
    () => {
      const program = temp.write('fib.av', FIB);
      const full = openSync('/dev/full', 'w');
      try {
        for (const args of [
          [program, '--iterations', '1'],
          [program, '--iterations', '1', '--json'],
        ]) {
          const run = spawnSync(process.execPath, [CLI_MAIN, ...args], {
            stdio: ['ignore', full, 'pipe'],
            encoding: 'utf8',
          });
          expect(run.status).toBe(1);
          expect(run.stderr).toBe('failed printing to stdout: No space left on device (os error 28)\n');
        }
      } finally {
        closeSync(full);
      }
    },
  );

  it('prints help and version with exit 0', () => {
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: aver-bench SCENARIO [OPTIONS]');
    const version = spawnCli(['--version']);
    expect(version).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^aver-bench \d+\.\d+\.\d+\n$/),
      stderr: '',
    });
  });
});
