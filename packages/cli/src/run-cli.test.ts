import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReportJson, parseReports, serializeReport } from '@aver/bench-report';
import { describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from './commands/subcommands.js';
import { cliVersion } from './help-text.js';
import { useTempDir } from '@aver/test-utils';
import {
  fakeReportText,
  hostBaselineName,
  runInProcess,
  tinyBaseline,
  useFakeTarget,
  NO_SUCH_FILE,
} from './test-helpers.js';

const fake = useFakeTarget();
const temp = useTempDir('aver-cli-');

/** A scenario folder with `prog.av` and the given manifests (name → extra TOML lines). */
function scenarios(manifests: Record<string, string>): string {
  temp.write('scenarios/prog.av', 'fn main() -> Int\n    1\n');
  for (const [name, extra] of Object.entries(manifests)) {
    temp.write(`scenarios/${name}.toml`, `entry = "prog.av"\niterations = 3\nwarmup = 0\n${extra}`);
  }
  return path.join(temp.dir(), 'scenarios');
}

async function savedReport(manifest: string): Promise<string> {
  const result = await runInProcess([manifest, '--target', 'fake', '--json']);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('single manifest', () => {
  it('prints the human report on stdout and nothing on stderr', async () => {
    const dir = scenarios({ fib: '' });
    const result = await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const { host } = parseReportJson(await savedReport(path.join(dir, 'fib.toml')));
    expect(result.stdout).toBe(
      'fib [fake]\n' +
        `  entry:        ${dir}${path.sep}prog.av\n` +
        '  backend:      aver 0.0.0-fake (release)\n' +
        `  host:         ${host.os}/${host.arch} (${host.cpus} cpus)\n` +
        '  iterations:   3 (warmup 0)\n' +
        '  passes:       tco, typecheck\n' +
        '  wall_time:    min=1.00ms  p50=1.00ms  p95=1.00ms  max=1.00ms  mean=1.00ms\n' +
        '  response:     3 bytes\n',
    );
  });

  it('prints pretty JSON plus a newline with --json', async () => {
    const dir = scenarios({ fib: '' });
    const result = await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake', '--json']);
    const report = parseReportJson(result.stdout);
    const entry = `${dir}${path.sep}prog.av`;
    expect(result.stdout).toBe(`${fakeReportText('fib', entry, report.host, { pretty: true })}\n`);
    expect(report.scenario).toEqual({
      name: 'fib',
      entry: `${dir}${path.sep}prog.av`,
      target: 'fake',
      iterations_count: 3,
      warmup_count: 0,
    });
  });

  it('prints manifest warnings and ignored --iterations/--warmup on stderr', async () => {
    const dir = scenarios({ fib: 'itrations = 5\n' });
    const manifest = path.join(dir, 'fib.toml');
    const result = await runInProcess([manifest, '--target', 'fake', '--iterations', '7', '--warmup', '2']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: --iterations and --warmup apply to an ad-hoc .av run only; ignored for '${manifest}' (set \`iterations\` / \`warmup\` in the manifest)\n` +
        `warning: ${manifest}: unknown key \`itrations\` (line 4, column 1) is ignored; did you mean \`iterations\`?\n`,
    );
    expect(result.stdout).toContain('iterations:   3 (warmup 0)');
  });

  it('reports a manifest error with the scenario load prefix and exit 1', async () => {
    const file = temp.write('bad.toml', 'entry = "prog.av"\niterations = 0\n');
    temp.write('prog.av', 'fn main() -> Int\n    1\n');
    const result = await runInProcess([file, '--target', 'fake']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `scenario load: ${file}: \`iterations\` must be > 0\n`,
    });
  });

  it('reads any non-folder, non-.av path as a manifest', async () => {
    const result = await runInProcess([path.join(temp.dir(), 'missing.txt'), '--target', 'fake']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `scenario load: cannot read '${path.join(temp.dir(), 'missing.txt')}': ${NO_SUCH_FILE}\n`,
    );
  });

  it('reports a run error with the bench run prefix and exit 1', async () => {
    const dir = scenarios({ fib: '' });
    fake.failWith = 'Runtime error [line 2]: division by zero';
    const result = await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bench run: Runtime error [line 2]: division by zero\n',
    });
  });
});

