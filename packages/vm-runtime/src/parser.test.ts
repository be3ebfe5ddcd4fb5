import { describe, expect, it } from 'vitest';
import type { FnDecl, Item, VerifyBlock } from './ast.js';
import { parseSource } from './parser.js';
import {
  bodyOf,
  parseClean,
  parseExpression,
  show,
  showPattern,
  showType,
  source,
} from './parser/test-helpers.js';

function itemOf<K extends Item['kind']>(text: string, kind: K): Extract<Item, { kind: K }> {
  const item = parseClean(text).items.find((candidate) => candidate.kind === kind);
  if (item === undefined) throw new Error(`no ${kind}`);
  return item as Extract<Item, { kind: K }>;
}

function expr(text: string): string {
  return show(parseExpression(text));
}

describe('module header', () => {
  it('reads every header line, in any order', () => {
    const file = parseClean(`
      module Payments
          exposes [charge, Shape]
          effects [Console, Disk.readText]
          depends [Data.Fibonacci, Modules.Models.User]
          exposes opaque [Discount]
          intent = "Processes transactions."
    `);
    expect(file.module).toMatchObject({
      kind: 'Module',
      name: 'Payments',
      intent: 'Processes transactions.',
      exposes: [{ name: 'charge' }, { name: 'Shape' }],
      exposesOpaque: [{ name: 'Discount' }],
      effects: [{ name: 'Console' }, { name: 'Disk.readText' }],
    });
    expect(file.module!.depends.map((d) => d.path)).toEqual([
      ['Data', 'Fibonacci'],
      ['Modules', 'Models', 'User'],
    ]);
    expect(file.items[0]).toBe(file.module);
  });

  it('joins a multi-line intent with single spaces', () => {
    const file = parseClean(`
      module Hello
          intent =
              "Demonstrates basic Aver syntax,"
              "local bindings."
    `);
    expect(file.module!.intent).toBe('Demonstrates basic Aver syntax, local bindings.');
  });

  it('accepts a module line with no body and leaves absent lines null', () => {
    const file = parseClean('module Bench\n\nfn main() -> Int\n    1\n');
    expect(file.module).toMatchObject({
      name: 'Bench',
      intent: null,
      exposes: null,
      effects: null,
      depends: [],
    });
  });

  it('records an empty depends list and an empty effect boundary', () => {
    const file = parseClean('module M\n    depends []\n    effects []\n');
    expect(file.module).toMatchObject({ depends: [], effects: [] });
  });

  it('spans the module name line', () => {
    const file = parseClean('module Payments\n    intent = "x"\n');
    expect(file.module!.span).toMatchObject({ line: 1, column: 1, start: 0, end: 15 });
  });
});

describe('type and record declarations', () => {
  it('reads sum type variants with and without payloads', () => {
    const type = itemOf('type Shape\n  Circle(Float)\n  Rect(Float, Float)\n  Point\n', 'TypeDecl');
    expect(type.name).toBe('Shape');
    expect(type.variants.map((v) => `${v.name}(${v.fields.map(showType).join(', ')})`)).toEqual([
      'Circle(Float)',
      'Rect(Float, Float)',
      'Point()',
    ]);
  });

  it('reads recursive variants and record fields', () => {
    expect(itemOf('type Term\n    App(Term, Term)\n', 'TypeDecl').variants[0].fields.map(showType)).toEqual([
      'Term',
      'Term',
    ]);
    const record = itemOf('record User\n    name: String\n    tags: List<String>\n', 'RecordDecl');
    expect(record.fields.map((f) => `${f.name}: ${showType(f.type)}`)).toEqual([
      'name: String',
      'tags: List<String>',
    ]);
  });
});

