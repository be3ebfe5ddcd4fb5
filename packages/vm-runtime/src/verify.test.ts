import { describe, expect, it } from 'vitest';
import { compileText, source } from './test-helpers.js';
import { formatVerifyReport, MAX_LAW_CASES, verifyProgram } from './verify.js';

const plain = { colour: false, maxFailures: 3 };

describe('verifyProgram', () => {
  it('runs cases, merging the case blocks of one function into one line', () => {
    const report = verifyProgram(
      compileText(
        source(`
          fn add(a: Int, b: Int) -> Int
              a + b

          verify add
              add(1, 2) => 3
              add(0, 0) => 0

          verify add
              add(2, 2) => 4
        `),
      ),
    );
    expect(report).toEqual({
      lines: [{ label: 'add', passed: 3, skipped: 0, total: 3, failures: [] }],
      setupError: null,
    });
    expect(formatVerifyReport('add.av', report, plain)).toEqual([
      'Verify: add.av',
      '  ✓ add      3/3',
      '',
      'Summary: 1 file | 1 block | 3/3 cases passed | 0 failed',
    ]);
  });

  it('runs a law over the cartesian product of its domains, counting the combinations a premise skips', () => {
    const report = verifyProgram(
      compileText(
        source(`
          fn add(a: Int, b: Int) -> Int
              a + b

          verify add law commutative
              given a: Int = -2..2
              given b: Int = [-1, 0, 1]
              when a > 0
              add(a, b) => add(b, a)
        `),
      ),
    );
    expect(report.lines).toEqual([
      { label: 'add spec commutative', passed: 6, skipped: 9, total: 15, failures: [] },
    ]);
    expect(formatVerifyReport('add.av', report, plain)).toEqual([
      'Verify: add.av',
      '  ✓ add spec commutative      6/15',
      '',
      'Summary: 1 file | 1 block | 6/15 cases passed | 0 failed | 9 skipped by `when`',
    ]);
  });

  it('reports mismatches, runtime errors and unexpected Errs with both sides, at most three in detail', () => {
    const report = verifyProgram(
      compileText(
        source(`
          fn half(n: Int) -> Int
              10 / n

          fn parse(s: String) -> Result<Int, String>
              Int.fromString(s)

          verify half
              half(2) => 5
              half(5) => 3
              half(0) => 0
              half(parse("x")?) => 1
              half(1) => 11
        `),
      ),
    );
    const [line] = report.lines;
    expect([line.passed, line.total]).toEqual([1, 5]);
    expect(formatVerifyReport('half.av', report, plain)).toEqual([
      'Verify: half.av',
      '  ✗ half      1/5 passed (2 mismatch, 1 runtime error, 1 unexpected err)',
      '    fail[verify-mismatch]: assertion failed',
      '      at: half.av:9:5',
      '      block: half',
      '      case: half(5) == 3',
      '      expected: 3',
      '      actual: 2',
      '    fail[verify-runtime-error]: runtime error',
      '      at: half.av:10:5',
      '      block: half',
      '      case: half(0) == 0',
      '      error: Runtime error [line 2]: division by zero',
      '    fail[verify-unexpected-err]: unexpected error',
      '      at: half.av:11:5',
      '      block: half',
      '      case: half(parse("x")?) == 1',
      `      error: Result.Err("Cannot parse 'x' as Int")`,
      '',
      'Summary: 1 file | 1 block | 1/5 cases passed | 4 failed',
    ]);
  });

  it('names the given values of a failing law combination', () => {
    const report = verifyProgram(
      compileText(
        source(`
          fn clamp(n: Int) -> Int
              match n > 3
                  true -> 3
                  false -> n

          verify clamp law identity
              given n: Int = [1, 5]
              clamp(n) => n
        `),
      ),
    );
    expect(report.lines[0].failures).toEqual([
      {
        kind: 'mismatch',
        line: 8,
        column: 5,
        lhs: 'clamp(n)',
        rhs: 'n',
        law: 'identity',
        givens: [{ name: 'n', value: '5' }],
        expected: '5',
        actual: '3',
        error: '',
        trace: null,
      },
    ]);
    expect(formatVerifyReport('clamp.av', report, plain).slice(1, 10)).toEqual([
      '  ✗ clamp spec identity      1/2 passed (1 mismatch)',
      '    fail[verify-mismatch]: law violated',
      '      at: clamp.av:8:5',
      '      block: clamp spec identity',
      '      law: identity',
      '      case: clamp(n) == n',
      '      given: n = 5',
      '      expected: 5',
      '      actual: 3',
    ]);
  });

  it(`runs ${MAX_LAW_CASES} combinations, and fails a law whose domains computed at run time give more`, () => {
    const report = verifyProgram(
      compileText(
        source(`
          fn same(a: Int, b: Int) -> Int
              a + b

          verify same law symmetric
              given a: Int = 1..100
              given b: Int = 1..100
              same(a, b) => same(b, a)

          verify same law tooMany
              given a: Int = 1..101
              given b: Int = a..(a + 99)
              same(a, b) => same(b, a)
        `),
      ),
    );
    expect(report.lines[0]).toMatchObject({ passed: 10_000, total: 10_000 });
    expect(report.lines[1]).toMatchObject({ passed: 0, total: 1 });
    expect(report.lines[1].failures[0]).toMatchObject({
      kind: 'runtime error',
      line: 9,
      error: 'Law verify expands to more than 10000 cases (max 10000)',
    });
  });

  it('says so when a file has no verify blocks, and colours only when asked', () => {
    const empty = verifyProgram(compileText('fn main() -> Int\n    1\n'));
    expect(formatVerifyReport('x.av', empty, plain)).toEqual(['No verify blocks found in x.av.']);
    const report = verifyProgram(compileText('fn one() -> Int\n    1\n\nverify one\n    one() => 1\n'));
    const coloured = formatVerifyReport('x.av', report, { colour: true, maxFailures: 3 });
    expect(coloured[0]).toBe('\u001b[36mVerify: x.av\u001b[0m');
    expect(coloured[1]).toBe('  \u001b[32m✓\u001b[0m one      1/1');
  });

  it('compiles verify blocks only into the verify code, built once on first use', () => {
    const program = compileText(
      source(`
        fn roll() -> Int
            ! [Random.int]
            Random.int(1, 6)

        verify roll
            roll() >= 1 => true
      `),
    );
    const names = (chunks: readonly { name: string }[]) => chunks.map((chunk) => chunk.name);
    expect(names(program.code.chunks)).toEqual(['roll', '__top_level__']);
    const code = program.code.verifyCode();
    expect(code).toBe(program.code.verifyCode());
    expect(names(code.chunks)).toEqual(['roll', '__top_level__', '<verify roll #1>']);
    // Random.int called by roll has its own entry in the verify code's built-in table.
    expect(code.builtinNames).toContain('Random.int from roll');
    expect(program.code.builtinNames).not.toContain('Random.int from roll');
  });
});
