import { describe, expect, it } from 'vitest';
import type { Call, Expr, FnDecl, SourceFile } from '../ast.js';
import { parseSource } from '../parser.js';
import { source } from '../test-helpers.js';
import { markTailCalls } from './tco.js';
import { visitExprs } from './walk.js';

function parse(text: string): SourceFile {
  const result = parseSource(source(text), 'main.av');
  expect(result.diagnostics).toEqual([]);
  return result.file;
}

/** `callee(line)` for every call of `fn` that `tco` marked as a tail call. */
function tailCalls(file: SourceFile, fn: string): string[] {
  const decl = file.items.find((item): item is FnDecl => item.kind === 'FnDecl' && item.name === fn)!;
  const marked: string[] = [];
  visitExprs(decl.body, (expr: Expr) => {
    if (expr.kind !== 'Call' || expr.tail !== true) return;
    const callee = (expr as Call).callee;
    marked.push(`${callee.kind === 'Ident' ? callee.name : '?'}@${expr.span.line}`);
  });
  return marked;
}

describe('tco', () => {
  it('marks self calls in tail position, through the arms of a tail match, and nothing else', () => {
    const file = parse(`
      fn count(n: Int, acc: Int) -> Int
          match n
              0 -> acc
              _ -> match n > 10
                  true -> count(n - 1, acc + 1)
                  false -> count(n - 1, count(0, acc))

      fn sum(n: Int) -> Int
          match n
              0 -> 0
              _ -> n + sum(n - 1)
    `);
    const stats = markTailCalls([{ file, module: null }]);
    expect(tailCalls(file, 'count')).toEqual(['count@5', 'count@6']);
    expect(tailCalls(file, 'sum')).toEqual([]);
    expect(stats).toEqual({ functions: 2, recursiveComponents: 2, tailCalls: 2 });
  });

  it('marks tail calls between the members of one call-graph SCC, not calls into another SCC', () => {
    const file = parse(`
      fn isEven(n: Int) -> Bool
          match n
              0 -> true
              _ -> isOdd(n - 1)

      fn isOdd(n: Int) -> Bool
          match n
              0 -> false
              _ -> isEven(n - 1)

      fn report(n: Int) -> Bool
          isEven(n)
    `);
    const stats = markTailCalls([{ file, module: null }]);
    expect(tailCalls(file, 'isEven')).toEqual(['isOdd@4']);
    expect(tailCalls(file, 'isOdd')).toEqual(['isEven@9']);
    expect(tailCalls(file, 'report')).toEqual([]);
    expect(stats.recursiveComponents).toBe(1);
  });

  it('leaves a call alone when a parameter, binding or binder of the same name hides the function', () => {
    const file = parse(`
      fn step(n: Int) -> Int
          n

      fn loop(step: Fn(Int) -> Int, n: Int) -> Int
          step(n)

      fn again(n: Int) -> Int
          again = n
          match n
              0 -> again
              _ -> step(n)
    `);
    markTailCalls([{ file, module: null }]);
    expect(tailCalls(file, 'loop')).toEqual([]);
    expect(tailCalls(file, 'again')).toEqual([]);
  });

  it('resolves qualified calls to loaded modules for the call graph', () => {
    const lib = parseSource(
      source(`
        module Lib

        fn ping(n: Int) -> Int
            match n
                0 -> 0
                _ -> ping(n - 1)
      `),
      'lib.av',
    ).file;
    const file = parse(`
      fn main() -> Int
          Lib.ping(3)
    `);
    const stats = markTailCalls([
      { file: lib, module: 'Lib' },
      { file, module: null },
    ]);
    expect(tailCalls(lib, 'ping')).toEqual(['ping@6']);
    expect(tailCalls(file, 'main')).toEqual([]);
    expect(stats).toEqual({ functions: 2, recursiveComponents: 1, tailCalls: 1 });
  });
});