describe('types', () => {
  function typeOf(text: string): string {
    const fn = itemOf(`fn f(x: ${text})\n    x\n`, 'FnDecl');
    return showType(fn.params[0].type);
  }

  it('reads named, qualified and generic types', () => {
    expect(typeOf('Int')).toBe('Int');
    expect(typeOf('Data.Shapes.Shape')).toBe('Data.Shapes.Shape');
    expect(typeOf('Map<String, List<Int>>')).toBe('Map<String, List<Int>>');
    expect(typeOf('Result<Option<Int>, String>')).toBe('Result<Option<Int>, String>');
    expect(typeOf('Unit')).toBe('Unit');
  });

  it('reads both tuple type syntaxes and records their eras', () => {
    const paren = parseClean('fn f(x: (Int, String)) -> Tuple<Int, Bool>\n    x\n');
    const fn = paren.items[0] as FnDecl;
    expect(showType(fn.params[0].type)).toBe('paren(Int, String)');
    expect(showType(fn.returnType!)).toBe('angle(Int, Bool)');
    expect([...paren.eras].sort()).toEqual(['tuple-type-angle', 'tuple-type-paren']);
    expect(typeOf('(Int)')).toBe('Int');
  });

  it('reads function types with effects', () => {
    expect(typeOf('Fn(Int, String) -> Bool ! [Console.print, Disk]')).toBe(
      'Fn(Int, String) -> Bool ! [Console.print, Disk]',
    );
    expect(typeOf('Fn() -> Fn(Int) -> Int')).toBe('Fn() -> Fn(Int) -> Int');
  });

  it('splits >= after type arguments into > and =', () => {
    const [stmt] = bodyOf('fn f()\n    xs: List<Int>= []\n');
    expect(stmt).toMatchObject({ kind: 'Binding', name: 'xs', annotation: { name: 'List' } });
  });
});

describe('functions', () => {
  it('reads parameters, return type, description, effects and body', () => {
    const fn = itemOf(
      `
      fn greet(name: String, times: Int) -> String
          ? "Returns a greeting."
            "Second line."
          ! [Console.print, Disk]
          x = 1
          y: Int = 2
          _ = Console.print(name)
          "Hello, {name}"
      `,
      'FnDecl',
    );
    expect(fn.name).toBe('greet');
    expect(fn.params.map((p) => `${p.name}: ${showType(p.type)}`)).toEqual(['name: String', 'times: Int']);
    expect(showType(fn.returnType!)).toBe('String');
    expect(fn.description).toBe('Returns a greeting. Second line.');
    expect(fn.effects.map((e) => e.name)).toEqual(['Console.print', 'Disk']);
    expect(
      fn.body.map((s) => (s.kind === 'Binding' ? `${s.name}${s.annotation ? ':' : ''}=` : s.kind)),
    ).toEqual(['x=', 'y:=', '_=', 'ExprStmt']);
    expect(fn.nameSpan).toMatchObject({ line: 1, column: 4 });
  });

  it('leaves the return type null when -> is omitted', () => {
    expect(itemOf('fn main()\n  ! [Console.print]\n  Console.print("x")\n', 'FnDecl').returnType).toBeNull();
  });

  it('reads a match as a statement followed by more statements', () => {
    const body = bodyOf(`
      fn main() -> Unit
          match r
              Result.Ok(s) -> p(s)
              Result.Err(m) -> p(m)
          p("done")
    `);
    expect(body.map((s) => (s.kind === 'ExprStmt' ? s.expr.kind : s.kind))).toEqual(['Match', 'Call']);
  });
});

describe('verify blocks', () => {
  it('reads example cases', () => {
    const verify = itemOf('verify add\n    add(0, 0) => 0\n    add(2, 3) <= 5 => true\n', 'Verify');
    expect(verify.fnName).toBe('add');
    expect(verify.law).toBeNull();
    expect(verify.cases.map((c) => `${show(c.lhs)} => ${show(c.rhs)}`)).toEqual([
      '(add 0 0) => 0',
      '(<= (add 2 3) 5) => true',
    ]);
  });

  it('reads laws with range and list domains, premises and bindings substituted into the assertion', () => {
    const verify: VerifyBlock = itemOf(
      `
      verify add law commutative
          given a: Int = -2..2
          given b: List<Int> = [[], [1, 2],]
          when a > 0
          s = add(a, 0)
          add(a, s) => add(s, a)
      `,
      'Verify',
    );
    expect(verify.law).toBe('commutative');
    const [a, b] = verify.givens;
    expect(a.name).toBe('a');
    expect(a.domain.kind === 'range' && [show(a.domain.from), show(a.domain.to)]).toEqual(['(neg 2)', '2']);
    expect(showType(b.type!)).toBe('List<Int>');
    expect(b.domain.kind === 'list' && b.domain.items.map(show)).toEqual(['[]', '[1 2]']);
    expect(verify.whens.map(show)).toEqual(['(> a 0)']);
    expect(verify.cases.map((c) => `${show(c.lhs)} => ${show(c.rhs)}`)).toEqual([
      '(add a (add a 0)) => (add (add a 0) a)',
    ]);
  });

  it('treats a when line with a top-level => as a case of a function named when', () => {
    const verify = itemOf('verify when\n    when(1) => 2\n', 'Verify');
    expect(verify.whens).toEqual([]);
    expect(verify.cases).toHaveLength(1);
  });

  it('reads contextual words as binding names inside a law', () => {
    const verify = itemOf(
      'verify f law l\n    given given: Int = [1]\n    when = given\n    f(when) => 1\n',
      'Verify',
    );
    expect(verify.givens.map((g) => g.name)).toEqual(['given']);
    expect(verify.whens).toEqual([]);
    expect(verify.cases.map((c) => show(c.lhs))).toEqual(['(f given)']);
  });
});

