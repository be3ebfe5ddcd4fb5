import type { Type } from '../checker/index.js';

/**
 * Ownership rules shared by `resolve`, `last_use` and the compiler (language reference: "What each stage does"
 * `last_use`, language reference: "Lists, vectors, tuples, records, variants"). A Vector or Map value carries a
 * `shared` flag; while it is clear the value has exactly one live reference, so `Vector.set`/`Map.set` may update it
 * in place. Every operation that can create a second reference to such a value sets the flag: reading a local that is
 * read again later (`LOAD_LOCAL_SHARE`; the last read is a move, `MOVE_LOCAL`), storing a global, taking a Vector or
 * Map out of a container that stays alive (pattern extraction, field access, built-ins that return a contained
 * value), and copying fields in a record update. Only values whose static type is a Vector or a Map need the flag: a
 * list or record holding one is itself immutable, and reaching the vector inside it goes through an extraction.
 */
export function isOwnedType(type: Type | undefined): boolean {
  return type !== undefined && (type.kind === 'Vector' || type.kind === 'Map');
}

/**
 * Built-ins whose Vector or Map result is always a fresh value or the (unshared) argument they were given, never
 * a value that stays inside another container. Any other built-in returning a Vector or Map (such as
 * `Option.withDefault`) gets its result marked shared.
 */
export const FRESH_OWNED_RESULTS: ReadonlySet<string> = new Set([
  'Vector.new',
  'Vector.fromList',
  'Map.set',
  'Map.remove',
  'Map.fromList',
  'Map.empty',
]);

/**
 * Built-ins returning an Option or Result whose Vector or Map payload is fresh (so a `match` on the call may move
 * the payload out without marking it): `Vector.set` wraps the updated vector, unshared.
 */
export const FRESH_PAYLOAD_RESULTS: ReadonlySet<string> = new Set(['Vector.set']);

/**
 * Built-ins that only look at their arguments: they keep no reference to them and return none of them (a returned
 * item of a container is marked shared where it is taken out). A Vector or Map local read as one of their
 * arguments is borrowed — a plain read that leaves the value unshared — provided no later argument of the same call
 * reads that local (nothing else can reach an unshared value before the built-in returns).
 */
export const BORROWING_BUILTINS: ReadonlySet<string> = new Set([
  'Vector.len',
  'Vector.get',
  'Vector.toList',
  'List.fromVector',
  'Map.get',
  'Map.has',
  'Map.len',
  'Map.keys',
  'Map.values',
  'Map.entries',
  'Console.print',
  'Console.error',
  'Console.warn',
]);
