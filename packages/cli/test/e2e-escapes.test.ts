import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

// Nothing that came from input reaches the terminal raw, through the built `aver-bench`.

const temp = useTempDir('aver-escapes-');
/** Any C0 control but the line feed and the tab, DEL, or a C1 control. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('aver-bench escapes terminal controls from its input', () => {
  it('in the scenario name and the entry path of the human report', () => {
    temp.write('evil\u001b[2J.av', 'fn main() -> Int\n    42\n');
    const manifest = temp.write(
      's.toml',
      'name = "fib\\u001b]0;pwned\\u0007"\nentry = "evil\\u001b[2J.av"\niterations = 1\nwarmup = 0\n',
    );
    const run = spawnCli([manifest]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('fib\\u{1b}]0;pwned\\u{7} [vm]');
    expect(run.stdout).toContain('evil\\u{1b}[2J.av\n');
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    // The JSON report keeps the exact name, escaped the JSON way.
    expect(JSON.parse(spawnCli([manifest, '--json']).stdout).scenario.name).toBe('fib\u001b]0;pwned\u0007');
  });

  it('in the error messages: a type error quoting the source, a TOML code frame, a returned error', () => {
    temp.write('typed.av', 'fn main() -> Int\n    "\u001b[31mred"\n');
    const typed = temp.write('typed.toml', 'entry = "typed.av"\niterations = 1\nwarmup = 0\n');
    const typeError = spawnCli([typed]);
    expect(typeError.code).toBe(1);
    expect(typeError.stderr).not.toMatch(RAW_CONTROL);
    const toml = temp.write('bad.toml', 'entry = "typed.av"\nname = \u001b[31m\n');
    const parseError = spawnCli([toml]);
    expect(parseError.code).toBe(1);
    expect(parseError.stderr).toContain('name = \\u{1b}[31m');
    expect(parseError.stderr).not.toMatch(RAW_CONTROL);
    temp.write('err.av', 'fn main() -> Result<Int, String>\n    Result.Err("\u001b[2Jgone")\n');
    const err = temp.write('err.toml', 'entry = "err.av"\niterations = 1\nwarmup = 0\n');
    expect(spawnCli([err])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bench run: main returned error: \\u{1b}[2Jgone\n',
    });
  });

  it('cuts the code frame of a 5 MB one-line manifest to a window around the error', () => {
    temp.write('answer.av', 'fn main() -> Int\n    42\n');
    const manifest = temp.write('long.toml', `entry = "answer.av"\nname = "${'x'.repeat(5_000_000)}" = 1\n`);
    const run = spawnCli([manifest]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // `name = "` (8) + 5,000,000 x + `" ` ends at column 5,000,010; the second `=` is the error.
    expect(
      run.stderr.startsWith(`scenario load: ${manifest}: TOML parse error at line 2, column 5000011\n`),
    ).toBe(true);
    expect(run.stderr.length).toBeLessThan(2000);
    expect(run.stderr).toContain('…');
  });
});