describe('Oracle verify blocks (Oracle addendum: "Grammar", "Expansion")', () => {
  it('reads `trace` before `law`, and tells effect references from types in givens', () => {
    const block = itemOf(
      `
      verify roll trace law fair
          given rnd: Random.int = [lowDie, Dice.highDie]
          given shape: Shapes.Shape = [Shapes.Shape.Dot]
          given n: Int = 1..6
          roll(n) => n
      `,
      'Verify',
    );
    expect([block.fnName, block.trace, block.law]).toEqual(['roll', true, 'fair']);
    const [rnd, shape, n] = block.givens;
    expect([rnd.effect?.name, rnd.type]).toEqual(['Random.int', null]);
    expect(rnd.domain.kind === 'list' && rnd.domain.items.map(show)).toEqual(['lowDie', 'Dice.highDie']);
    expect([shape.effect, showType(shape.type!)]).toEqual([null, 'Shapes.Shape']);
    expect([n.effect, showType(n.type!)]).toEqual([null, 'Int']);
    expect(itemOf('verify roll trace\n    roll(1) => 1\n', 'Verify')).toMatchObject({
      trace: true,
      law: null,
    });
  });

  it('substitutes bindings textually: each use is a fresh copy, and a binding may use earlier ones', () => {
    const block = itemOf(
      `
      verify roll trace
          given rnd: Random.int = [lowDie]
          r = roll(6)
          s = pair(r, r)
          r.result => s
          r.trace.count(Random.int) => 1
      `,
      'Verify',
    );
    expect(block.cases.map((c) => `${show(c.lhs)} => ${show(c.rhs)}`)).toEqual([
      '(. (roll 6) result) => (pair (roll 6) (roll 6))',
      '((. (roll 6) trace).count Random.int) => 1',
    ]);
    const [first, second] = block.cases;
    expect(first.lhs.kind === 'Member' && second.lhs.kind === 'Call').toBe(true);
    const firstCall = (first.lhs as Extract<typeof first.lhs, { kind: 'Member' }>).object;
    const pair = first.rhs as Extract<typeof first.rhs, { kind: 'Call' }>;
    expect(firstCall).not.toBe(pair.args[0]);
    expect(pair.args[0]).not.toBe(pair.args[1]);
  });

  it('does not substitute inside a match arm whose pattern binds the same name, nor before the binding', () => {
    const block = itemOf(
      `
      verify f law l
          given n: Int = [1]
          when x > 0
          x = f(n)
          match n
              x -> x
          => x
      `,
      'Verify',
    );
    expect(block.whens.map(show)).toEqual(['(> x 0)']);
    expect(block.cases.map((c) => `${show(c.lhs)} => ${show(c.rhs)}`)).toEqual([
      '(match n [x -> x]) => (f n)',
    ]);
  });
});

describe('decision blocks', () => {
  it('reads strings, string blocks, lists and names', () => {
    const decision = itemOf(
      `
      decision NoExceptions
          date = "2024-01-15"
          reason =
              "Exceptions hide error paths."
              "Result makes them explicit."
          chosen = Result
          rejected = ["Exceptions", "Nullable"]
          impacts = [safeDivide, Data.safeRoot]
      `,
      'Decision',
    );
    expect(decision.name).toBe('NoExceptions');
    expect(Object.fromEntries(decision.fields.map((f) => [f.key, f.value]))).toEqual({
      date: { kind: 'string', value: '2024-01-15' },
      reason: { kind: 'string', value: 'Exceptions hide error paths. Result makes them explicit.' },
      chosen: { kind: 'name', value: 'Result' },
      rejected: { kind: 'list', items: ['Exceptions', 'Nullable'] },
      impacts: { kind: 'list', items: ['safeDivide', 'Data.safeRoot'] },
    });
  });
});