describe('ad-hoc .av', () => {
  it('runs with the defaults 30/3 and a case-insensitive extension', async () => {
    const file = temp.write('Prog.AV', 'fn main() -> Int\n    1\n');
    const result = await runInProcess([file, '--target', 'fake', '--json']);
    expect(result.code).toBe(0);
    const report = parseReportJson(result.stdout);
    expect([report.scenario.name, report.scenario.entry]).toEqual(['Prog', file]);
    expect([report.scenario.iterations_count, report.scenario.warmup_count]).toEqual([30, 3]);
  });

  it('takes --iterations and --warmup', async () => {
    const file = temp.write('prog.av', 'fn main() -> Int\n    1\n');
    const result = await runInProcess([
      file,
      '--target',
      'fake',
      '--json',
      '--iterations',
      '4',
      '--warmup',
      '0',
    ]);
    const report = parseReportJson(result.stdout);
    expect([report.scenario.iterations_count, report.scenario.warmup_count]).toEqual([4, 0]);
  });

  it('refuses --iterations 0 with a clear error and exit 1', async () => {
    const file = temp.write('prog.av', 'fn main() -> Int\n    1\n');
    const result = await runInProcess([file, '--target', 'fake', '--iterations', '0']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `scenario load: ${file}: \`iterations\` must be > 0\n`,
    });
  });

  it('rejects --compare and --save-baseline with the reference message', async () => {
    const file = temp.write('prog.av', 'fn main() -> Int\n    1\n');
    const message =
      'ad-hoc `.av` mode: --compare / --save-baseline need a `.toml` manifest with per-scenario tolerances\n';
    for (const flag of ['--compare', '--save-baseline']) {
      const result = await runInProcess([file, '--target', 'fake', flag, 'x.json']);
      expect(result).toEqual({ code: 1, stdout: '', stderr: message });
    }
  });

  it('accepts --baseline-dir and compares with default tolerances', async () => {
    const file = temp.write('prog.av', 'fn main() -> Int\n    1\n');
    const current = parseReportJson((await runInProcess([file, '--target', 'fake', '--json'])).stdout);
    temp.write(`baselines/${hostBaselineName('fake')}`, `${serializeReport(tinyBaseline(current))}\n`);
    const result = await runInProcess([
      file,
      '--target',
      'fake',
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nprog: REGRESSION\n');
    expect(result.stdout).toContain('REGRESSION (limit +20%)');
  });
});

describe('--save-baseline', () => {
  it('writes the pretty report plus a newline atomically and says so in stderr', async () => {
    const dir = scenarios({ fib: '' });
    const out = path.join(temp.dir(), 'fib.json');
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--save-baseline',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Saved baseline → ${out}\n`);
    const text = readFileSync(out, 'utf8');
    const { host } = parseReportJson(text);
    expect(text).toBe(`${fakeReportText('fib', path.join(dir, 'prog.av'), host, { pretty: true })}\n`);
    expect(readdirSync(temp.dir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with exit 1 when the folder does not exist, leaving no temp file', async () => {
    const dir = scenarios({ fib: '' });
    const out = path.join(temp.dir(), 'nowhere', 'fib.json');
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--save-baseline',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`save-baseline write '${out}': ${NO_SUCH_FILE}\n`);
    expect(result.stdout).toBe('');
  });
});

describe('--compare', () => {
  it('prints an ok diff after a blank line against an equal baseline', async () => {
    const dir = scenarios({ fib: '' });
    const manifest = path.join(dir, 'fib.toml');
    const baseline = temp.write('fib.json', await savedReport(manifest));
    const result = await runInProcess([
      manifest,
      '--target',
      'fake',
      '--compare',
      baseline,
      '--fail-on-regression',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n\nfib: ok\n {2}p50 {4}1\.00ms \(baseline 1\.00ms, \+0\.0%\) {2}ok\n/);
  });

  it('exits 0 on a regression without --fail-on-regression and 1 with it', async () => {
    const dir = scenarios({ fib: '' });
    const manifest = path.join(dir, 'fib.toml');
    const current = parseReportJson(await savedReport(manifest));
    const baseline = temp.write('fib.json', serializeReport(tinyBaseline(current), { pretty: true }));
    const lenient = await runInProcess([manifest, '--target', 'fake', '--compare', baseline]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('\nfib: REGRESSION\n');
    const strict = await runInProcess([
      manifest,
      '--target',
      'fake',
      '--compare',
      baseline,
      '--fail-on-regression',
    ]);
    expect(strict.code).toBe(1);
  });

  it('prints no diff in JSON mode; only the exit code shows the regression', async () => {
    const dir = scenarios({ fib: '' });
    const manifest = path.join(dir, 'fib.toml');
    const current = parseReportJson(await savedReport(manifest));
    const baseline = temp.write('fib.json', serializeReport(tinyBaseline(current), { pretty: true }));
    const result = await runInProcess([
      manifest,
      '--target',
      'fake',
      '--json',
      '--compare',
      baseline,
      '--fail-on-regression',
    ]);
    expect(result.code).toBe(1);
    expect(parseReportJson(result.stdout).scenario.name).toBe('fib');
  });

  it('uses a single-report baseline whatever its scenario name', async () => {
    const dir = scenarios({ fib: '', other: '' });
    const other = parseReportJson(await savedReport(path.join(dir, 'other.toml')));
    const baseline = temp.write('other.json', serializeReport(other, { pretty: true }));
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--compare',
      baseline,
    ]);
    expect(result.stdout).toContain('\nfib: ');
    expect(result.stdout).toContain('note: response_bytes: baseline=5 current=3 — regression');
  });

  it('falls back to NDJSON and picks the entry by name', async () => {
    const dir = scenarios({ fib: '', other: '' });
    const fib = parseReportJson(await savedReport(path.join(dir, 'fib.toml')));
    const other = parseReportJson(await savedReport(path.join(dir, 'other.toml')));
    const baseline = temp.write(
      'all.json',
      `${serializeReport(tinyBaseline(other))}\n\n${serializeReport(fib)}\n`,
    );
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--compare',
      baseline,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nfib: ok\n');
  });

  it('says in red on a terminal that an entry is missing, and exits 0', async () => {
    const dir = scenarios({ fib: '', other: '' });
    const other = parseReportJson(await savedReport(path.join(dir, 'other.toml')));
    const baseline = temp.write('all.json', `${serializeReport(other)}\n${serializeReport(other)}\n`);
    const result = await runInProcess(
      [path.join(dir, 'fib.toml'), '--target', 'fake', '--compare', baseline],
      { tty: true },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `\x1b[31mcompare: baseline '${baseline}' has no entry for scenario 'fib'\x1b[0m\n`,
    );
    expect(result.stdout).not.toContain('fib: ');
  });

  it('fails with exit 1 on an unreadable baseline', async () => {
    const dir = scenarios({ fib: '' });
    const missing = path.join(temp.dir(), 'nope.json');
    const result = await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake', '--compare', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`compare: cannot read baseline '${missing}': ${NO_SUCH_FILE}\n`);
  });

  it('fails with exit 1 on an unparsable baseline, naming the line', async () => {
    const dir = scenarios({ fib: '' });
    const fib = await savedReport(path.join(dir, 'fib.toml'));
    const baseline = temp.write('bad.json', `${serializeReport(parseReportJson(fib))}\n{"scenario": 1}\n`);
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--compare',
      baseline,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^compare: cannot parse baseline '${escapeRegExp(baseline)}': line 2: `),
    );
  });

  it('fails with exit 1 on a single JSON document that is not a report', async () => {
    const dir = scenarios({ fib: '' });
    const baseline = temp.write('bad.json', '{"hello": "world"}\n');
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--compare',
      baseline,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^compare: cannot parse baseline '.*': line 1: scenario: required key is missing/,
    );
  });
});

describe('--baseline-dir (single scenario)', () => {
  it('compares with <os>-<arch>-<target>.json when it exists', async () => {
    const dir = scenarios({ fib: '' });
    const manifest = path.join(dir, 'fib.toml');
    const current = parseReportJson(await savedReport(manifest));
    temp.write(`baselines/${hostBaselineName('fake')}`, `${serializeReport(tinyBaseline(current))}\n`);
    const args = [manifest, '--target', 'fake', '--baseline-dir', path.join(temp.dir(), 'baselines')];
    expect((await runInProcess(args)).code).toBe(0);
    const gated = await runInProcess([...args, '--fail-on-regression']);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain('\nfib: REGRESSION\n');
  });

  it('notes on stderr that there is no baseline for this host and exits 0', async () => {
    const dir = scenarios({ fib: '' });
    const baselines = path.join(temp.dir(), 'baselines');
    temp.write('baselines/other-host-fake.json', '');
    const result = await runInProcess([
      path.join(dir, 'fib.toml'),
      '--target',
      'fake',
      '--baseline-dir',
      baselines,
      '--fail-on-regression',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `note: no baseline for this host at '${baselines}${path.sep}${hostBaselineName('fake')}'; nothing compared\n`,
    );
  });
});

describe('directory mode', () => {
  it('runs every *.toml (case-sensitive) in bytewise order with a blank line between human reports', async () => {
    const dir = scenarios({ b: '', A: '', a: '' });
    temp.write('scenarios/c.TOML', 'not a manifest');
    temp.write('scenarios/.toml', 'not a manifest');
    const result = await runInProcess([dir, '--target', 'fake']);
    expect(result.code).toBe(0);
    const headers = result.stdout.split('\n').filter((line) => line.endsWith('[fake]'));
    expect(headers).toEqual(['A [fake]', 'a [fake]', 'b [fake]']);
    expect(result.stdout.split('\n\n')).toHaveLength(3);
    expect(result.stderr).toBe('');
  });

  it('prints one compact report per line with --json', async () => {
    const dir = scenarios({ b: '', a: '' });
    const result = await runInProcess([dir, '--target', 'fake', '--json']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(parseReports(result.stdout).map((report) => report.scenario.name)).toEqual(['a', 'b']);
    expect(lines[0]).toBe(fakeReportText('a', path.join(dir, 'prog.av'), parseReportJson(lines[0]).host));
  });

  it('rejects --compare with the reference message', async () => {
    const dir = scenarios({ a: '' });
    const result = await runInProcess([dir, '--target', 'fake', '--compare', 'x.json']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'directory mode: --compare needs a single scenario; use --baseline-dir DIR for batch gating\n',
    });
  });

  it('fails when the folder has no manifests', async () => {
    temp.write('empty/readme.md', '');
    const dir = path.join(temp.dir(), 'empty');
    const result = await runInProcess([dir, '--target', 'fake']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `scenarios dir '${dir}' has no *.toml manifests\n`,
    });
  });

  it('writes an NDJSON baseline with --save-baseline', async () => {
    const dir = scenarios({ b: '', a: '' });
    const out = path.join(temp.dir(), 'base.json');
    const result = await runInProcess([dir, '--target', 'fake', '--save-baseline', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Saved baseline → ${out} (2 scenario(s))\n`);
    const text = readFileSync(out, 'utf8');
    const reports = parseReports(text);
    expect(reports.map((report) => report.scenario.name)).toEqual(['a', 'b']);
    const { host } = reports[0]!;
    const entry = path.join(dir, 'prog.av');
    expect(text).toBe(`${fakeReportText('a', entry, host)}\n${fakeReportText('b', entry, host)}\n`);
  });

  it('gates against the host baseline: diff lines before each report line in JSON mode', async () => {
    const dir = scenarios({ b: '', a: '', c: '' });
    const reports = parseReports((await runInProcess([dir, '--target', 'fake', '--json'])).stdout);
    const [a, b] = reports;
    temp.write(
      `baselines/${hostBaselineName('fake')}`,
      `${serializeReport(a)}\n${serializeReport(tinyBaseline(b))}\n`,
    );
    const args = [dir, '--target', 'fake', '--json', '--baseline-dir', path.join(temp.dir(), 'baselines')];
    const result = await runInProcess([...args, '--fail-on-regression']);
    expect(result.code).toBe(1);
    const kinds = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const value = JSON.parse(line);
        return value.kind === 'diff'
          ? `diff:${value.scenario}:${value.regressed}`
          : `report:${value.scenario.name}`;
      });
    expect(kinds).toEqual(['diff:a:false', 'report:a', 'diff:b:true', 'report:b', 'report:c']);
    expect((await runInProcess(args)).code).toBe(0);
  });

  it('queues human diffs and skipped entries after all reports', async () => {
    const dir = scenarios({ b: '', a: '' });
    const [a] = parseReports((await runInProcess([dir, '--target', 'fake', '--json'])).stdout);
    temp.write(`baselines/${hostBaselineName('fake')}`, `${serializeReport(a)}\n`);
    const result = await runInProcess([
      dir,
      '--target',
      'fake',
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
    ]);
    expect(result.code).toBe(0);
    const tail = result.stdout.slice(result.stdout.lastIndexOf('b [fake]'));
    expect(tail).toMatch(
      /response: {5}1 bytes\n\na: ok\n {2}p50 .*\n {2}p95 .*\nb: no baseline entry — skipped\n$/,
    );
  });

  it('parses the host baseline strictly as NDJSON, naming the line', async () => {
    const dir = scenarios({ a: '' });
    const file = temp.write(`baselines/${hostBaselineName('fake')}`, '\n{"not": "a report"}\n');
    const result = await runInProcess([
      dir,
      '--target',
      'fake',
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `baseline-dir: parse error '${file}' line 2: scenario: required key is missing (and 4 more issues)\n`,
    );
  });

  it('rejects a pretty single-report file as a host baseline', async () => {
    const dir = scenarios({ a: '' });
    const [a] = parseReports((await runInProcess([dir, '--target', 'fake', '--json'])).stdout);
    temp.write(`baselines/${hostBaselineName('fake')}`, serializeReport(a, { pretty: true }));
    const result = await runInProcess([
      dir,
      '--target',
      'fake',
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^baseline-dir: parse error '.*' line 1: invalid JSON: /);
  });

  it('stops at the first run error with the scenario name in the message', async () => {
    const dir = scenarios({ a: '' });
    fake.failWith = 'Runtime error: boom';
    const result = await runInProcess([dir, '--target', 'fake']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'bench run (a): Runtime error: boom\n' });
  });

  it('stops at the first manifest error after the reports already printed', async () => {
    const dir = scenarios({ a: '' });
    temp.write('scenarios/b.toml', 'name = 3\n');
    const result = await runInProcess([dir, '--target', 'fake', '--json']);
    expect(result.code).toBe(1);
    expect(parseReports(result.stdout).map((report) => report.scenario.name)).toEqual(['a']);
    expect(result.stderr).toMatch(/^scenario load: .*b\.toml: missing required `entry = "\.\.\."`\n/);
  });

  it('shows a progress bar on a terminal only, never in CI, and clears it', async () => {
    const dir = scenarios({ a: '', b: '' });
    const onTerminal = await runInProcess([dir, '--target', 'fake', '--json'], { tty: true });
    // The first frame: nothing done yet, so no estimate; the last: everything done. Then the line is cleared.
    expect(onTerminal.stderr).toMatch(/░{20} 0% \| 1\/2 a \| \d+s elapsed \| eta …/);
    expect(onTerminal.stderr).toMatch(/█{20} 100% \| 2\/2 b \| \d+s elapsed \| eta \d+s/);
    expect(onTerminal.stderr.endsWith('\x1b[2K')).toBe(true);
    expect(parseReports(onTerminal.stdout).map((report) => report.scenario.name)).toEqual(['a', 'b']);
    const piped = await runInProcess([dir, '--target', 'fake']);
    expect(piped.stderr).toBe('');
    const inCi = await runInProcess([dir, '--target', 'fake'], { tty: true, env: { CI: 'true' } });
    expect(inCi.stderr).toBe('');
  });

  it('writes no escape sequence at all on a terminal with NO_COLOR, CLICOLOR=0 or TERM=dumb', async () => {
    const dir = scenarios({ a: '', b: '' });
    for (const env of [{ NO_COLOR: '1' }, { CLICOLOR: '0' }, { TERM: 'dumb' }]) {
      const result = await runInProcess([dir, '--target', 'fake', '--compare', 'x'], { tty: true, env });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'directory mode: --compare needs a single scenario; use --baseline-dir DIR for batch gating\n',
      );
      const run = await runInProcess([dir, '--target', 'fake'], { tty: true, env });
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toContain('\x1b');
    }
  });
});

