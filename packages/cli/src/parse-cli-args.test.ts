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
        iterations: null,
        warmup: null,
        json: false,
        format: 'human',
        shard: null,
        saveBaseline: null,
        compare: null,
        baselineDir: null,
        failOnRegression: false,
        requireBaseline: false,
      },
    });
  });

  it('reads every option, with separate or inline values, before or after SCENARIO', () => {
    const request = parseCliArgs([
      '--target=vm',
      'fib.av',
      '--iterations',
      '5',
      '--warmup=0',
      '--json',
      '--save-baseline',
      'out.json',
      '--baseline-dir',
      'bench/baselines',
      '--fail-on-regression',
      '--require-baseline',
    ]);
    expect(request).toEqual({
      kind: 'run',
      options: {
        scenario: 'fib.av',
        target: 'vm',
        iterations: 5,
        warmup: 0,
        json: true,
        format: 'json',
        shard: null,
        saveBaseline: 'out.json',
        compare: null,
        baselineDir: 'bench/baselines',
        failOnRegression: true,
        requireBaseline: true,
      },
    });
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
      "invalid value '-1' for '--warmup <N>': expected a non-negative integer",
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
