import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors.js';
import { parseCliArgs } from './parse-cli-args.js';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('applies the defaults', () => {
    expect(parseCliArgs(['bench/scenarios'])).toEqual({
      kind: 'run',
      options: {
        scenario: 'bench/scenarios',
        target: 'vm',
        targets: ['vm'],
        iterations: null,
        warmup: null,
        replicates: null,
        isolation: null,
        timeoutMs: null,
        json: false,
        format: 'human',
        shard: null,
        saveBaseline: null,
        compare: null,
        baselineDir: null,
        failOnRegression: false,
        requireBaseline: false,
        confirm: true,
        profileOut: null,
        emitJs: null,
      },
    });
  });

  it('reads every option, with separate or inline values, before or after SCENARIO', () => {
    const request = parseCliArgs([
      '--target=vm,js',
      'fib.av',
      '--iterations',
      '5',
      '--warmup=0',
      '--replicates',
      '7',
      '--isolation=process',
      '--timeout',
      '30s',
      '--json',
      '--save-baseline',
      'out.json',
      '--baseline-dir',
      'bench/baselines',
      '--fail-on-regression',
      '--require-baseline',
      '--no-confirm',
      '--profile-out',
      'fib.speedscope.json',
      '--emit-js=out/js',
    ]);
    expect(request).toEqual({
      kind: 'run',
      options: {
        scenario: 'fib.av',
        target: 'vm',
        targets: ['vm', 'js'],
        iterations: 5,
        warmup: 0,
        replicates: 7,
        isolation: 'process',
        timeoutMs: 30_000,
        json: true,
        format: 'json',
        shard: null,
        saveBaseline: 'out.json',
        compare: null,
        baselineDir: 'bench/baselines',
        failOnRegression: true,
        requireBaseline: true,
        confirm: false,
        profileOut: 'fib.speedscope.json',
        emitJs: 'out/js',
      },
    });
  });

  it('reads --warmup auto and --timeout with or without a unit', () => {
    const options = (argv: string[]) => {
      const request = parseCliArgs(['fib.av', ...argv]);
      if (request.kind !== 'run') throw new Error('expected a run');
      return request.options;
    };
    expect(options(['--warmup', 'auto']).warmup).toBe('auto');
    expect(options(['--timeout', '1500']).timeoutMs).toBe(1500);
    expect(options(['--timeout', '250ms']).timeoutMs).toBe(250);
    expect(options(['--timeout', '2m']).timeoutMs).toBe(120_000);
  });

  it('rejects bad replicates, isolations, durations and target lists', () => {
    expect(usageError(['x.toml', '--replicates', '0'])).toBe(
      "invalid value '0' for '--replicates <N>': expected a positive integer",
    );
    expect(usageError(['x.toml', '--replicates', 'two'])).toBe(
      "invalid value 'two' for '--replicates <N>': expected a non-negative integer",
    );
    expect(usageError(['x.toml', '--isolation', 'thread'])).toBe(
      "invalid value 'thread' for '--isolation <ISOLATION>': expected one of worker, process",
    );
    for (const bad of ['0', '1.5s', '10h', 's']) {
      expect(usageError(['x.toml', '--timeout', bad])).toBe(
        `invalid value '${bad}' for '--timeout <DURATION>': expected a positive whole number of ms, or with a unit: 500ms, 30s, 2m`,
      );
    }
    expect(usageError(['x.toml', '--target', 'vm,,js'])).toBe(
      "invalid value 'vm,,js' for '--target <T>': expected target names separated by commas, e.g. vm,js",
    );
    expect(usageError(['x.toml', '--target', 'vm,js,vm'])).toBe(
      "the target 'vm' is given twice in '--target <T>'",
    );
    expect(usageError(['x.toml', '--warmup', 'automatic'])).toBe(
      "invalid value 'automatic' for '--warmup <N|auto>': expected a non-negative integer or auto",
    );
  });

  it('takes a SCENARIO that starts with a dash after --', () => {
    const request = parseCliArgs(['--', '-odd.toml']);
    expect(request.kind === 'run' && request.options.scenario).toBe('-odd.toml');
  });

  it('lets --help and --version win over other problems', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h', '--bogus'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseCliArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it('requires exactly one SCENARIO', () => {
    expect(usageError([])).toBe('the following required arguments were not provided: <SCENARIO>');
    expect(usageError(['a', 'b'])).toBe("unexpected argument 'b' found");
  });

  it('rejects unknown options and flags with values', () => {
    expect(usageError(['x', '--itrations', '3'])).toBe("unexpected argument '--itrations' found");
    expect(usageError(['x', '-z'])).toBe("unexpected argument '-z' found");
    expect(usageError(['x', '--json=yes'])).toBe(
      "unexpected value 'yes' for '--json' found; no more were expected",
    );
  });

  it('rejects options without their value', () => {
    expect(usageError(['x', '--target'])).toBe(
      "a value is required for '--target <T>' but none was supplied",
    );
    expect(usageError(['x', '--compare', '--json'])).toBe(
      "a value is required for '--compare <PATH>' but none was supplied",
    );
    expect(usageError(['x', '--save-baseline='])).toBe(
      "invalid value '' for '--save-baseline <PATH>': a value must not be empty",
    );
  });

  it('rejects a repeated option', () => {
    expect(usageError(['x', '--target', 'vm', '--target', 'vm'])).toBe(
      "the argument '--target <T>' cannot be used multiple times",
    );
  });

  it('rejects counts that are not non-negative integers, and accepts 0', () => {
    expect(usageError(['x.av', '--iterations', 'abc'])).toBe(
      "invalid value 'abc' for '--iterations <N>': expected a non-negative integer",
    );
    expect(usageError(['x.av', '--warmup=-1'])).toBe(
      "invalid value '-1' for '--warmup <N|auto>': expected a non-negative integer or auto",
    );
    expect(usageError(['x.av', '--iterations', '1.5'])).toBe(
      "invalid value '1.5' for '--iterations <N>': expected a non-negative integer",
    );
    expect(usageError(['x.av', '--iterations', '99999999999999999999'])).toBe(
      "invalid value '99999999999999999999' for '--iterations <N>': expected a non-negative integer",
    );
    const request = parseCliArgs(['x.av', '--iterations', '0']);
    expect(request.kind === 'run' && request.options.iterations).toBe(0);
  });

  it('rejects --compare together with --baseline-dir', () => {
    expect(usageError(['x', '--compare', 'a.json', '--baseline-dir', 'b'])).toBe(
      "the argument '--compare <PATH>' cannot be used with '--baseline-dir <DIR>'",
    );
  });

  it('rejects --require-baseline without a baseline to require', () => {
    expect(usageError(['fib.toml', '--require-baseline'])).toBe(
      "the argument '--require-baseline' requires '--baseline-dir <DIR>' or '--compare <PATH>'",
    );
    expect(parseCliArgs(['fib.toml', '--require-baseline', '--compare', 'b.json']).kind).toBe('run');
  });
});
