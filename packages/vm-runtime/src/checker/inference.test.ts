import { describe, expect, it } from 'vitest';
import type { BindingStmt, FnDecl } from '../ast.js';
import { checkSource, errorsOf, expectClean, source } from './test-helpers.js';
import { typeToString } from './types.js';

/** The bound types of the bindings of `fn name`, rendered. */
function bindingTypesOf(text: string, fnName = 'f'): Record<string, string> {
  const result = checkSource(source(text));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const fn = result.program.functions.get(fnName)!.decl as FnDecl;
  const out: Record<string, string> = {};
  for (const stmt of fn.body) {
    if (stmt.kind === 'Binding')
      out[stmt.name] = typeToString(result.program.bindingTypes.get(stmt as BindingStmt)!);
  }
  return out;
}

describe('bindings and empty literals (language reference: "Inference and checking rules")', () => {
  it('binds the inferred type of each expression', () => {
    expect(
      bindingTypesOf(`
        fn f() -> Unit
            a = 1
            b = 2.5
            c = "s{a}"
            d = [a, 2]
            e = {"k" => [b]}
            g = (a, c, true)
            h = Option.Some(d)
            i = List.zip(d, ["x"])
            j = Map.get(e, "k")
            Unit
      `),
    ).toEqual({
      a: 'Int',
      b: 'Float',
      c: 'String',
      d: 'List<Int>',
      e: 'Map<String, List<Float>>',
      g: '(Int, String, Bool)',
      h: 'Option<List<Int>>',
      i: 'List<(Int, String)>',
      j: 'Option<List<Float>>',
    });
  });

  it('pushes the annotation, parameter and return type into empty literals', () => {
    const types = bindingTypesOf(`
      fn take(m: Map<String, Int>, xs: List<Int>) -> Int
          Map.len(m) + List.len(xs)

      fn f() -> Result<Int, String>
          xs: List<Int> = []
          m: Map<String, Int> = {}
          none: Option<Float> = Option.None
          n = take({}, [])
          ys = List.prepend(1, [])
          Result.Err("no")
    `);
    expect(types).toEqual({
      xs: 'List<Int>',
      m: 'Map<String, Int>',
      none: 'Option<Float>',
      n: 'Int',
      ys: 'List<Int>',
    });
  });

  it('rejects an unannotated empty list binding', () => {
    expect(
      errorsOf(`
        fn f() -> Int
            xs = []
            List.len(xs)
      `),
    ).toEqual([
      "error[2:5]: Binding 'xs': cannot infer the element type of an empty list; add a type annotation",
    ]);
  });

  it('fills the open side of Result.Ok and Result.Err from the expected type', () => {
    const result = expectClean(`
      fn f(n: Int) -> Result<Int, String>
          match n < 0
              true -> Result.Err("negative")
              false -> Result.Ok(n)
    `);
    const fn = result.program.functions.get('f')!.decl;
    const body = fn.body[0];
    expect(body.kind === 'ExprStmt' && typeToString(result.program.exprTypes.get(body.expr)!)).toBe(
      'Result<Int, String>',
    );
  });

  it('joins list elements and match arms whose holes the other side fills', () => {
    expectClean(`
      fn f(b: Bool) -> List<List<Int>>
          xss = [[], [1]]
          ys = match b
              true -> []
              false -> [2]
          List.prepend(ys, xss)
    `);
  });

  it('reports list elements and map entries of different types', () => {
    expect(
      errorsOf(`
        fn f() -> Unit
            xs = [1, "a"]
            m = {1 => "a", "b" => 2}
            Unit
      `),
    ).toEqual([
      'error[2:14]: List elements must share one type, got Int and String',
      'error[3:20]: Map keys must share one type, got Int and String',
      'error[3:27]: Map values must share one type, got String and Int',
    ]);
  });

  it('lets pattern binders shadow outer names but not repeat inside one pattern', () => {
    expectClean(`
      fn f(x: Option<Int>, v: Int) -> Int
          match x
              Option.Some(v) -> v
              Option.None -> v
    `);
    expect(
      errorsOf(`
        fn f(p: (Int, Int)) -> Int
            match p
                (a, a) -> a
      `),
    ).toEqual(["error[3:13]: 'a' is already defined"]);
  });

  it('rejects a parameter bound again in the body', () => {
    expect(
      errorsOf(`
        fn f(n: Int) -> Int
            n = 2
            n
      `),
    ).toEqual(["error[2:5]: 'n' is already defined"]);
  });

  it('types interpolation of any value as String', () => {
    expectClean(`
      record P
          x: Int

      fn f(p: P, xs: List<Float>, o: Option<Int>) -> String
          "{p} {xs} {o} {(1, 2)} {Unit}"
    `);
  });

  it('does not cascade from an unknown name', () => {
    expect(
      errorsOf(`
        fn f() -> Int
            a = missing + 1
            b = a * 2.0
            c = a.field
            b
      `),
    ).toEqual(["error[2:9]: Unknown identifier 'missing'"]);
  });
});

