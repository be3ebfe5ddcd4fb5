import { describe, expect, it } from 'vitest';
import type { Call, Expr, FnDecl, Ident, Member, Stmt } from '../ast.js';
import { checkFiles, checkSource, diagnosticLines, errorsOf, expectClean, source } from './test-helpers.js';
import { typeToString } from './types.js';

/** The expression of the i-th statement of a function (the value of a binding, or the bare expression). */
function stmtExpr(decl: FnDecl, index: number): Expr {
  const stmt: Stmt = decl.body[index];
  return stmt.kind === 'Binding' ? stmt.value : stmt.expr;
}

describe('annotations for the compiler', () => {
  it('resolves every kind of name in value position', () => {
    const result = expectClean(`
      record Box
          value: Int

      type Light
          Red
          Green(Int)

      limit = 10

      fn inc(n: Int) -> Int
          n + 1

      fn f(b: Box) -> Int
          a = b.value
          g = inc
          h = String.len
          i = Light.Red
          j = Light.Green
          k = Option.None
          l = Option.Some
          m = limit
          a + m
    `);
    const decl = result.program.functions.get('f')!.decl;
    const resolutions = decl.body.slice(0, 8).map((_, index) => {
      const expr = stmtExpr(decl, index) as Ident | Member;
      return expr.resolution;
    });
    expect(resolutions).toEqual([
      { kind: 'field', recordType: 'Box', field: 'value', index: 0 },
      { kind: 'function', qualifiedName: 'inc' },
      { kind: 'builtin', name: 'String.len' },
      { kind: 'variant', typeName: 'Light', variant: 'Red' },
      { kind: 'variant', typeName: 'Light', variant: 'Green' },
      { kind: 'variant', typeName: 'Option', variant: 'None' },
      { kind: 'variant', typeName: 'Option', variant: 'Some' },
      { kind: 'global', qualifiedName: 'limit' },
    ]);
    const field = stmtExpr(decl, 0) as Member;
    expect(field.object.kind === 'Ident' && field.object.resolution).toEqual({ kind: 'local', name: 'b' });
    expect(typeToString(result.program.exprTypes.get(stmtExpr(decl, 4))!)).toBe('Fn(Int) -> Light');
    expect(typeToString(result.program.exprTypes.get(stmtExpr(decl, 5))!)).toBe('Option<Unknown>');
  });

  it('fills the target of every kind of call', () => {
    const result = expectClean(`
      record Box
          value: Int

      type Light
          Green(Int)

      fn twice(f: Fn(Int) -> Int, n: Int) -> Int
          f(f(n))

      fn f(n: Int) -> Int
          a = twice(Int.abs, n)
          b = Light.Green(a)
          c = Result.Ok(b)
          d = Box(value = a)
          e = Box.update(d, value = 2)
          e.value
    `);
    const twice = result.program.functions.get('twice')!.decl;
    expect((stmtExpr(twice, 0) as Call).target).toEqual({ kind: 'value' });
    const decl = result.program.functions.get('f')!.decl;
    const targets = [0, 1, 2, 3, 4].map((index) => (stmtExpr(decl, index) as Call).target);
    expect(targets).toEqual([
      { kind: 'function', qualifiedName: 'twice' },
      { kind: 'variant', typeName: 'Light', variant: 'Green' },
      { kind: 'variant', typeName: 'Result', variant: 'Ok' },
      { kind: 'record', typeName: 'Box', fieldOrder: [0] },
      { kind: 'recordUpdate', typeName: 'Box', fieldIndexes: [0] },
    ]);
    expect(((stmtExpr(decl, 0) as Call).args[0] as Member).resolution).toEqual({
      kind: 'builtin',
      name: 'Int.abs',
    });
  });

  it('resolves constructor patterns, including the built-in wrappers', () => {
    const result = expectClean(`
      type Light
          Red
          Green(Int)

      fn f(l: Light, r: Result<Int, String>) -> Int
          a = match l
              Light.Red -> 0
              Light.Green(n) -> n
          match r
              Result.Ok(v) -> v + a
              Result.Err(_) -> a
    `);
    const decl = result.program.functions.get('f')!.decl;
    const patterns = [stmtExpr(decl, 0), stmtExpr(decl, 1)].flatMap((expr) =>
      expr.kind === 'Match'
        ? expr.arms.map((arm) => arm.pattern.kind === 'ConstructorPattern' && arm.pattern.resolution)
        : [],
    );
    expect(patterns).toMatchObject([
      { typeName: 'Light', variant: 'Red' },
      { typeName: 'Light', variant: 'Green' },
      { typeName: 'Result', variant: 'Ok' },
      { typeName: 'Result', variant: 'Err' },
    ]);
  });
});

