import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../diagnostics.js';
import { loadProgram } from '../module-loader.js';
import { type CheckResult, checkProgram } from './check-program.js';
import { source } from './test-helpers.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes the files into a fresh temp directory (the module root) and checks `main.av` from it. */
function checkTree(files: Record<string, string>): CheckResult & { lines: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'aver-check-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, source(text));
  }
  const loaded = loadProgram(join(root, 'main.av'), root);
  expect(loaded.diagnostics.map(formatDiagnosticLine)).toEqual([]);
  const result = checkProgram(loaded);
  const lines = result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.span.file.slice(root.length + 1)}:${formatDiagnosticLine(d)}`);
  return { ...result, lines };
}

const shapes = `
  module Shapes
      exposes [Shape, area, unitCircle]
      exposes opaque [Meters]

  type Shape
      Circle(Float)
      Point

  record Meters
      value: Float

  fn area(s: Shape) -> Float
      match s
          Shape.Circle(r) -> r * r
          Shape.Point -> 0.0

  fn unitCircle() -> Shape
      Shape.Circle(1.0)

  fn meters(x: Float) -> Meters
      Meters(value = x)

  fn hidden() -> Int
      1
`;

describe('modules and visibility (language reference: "Modules and imports")', () => {
  it('resolves qualified functions, types, variants and patterns of a dependency', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Data.Shapes]

        fn describe(s: Data.Shapes.Shape) -> String
            match s
                Data.Shapes.Shape.Circle(r) -> "circle {r}"
                Data.Shapes.Shape.Point -> "point"

        fn main() -> Float
            a = Data.Shapes.area(Data.Shapes.Shape.Circle(2.0))
            b = Data.Shapes.area(Data.Shapes.unitCircle())
            c = Data.Shapes.Shape.Point
            a + b + Data.Shapes.area(c)
      `,
      'data/shapes.av': shapes,
    });
    expect(result.lines).toEqual([]);
    expect([...result.program.functions.keys()]).toEqual([
      'Data.Shapes.area',
      'Data.Shapes.unitCircle',
      'Data.Shapes.meters',
      'Data.Shapes.hidden',
      'describe',
      'main',
    ]);
    expect(result.program.types.get('Data.Shapes.Shape')).toMatchObject({
      kind: 'sum',
      variants: [{ name: 'Circle' }, { name: 'Point', fields: [] }],
    });
    const main = result.program.functions.get('main')!.decl;
    const first = main.body[0].kind === 'Binding' ? main.body[0].value : null;
    expect(first?.kind === 'Call' && first.target).toEqual({
      kind: 'function',
      qualifiedName: 'Data.Shapes.area',
    });
    expect(first?.kind === 'Call' && first.args[0].kind === 'Call' && first.args[0].target).toEqual({
      kind: 'variant',
      typeName: 'Data.Shapes.Shape',
      variant: 'Circle',
    });
  });

  it('hides names missing from exposes', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Data.Shapes]

        fn main() -> Int
            Data.Shapes.hidden() + Data.Shapes.nothing
      `,
      'data/shapes.av': shapes,
    });
    expect(result.lines).toEqual([
      "main.av:error[5:5]: Unknown member 'Data.Shapes.hidden' (not exposed or missing)",
      "main.av:error[5:28]: Unknown member 'Data.Shapes.nothing' (not exposed or missing)",
    ]);
  });

  it('exposes everything when a module has no exposes line', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Util]

        fn main() -> Int
            Util.twice(Util.base)
      `,
      'util.av': `
        module Util

        base = 21

        fn twice(n: Int) -> Int
            n * 2
      `,
    });
    expect(result.lines).toEqual([]);
    expect(result.program.globals.map((global) => [global.qualifiedName, global.module])).toEqual([
      ['Util.base', 'Util'],
    ]);
  });

  it('lets an opaque type appear in signatures but not be built, read or matched outside its module', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Data.Shapes]

        fn keep(m: Data.Shapes.Meters) -> Data.Shapes.Meters
            m

        fn main() -> Float
            a = Data.Shapes.Meters(value = 1.0)
            a.value
      `,
      'data/shapes.av': shapes.replace(
        'exposes [Shape, area, unitCircle]',
        'exposes [Shape, area, unitCircle, meters]',
      ),
    });
    expect(result.lines).toEqual([
      "main.av:error[8:9]: Cannot construct opaque type 'Meters' — use its module's constructor function",
      "main.av:error[9:5]: Cannot access field 'value' of opaque type 'Meters'",
    ]);
  });

  it('forbids matching on the variants of an opaque sum type outside its module', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Token]

        fn show(t: Token.Kind) -> String
            match t
                Token.Kind.Word(w) -> w
                _ -> "?"

        fn main() -> String
            show(Token.word("x"))
      `,
      'token.av': `
        module Token
            exposes [word]
            exposes opaque [Kind]

        type Kind
            Word(String)
            Space

        fn word(w: String) -> Kind
            Kind.Word(w)
      `,
    });
    expect(result.lines).toEqual([
      "main.av:error[6:9]: Cannot match on opaque type 'Kind' outside its module",
    ]);
  });

  it('reports unknown qualified types and unknown exposes entries', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Util]

        fn f(x: Util.Missing, y: Nope) -> Int
            1
      `,
      'util.av': `
        module Util
            exposes [ghost]
      `,
    });
    expect(result.lines).toEqual([
      "util.av:error[2:14]: Module 'Util' exposes unknown name 'ghost'",
      "main.av:error[4:9]: Unknown member 'Util.Missing' (not exposed or missing)",
      "main.av:error[4:26]: Unknown type 'Nope'",
    ]);
  });
});

describe("a dependency's types and constructors used bare (Oracle addendum: '`depends` name resolution')", () => {
  const types = `
    module Types
        exposes [Tile, Entity, pt]

    type Tile
        Wall
        Door(Bool)

    record Entity
        name: String
        hp: Int

    fn pt(x: Int) -> Int
        x
  `;

  it('resolves bare types, variants, patterns, record construction and update to the qualified type', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Types]

        fn isDoor(t: Tile) -> Bool
            match t
                Tile.Door(open) -> open
                Tile.Wall -> false

        fn main() -> Entity
            e = Entity(name = "rat", hp = 1)
            d = isDoor(Tile.Door(true))
            Entity.update(e, hp = 2)
      `,
      'types.av': types,
    });
    expect(result.lines).toEqual([]);
    const main = result.program.functions.get('main')!.decl;
    const targets = main.body.map((stmt) => {
      const expr = stmt.kind === 'Binding' ? stmt.value : stmt.expr;
      return expr.kind === 'Call' ? expr.target : null;
    });
    expect(targets).toEqual([
      { kind: 'record', typeName: 'Types.Entity', fieldOrder: [0, 1] },
      { kind: 'function', qualifiedName: 'isDoor' },
      { kind: 'recordUpdate', typeName: 'Types.Entity', fieldIndexes: [1] },
    ]);
    expect(result.program.functions.get('isDoor')!.params).toEqual([{ kind: 'Named', name: 'Types.Tile' }]);
  });

  it('never aliases functions: a bare call of a dependency function is unknown', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Types]

        fn main() -> Int
            pt(3) + Types.pt(4)
      `,
      'types.av': types,
    });
    expect(result.lines).toEqual(["main.av:error[5:5]: Call to unknown function 'pt'"]);
  });

  it('lets a local declaration shadow the bare name, the dependency staying reachable qualified', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Types]

        type Tile
            Grass

        fn local() -> Tile
            Tile.Grass

        fn remote() -> Types.Tile
            Types.Tile.Wall

        fn wrong() -> Tile
            Tile.Wall
      `,
      'types.av': types,
    });
    expect(result.lines).toEqual(["main.av:error[14:5]: Unknown constructor 'Tile.Wall'"]);
  });

  it('reports a name two dependencies expose, where it is written bare, with the place', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [A, B]

        record Box
            s: Shape

        fn f(s: Shape) -> Shape
            Shape.Dot

        fn g(s: A.Shape) -> Int
            match s
                A.Shape.Dot -> 1
      `,
      'a.av': 'module A\n\ntype Shape\n    Dot\n',
      'b.av': 'module B\n\ntype Shape\n    Dot\n',
    });
    const ambiguous = "Ambiguous type name 'Shape'; use `A.Shape` or `B.Shape` to disambiguate";
    expect(result.lines).toEqual([
      `main.av:error[5:8]: Record 'Box', field 's': ${ambiguous}`,
      `main.av:error[7:9]: Function 'f', parameter 's': ${ambiguous}`,
      `main.av:error[7:19]: Function 'f', return type: ${ambiguous}`,
      `main.av:error[8:5]: Function 'f': ${ambiguous}`,
    ]);
  });

  it('keeps unexposed types hidden and opaque ones abstract when used bare', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Money]

        fn f(c: Coin) -> Secret
            Coin(cents = 1)
      `,
      'money.av': `
        module Money
            exposes [make]
            exposes opaque [Coin]

        record Coin
            cents: Int

        record Secret
            n: Int

        fn make() -> Coin
            Coin(cents = 0)
      `,
    });
    expect(result.lines).toEqual([
      "main.av:error[4:18]: Unknown type 'Secret'",
      "main.av:error[5:5]: Cannot construct opaque type 'Coin' — use its module's constructor function",
    ]);
  });

  it('resolves `Tile.Stone` when the module is named like its type (`depends [Tile]`)', () => {
    const result = checkTree({
      'main.av': `
        module Main
            depends [Tile]

        fn f(t: Tile) -> Tile
            match t
                Tile.Stone -> Tile.Sand(Tile.depth())
                Tile.Sand(n) -> Tile.Stone
      `,
      'tile.av': `
        module Tile

        type Tile
            Stone
            Sand(Int)

        fn depth() -> Int
            3
      `,
    });
    expect(result.lines).toEqual([]);
  });
});