describe('decision fields on one line (Oracle addendum: "Two confirmations")', () => {
  it('reads the next field name right after a value', () => {
    const decision = itemOf(
      `
      decision OneLine
          chosen = "A"    rejected = ["B"]    date = "2026-01-02"
          reason =
              "Why."
          author = "me"    impacts = [f]
      `,
      'Decision',
    );
    expect(decision.fields.map((field) => [field.key, field.value])).toEqual([
      ['chosen', { kind: 'string', value: 'A' }],
      ['rejected', { kind: 'list', items: ['B'] }],
      ['date', { kind: 'string', value: '2026-01-02' }],
      ['reason', { kind: 'string', value: 'Why.' }],
      ['author', { kind: 'string', value: 'me' }],
      ['impacts', { kind: 'list', items: ['f'] }],
    ]);
  });
});

describe('top-level statements', () => {
  it('keeps bindings and expressions at top level as items', () => {
    const file = parseClean('x = 1\nConsole.print("hi")\n');
    expect(file.items.map((item) => (item.kind === 'TopLevelStmt' ? item.stmt.kind : item.kind))).toEqual([
      'Binding',
      'ExprStmt',
    ]);
  });
});

describe('expressions', () => {
  it('follows the precedence table: comparison < additive < multiplicative < unary < postfix', () => {
    expect(expr('1 + 2 * 3 == 7')).toBe('(== (+ 1 (* 2 3)) 7)');
    expect(expr('a - b - c')).toBe('(- (- a b) c)');
    expect(expr('a / b * c')).toBe('(* (/ a b) c)');
    expect(expr('a < b < c')).toBe('(< (< a b) c)');
    expect(expr('-x * y')).toBe('(* (neg x) y)');
    expect(expr('- -x')).toBe('(neg (neg x))');
    expect(expr('-f(x).y')).toBe('(neg (. (f x) y))');
    expect(expr('(1 + 2) * 3')).toBe('(* (+ 1 2) 3)');
    expect(expr('n / 2 * 2 == n')).toBe('(== (* (/ n 2) 2) n)');
  });

  it('reads every comparison operator', () => {
    expect(['==', '!=', '<', '>', '<=', '>='].map((op) => expr(`a ${op} b`))).toEqual(
      ['==', '!=', '<', '>', '<=', '>='].map((op) => `(${op} a b)`),
    );
  });

  it('reads literals', () => {
    expect(expr('[1, 2.5, "s", true, false, Unit]')).toBe('[1 2.5 "s" true false Unit]');
    expect(parseExpression('9223372036854775807')).toMatchObject({
      kind: 'IntLit',
      value: 9223372036854775807n,
    });
  });

  it('reads member chains and calls on qualified names', () => {
    expect(expr('Data.Fibonacci.fib(3)')).toBe('(Data.Fibonacci.fib 3)');
    expect(expr('u.name')).toBe('u.name');
    expect(expr('f(x)(y).z')).toBe('(. ((f x) y) z)');
    expect(expr('Option.None')).toBe('Option.None');
  });

  it('reads named arguments for record construction and update', () => {
    expect(expr('User(name = "A", age = 3)')).toBe('(User name="A" age=3)');
    expect(expr('User.update(u, age = 31)')).toBe('(User.update u age=31)');
  });

  it('skips trailing, optional and repeated commas in argument, field, list and map lists', () => {
    expect(expr('f(a, b,)')).toBe('(f a b)');
    expect(expr('f(a b)')).toBe('(f a b)');
    expect(expr('f(,a,,b)')).toBe('(f a b)');
    expect(expr('User(name = "A", age = 3,)')).toBe('(User name="A" age=3)');
    expect(expr('[1, 2,]')).toBe('[1 2]');
    expect(expr('{"a" => 1,}')).toBe('{"a"=>1}');
  });

  it('reads tuples, grouping, lists and maps', () => {
    expect(expr('(a, b, c)')).toBe('(tuple a b c)');
    expect(expr('((x, y), z)')).toBe('(tuple (tuple x y) z)');
    expect(expr('(a)')).toBe('a');
    expect(expr('[]')).toBe('[]');
    expect(expr('{}')).toBe('{}');
    expect(expr('{1 => "a", 2 => "b"}')).toBe('{1=>"a" 2=>"b"}');
  });

  it('reads error propagation and independent products', () => {
    expect(expr('parse(a)?')).toBe('(? (parse a))');
    expect(expr('f(x)?.y')).toBe('(. (? (f x)) y)');
    expect(expr('(slow(1), slow(2))!')).toBe('(! (slow 1) (slow 2))');
    expect(expr('(slow(1), slow(2))?!')).toBe('(?! (slow 1) (slow 2))');
    expect(expr('(a, b)?')).toBe('(? (tuple a b))');
  });

  it('parses interpolated expressions with their positions in the file', () => {
    const value = parseExpression('"n = {f("a") + 1}!"');
    expect(show(value)).toBe('(interp "n = " (+ (f "a") 1) "!")');
    if (value.kind !== 'Interp' || value.parts[1].kind !== 'Expr') throw new Error('shape');
    expect(value.parts[1].expr.span).toMatchObject({ line: 1, column: 7, start: 6, end: 16 });
  });

  it('reads a match with arms on deeper lines and a nested match as an arm body', () => {
    const [stmt] = bodyOf(`
      fn f(xs: List<Int>) -> String
          match xs
              [] -> ""
              [head, ..tail] -> match tail
                  [] -> "{head}"
                  _  -> "{head}, {f(tail)}"
    `);
    if (stmt.kind !== 'ExprStmt') throw new Error('shape');
    expect(show(stmt.expr)).toBe(
      '(match xs [[] -> ""] [[head ..tail] -> (match tail [[] -> (interp head)] [_ -> (interp head ", " (f tail))])])',
    );
  });

  it('closes two nested matches on one dedent and continues the body', () => {
    const body = bodyOf(`
      fn f(a: Int) -> Int
          x = match a
              0 -> match a
                  0 -> 1
                  _ -> 2
          x
    `);
    expect(body.map((s) => s.kind)).toEqual(['Binding', 'ExprStmt']);
  });

  it('ends an expression at the end of a nested match, so the next line is a new statement', () => {
    const body = bodyOf(`
      fn f(y: Int) -> Int
          x = match y
              1 -> 2
              _ -> 3
          (x, x)!
          -x
          match y
              _ -> 1
          (x)
    `);
    expect(body.map((s) => (s.kind === 'ExprStmt' ? show(s.expr) : `${s.name} = ${s.value.kind}`))).toEqual([
      'x = Match',
      '(! x x)',
      '(neg x)',
      '(match y [_ -> 1])',
      'x',
    ]);
  });

  it('gives binary and call nodes spans from their first to their last token', () => {
    const value = parseExpression('foo(1, 2) + bar');
    expect(value.span).toMatchObject({ line: 1, column: 1, start: 0, end: 15 });
    if (value.kind !== 'Binary') throw new Error('shape');
    expect(value.left.span).toMatchObject({ start: 0, end: 9 });
  });
});

