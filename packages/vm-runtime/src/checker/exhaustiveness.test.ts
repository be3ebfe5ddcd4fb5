import { describe, expect, it } from 'vitest';
import type { MatchArm, Pattern, Span } from '../ast.js';
import { createBuiltinRegistry } from './builtin-registry.js';
import type { ProgramEnv } from './environment.js';
import { isCatchAll, missingCases } from './exhaustiveness.js';
import { errorsOf, expectClean } from './test-helpers.js';
import {
  BOOL,
  INT,
  INVALID,
  listOf,
  optionOf,
  resultOf,
  STRING,
  type Type,
  typeToString,
  UNKNOWN,
} from './types.js';

const span: Span = { file: 't.av', line: 1, column: 1, start: 0, end: 0 };
const env: ProgramEnv = { builtins: createBuiltinRegistry([], []), types: new Map(), functions: new Map() };

function arms(...patterns: Pattern[]): MatchArm[] {
  return patterns.map((pattern) => ({ pattern, body: { kind: 'UnitLit', span }, span }));
}
const wildcard: Pattern = { kind: 'WildcardPattern', span };
const bind = (name: string): Pattern => ({ kind: 'BindPattern', name, span });
const bool = (value: boolean): Pattern => ({
  kind: 'LiteralPattern',
  literal: { kind: 'BoolLit', value, span },
  span,
});
const int = (value: bigint): Pattern => ({
  kind: 'LiteralPattern',
  literal: { kind: 'IntLit', value, span },
  span,
});
const variant = (typeName: string, name: string): Pattern => ({
  kind: 'ConstructorPattern',
  path: [typeName, name],
  binders: null,
  span,
  resolution: { typeName, variant: name },
});
const nil: Pattern = { kind: 'NilPattern', span };
const cons: Pattern = { kind: 'ConsPattern', head: 'h', tail: 't', span };
const tuple = (...items: Pattern[]): Pattern => ({ kind: 'TuplePattern', items, span });

function missing(subject: Type, patterns: MatchArm[]): string | null {
  return missingCases(env, patterns, subject, (type) => typeToString(type));
}

describe('exhaustiveness on hand-built patterns (language reference: "Exhaustiveness")', () => {
  it('treats a wildcard, a binder and a tuple of binders as catch-alls', () => {
    expect(isCatchAll(wildcard)).toBe(true);
    expect(isCatchAll(bind('x'))).toBe(true);
    expect(isCatchAll(tuple(bind('a'), tuple(wildcard, bind('b'))))).toBe(true);
    expect(isCatchAll(tuple(bind('a'), int(1n)))).toBe(false);
  });

  it('needs both true and false on Bool', () => {
    expect(missing(BOOL, arms(bool(true), bool(false)))).toBeNull();
    expect(missing(BOOL, arms(bool(true)))).toBe('Non-exhaustive match on Bool: missing false');
    expect(missing(BOOL, arms(bool(false), bind('b')))).toBeNull();
  });

  it('needs Some and None on Option, Ok and Err on Result', () => {
    expect(missing(optionOf(INT), arms(variant('Option', 'Some'), variant('Option', 'None')))).toBeNull();
    expect(missing(optionOf(INT), arms(variant('Option', 'Some')))).toBe(
      'Non-exhaustive match: missing Option.None',
    );
    expect(missing(resultOf(INT, STRING), arms(variant('Result', 'Err')))).toBe(
      'Non-exhaustive match: missing Result.Ok',
    );
    expect(
      missing(resultOf(INT, STRING), arms(variant('Result', 'Ok'), variant('Result', 'Err'))),
    ).toBeNull();
  });

  it('needs [] and [h, ..t] on a List', () => {
    expect(missing(listOf(INT), arms(nil, cons))).toBeNull();
    expect(missing(listOf(INT), arms(cons))).toBe('Non-exhaustive match on List<Int>: missing []');
    expect(missing(listOf(INT), arms(nil))).toBe('Non-exhaustive match on List<Int>: missing [_, .._]');
  });

  it('always needs a catch-all for Int literals and refutable tuples', () => {
    expect(missing(INT, arms(int(0n), int(1n)))).toBe('Non-exhaustive match: missing catch-all (_) pattern');
    expect(missing({ kind: 'Tuple', items: [INT, INT] }, arms(tuple(int(0n), wildcard)))).toBe(
      'Non-exhaustive match: missing catch-all (_) pattern',
    );
  });

  it('says nothing about an invalid subject and reads an open subject off the patterns', () => {
    expect(missing(INVALID, arms(int(0n)))).toBeNull();
    expect(missing(UNKNOWN, arms(variant('Option', 'None')))).toBe(
      'Non-exhaustive match: missing Option.Some',
    );
  });
});

describe('exhaustiveness in checked programs', () => {
  it('accepts a user sum type with one arm per variant and rejects a missing one', () => {
    expectClean(`
      type Light
          Red
          Green(Int)

      fn f(l: Light) -> Int
          match l
              Light.Red -> 0
              Light.Green(n) -> n
    `);
    expect(
      errorsOf(`
        type Light
            Red
            Amber
            Green(Int)

        fn f(l: Light) -> Int
            match l
                Light.Amber -> 0
      `),
    ).toEqual(['error[7:5]: Non-exhaustive match: missing Light.Red, Light.Green']);
  });

  it('reports a Bool match missing one side', () => {
    expect(
      errorsOf(`
        fn f(b: Bool) -> Int
            match b
                true -> 1
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match on Bool: missing false']);
  });

  it('reports Option, Result and List matches missing a case', () => {
    expect(
      errorsOf(`
        fn f(o: Option<Int>, r: Result<Int, String>, xs: List<Int>) -> Int
            a = match o
                Option.None -> 0
            b = match r
                Result.Ok(v) -> v
            match xs
                [h, ..t] -> h
      `),
    ).toEqual([
      'error[2:9]: Non-exhaustive match: missing Option.Some',
      'error[4:9]: Non-exhaustive match: missing Result.Err',
      'error[6:5]: Non-exhaustive match on List<Int>: missing []',
    ]);
  });

  it('accepts tuples of binders and names the missing case of tuples with literals', () => {
    expectClean(`
      fn f(p: (Int, Int)) -> Int
          match p
              (a, b) -> a + b
    `);
    expect(
      errorsOf(`
        fn f(p: (Int, Bool)) -> Int
            match p
                (0, true) -> 0
                (n, false) -> n
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match: missing (_, true)']);
  });

  it('needs a catch-all for String and Float literals', () => {
    expect(
      errorsOf(`
        fn f(s: String, x: Float) -> Int
            a = match s
                "a" -> 1
            match x
                1.5 -> a
      `),
    ).toEqual([
      'error[2:9]: Non-exhaustive match: missing catch-all (_) pattern',
      'error[4:5]: Non-exhaustive match: missing catch-all (_) pattern',
    ]);
  });
});