describe('targets, colour and failures', () => {
  it('rejects a reference target that is not in this build and an unknown target with exit 1', async () => {
    expect(await runInProcess(['x.toml', '--target', 'wasm-gc'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "target 'wasm-gc' is not available in this build (available: vm, fake, js)\n",
    });
    expect(await runInProcess(['x.toml', '--target', 'jit'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "unknown bench target 'jit'; expected one of: vm, wasm-gc, wasm-gc-v8, rust, fake, js\n",
    });
  });

  it('colours errors red only on a terminal without NO_COLOR, closing with a full reset like `colored`', async () => {
    const args = ['x.toml', '--target', 'jit'];
    expect((await runInProcess(args, { tty: true })).stderr).toMatch(
      /^\x1b\[31munknown bench target '[^\n]*\x1b\[0m\n$/,
    );
    expect((await runInProcess(args, { tty: true, env: { NO_COLOR: '1' } })).stderr).toMatch(/^unknown/);
    expect((await runInProcess(args, { tty: false })).stderr).toMatch(/^unknown/);
  });

  it('follows the CLICOLOR rules of the reference: CLICOLOR=0 turns colour off, CLICOLOR_FORCE on', async () => {
    const args = ['x.toml', '--target', 'jit'];
    expect((await runInProcess(args, { tty: true, env: { CLICOLOR: '0' } })).stderr).toMatch(/^unknown/);
    expect((await runInProcess(args, { env: { CLICOLOR_FORCE: '1' } })).stderr).toMatch(/^\x1b\[31munknown/);
    expect((await runInProcess(args, { env: { CLICOLOR_FORCE: '0' } })).stderr).toMatch(/^unknown/);
    // NO_COLOR wins over everything.
    const both = { CLICOLOR_FORCE: '1', NO_COLOR: '1' };
    expect((await runInProcess(args, { tty: true, env: both })).stderr).toMatch(/^unknown/);
  });

  it('colours the saved-baseline line cyan on a terminal', async () => {
    const dir = scenarios({ fib: '' });
    const out = path.join(temp.dir(), 'fib.json');
    const result = await runInProcess(
      [path.join(dir, 'fib.toml'), '--target', 'fake', '--save-baseline', out],
      {
        tty: true,
      },
    );
    expect(result.stderr).toBe(`\x1b[36mSaved baseline → ${out}\x1b[0m\n`);
  });

  it('exits 2 with the usage footer on a usage error', async () => {
    const result = await runInProcess(['--iterations', 'abc', 'x.av']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "aver-bench: error: invalid value 'abc' for '--iterations <N>': expected a non-negative integer\n\n" +
        "Usage: aver-bench SCENARIO [OPTIONS]\n\nFor more information, try '--help'.\n",
    );
  });

  it('prints help and version on stdout', async () => {
    const help = await runInProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: aver-bench SCENARIO [OPTIONS]');
    expect(help.stdout).toContain('--fail-on-regression');
    expect(await runInProcess(['--version'])).toEqual({
      code: 0,
      stdout: `aver-bench ${cliVersion()}\n`,
      stderr: '',
    });
  });

  it('lists every subcommand in the main help, with its usage line and its own --help', async () => {
    const help = await runInProcess(['--help']);
    const commandsSection = help.stdout.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    const listed = [...commandsSection.matchAll(/^ {2}(\S+) {2,}/gm)].map((match) => match[1]);
    expect(listed).toEqual(['ab', 'calibrate', 'report', 'merge']);
    // The help text is written by hand; the dispatch table is what runs. Each must know the other's names.
    expect(Object.keys(SUBCOMMANDS).sort()).toEqual([...listed].sort());
    for (const name of listed) {
      expect(help.stdout).toMatch(new RegExp(`^ +aver-bench ${name} `, 'm'));
      const own = await runInProcess([name!, '--help']);
      expect(own.code).toBe(0);
      expect(own.stdout).toContain(`Usage: aver-bench ${name} `);
    }
  });

  it('turns an unexpected error into exit 70 without a stack, unless AVER_DEBUG=1', async () => {
    const dir = scenarios({ fib: '' });
    fake.crashWith = 'boom';
    const quiet = await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake']);
    expect(quiet).toEqual({ code: 70, stdout: '', stderr: 'aver-bench: internal error: boom\n' });
    fake.crashWith = 'boom';
    const debug = await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake'], {
      env: { AVER_DEBUG: '1' },
    });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/^aver-bench: internal error: boom\nError: boom\n {4}at /);
  });

  it('leaves no baseline behind when the run fails', async () => {
    const dir = scenarios({ fib: '' });
    const out = path.join(temp.dir(), 'fib.json');
    fake.failWith = 'Runtime error: boom';
    await runInProcess([path.join(dir, 'fib.toml'), '--target', 'fake', '--save-baseline', out]);
    expect(existsSync(out)).toBe(false);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