describe('the checked program', () => {
  it('lists functions with signatures, types in declaration order, and verify blocks with given types', () => {
    const result = expectClean(`
      record P
          x: Int
          y: Float

      fn f(p: P, xs: List<(Int, String)>) -> Option<Float>
          ! [Console]
          Console.print("x")
          Option.Some(p.y)

      verify g law same
          given n: Int = 0..3
          given s: List<Int> = [[], [1]]
          when n > 0
          g(n) => n

      fn g(n: Int) -> Int
          n
    `);
    const f = result.program.functions.get('f')!;
    expect(f.module).toBeNull();
    expect(f.effects).toEqual(['Console']);
    expect(f.params.map((type) => typeToString(type))).toEqual(['P', 'List<(Int, String)>']);
    expect(typeToString(f.ret)).toBe('Option<Float>');
    expect(result.program.types.get('P')).toEqual({
      kind: 'record',
      name: 'P',
      fields: [
        { name: 'x', type: { kind: 'Int' } },
        { name: 'y', type: { kind: 'Float' } },
      ],
      fieldIndex: expect.any(Map),
      module: expect.anything(),
      opaque: false,
      type: { kind: 'Named', name: 'P' },
    });
    expect(result.program.types.has('HttpResponse')).toBe(true);
    const [block] = result.program.verifyBlocks;
    expect(block.fnQualifiedName).toBe('g');
    expect(block.givens.map((given) => `${given.name}: ${typeToString(given.type)}`)).toEqual([
      'n: Int',
      's: List<Int>',
    ]);
  });

  it('checks top-level statements in order and exposes their bindings as globals', () => {
    const result = checkSource(
      source(`
        base = 20
        twice = base * 2
        Console.print("loaded")

        fn main() -> Int
            twice + later

        later = 1
      `),
    );
    expect(diagnosticLines(result)).toEqual([]);
    expect(
      result.program.globals.map((global) => `${global.qualifiedName}: ${typeToString(global.type)}`),
    ).toEqual(['base: Int', 'twice: Int', 'later: Int']);
    expect(result.program.topLevel).toHaveLength(4);
    expect(
      errorsOf(`
        a = b
        b = 1
        b = 2
      `),
    ).toEqual(["error[1:5]: Unknown identifier 'b'", "error[3:1]: 'b' is already defined"]);
  });

  it('keeps the last of two functions with one name, with a warning', () => {
    const result = checkSource(
      source(`
        fn f() -> Int
            "first is ignored"

        fn f() -> Int
            2
      `),
    );
    expect(diagnosticLines(result, true)).toEqual([
      "warning[4:4]: Function 'f' is defined more than once; the last definition wins",
    ]);
  });

  it('records the era of version-specific names and of Console.print on a non-String', () => {
    const result = expectClean(`
      fn main() -> Unit
          ! [Console.print]
          m: Map<String, Int> = Map.empty()
          Console.print(Int.toString(Map.len(m)))
          Console.print(Float.toInt(1.5))
    `);
    expect([...result.program.entry.eras].sort()).toEqual([
      'console-any',
      'conversion-0.16',
      'map-empty-call',
    ]);
  });

  it('renders tuple types in the form the program writes them', () => {
    expect(errorsOf('fn f(p: Tuple<Int, Int>) -> Int\n    p\n')).toEqual([
      "error[2:5]: Function 'f': body returns Tuple<Int, Int> but declared return type is Int",
    ]);
    expect(errorsOf('fn f(p: (Int, Int)) -> Int\n    p\n')).toEqual([
      "error[2:5]: Function 'f': body returns (Int, Int) but declared return type is Int",
    ]);
  });

  it('sorts diagnostics by file in dependency order, then by position', () => {
    const result = checkFiles({
      'main.av': source(`
        module Main
            depends [Lib]

        fn main() -> Int
            "x"

        fn early() -> Int
            nope
      `),
      'lib.av': source(`
        module Lib

        fn g() -> Int
            missing
      `),
    });
    expect(result.diagnostics.map((d) => `${d.span.file}:${d.span.line}`)).toEqual([
      'lib.av:4',
      'main.av:5',
      'main.av:8',
    ]);
  });

  it('reports unknown types, bad type arguments and duplicate declarations', () => {
    expect(
      errorsOf(`
        record R
            a: Int
            a: String

        type T
            A
            A

        record T
            x: Int

        fn f(x: Strin, y: List<Int, Int>, z: Int<Int>) -> Map<Int>
            f(x, y, z)
      `),
    ).toEqual([
      "error[3:5]: 'a' is already defined",
      "error[7:5]: 'A' is already defined",
      "error[9:1]: 'T' is already defined",
      "error[12:9]: Unknown type 'Strin'",
      "error[12:19]: Type 'List' expects 1 type argument(s), got 2",
      "error[12:38]: Type 'Int' expects 0 type argument(s), got 1",
      "error[12:51]: Type 'Map' expects 2 type argument(s), got 1",
    ]);
  });
});
