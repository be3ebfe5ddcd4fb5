import { describe, expect, it } from 'vitest';
import { goldenProgramFiles, readDirectives, readGoldenProgram } from './golden-programs.js';
import { useTempDir } from './use-temp-dir.js';

describe('readDirectives', () => {
  const known = ['expect', 'expect-verify', 'error'];

  it('reads directives in order, with the bracket part and the text', () => {
    const text = [
      '// A program. Prose with a colon: not a directive, it starts with a capital.',
      '// expect: 3',
      'fn main() -> Int',
      "    // error[4:5]: Unknown identifier 'x'",
      '// expect-verify:',
    ].join('\n');
    expect(readDirectives(text, known)).toEqual([
      { name: 'expect', bracket: null, text: '3', line: 2 },
      { name: 'error', bracket: '4:5', text: "Unknown identifier 'x'", line: 4 },
      { name: 'expect-verify', bracket: null, text: '', line: 5 },
    ]);
  });

  it('fails on a misspelled directive, naming the line and the closest known one', () => {
    const text = '// expect: 1\n// expect-verfy: Verify: x.av\n';
    expect(() => readDirectives(text, known)).toThrow(
      "line 2: unknown directive 'expect-verfy' (did you mean 'expect-verify'?); known directives: expect, expect-verify, error",
    );
  });

  it('fails on an unknown directive with no close match', () => {
    expect(() => readDirectives('// stdout-lines: 4', known)).toThrow(
      "line 1: unknown directive 'stdout-lines'; known directives: expect, expect-verify, error",
    );
  });

  it('ignores code, trailing comments and comments that do not start with a lowercase word and a colon', () => {
    const text = ['x = 1 // expect: 2', '// Note: prose', '// see the spec', '//expect: no space'].join('\n');
    expect(readDirectives(text, known)).toEqual([]);
  });
});

describe('readGoldenProgram', () => {
  it('collects what a run must show, its options and input, and the VM-only checks', () => {
    const program = [
      '// args: a b',
      '// run-options: {"timeoutMs": 50}',
      '// run-options: {"maxFrames": 9}',
      '// stdin: first line',
      '// expect: one',
      '// expect: two',
      '// expect-stderr: warning',
      '// expect-value: 3',
      '// expect-main-error: "no"',
      '// expect-counters: instructions=13 calls=4 allocations=1',
      '// expect-function: main line=9 calls=1 instructions=13 allocations=1',
      '// dump: main',
      '// expect-dump: 0000 RETURN',
      'fn main() -> Int',
      '    3',
    ].join('\n');
    expect(readGoldenProgram(program)).toEqual({
      stdout: ['one', 'two'],
      stderr: ['warning'],
      value: '3',
      runtimeError: null,
      mainError: '"no"',
      runOptions: { args: ['a', 'b'], timeoutMs: 50, maxFrames: 9 },
      stdin: ['first line'],
      counters: 'instructions=13 calls=4 allocations=1',
      functions: ['main line=9 calls=1 instructions=13 allocations=1'],
      stacks: [],
      dump: 'main',
      dumpLines: ['0000 RETURN'],
      verify: [],
    });
  });

  it('reads an empty args line as no arguments', () => {
    expect(readGoldenProgram('// args:\n').runOptions).toEqual({ args: [] });
  });

  it('fails on run options that are not a JSON object, naming the line', () => {
    expect(() => readGoldenProgram('// expect: 1\n// run-options: {timeoutMs: 5}\n')).toThrow(
      /^line 2: run-options is not JSON: /,
    );
    expect(() => readGoldenProgram('// run-options: [1]\n')).toThrow(
      'line 1: run-options must be a JSON object, got [1]',
    );
  });
});

describe('goldenProgramFiles', () => {
  const temp = useTempDir('aver-golden-');

  it('lists the programs, sorted, leaving out other suites and library modules', () => {
    for (const name of [
      'b/two.av',
      'a/one.av',
      'a/lib/helper.av',
      'syntax/bad.av',
      'check-errors/x.av',
      'a/notes.md',
    ])
      temp.write(name, '');
    const root = temp.dir();
    expect(goldenProgramFiles(root).map((path) => path.slice(root.length + 1))).toEqual([
      'a/one.av',
      'b/two.av',
    ]);
  });
});