describe('records and updates', () => {
  it('accepts construction in any field order, field access and update', () => {
    const result = expectClean(`
      record User
          name: String
          age: Int

      fn f() -> Int
          u = User(age = 3, name = "a")
          v = User.update(u, age = u.age + 1)
          v.age
    `);
    const fn = result.program.functions.get('f')!.decl;
    const construct = fn.body[0].kind === 'Binding' ? fn.body[0].value : null;
    expect(construct?.kind === 'Call' && construct.target).toEqual({
      kind: 'record',
      typeName: 'User',
      fieldOrder: [1, 0],
    });
    const update = fn.body[1].kind === 'Binding' ? fn.body[1].value : null;
    expect(update?.kind === 'Call' && update.target).toEqual({
      kind: 'recordUpdate',
      typeName: 'User',
      fieldIndexes: [1],
    });
  });

  it('reports field type mismatches, duplicates and positional arguments', () => {
    expect(
      errorsOf(`
        record User
            name: String
            age: Int

        fn f() -> User
            a = User(name = 1, age = 2, age = 3)
            b = User("x", 1)
            User.update(a, nme = "b", age = "c")
      `),
    ).toEqual([
      "error[6:21]: Record 'User' field 'name' expects String, got Int",
      "error[6:33]: Record 'User' field 'age' provided more than once",
      "error[7:9]: Record 'User' missing required field 'name'",
      "error[7:9]: Record 'User' missing required field 'age'",
      "error[7:14]: Record 'User' must be constructed with named fields",
      "error[8:20]: Record 'User' has no field 'nme'",
      "error[8:37]: Record 'User' field 'age' expects Int, got String",
    ]);
  });

  it('reports field access on a non-record and an update of the wrong base type', () => {
    expect(
      errorsOf(`
        record User
            name: String
            age: Int

        fn f(n: Int) -> User
            m = n.size
            User.update(n, age = 1)
      `),
    ).toEqual([
      'error[6:9]: Field access on non-record type Int',
      "error[7:17]: Argument 1 of 'User.update': expected User, got Int",
    ]);
  });

  it('types built-in records', () => {
    expectClean(`
      fn f(r: HttpResponse, c: Tcp.Connection) -> Int
          h = HttpResponse(status = 200, body = "ok", headers = {})
          r.status + h.status + c.port
    `);
  });
});

