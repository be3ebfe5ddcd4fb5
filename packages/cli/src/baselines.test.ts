import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { loadBaselineIndex, readCompareBaseline } from './baselines.js';
import { CliError } from './cli-errors.js';
import { fakeReportText } from './test-helpers.js';

const HOST = { os: 'linux', arch: 'x86_64', cpus: 2 };
const lineOf = (name: 'fib' | 'a' | 'b') => fakeReportText(name, `${name}.av`, HOST);
/** The `fib` line with a p50 of 0, which no run can regress from. */
const zeroP50 = lineOf('fib').replace('"p50_ms":1.0', '"p50_ms":0.0').replace('"min_ms":1.0', '"min_ms":0.0');

function cliError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('loadBaselineIndex', () => {
  const temp = useTempDir();

  it('skips blank and whitespace-only lines and reads CRLF files', () => {
    const file = temp.write('b.json', `\r\n${lineOf('a')}\r\n   \r\n\t\n${lineOf('b')}\r\n`);
    const baselines = loadBaselineIndex(file);
    expect(baselines.empty).toBe(false);
    expect(baselines.find('a')?.scenario.entry).toBe('a.av');
    expect(baselines.find('b')?.scenario.entry).toBe('b.av');
    expect(baselines.find('fib')).toBeNull();
  });

  it('is empty for a file of blank lines', () => {
    expect(loadBaselineIndex(temp.write('b.json', '\n \r\n')).empty).toBe(true);
  });

  it('names the line of a report that does not parse, counting blank lines', () => {
    const file = temp.write('b.json', `${lineOf('a')}\r\n\r\n{"scenario":1}\r\n`);
    expect(cliError(() => loadBaselineIndex(file)).message).toBe(
      `baseline-dir: parse error '${file}' line 3: scenario: expected object, got number (and 4 more issues)`,
    );
  });

  it('names the line of a report with an impossible value', () => {
    const file = temp.write('b.json', `\n${lineOf('a')}\n${zeroP50}\n`);
    expect(cliError(() => loadBaselineIndex(file)).message).toBe(
      `baseline-dir: parse error '${file}' line 3: iterations.p50_ms: expected a time above 0, got 0 ` +
        '(no run can be slower than a baseline of 0 by a percentage)',
    );
  });

  it('reports the first bad line in file order: an impossible value before a later line that is not JSON', () => {
    const file = temp.write('b.json', `${zeroP50}\n{not json\n`);
    expect(cliError(() => loadBaselineIndex(file)).message).toMatch(
      /^baseline-dir: parse error '.*' line 1: iterations\.p50_ms: expected a time above 0/,
    );
  });
});

describe('readCompareBaseline', () => {
  const temp = useTempDir();

  it('reads an NDJSON file with CRLF line ends and blank lines; the first report of a name wins', () => {
    const other = lineOf('fib').replace('"entry":"fib.av"', '"entry":"second.av"');
    const file = temp.write('c.json', `${lineOf('fib')}\r\n\r\n${other}\r\n`);
    expect(readCompareBaseline(file).find('fib')?.scenario.entry).toBe('fib.av');
  });

  it('names the line of a line that is not JSON', () => {
    const file = temp.write('c.json', `${lineOf('a')}\r\n\r\n\r\n{not json\r\n`);
    expect(cliError(() => readCompareBaseline(file)).message).toMatch(
      /^compare: cannot parse baseline '.*': line 4: invalid JSON: /,
    );
  });
});
