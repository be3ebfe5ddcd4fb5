import { lowerSource } from '@aver/vm-runtime';
import { describe, expect, it } from 'vitest';
import { emitModule } from './emit-module.js';

function emit(text: string, deadline = false): string {
  const lowered = lowerSource(text, 'main.av');
  if (!lowered.ok) throw new Error(lowered.message);
  return emitModule(lowered.program, { entryPath: 'main.av', deadline }).source;
}

/** The lines of the fast function `name` (its header to its closing brace). */
function functionText(source: string, name: string): string {
  const start = source.indexOf(`\nfunction ${name}(`);
  if (start < 0) throw new Error(`no function ${name}`);
  return source.slice(start + 1, source.indexOf('\n}\n', start) + 3);
}

const FIB = `fn fib(n: Int) -> Int
    match n
        0 -> 0
        1 -> 1
        _ -> fib(n - 1) + fib(n - 2)

fn main() -> Int
    fib(15)
`;

describe('emitModule', () => {
  it('writes one function per Aver function, with its name and parameters, and a match as a switch', () => {
    const source = emit(FIB);
    expect(functionText(source, 'fib')).toBe(
      [
        'function fib(n, $d) {',
        '  if ($d > $lim) return $enterDeep(fib$deep(n, $d), $d);',
        '  switch (n) {',
        '    case 0: {',
        '      return 0;',
        '    }',
        '    case 1: {',
        '      return 1;',
        '    }',
        '    default: {',
        '      return ($addInt(fib($subInt(n, 1), $d + 1), fib($subInt(n, 2), $d + 1)));',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(source).toContain('function* fib$deep(n, $d) {');
    expect(source).toContain('function main($d) {');
  });

  it('runs a self tail call as a loop over the parameters', () => {
    const source = emit(
      'fn count(n: Int, acc: Int) -> Int\n    match n\n        0 -> acc\n        _ -> count(n - 1, acc + n)\n\nfn main() -> Int\n    count(10, 0)\n',
    );
    // The loop has a function of its own, without the depth check, which the entry makes.
    expect(functionText(source, 'count')).toBe(
      [
        'function count(n, acc, $d) {',
        '  if ($d > $lim) return $enterDeep(count$deep(n, acc, $d), $d);',
        '  return count$body(n, acc, $d);',
        '}',
        '',
      ].join('\n'),
    );
    const count = functionText(source, 'count$body');
    expect(count).not.toContain('$lim');
    expect(count).toContain('$loop: for (;;) {');
    // `n` is read by the second argument, so its new value waits in a temporary.
    expect(count).toContain('$t = $subInt(n, 1);\n        acc = $addInt(acc, n);\n        n = $t;');
    expect(count).toContain('continue $loop;');
    expect(count).not.toContain('count($subInt');
  });

  it('merges functions that tail-call each other into one loop, each keeping an entry of its own name', () => {
    const source = emit(`fn isEven(n: Int) -> Bool
    match n
        0 -> true
        _ -> isOdd(n - 1)

fn isOdd(n: Int) -> Bool
    match n
        0 -> false
        _ -> isEven(n - 1)

fn main() -> Bool
    isEven(10)
`);
    expect(source).toContain('function isEven$isOdd($fn, $a0, $d) {');
    expect(source).toContain('    switch ($fn) {');
    expect(source).toContain('      case 0: { // isEven');
    expect(functionText(source, 'isEven')).toBe(
      [
        'function isEven(n, $d) {',
        '  if ($d > $lim) return $enterDeep(isEven$isOdd$deep(0, n, $d), $d);',
        '  return isEven$isOdd(0, n, $d);',
        '}',
        '',
      ].join('\n'),
    );
    expect(functionText(source, 'isEven$isOdd')).not.toContain('$lim');
    expect(functionText(source, 'isEven$isOdd')).toContain('$fn = 1;');
  });

  it('switches on the variant tag, builds no record that is only taken apart, and keeps reserved names apart', () => {
    const source = emit(`record Point
    x: Int
    y: Int

type Shape
    Circle(Int)
    Square(Int)

fn area(s: Shape) -> Int
    match s
        Shape.Circle(r) -> 3 * r * r
        Shape.Square(side) -> side * side

fn sum(new: Int) -> Int
    p = Point(x = new, y = 2)
    p.x + p.y

fn main() -> Int
    area(Shape.Circle(2)) + sum(1)
`);
    expect(functionText(source, 'area')).toContain('switch (s.tag) {');
    const sum = functionText(source, 'sum');
    expect(sum).toContain('function sum(new_)');
    expect(sum).toContain('p$x = new_;');
    expect(sum).not.toContain('RecordValue');
  });

  it('counts calls towards the deadline only when asked to', () => {
    expect(emit(FIB)).not.toContain('$tick(),');
    expect(emit(FIB, true)).toContain('$tick(), ');
  });
});