describe('operators (language reference: "Inference and checking rules")', () => {
  it('has no Int/Float promotion', () => {
    expect(errorsOf('fn f(n: Int) -> Float\n    n + 1.0\n')).toEqual([
      "error[2:5]: Operator '+' requires matching types (Int+Int, Float+Float, or String+String), got Int and Float",
    ]);
  });

  it('allows string ordering and string concatenation', () => {
    expectClean(`
      fn f(a: String, b: String) -> Bool
          a + b < b
    `);
  });

  it('types unary minus as 0 - x: Int stays Int, Float stays Float', () => {
    const result = expectClean(`
      fn f(n: Int, x: Float) -> Float
          m = -n
          y = -x
          z = 0 - x
          y + z + Float.fromInt(m)
    `);
    const body = result.program.functions.get('f')!.decl.body;
    const kinds = body.slice(0, 3).map((stmt) => {
      const value = stmt.kind === 'Binding' ? stmt.value : null;
      return value?.kind === 'Negate' || value?.kind === 'Binary' ? value.operandKind : null;
    });
    expect(kinds).toEqual(['Int', 'Float', 'Float']);
    expect(errorsOf('fn f(s: String) -> Int\n    -s\n')).toEqual([
      'error[2:5]: Arithmetic operator requires matching numeric types (Int+Int or Float+Float), got Int and String',
    ]);
    expect(errorsOf('fn f(x: Float) -> Float\n    1 - x\n')).toEqual([
      'error[2:5]: Arithmetic operator requires matching numeric types (Int+Int or Float+Float), got Int and Float',
    ]);
  });

  it('fills operandKind for the compiler and records the Int / era', () => {
    const result = expectClean(`
      fn f(a: Int, b: Float, s: String, o: Option<Int>) -> Bool
          c = a / 2
          d = b / 2.0
          e = s + s
          o == Option.None
    `);
    const body = result.program.functions.get('f')!.decl.body;
    const kinds = body.map((stmt) => {
      const expr = stmt.kind === 'Binding' ? stmt.value : stmt.expr;
      return expr.kind === 'Binary' ? expr.operandKind : null;
    });
    expect(kinds).toEqual(['Int', 'Float', 'String', 'other']);
    expect([...result.program.entry.eras]).toContain('int-slash');
  });

  it('rejects chained comparisons', () => {
    expect(errorsOf('fn f(a: Int) -> Bool\n    0 < a < 5\n')).toEqual([
      'error[2:5]: Comparison operator requires matching types, got Bool and Int',
    ]);
  });
});

describe("'?' and independent products (language reference: 'Error propagation and independent products', 'Inference and checking rules')", () => {
  it('unwraps Ok in a function returning a Result with a compatible Err type', () => {
    expectClean(`
      fn parse(s: String) -> Result<Int, String>
          n = Int.fromString(s)?
          Result.Ok(n + 1)
    `);
  });

  it('rejects ? in a function that does not return a Result', () => {
    expect(
      errorsOf(`
        fn parse(s: String) -> Int
            Int.fromString(s)?
      `),
    ).toEqual(["error[2:5]: Operator '?' used in function returning Int, which is not Result"]);
  });

  it('rejects ? whose Err type differs from the function Err type', () => {
    expect(
      errorsOf(`
        fn parse(s: String) -> Result<Int, Int>
            Result.Ok(Int.fromString(s)?)
      `),
    ).toEqual(["error[2:15]: Operator '?': Err type String is incompatible with function's Err type Int"]);
  });

  it('types (a, b)! as a tuple of Results and (a, b)?! as a tuple of Ok values', () => {
    const types = bindingTypesOf(`
      fn f(a: String, b: String) -> Result<Int, String>
          raw = (Int.fromString(a), Int.fromString(b))!
          both = (Int.fromString(a), Float.fromString(b))?!
          Result.Ok(1)
    `);
    expect(types).toEqual({
      raw: '(Result<Int, String>, Result<Int, String>)',
      both: '(Int, Float)',
    });
    expect(
      errorsOf(`
        fn f(a: Int) -> Result<Int, String>
            p = (Int.fromString("1"), a)?!
            Result.Ok(1)
      `),
    ).toEqual(["error[2:31]: Operator '?!' can only be applied to Result, got Int"]);
  });

  it('allows ? inside verify cases', () => {
    expectClean(`
      fn half(n: Int) -> Result<Int, String>
          Result.Ok(n / 2)

      verify half
          half(4)? + 1 => 3
    `);
  });
});
