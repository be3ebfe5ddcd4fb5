import { describe, expect, it } from 'vitest';
import { errorsOf } from './test-helpers.js';

// One test per checker message of the language reference: "Checker errors worth reproducing" (the module-loader
// messages `Module '{}' not found`, `Module name mismatch` and `Circular import` belong to module-loader.ts and are
// tested there).

describe('checker messages of language reference: "Checker errors worth reproducing"', () => {
  it('reports an unknown identifier at the name', () => {
    expect(
      errorsOf(`
        fn f() -> Int
            y
      `),
    ).toEqual(["error[2:5]: Unknown identifier 'y'"]);
  });

  it('reports a call to an unknown function at the callee', () => {
    expect(
      errorsOf(`
        fn f() -> Int
            1 + g(2)
      `),
    ).toEqual(["error[2:9]: Call to unknown function 'g'"]);
  });

  it('reports a wrong argument count at the call', () => {
    expect(
      errorsOf(`
        fn add(a: Int, b: Int) -> Int
            a + b

        fn f() -> Int
            add(1)
      `),
    ).toEqual(["error[5:5]: Function 'add' expects 2 argument(s), got 1"]);
  });

  it('reports a wrong argument type at the argument', () => {
    expect(
      errorsOf(`
        fn add(a: Int, b: Int) -> Int
            a + b

        fn f() -> Int
            add(1, "two")
      `),
    ).toEqual(["error[5:12]: Argument 2 of 'add': expected Int, got String"]);
  });

  it('reports a body whose type differs from the declared return type at the last expression', () => {
    expect(
      errorsOf(`
        fn f(n: Int) -> String
            m = n + 1
            m
      `),
    ).toEqual(["error[3:5]: Function 'f': body returns Int but declared return type is String"]);
  });

  it('reports a binding whose value does not fit its annotation', () => {
    expect(
      errorsOf(`
        fn f() -> Unit
            xs: List<String> = [1, 2]
            Unit
      `),
    ).toEqual(["error[2:5]: Binding 'xs': expression has type List<Int>, annotation says List<String>"]);
  });

  it('reports a name bound twice in one scope', () => {
    expect(
      errorsOf(`
        fn f() -> Int
            x = 1
            x = 2
            x
      `),
    ).toEqual(["error[3:5]: 'x' is already defined"]);
  });

  it('reports a missing record field at the constructor call', () => {
    expect(
      errorsOf(`
        record User
            name: String
            age: Int

        fn f() -> User
            User(name = "Ada")
      `),
    ).toEqual(["error[6:5]: Record 'User' missing required field 'age'"]);
  });

  it('reports an unknown record field at the named argument', () => {
    expect(
      errorsOf(`
        record User
            name: String

        fn f() -> User
            User(name = "Ada", email = "a@b")
      `),
    ).toEqual(["error[5:24]: Record 'User' has no field 'email'"]);
  });

  it('reports the missing variants of a user sum type', () => {
    expect(
      errorsOf(`
        type Shape
            Circle(Float)
            Rect(Float, Float)
            Point

        fn area(s: Shape) -> Float
            match s
                Shape.Circle(r) -> r
                Shape.Rect(w, h) -> w * h
      `),
    ).toEqual(['error[7:5]: Non-exhaustive match: missing Shape.Point']);
  });

  it('reports a literal match without a catch-all', () => {
    expect(
      errorsOf(`
        fn f(n: Int) -> Int
            match n
                0 -> 1
                1 -> 1
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match: missing catch-all (_) pattern']);
  });

  it('reports match arms of incompatible types at the offending arm body', () => {
    expect(
      errorsOf(`
        fn f(b: Bool) -> Int
            match b
                true -> 1
                false -> "no"
      `),
    ).toEqual(['error[4:18]: Match arms return incompatible types: Int vs String']);
  });

  it("reports '+' on mismatched types", () => {
    expect(
      errorsOf(`
        fn f(n: Int) -> String
            "n = " + n
      `),
    ).toEqual([
      "error[2:5]: Operator '+' requires matching types (Int+Int, Float+Float, or String+String), got String and Int",
    ]);
  });

  it('reports arithmetic on mismatched numeric types', () => {
    expect(
      errorsOf(`
        fn f(n: Int, x: Float) -> Float
            x * n
      `),
    ).toEqual([
      'error[2:5]: Arithmetic operator requires matching numeric types (Int+Int or Float+Float), got Float and Int',
    ]);
  });

  it('reports equality between different types', () => {
    expect(
      errorsOf(`
        fn f(n: Int) -> Bool
            n == "1"
      `),
    ).toEqual(['error[2:5]: Equality operator requires same types, got Int and String']);
  });

  it('reports ordering between different types', () => {
    expect(
      errorsOf(`
        fn f(n: Int, x: Float) -> Bool
            n < x
      `),
    ).toEqual(['error[2:5]: Comparison operator requires matching types, got Int and Float']);
  });

  it("reports '?' on a value that is not a Result", () => {
    expect(
      errorsOf(`
        fn f(o: Option<Int>) -> Result<Int, String>
            v = o?
            Result.Ok(v)
      `),
    ).toEqual(["error[2:9]: Operator '?' can only be applied to Result, got Option<Int>"]);
  });

  it('reports a call to a function with an undeclared effect', () => {
    expect(
      errorsOf(`
        fn shout(s: String) -> Unit
            ! [Console.print]
            Console.print(s)

        fn main() -> Unit
            shout("hi")
      `),
    ).toEqual([
      "error[6:5]: Function 'main' calls 'shout' which has effect 'Console.print', but 'main' does not declare it",
    ]);
  });
});
