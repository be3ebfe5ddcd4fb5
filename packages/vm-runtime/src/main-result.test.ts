import { describe, expect, it } from 'vitest';
import { mainErrorMessage } from './main-result.js';
import { compileSource, runProgram } from './program.js';

function mainValue(body: string, type: string) {
  const compiled = compileSource(`fn main() -> ${type}\n    ${body}\n`, 'main.av');
  if (!compiled.ok) throw new Error(compiled.message);
  return runProgram(compiled.program, { console: 'silent' }).value;
}

describe('mainErrorMessage', () => {
  it('words a Result.Err like aver run, a String raw and other values displayed', () => {
    expect(mainErrorMessage(mainValue('Result.Err("no luck")', 'Result<Int, String>'))).toBe(
      'main returned error: no luck',
    );
    expect(mainErrorMessage(mainValue('Result.Err(42)', 'Result<Int, Int>'))).toBe('main returned error: 42');
  });

  it('is null for a success, including a Result.Ok and an Option.None', () => {
    expect(mainErrorMessage(mainValue('Result.Ok(1)', 'Result<Int, String>'))).toBeNull();
    expect(mainErrorMessage(mainValue('Option.None', 'Option<Int>'))).toBeNull();
    expect(mainErrorMessage(mainValue('7', 'Int'))).toBeNull();
  });
});
