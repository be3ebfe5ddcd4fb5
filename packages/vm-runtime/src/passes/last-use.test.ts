import { describe, expect, it } from 'vitest';
import type { Ident } from '../ast.js';
import { disassemble } from '../debug.js';
import { compileText, lowerText, source } from '../test-helpers.js';
import { visitExprs } from './walk.js';

/** `name` or `name!` (last use) for every local read of function `name`, in evaluation order. */
function reads(text: string, fn: string): string[] {
  const target = lowerText(source(text)).units.find((unit) => unit.name === fn)!;
  const out: string[] = [];
  visitExprs(target.body, (expr) => {
    if (expr.kind === 'Ident' && (expr as Ident).slot !== undefined) {
      out.push((expr as Ident).lastUse ? `${expr.name}!` : expr.name);
    }
  });
  return out;
}

describe('last_use', () => {
  it('flags the last read of each local in evaluation order', () => {
    expect(
      reads(
        `
          fn f(a: Int, b: Int) -> Int
              c = a + b
              a * c + b
        `,
        'f',
      ),
    ).toEqual(['a', 'b', 'a!', 'c!', 'b!']);
  });

  it('decides each arm on its own path, and keeps the subject alive for the tests of every arm', () => {
    expect(
      reads(
        `
          fn f(n: Int, m: Int) -> Int
              match n
                  0 -> m
                  _ -> n + m
        `,
        'f',
      ),
    ).toEqual(['n', 'm!', 'n!', 'm!']);
  });

  it('makes the final read of a vector a move, a read by a look-only built-in a borrow, any other read sharing', () => {
    const text = source(`
      fn f(v: Vector<Int>) -> Vector<Int>
          n = Vector.len(v)
          kept = [v]
          Option.withDefault(Vector.set(v, 0, n + List.len(kept)), v)
    `);
    const code = disassemble(compileText(text));
    expect(code).toMatch(/LOAD_LOCAL\s+s0\n.*CALL_BUILTIN\s+Vector\.len/);
    expect(code).toMatch(/LOAD_LOCAL_SHARE\s+s0\n.*LIST_NEW/);
    expect(code).toMatch(/MOVE_LOCAL\s+s0\n(.*\n)+.*VECTOR_SET_OR_KEEP/);
  });

  it('treats a tail call as the end of the body: the arguments are the last reads', () => {
    expect(
      reads(
        `
          fn loop(m: Map<Int, Int>, n: Int) -> Map<Int, Int>
              match n
                  0 -> m
                  _ -> loop(Map.set(m, n, n), n - 1)
        `,
        'loop',
      ),
    ).toEqual(['n', 'm!', 'm!', 'n', 'n', 'n!']);
  });
});
