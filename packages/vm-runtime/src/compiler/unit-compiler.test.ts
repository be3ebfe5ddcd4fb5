import { describe, expect, it } from 'vitest';
import { disassembleChunk } from '../debug.js';
import { compileText, runCaptured, source } from '../test-helpers.js';

/** The disassembly of one function of a compiled program. */
function code(text: string, fn: string): string {
  const program = compileText(source(text));
  const chunk = program.code.chunks.find((candidate) => candidate.name === fn)!;
  return disassembleChunk(chunk, program.code);
}

describe('the unit compiler', () => {
  it('picks typed opcodes from the operand types', () => {
    const text = code(
      `
        fn f(a: Int, b: Float, s: String) -> Bool
            Bool.and(a * 2 > 3, Bool.and(b / 2.0 < 1.5, s + "x" == "yx"))
      `,
      'f',
    );
    for (const op of ['MUL_INT', 'GT_NUM', 'DIV_FLOAT', 'LT_NUM', 'CONCAT_STR', 'EQ_PRIM'])
      expect(text).toContain(op);
  });

  it('compiles a true/false match on a comparison to one fused conditional jump', () => {
    const text = code(
      `
        fn f(n: Int) -> Int
            match n < 10
                true -> 1
                false -> 2
      `,
      'f',
    );
    expect(text).toContain('JUMP_IF_NOT_LT');
    expect(text).not.toContain('LT_NUM');
  });

  it('skips the test of a last arm the earlier arms prove, and keeps MATCH_FAIL only when it can fail', () => {
    const exhaustive = code(
      `
        fn f(xs: List<Int>) -> Int
            match xs
                [] -> 0
                [h, ..t] -> h
      `,
      'f',
    );
    expect(exhaustive).not.toContain('MATCH_CONS');
    expect(exhaustive).not.toContain('MATCH_FAIL');
    const literals = code(
      `
        fn f(p: (Int, Int)) -> Int
            match p
                (0, b) -> b
                (a, 0) -> a
                _ -> 0
      `,
      'f',
    );
    expect(literals).not.toContain('MATCH_FAIL');
  });

  it('inlines small leaf functions but keeps calls to recursive or larger ones', () => {
    const text = code(
      `
        fn square(x: Int) -> Int
            x * x

        fn count(n: Int) -> Int
            match n
                0 -> 0
                _ -> count(n - 1)

        fn f(n: Int) -> Int
            square(n + 1) + count(n)
      `,
      'f',
    );
    expect(text).toContain('MUL_INT');
    expect(text).not.toContain('fn0 square');
    expect(text).toContain('CALL                           fn1 count, argc 1');
  });

  it('never builds a record or variant that is only taken apart, and keeps evaluation order', () => {
    const program = source(`
      record Point
          x: Int
          y: Int

      type Meters
          Meters(Int)

      fn say(label: String, n: Int) -> Int
          ! [Console.print]
          Console.print(label)
          n

      fn unwrap(m: Meters) -> Int
          match m
              Meters.Meters(v) -> v

      fn main() -> Int
          ! [Console.print]
          p = Point(y = say("y", 2), x = say("x", 1))
          q = Point(x = 5, y = say("only y is read", 7)).y
          p.x * 100 + p.y * 10 + unwrap(Meters.Meters(q))
    `);
    const text = code(program, 'main');
    expect(text).not.toContain('RECORD_NEW');
    expect(text).not.toContain('VARIANT_NEW');
    const run = runCaptured(compileText(program));
    expect(run.stdout).toEqual(['y', 'x', 'only y is read']);
    expect(run.value).toBe(127);
  });

  it('builds the value when it escapes: passed on, returned, compared or shown', () => {
    const text = code(
      `
        record Point
            x: Int
            y: Int

        fn main() -> Unit
            ! [Console.print]
            p = Point(x = 1, y = 2)
            Console.print(p.x)
            Console.print(p)
      `,
      'main',
    );
    expect(text).toContain('RECORD_NEW');
  });

  it('chooses the arm of a match on a known variant at compile time, with a wildcard as fallback', () => {
    const run = runCaptured(
      compileText(
        source(`
          type Shape
              Circle(Float)
              Rect(Float, Float)
              Dot

          fn area(s: Shape) -> Float
              match s
                  Shape.Circle(r) -> r * r
                  Shape.Rect(w, h) -> w * h
                  _ -> 0.0

          fn main() -> Unit
              ! [Console.print]
              Console.print(area(Shape.Rect(2.0, 3.5)))
              Console.print(area(Shape.Circle(3.0)))
              Console.print(area(Shape.Dot))
        `),
      ),
    );
    expect(run.stdout).toEqual(['7', '9', '0']);
  });
});
