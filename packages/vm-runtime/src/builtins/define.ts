import type { BuiltinEra, BuiltinSignature } from './builtin-def.js';

/** Optional parts of a row: the versions where the name exists. */
export interface RowOptions {
  readonly era?: BuiltinEra;
}

/**
 * A row of a pure namespace (`Int`, `String`, `List`, …): no effects (language reference: "Type system: effects").
 */
export function pure(name: string, signature: string, options: RowOptions = {}): BuiltinSignature {
  return { name, signature, arity: arityOf(signature), effects: [], ...options };
}

/**
 * A row of a service namespace (`Console`, `Disk`, …): its one effect is its own name (language reference:
 * "Type system: effects").
 */
export function service(name: string, signature: string, options: RowOptions = {}): BuiltinSignature {
  return { name, signature, arity: arityOf(signature), effects: [name], ...options };
}

/**
 * A service row that the checker knows but this runtime does not implement (Http, HttpServer, Tcp, Terminal):
 * calling it is a runtime error naming the service (index.ts gives it that implementation).
 */
export function unavailable(name: string, signature: string): BuiltinSignature {
  return { name, signature, arity: arityOf(signature), effects: [name], unavailable: true };
}

/** Counts the top-level parameters of a signature `(A, Map<K, V>, Fn(A) -> B) -> R`. */
export function arityOf(signature: string): number {
  let depth = 0;
  let count = 0;
  let sawType = false;
  for (let i = 1; i < signature.length; i++) {
    const char = signature[i];
    if (char === '(' || char === '<' || char === '[') depth++;
    else if (char === '>' && signature[i - 1] !== '-') depth--;
    else if (char === ')' || char === ']') {
      if (depth === 0) return sawType ? count + 1 : 0;
      depth--;
    } else if (char === ',' && depth === 0) count++;
    else if (char !== ' ') sawType = true;
  }
  throw new Error(`malformed built-in signature: ${signature}`);
}
