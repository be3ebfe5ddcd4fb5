import { describe, expect, it } from 'vitest';
import { effectCovered, effectsCovered } from './types.js';
import { checkFiles, diagnosticLines, errorsOf, expectClean, source } from './test-helpers.js';

describe('effect coverage (language reference: "Type system: effects")', () => {
  it('covers an exact method by itself or by its namespace only', () => {
    expect(effectCovered(['Console.print'], 'Console.print')).toBe(true);
    expect(effectCovered(['Console'], 'Console.print')).toBe(true);
    expect(effectCovered(['Console.print'], 'Console')).toBe(false);
    expect(effectCovered(['Console.print'], 'Console.error')).toBe(false);
    expect(effectCovered(['Cons'], 'Console.print')).toBe(false);
    expect(effectsCovered(null, ['Disk.readText'])).toBe(true);
    expect(effectsCovered([], null)).toBe(false);
  });
});

describe('effect checking', () => {
  it('accepts an exact method declaration and a namespace declaration', () => {
    expectClean(`
      fn a() -> Unit
          ! [Console.print]
          Console.print("a")

      fn b() -> Unit
          ! [Console]
          Console.error("b")
          a()
    `);
  });

  it('rejects a built-in call whose method is not declared, even next to another method of the namespace', () => {
    expect(
      errorsOf(`
        fn a() -> Unit
            ! [Console.print]
            Console.error("a")
      `),
    ).toEqual([
      "error[3:5]: Function 'a' calls 'Console.error' which has effect 'Console.error', but 'a' does not declare it",
    ]);
  });

  it('requires a caller to declare a namespace effect of its callee by the namespace', () => {
    expect(
      errorsOf(`
        fn log() -> Unit
            ! [Console]
            Console.print("x")

        fn main() -> Unit
            ! [Console.print]
            log()
      `),
    ).toEqual([
      "error[7:5]: Function 'main' calls 'log' which has effect 'Console', but 'main' does not declare it",
    ]);
  });

  it('does not infer effects: every caller up to main declares them', () => {
    expect(
      errorsOf(`
        fn read(p: String) -> Result<String, String>
            ! [Disk.readText]
            Disk.readText(p)

        fn middle() -> Result<String, String>
            read("a")

        fn main() -> Unit
            _ = middle()
            Unit
      `),
    ).toEqual([
      "error[6:5]: Function 'middle' calls 'read' which has effect 'Disk.readText', but 'middle' does not declare it",
    ]);
  });

  it('charges a call through an Fn parameter with the parameter type effects', () => {
    expect(
      errorsOf(`
        fn apply(f: Fn(String) -> Unit ! [Console.print], s: String) -> Unit
            f(s)
      `),
    ).toEqual([
      "error[2:5]: Function 'apply' calls 'f' which has effect 'Console.print', but 'apply' does not declare it",
    ]);
    expectClean(`
      fn apply(f: Fn(String) -> Unit ! [Console.print], s: String) -> Unit
          ! [Console.print]
          f(s)
    `);
  });

  it('rejects passing an effectful function where the Fn type declares fewer effects', () => {
    expect(
      errorsOf(`
        fn show(s: String) -> Unit
            ! [Console.print]
            Console.print(s)

        fn apply(f: Fn(String) -> Unit, s: String) -> Unit
            f(s)

        fn main() -> Unit
            ! [Console.print]
            apply(show, "x")
      `),
    ).toEqual([
      "error[10:11]: Argument 1 of 'apply': expected Fn(String) -> Unit, got Fn(String) -> Unit ! [Console.print]",
    ]);
  });

  it('bounds the effects a module function may declare by the module effects list', () => {
    expect(
      errorsOf(`
        module App
            effects [Console]

        fn read(p: String) -> Result<String, String>
            ! [Disk.readText]
            Disk.readText(p)

        fn show(s: String) -> Unit
            ! [Console.print]
            Console.print(s)
      `),
    ).toEqual([
      "error[5:8]: Function 'read' declares effect 'Disk.readText', which is not in the declared boundary of module 'App'",
    ]);
  });

  it('applies the boundary of a dependency module too', () => {
    const result = checkFiles({
      'main.av': source(`
        module Main
            depends [Io]

        fn main() -> Unit
            Unit
      `),
      'io.av': source(`
        module Io
            effects [Console.print]

        fn warn(s: String) -> Unit
            ! [Console]
            Console.warn(s)
      `),
    });
    expect(diagnosticLines(result)).toEqual([
      "error[5:8]: Function 'warn' declares effect 'Console', which is not in the declared boundary of module 'Io'",
    ]);
  });

  it('lets a verify block use the effects of its function only, naming it <verify:f> (Oracle addendum: "Checker rules and messages")', () => {
    expect(
      errorsOf(`
        fn greet(s: String) -> String
            ! [Console.print]
            Console.print(s)
            "hi {s}"

        fn noisy() -> Int
            ! [Disk.exists]
            _ = Disk.exists("x")
            1

        verify greet
            greet("a") => "hi a"
            noisy() + String.len(greet("b")) => 5
      `),
    ).toEqual([
      "error[13:5]: Function '<verify:greet>' calls 'noisy' which has effect 'Disk.exists', but '<verify:greet>' does not declare it",
    ]);
  });

  it('rejects effect names that no service defines, in declarations and in Fn types', () => {
    expect(
      errorsOf(`
        fn f(g: Fn() -> Unit ! [Dsk]) -> Unit
            ! [Consol, Console.shout]
            Unit
      `),
    ).toEqual([
      "error[1:25]: Unknown effect 'Dsk'",
      "error[2:8]: Unknown effect 'Consol'",
      "error[2:16]: Unknown effect 'Console.shout'",
    ]);
  });
});