describe('patterns', () => {
  function patternsOf(text: string): string[] {
    const [stmt] = bodyOf(
      `fn f(x: Int) -> Int\n    match x\n${text
        .split('\n')
        .map((l) => `        ${l} -> 0`)
        .join('\n')}\n`,
    );
    if (stmt.kind !== 'ExprStmt' || stmt.expr.kind !== 'Match') throw new Error('shape');
    return stmt.expr.arms.map((arm) => showPattern(arm.pattern));
  }

  it('reads every pattern form of language reference: "`match` and patterns"', () => {
    expect(
      patternsOf(
        [
          '_',
          'x',
          '42',
          '3.5',
          '"txt"',
          'true',
          '[]',
          '[h, ..t]',
          '[_ ..rest]',
          '((x, y), z)',
          'Shape.Circle(a, b)',
          'Shape.Rect(w h)',
          'Shape.Point',
          'Result.Ok(v)',
          'Option.Some(Value)',
          'Data.Shapes.Shape.Circle(_)',
        ].join('\n'),
      ),
    ).toEqual([
      '_',
      'x',
      '42',
      '3.5',
      '"txt"',
      'true',
      '[]',
      '[h ..t]',
      '[_ ..rest]',
      '((x y) z)',
      'Shape.Circle(a b)',
      'Shape.Rect(w h)',
      'Shape.Point',
      'Result.Ok(v)',
      'Option.Some(Value)',
      'Data.Shapes.Shape.Circle(_)',
    ]);
  });
});

describe('whole programs', () => {
  it('parses a program with every kind of item and keeps them in order', () => {
    const file = parseClean(`
      module Demo
          intent = "All items."

      type Shape
          Point

      record User
          name: String

      decision D
          chosen = "x"

      fn main() -> Unit
          Console.print("x")

      verify main
          main() => Unit

      x = 1
    `);
    expect(file.items.map((item) => item.kind)).toEqual([
      'Module',
      'TypeDecl',
      'RecordDecl',
      'Decision',
      'FnDecl',
      'Verify',
      'TopLevelStmt',
    ]);
  });

  it('records the path and text in the source file', () => {
    const text = source('fn main()\n    1\n');
    const { file } = parseSource(text, 'dir/main.av');
    expect(file.path).toBe('dir/main.av');
    expect(file.text).toBe(text);
    expect((file.items[0] as FnDecl).span.file).toBe('dir/main.av');
  });
});
