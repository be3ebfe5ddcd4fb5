/**
 * JavaScript names for Aver names. Aver identifiers are `[A-Za-z_][A-Za-z0-9_]*` (Unicode letters allowed) and
 * never contain `$`, so every name the generator invents starts with or contains `$` and cannot collide with one.
 */

/** Reserved words and globals a generated name must not take (strict mode, ES2022, plus names the code uses). */
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if implements import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void while with yield arguments eval ' +
    'undefined NaN Infinity globalThis Object Array String Number Boolean Symbol Math JSON Map Set BigInt Error ' +
    'RangeError TypeError Reflect Promise Date RegExp Function console process require module exports'
  ).split(' '),
);

/** An Aver local or function name as a JS identifier: itself, or with a trailing `_` when JS reserves it. */
export function jsIdentifier(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

/** A qualified Aver name (`Data.Fibonacci.fib`) as one JS identifier (`Data$Fibonacci$fib`). */
export function qualifiedIdentifier(qualified: string): string {
  return jsIdentifier(qualified.replaceAll('.', '$'));
}

/** Hands out unique JS identifiers within one scope, preferring the name asked for. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** A fresh identifier based on `base` (`base`, then `base_2`, `base_3` …). */
  fresh(base: string): string {
    let name = jsIdentifier(base);
    for (let n = 2; this.taken.has(name); n++) name = `${jsIdentifier(base)}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** Marks `name` as used. */
  reserve(name: string): void {
    this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}
