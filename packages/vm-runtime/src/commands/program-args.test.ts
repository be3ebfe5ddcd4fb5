import { describe, expect, it } from 'vitest';
import { parseProgramArgs } from './program-args.js';

const RUN = { dump: true, defaultTimeoutMs: 60_000 } as const;
const CHECK = { dump: false } as const;

describe('parseProgramArgs usage errors', () => {
  it('names an unknown option as written, long or short', () => {
    expect(parseProgramArgs(['a.av', '--bogus'], CHECK)).toBe("unknown option '--bogus'");
    expect(parseProgramArgs(['-x', 'a.av'], CHECK)).toBe("unknown option '-x'");
    expect(parseProgramArgs(['a.av', '--dump'], CHECK)).toBe("unknown option '--dump'");
  });

  it('says what an option needs when its value is missing or looks like an option', () => {
    expect(parseProgramArgs(['a.av', '--module-root'], CHECK)).toBe(
      "option '--module-root' needs a directory",
    );
    expect(parseProgramArgs(['a.av', '--module-root', '--help'], CHECK)).toBe(
      "option '--module-root' needs a directory",
    );
    expect(parseProgramArgs(['a.av', '--module-root='], CHECK)).toBe(
      "option '--module-root' needs a directory",
    );
    expect(parseProgramArgs(['a.av', '--timeout'], RUN)).toBe("option '--timeout' needs a number of seconds");
    expect(parseProgramArgs(['a.av', '--timeout', '-1'], RUN)).toBe(
      "option '--timeout' needs a number of seconds",
    );
  });

  it('rejects a value given to a flag', () => {
    expect(parseProgramArgs(['a.av', '--dump=yes'], RUN)).toBe("option '--dump' does not take a value");
    expect(parseProgramArgs(['a.av', '--help=1'], CHECK)).toBe("option '--help' does not take a value");
  });
});

describe('parseProgramArgs', () => {
  it('reads the options, the file and the program arguments after --', () => {
    expect(
      parseProgramArgs(['--module-root', 'lib', 'a.av', '--dump', '--timeout=2.5', '--', '-x', 'y'], RUN),
    ).toEqual({
      help: false,
      file: 'a.av',
      moduleRoot: 'lib',
      dump: true,
      verbose: false,
      programArgs: ['-x', 'y'],
      timeoutMs: 2500,
    });
  });

  it('takes a value that starts with a dash when it is written inline', () => {
    const args = parseProgramArgs(['a.av', '--module-root=-lib'], RUN);
    expect(typeof args === 'string' ? args : [args.moduleRoot, args.timeoutMs]).toEqual(['-lib', 60_000]);
    const check = parseProgramArgs(['a.av', '--module-root=-lib'], CHECK);
    expect(typeof check === 'string' ? check : [check.moduleRoot, check.timeoutMs]).toEqual(['-lib', null]);
  });
});
