import { AverRuntimeError, displayValue, lowerSource } from '@aver/vm-runtime';
import { describe, expect, it } from 'vitest';
import { JsCompileError } from './emit/compile-error.js';
import { compileJsSource, compileLowered, type JsProgram } from './js-program.js';
import { JsUnsupportedError, runJs } from './run-js.js';
import { jsStackBudget, measuredStackBudget, PROVISIONAL_STACK_BUDGET } from './stack-budget.js';

function compile(text: string): JsProgram {
  const compiled = compileJsSource(text, 'main.av');
  if (!compiled.ok) throw new Error(`${compiled.stage}: ${compiled.message}`);
  return compiled.program;
}

function failure(program: JsProgram, options = {}): string {
  try {
    runJs(program, { console: 'silent', ...options });
  } catch (error) {
    if (error instanceof AverRuntimeError) return error.format();
    throw error;
  }
  throw new Error('the run did not fail');
}

const DEEP_SUM = `fn sum(n: Int) -> Int
    match n
        0 -> 0
        _ -> n + sum(n - 1)

fn main() -> Int
    sum(300000)
`;

describe('runJs', () => {
  // First in this file: the thread's budget is measured once per module instance.
  it('measures the JS stack only after a run that went past the provisional budget', () => {
    expect(PROVISIONAL_STACK_BUDGET).toBe(100);
    const shallow = compile(DEEP_SUM.replace('300000', '90'));
    expect(displayValue(runJs(shallow, { console: 'silent' }).value)).toBe('4095');
    expect(shallow.load(false).instance.wentDeep()).toBe(false);
    expect(measuredStackBudget()).toBe(null);
    const deeper = compile(DEEP_SUM.replace('300000', '150'));
    expect(displayValue(runJs(deeper, { console: 'silent' }).value)).toBe('11325');
    expect(deeper.load(false).instance.wentDeep()).toBe(true);
    expect(measuredStackBudget()).toBeGreaterThanOrEqual(100);
    expect(displayValue(runJs(deeper, { console: 'silent' }).value)).toBe('11325');
    expect(deeper.load(false).instance.wentDeep()).toBe(false);
  });

  it('runs 300,000 nested non-tail calls on this thread without overflowing the JS stack', () => {
    expect(jsStackBudget()).toBeGreaterThanOrEqual(100);
    expect(displayValue(runJs(compile(DEEP_SUM), { console: 'silent' }).value)).toBe('45000150000');
  });

  it('gives the same results wherever the generator twins take over', () => {
    const program = compile(DEEP_SUM.replace('300000', '2000'));
    for (const stackBudget of [0, 1, 7, 1999, 2000, 100_000]) {
      expect(displayValue(runJs(program, { console: 'silent', stackBudget }).value)).toBe('2001000');
    }
  });

  it('fails past maxFrames with the VM limit error at the line of the call, shallow or deep', () => {
    const program = compile(DEEP_SUM.replace('300000', '5000'));
    for (const stackBudget of [10, 100_000]) {
      expect(failure(program, { maxFrames: 1000, stackBudget })).toBe(
        'Runtime error [line 4]: stack overflow: more than 1000 frames',
      );
    }
  });

  it('reports a runtime error raised deep in the generator twins at its line', () => {
    const program = compile(`fn down(n: Int) -> Int
    match n
        0 -> 10 / n
        _ -> 1 + down(n - 1)

fn main() -> Int
    down(50)
`);
    for (const stackBudget of [5, 100_000]) {
      expect(failure(program, { stackBudget })).toBe('Runtime error [line 3]: division by zero');
    }
  });

  it('calls function values deep in the recursion', () => {
    const program = compile(`fn twice(f: Fn(Int) -> Int, n: Int) -> Int
    f(n) + f(n)

fn walk(n: Int) -> Int
    match n
        0 -> 1
        _ -> twice(walk, n - 1) / 2

fn main() -> Int
    walk(12)
`);
    expect(displayValue(runJs(program, { console: 'silent', stackBudget: 3 }).value)).toBe('1');
  });

  it('gives each run the console, args and depths of its own options, whether or not they changed', () => {
    const program = compile(`fn main() -> Int
    ! [Args.get, Console.print]
    Console.print("args")
    List.len(Args.get())
`);
    const lines: string[] = [];
    const sink = { writeOut: (line: string) => lines.push(line), writeErr: () => {} };
    const options = { console: sink, args: ['a', 'b'] };
    expect(displayValue(runJs(program, options).value)).toBe('2');
    expect(displayValue(runJs(program, options).value)).toBe('2');
    expect(displayValue(runJs(program, { ...options, args: ['a'] }).value)).toBe('1');
    expect(displayValue(runJs(program, { console: 'silent', args: [] }).value)).toBe('0');
    expect(displayValue(runJs(program, { ...options, maxFrames: 1 }).value)).toBe('2');
    expect(lines).toEqual(['args', 'args', 'args', 'args']);
  });

  it('refuses a step budget and counters: they count VM instructions', () => {
    const program = compile('fn main() -> Int\n    1\n');
    expect(() => runJs(program, { stepBudget: 10 })).toThrow(JsUnsupportedError);
    expect(() => runJs(program, { count: true })).toThrow(
      'the js target has no instruction counters (they count VM instructions); run the vm target for counters',
    );
  });

  it('starts every run with fresh globals and gives the top level a failing ? as the run value', () => {
    const program = compile(`fn bump() -> Int
    counter + 1

counter = 41
answer = bump()

fn main() -> Int
    answer
`);
    expect(displayValue(runJs(program, { console: 'silent' }).value)).toBe('42');
    expect(displayValue(runJs(program, { console: 'silent' }).value)).toBe('42');
  });
});

describe('compileLowered', () => {
  it('refuses a construct without the annotations it needs with a clear compile error, never running it elsewhere', () => {
    const lowered = lowerSource('fn main() -> Int\n    1 + 2\n', 'main.av');
    if (!lowered.ok) throw new Error(lowered.message);
    const body = lowered.program.units.find((unit) => unit.name === 'main')!.body[0];
    if (body.kind !== 'ExprStmt' || body.expr.kind !== 'Binary') throw new Error('expected 1 + 2');
    (body.expr as { operandKind?: string }).operandKind = undefined;
    expect(() => compileLowered(lowered.program, 'main.av', [])).toThrow(JsCompileError);
    expect(() => compileLowered(lowered.program, 'main.av', [])).toThrow(
      "JS compile: operator '+' without an operand type (line 2)",
    );
  });
});
