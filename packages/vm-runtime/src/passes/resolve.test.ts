import { describe, expect, it } from 'vitest';
import type { BindingStmt, Ident, MatchExpr } from '../ast.js';
import { lowerText, source } from '../test-helpers.js';
import type { CodeUnit } from './code-unit.js';
import { visitExprs } from './walk.js';

function unit(text: string, name: string): CodeUnit {
  return lowerText(source(text)).units.find((candidate) => candidate.name === name)!;
}

/** `name=slot` for every local read in the unit, in evaluation order. */
function reads(target: CodeUnit): string[] {
  const out: string[] = [];
  visitExprs(target.body, (expr) => {
    if (expr.kind === 'Ident' && (expr as Ident).slot !== undefined)
      out.push(`${expr.name}=${(expr as Ident).slot}`);
  });
  return out;
}

describe('resolve', () => {
  it('gives parameters the first slots and bindings the next ones', () => {
    const f = unit(
      `
        fn f(a: Int, b: Int) -> Int
            c = a + b
            d = c * 2
            d - a
      `,
      'f',
    );
    expect(f.localCount).toBe(4);
    expect((f.body[0] as BindingStmt).slot).toBe(2);
    expect((f.body[1] as BindingStmt).slot).toBe(3);
    expect(reads(f)).toEqual(['a=0', 'b=1', 'c=2', 'd=3', 'a=0']);
  });

  it('tests a local subject in its own slot and reuses arm slots across arms', () => {
    const f = unit(
      `
        fn f(xs: List<Int>, o: Option<Int>) -> Int
            match xs
                [] -> match o
                    Option.Some(v) -> v
                    Option.None -> 0
                [h, ..t] -> h + List.len(t)
      `,
      'f',
    );
    const match = (f.body[0] as { expr: MatchExpr }).expr;
    expect(match.subjectSlot).toBe(0);
    expect(reads(f)).toEqual(['xs=0', 'o=1', 'v=2', 'h=2', 't=3']);
    expect(f.localCount).toBe(4);
  });

  it('gives a computed subject a temporary and lets a plain binder share it', () => {
    const f = unit(
      `
        fn f(n: Int) -> Int
            match n + 1
                m -> m * 2
      `,
      'f',
    );
    const match = (f.body[0] as { expr: MatchExpr }).expr;
    expect(match.subjectSlot).toBe(1);
    expect(reads(f)).toEqual(['n=0', 'm=1']);
  });

  it('sends a Vector or Map subject through a temporary so its read can move or share it', () => {
    const f = unit(
      `
        fn f(m: Map<String, Int>) -> Int
            match m
                other -> Map.len(other)
      `,
      'f',
    );
    const match = (f.body[0] as { expr: MatchExpr }).expr;
    expect(match.subjectSlot).toBe(1);
  });

  it('extracts nested tuple items into their own slots', () => {
    const f = unit(
      `
        fn f(p: ((Int, Int), Int)) -> Int
            match p
                ((a, _), c) -> a + c
      `,
      'f',
    );
    expect(reads(f)).toEqual(['p=0', 'a=2', 'c=3']);
    expect(f.localCount).toBe(4);
  });
});
