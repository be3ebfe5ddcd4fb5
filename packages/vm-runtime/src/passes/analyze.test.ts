import { describe, expect, it } from 'vitest';
import { compileFiles, lowerText, source } from '../test-helpers.js';

describe('analyze', () => {
  it('counts allocation sites exactly as the README defines them', () => {
    const lowered = lowerText(
      source(`
        record P
            x: Int

        type Shape
            Circle(Float)
            Dot

        fn sites(n: Int, s: String) -> Int
            a = [1, 2]
            b: List<Int> = []
            c = {"k" => 1}
            d: Map<String, Int> = {}
            e = (1, 2)
            f = P(x = n)
            g = P.update(f, x = 2)
            h = Shape.Circle(1.0)
            i = Shape.Dot
            j = Option.Some(1)
            k = Result.Ok(1)
            l: Option<Int> = Option.None
            m = "{n}"
            o = "x{n}"
            p = List.prepend(1, a)
            q = List.len(a)
            r = String.len(s)
            t = Map.get(c, "k")
            u = (Result.Ok(1), Result.Ok(2))!
            n
      `),
    );
    const facts = lowered.units.find((unit) => unit.name === 'sites')!.facts!;
    // [1, 2]; {"k" => 1}; (1, 2); P(..); P.update; Circle(..); Some; Ok; "x{n}"; List.prepend; Map.get; the product
    // with its two Oks.
    expect(facts.allocSites).toBe(14);
    expect(lowered.compilerVisibleAllocs).toBe(14);
  });

  it('classifies leaf and thin units and counts their tail calls', () => {
    const lowered = lowerText(
      source(`
        fn add(a: Int, b: Int) -> Int
            a + b

        fn wrap(a: Int) -> List<Int>
            [a]

        fn loop(n: Int) -> Int
            match n
                0 -> add(1, 2)
                _ -> loop(n - 1)
      `),
    );
    const facts = Object.fromEntries(lowered.units.map((unit) => [unit.name, unit.facts!]));
    expect(facts.add).toMatchObject({ leaf: true, thin: true, allocSites: 0, localCount: 2 });
    expect(facts.wrap).toMatchObject({ leaf: true, thin: false, allocSites: 1 });
    expect(facts.loop).toMatchObject({ leaf: false, thin: false, selfTailCalls: 1, mutualTailCalls: 0 });
    expect(lowered.reports.analyze).toMatchObject({ compilerVisibleAllocs: 1 });
  });

  it('leaves dependency modules and verify blocks out of compiler_visible_allocs', () => {
    const program = compileFiles({
      'main.av': source(`
        module Main
            depends [Lib]

        fn main() -> List<Int>
            Lib.pair(1)

        verify main
            main() => [1, 1]
      `),
      'lib.av': source(`
        module Lib

        fn pair(n: Int) -> List<Int>
            [n, n]
      `),
    });
    expect(program.compilerVisibleAllocs).toBe(0);
  });

  it('is deterministic: the same source gives the same count every time', () => {
    const text = source(`
      fn main() -> List<String>
          ["{1}", "a{2}", "b"]
    `);
    const counts = [1, 2, 3].map(() => lowerText(text).compilerVisibleAllocs);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(2);
  });
});
